// Probe outcomes in words a learner understands: which components the traffic crossed, which
// one stopped it and what to change. Built only when asked, never on the evaluator's hot path.
#ifndef EC2SIM_MODEL_NETWORK_EXPLAIN_H_
#define EC2SIM_MODEL_NETWORK_EXPLAIN_H_

#include <string>

#include "sim/model/network/probe.h"

namespace ec2sim::network {

// "i-0123456789abcdef0 (web)" with the Name tag when there is one.
std::string InstanceLabel(const model::Instance& instance);

// Language-free pieces the explanations in every language share:
// "22" or "1024-65535".
std::string PortsText(PortRange range);
// The hop's instance as InstanceLabel shows it, or its network interface id.
std::string OwnerLabel(const Hop& hop);
// The hop's security groups, "sg-... (web), sg-... (default)".
std::string GroupsText(const Hop& hop);
// Whether the ACL has entries of that direction besides the final * entry.
bool HasUserEntries(const model::NetworkAcl& acl, bool egress);

// Route tables and NAT gateways (explain_route.cc). "0.0.0.0/0 -> igw-...".
std::string RouteEntryText(const model::Route& route);
// The VPC of an internet gateway hop (the instance's, or the NAT gateway's it maps).
const std::string& GatewayVpcId(const Hop& hop);
// What a route-table hop knows, and what the VPC has that could fix it, for every language.
struct RouteFacts {
  std::string table;   // route table id; "" when the VPC has none
  std::string subnet;  // the subnet the packet leaves
  std::string vpc;
  std::string destination;  // the address looked up
  std::string route;        // the matching route ("0.0.0.0/0 -> igw-..."); "" when none
  std::string target;       // its target id
  bool internet = false;    // the destination is an internet address
  std::string gateway;      // the VPC's attached internet gateway, or ""
  std::string nat;          // an available NAT gateway of the VPC, or ""
  std::string peering;      // an active peering whose other VPC holds the destination, or ""
  std::string peer_cidr;    // that VPC's CIDR block
};
RouteFacts RouteFactsOf(const Hop& hop);
// "route table rtb-... of subnet-...: 0.0.0.0/0 -> igw-..." and "NAT gateway nat-... (...)".
std::string RouteHopText(const Hop& hop);
std::string NatHopText(const Hop& hop);
// Why a route-table or NAT gateway hop stopped the traffic, and what to add.
std::string RouteAdvice(const ProbeOutcome& outcome, const Hop& hop);
std::string NatAdvice(const ProbeOutcome& outcome, const Hop& hop);

// One component, e.g. "network ACL acl-0abc... inbound entry 100 (allow)".
std::string HopText(const Hop& hop);

// What stopped the traffic, in a few words ("security groups of i-... (ingress)"), or "" when
// the verdict is allowed.
std::string BlockSummary(const ProbeOutcome& outcome);

// The whole explanation: the verdict, the path and the reply's path, the blocking component
// with the rule or the missing rule and what to change, tracking and the connection's state.
std::string Explain(const ProbeOutcome& outcome);

}  // namespace ec2sim::network

#endif  // EC2SIM_MODEL_NETWORK_EXPLAIN_H_
