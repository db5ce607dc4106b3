#include "sim/api/probe_components.h"

#include <string>

#include "sim/model/instance.h"
#include "sim/model/network/explain.h"
#include "sim/model/vpc/routing.h"

namespace ec2sim::api {

using network::Hop;
using network::HopKind;
using network::HopResult;
using nlohmann::json;

namespace {

std::string IpText(model::Ipv4 ip) { return model::FormatIpv4(ip); }

const char* ComponentType(HopKind k) {
  switch (k) {
    case HopKind::kInternet:
      return "internet";
    case HopKind::kInstance:
      return "instance";
    case HopKind::kSecurityGroup:
      return "security-group";
    case HopKind::kNetworkAcl:
      return "network-acl";
    case HopKind::kInternetGateway:
      return "internet-gateway";
    case HopKind::kRouteTable:
      return "route-table";
    case HopKind::kNatGateway:
      return "nat-gateway";
  }
  return "unknown";
}

void AddPorts(json& j, const Hop& h, int protocol) {
  if (network::HasPorts(protocol)) {
    j["Ports"] = {{"From", h.ports.from}, {"To", h.ports.to}};
  } else if (protocol == network::kProtoIcmp) {
    j["IcmpType"] = h.ports.from;
  }
}

// A route-table component: the table, the subnet it decides for, the address looked up
// (Destination), and the route taken (RouteDestination, Target, State) when one matched.
void RouteTableComponentJson(const Hop& h, json& j) {
  if (h.route_table != nullptr) {
    j["Id"] = h.route_table->id;
    j["VpcId"] = h.route_table->vpc_id;
  }
  if (h.subnet != nullptr) j["SubnetId"] = h.subnet->id;
  j["Destination"] = IpText(h.address);
  if (h.route == nullptr) return;
  const model::Route& r = *h.route;
  j["RouteDestination"] = r.destination4   ? r.destination4->ToString()
                          : r.destination6 ? r.destination6->ToString()
                                           : std::string();
  j["Target"] = r.target_id;
  if (h.scope != nullptr && h.route_table != nullptr) {
    j["State"] = model::RouteStateName(model::StateOfRoute(*h.scope, *h.route_table, r));
  }
}

}  // namespace

const char* ProbeDecision(HopResult r) {
  switch (r) {
    case HopResult::kPassed:
      return "passed";
    case HopResult::kAllowedByRule:
      return "allowed";
    case HopResult::kStatefulReply:
      return "stateful-reply";
    case HopResult::kTrackedConnection:
      return "tracked-connection";
    case HopResult::kBlocked:
      return "blocked";
  }
  return "unknown";
}

json ProbeComponentJson(const Hop& h, int protocol) {
  json j = {{"Type", ComponentType(h.kind)}};
  switch (h.kind) {
    case HopKind::kInternet:
      j["Address"] = IpText(h.address);
      break;
    case HopKind::kInstance:
      j["Id"] = h.instance != nullptr ? h.instance->id : h.eni->instance_id;
      j["NetworkInterfaceId"] = h.eni->id;
      j["PrivateIpAddress"] = IpText(h.eni->private_ip);
      if (h.instance != nullptr) j["State"] = model::StateName(h.instance->state);
      break;
    case HopKind::kSecurityGroup:
      j["Id"] = h.group != nullptr         ? h.group->id
                : h.eni->group_ids.empty() ? std::string()
                                           : h.eni->group_ids.front();
      j["GroupIds"] = h.eni->group_ids;
      j["Direction"] = h.egress ? "egress" : "ingress";
      j["NetworkInterfaceId"] = h.eni->id;
      j["Peer"] = IpText(h.address);
      if (h.rule != nullptr) j["RuleId"] = h.rule->rule_id;
      if (h.result != HopResult::kStatefulReply && h.result != HopResult::kTrackedConnection) {
        AddPorts(j, h, protocol);
      }
      break;
    case HopKind::kNetworkAcl:
      if (h.acl != nullptr) j["Id"] = h.acl->id;
      j["SubnetId"] = h.eni->subnet_id;
      j["Direction"] = h.egress ? "outbound" : "inbound";
      j["Peer"] = IpText(h.address);
      if (h.entry != nullptr) {
        j["RuleNumber"] = h.entry->rule_number;
        j["RuleAction"] = h.entry->allow ? "allow" : "deny";
      }
      AddPorts(j, h, protocol);
      break;
    case HopKind::kInternetGateway:
      j["VpcId"] = network::GatewayVpcId(h);
      j["PrivateIpAddress"] = IpText(h.mapped);
      if (h.address != 0) j["PublicIpAddress"] = IpText(h.address);
      break;
    case HopKind::kRouteTable:
      RouteTableComponentJson(h, j);
      break;
    case HopKind::kNatGateway:
      j["Id"] = h.nat->id;
      j["SubnetId"] = h.nat->subnet_id;
      j["PrivateIpAddress"] = IpText(h.mapped);
      if (h.address != 0) j["PublicIp"] = IpText(h.address);
      j["State"] = h.nat->state;
      break;
  }
  return j;
}

json ProbeBlockedByJson(const network::ProbeOutcome& o) {
  json j;
  if (o.verdict.blocked_hop >= 0) {
    const Hop& h = o.trace.hops[static_cast<std::size_t>(o.verdict.blocked_hop)];
    j = ProbeComponentJson(h, o.traffic.protocol);
    j["Path"] = h.return_path ? "return" : "forward";
    if (h.blocked_port >= 0 && network::HasPorts(o.traffic.protocol)) j["Port"] = h.blocked_port;
  } else if (o.verdict.reason == network::Reason::kConnectionClosed) {
    j = {{"Type", "connection"}, {"Id", o.connection}, {"ClosedBy", o.closed_by}};
  } else {
    const network::ProbeEnd& end = o.blocked_at_source ? o.source : o.destination;
    j["End"] = o.blocked_at_source ? "source" : "destination";
    // An instance that cannot talk, or an address that leads nowhere (whoever holds it).
    network::Reason r = o.verdict.reason;
    bool about_instance = r == network::Reason::kUnknownInstance ||
                          r == network::Reason::kNotRunning ||
                          r == network::Reason::kAddressChanged;
    if (about_instance) {
      j["Type"] = "instance";
      j["Id"] = end.instance != nullptr ? end.instance->id : end.text;
      if (end.instance != nullptr) j["State"] = model::StateName(end.instance->state);
    } else {
      j["Type"] = "address";
      j["Address"] = end.address != 0 ? IpText(end.address) : end.text;
      if (end.instance != nullptr) j["InstanceId"] = end.instance->id;
    }
  }
  j["Reason"] = network::ReasonCode(o.verdict.reason);
  return j;
}

}  // namespace ec2sim::api
