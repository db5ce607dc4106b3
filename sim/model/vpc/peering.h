// VPC peering connections within one account, in one Region or across two ("VPC peering
// connection lifecycle", Amazon VPC Peering Guide:
// https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html). A connection across
// Regions is one record in each side's scope with the same id; these functions change both.
#ifndef EC2SIM_MODEL_VPC_PEERING_H_
#define EC2SIM_MODEL_VPC_PEERING_H_

#include <string>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// A request not accepted within a week expires (Peering Guide, lifecycle: "pending-acceptance
// ... for 7 days").
inline constexpr Duration kPeeringRequestLifetime = 7 * kDay;

// The request's members; peer_region and peer_owner empty for "the same as the requester".
struct PeeringRequest {
  std::string vpc_id;
  std::string peer_vpc_id;
  std::string peer_region;
  std::string peer_owner;
  TagList tags;
};

// Creates the connection in `scope` (the requester's) and, across Regions, its copy in the
// accepter's scope; "failed" at once when the VPCs' IPv4 blocks overlap, as AWS answers.
// Schedules the expiry of a pending request. Errors: kInvalidVpcIdNotFound (either VPC),
// kInvalidParameterValue (unknown Region), kSimUnsupported (another account).
Result<VpcPeeringConnection*> CreateVpcPeering(World& world, Scope& scope,
                                               const PeeringRequest& request);
// From the accepter's Region. Errors: the kind's NotFound, kOperationNotPermitted (requester
// side), kInvalidStateTransition (not pending-acceptance).
Result<VpcPeeringConnection*> AcceptVpcPeering(World& world, Scope& scope, std::string_view id);
// Same rules as Accept.
Status RejectVpcPeering(World& world, Scope& scope, std::string_view id);
// Either side, while pending or active. Errors: NotFound, kInvalidStateTransition.
Status DeleteVpcPeering(World& world, Scope& scope, std::string_view id);

// For DeleteVpc: whether the VPC is a side of a pending or active connection.
bool VpcHasLivePeering(const Scope& scope, std::string_view vpc_id);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_PEERING_H_
