// Internet gateways and egress-only internet gateways: create, attach, detach, delete. Errors are
// AWS's ("Connect to the internet using an internet gateway", Amazon VPC User Guide:
// https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html).
#ifndef EC2SIM_MODEL_VPC_INTERNET_GATEWAYS_H_
#define EC2SIM_MODEL_VPC_INTERNET_GATEWAYS_H_

#include <string>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// AWS's default quota "Internet gateways per Region" (the default VPC's gateway counts):
// https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html
inline constexpr std::size_t kInternetGatewaysPerRegion = 5;

// Errors: kInternetGatewayLimitExceeded.
Result<InternetGateway*> CreateInternetGateway(World& world, Scope& scope, TagList tags);
// Errors: kInvalidInternetGatewayIdNotFound (through the kind), kInvalidVpcIdNotFound,
// kResourceAlreadyAssociated (the gateway is attached, or the VPC has one).
Status AttachInternetGateway(Scope& scope, std::string_view igw_id, std::string_view vpc_id);
// Errors: kGatewayNotAttached (not attached to that VPC), kDependencyViolation while the VPC has
// mapped public addresses.
Status DetachInternetGateway(Scope& scope, std::string_view igw_id, std::string_view vpc_id);
// Errors: kDependencyViolation while attached.
Status DeleteInternetGateway(Scope& scope, std::string_view igw_id);

// Errors: kInvalidVpcIdNotFound.
Result<EgressOnlyInternetGateway*> CreateEgressOnlyGateway(World& world, Scope& scope,
                                                           std::string_view vpc_id, TagList tags);
Status DeleteEgressOnlyGateway(Scope& scope, std::string_view eigw_id);

// For DeleteVpc's dependency check: whether a gateway of either kind is attached to the VPC.
bool VpcHasInternetGateway(const Scope& scope, std::string_view vpc_id);
bool VpcHasEgressOnlyGateway(const Scope& scope, std::string_view vpc_id);
// Whether anything in the VPC holds a public IPv4 address the gateway maps: an interface with a
// public address (auto-assigned or Elastic) or a public NAT gateway that is not deleted.
bool VpcHasMappedPublicAddress(const Scope& scope, std::string_view vpc_id);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_INTERNET_GATEWAYS_H_
