// The path walk: does traffic from one end get to the other, and does the reply get back?
//
// The walk follows the components AWS's path would cross (ec2-semantics.md §8, "teaching
// analogue"): the source's security groups (egress), the source subnet's network ACL
// (outbound), the source subnet's route table (route_step.h), the internet gateway mapping
// private and public addresses (or a NAT gateway, whose subnet routes to the internet gateway
// and whose address the far end then sees), the destination subnet's ACL (inbound), the
// destination's groups (ingress); then the reply through both ACLs in the other direction (ACLs
// are stateless), the destination subnet's route back, while the groups let it pass (they are
// stateful). Traffic between two interfaces of one subnet crosses no ACL; traffic between
// instances of one VPC, or of two peered VPCs, addressed by private IP crosses no gateway; every
// other instance-to-instance flow goes through the internet with public addresses, which is
// also what the far end's rules see.
#ifndef EC2SIM_MODEL_NETWORK_EVALUATOR_H_
#define EC2SIM_MODEL_NETWORK_EVALUATOR_H_

#include "sim/model/network/flow.h"
#include "sim/model/network/view.h"

namespace ec2sim::network {

// One end of a flow, already resolved.
struct Endpoint {
  const CompiledInterface* iface = nullptr;  // nullptr: a host on the internet
  // An internet host's address. For an instance, the address the flow uses for it: its private
  // address, or its public one when `via_public`.
  model::Ipv4 address = 0;
  bool via_public = false;

  bool is_instance() const { return iface != nullptr; }
};

// How one end's security groups are consulted.
enum class SgCheck : std::uint8_t {
  kNewFlow,    // the forward packet is checked; the reply passes because groups are stateful
  kTracked,    // an established tracked connection: the rules are not consulted (§6.4)
  kUntracked,  // an established untracked connection: every packet, both ways, is checked
};

struct EvalOptions {
  SgCheck source = SgCheck::kNewFlow;
  SgCheck destination = SgCheck::kNewFlow;
};

// Decides a flow. Preconditions: at least one end is an instance; a source instance addressed
// through a private path and the destination share a VPC or are in peered VPCs. Never allocates;
// when `trace` is not null the components crossed are recorded in it (appended, in path order). On
// an allowed flow the verdict also says whether each instance end tracks it.
Verdict Evaluate(const Endpoint& source, const Endpoint& destination, const Traffic& traffic,
                 const EvalOptions& options = {}, Trace* trace = nullptr);

}  // namespace ec2sim::network

#endif  // EC2SIM_MODEL_NETWORK_EVALUATOR_H_
