// Operations on subnets: create one inside a VPC's blocks, delete it when no interface is left,
// and its attributes.
#ifndef EC2SIM_MODEL_VPC_SUBNETS_H_
#define EC2SIM_MODEL_VPC_SUBNETS_H_

#include <optional>
#include <string>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// Default quota "Subnets per VPC": 200 (Amazon VPC quotas,
// https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html).
inline constexpr int kSubnetsPerVpc = 200;

struct SubnetSpec {
  std::string vpc_id;
  std::string cidr;
  std::optional<std::string> ipv6_cidr;
  std::optional<std::string> az;     // AvailabilityZone
  std::optional<std::string> az_id;  // AvailabilityZoneId
  TagList tags;
};

// Errors: kInvalidSubnetIdNotFound (also for an id that is not "subnet-" + hex).
Result<Subnet*> FindSubnet(Scope& scope, std::string_view id);

// Creates a subnet associated with its VPC's default network ACL (and, implicitly, its main
// route table). Errors: kMissingParameter, kInvalidVpcIdNotFound, kInvalidParameterValue (CIDR
// text, AZ), kInvalidParameterCombination (AZ and AZ id disagree), kInvalidSubnetRange (size,
// outside the VPC's blocks), kInvalidSubnetConflict (overlap), kSubnetLimitExceeded.
Result<Subnet*> CreateSubnet(World& world, Scope& scope, const SubnetSpec& spec);

// Deletes a subnet with its network ACL and route table associations.
// Errors: kDependencyViolation while interfaces (or a NAT gateway) remain in it.
Status DeleteSubnet(Scope& scope, const std::string& subnet_id);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_SUBNETS_H_
