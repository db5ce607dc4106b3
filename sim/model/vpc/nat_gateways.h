// NAT gateways: create, settle (pending -> available or failed), delete (deleting -> deleted).
// AWS's rules: Amazon VPC User Guide, "NAT gateways",
// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html, and the EC2 API
// Reference for CreateNatGateway / DeleteNatGateway.
#ifndef EC2SIM_MODEL_VPC_NAT_GATEWAYS_H_
#define EC2SIM_MODEL_VPC_NAT_GATEWAYS_H_

#include <optional>
#include <string>

#include "ec2sim/result.h"
#include "sim/model/scope.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// "NAT gateways per Availability Zone": 5 by default (Amazon VPC quotas,
// https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html). Gateways that are
// pending, available or deleting count.
inline constexpr int kNatGatewaysPerAz = 5;

struct NatGatewaySpec {
  std::string subnet_id;
  std::string allocation_id;
  std::string connectivity_type = "public";  // "public" or "private"
  std::optional<std::string> private_ip;
  std::string client_token;
  TagList tags;
};

// Creates a pending gateway with its own requester-managed interface in the subnet (holding the
// Elastic IP for a public one) and schedules it to settle after TransitionTimes::nat_create. A
// ClientToken already used answers the gateway made with it.
Result<NatGateway*> CreateNatGateway(World& world, Scope& scope, const NatGatewaySpec& spec);

// Starts deleting the gateway; after TransitionTimes::nat_delete it is deleted, its interface is
// gone and its Elastic IP (still allocated) is free again. Deleting again is not an error.
Result<NatGateway*> DeleteNatGateway(World& world, Scope& scope, const std::string& id);

// The gateway that owns the interface, or nullptr.
const NatGateway* NatGatewayOfInterface(const Scope& scope, const std::string& interface_id);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_NAT_GATEWAYS_H_
