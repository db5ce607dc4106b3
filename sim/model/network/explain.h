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
