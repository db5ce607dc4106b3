// Operations on VPCs: create one with its main route table, default network ACL and default
// security group; delete it when nothing else is left in it; its secondary CIDR blocks; the
// default VPC made again on request.
#ifndef EC2SIM_MODEL_VPC_VPCS_H_
#define EC2SIM_MODEL_VPC_VPCS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/regions.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// "VPC CIDR blocks": an IPv4 block is a /16 to a /28
// (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html).
inline constexpr int kLargestVpcPrefix = 16;
inline constexpr int kSmallestVpcPrefix = 28;
// Default quotas "VPCs per Region" (5) and "IPv4 CIDR blocks per VPC" (5)
// (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html).
inline constexpr int kVpcsPerRegion = 5;
inline constexpr int kIpv4BlocksPerVpc = 5;

struct VpcSpec {
  std::string cidr;  // CidrBlock
  bool amazon_ipv6 = false;
  std::string instance_tenancy = "default";
  TagList tags;
};

// Errors: kInvalidVpcIdNotFound (also for an id that is not "vpc-" + hex).
Result<Vpc*> FindVpc(Scope& scope, std::string_view id);

// The options of the region's default DHCP options set: its internal domain and Amazon's DNS.
std::vector<std::pair<std::string, std::vector<std::string>>> RegionDefaultDhcpOptions(
    const RegionInfo& region);

// The Amazon-provided IPv6 /56 for an association id (deterministic: same id, same block).
std::string AmazonIpv6Block(std::string_view association_id);

// Creates a VPC, available at once, with its main route table, default network ACL, default
// security group and the region's default DHCP options set (reused when the scope has one).
// Errors: kMissingParameter, kInvalidParameterValue (CIDR text, tenancy), kInvalidVpcRange
// (size), kVpcLimitExceeded.
Result<Vpc*> CreateVpc(World& world, Scope& scope, const VpcSpec& spec);

// CreateDefaultVpc. Errors: kDefaultVpcAlreadyExists, kVpcLimitExceeded.
Result<Vpc*> CreateDefaultVpcOnce(World& world, Scope& scope);

// Deletes a VPC with its main route table, default ACL and default group. Errors:
// kInvalidVpcIdNotFound, kDependencyViolation while anything else is left in it.
Status DeleteVpc(Scope& scope, const std::string& vpc_id);

// Associates a secondary IPv4 block (`cidr`) or an Amazon-provided IPv6 /56. Errors:
// kInvalidParameterCombination (neither or both), kInvalidParameterValue, kInvalidVpcRange
// (size, overlap, another private range, too many blocks).
Result<VpcCidrAssociation> AssociateVpcCidr(World& world, Scope& scope, Vpc& vpc,
                                            const std::optional<std::string>& cidr,
                                            bool amazon_ipv6);

// Removes a secondary block; answers the VPC id and the association, state "disassociated".
// Errors: kInvalidParameterValue (the primary block), kDependencyViolation (subnets in it),
// kInvalidVpcCidrBlockAssociationIdNotFound.
Result<std::pair<std::string, VpcCidrAssociation>> DisassociateVpcCidr(Scope& scope,
                                                                       std::string_view id);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_VPCS_H_
