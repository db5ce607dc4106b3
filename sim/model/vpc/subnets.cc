#include "sim/model/vpc/subnets.h"

#include <algorithm>

#include "sim/model/network/nacl.h"
#include "sim/model/resource_kinds.h"
#include "sim/model/vpc/vpcs.h"

namespace ec2sim::model {
namespace {

Error SubnetRange(std::string_view cidr) {
  return MakeError(ErrorCode::kInvalidSubnetRange,
                   "The CIDR '" + std::string(cidr) + "' is invalid.");
}

// Subnet sizes follow the VPC's: /16 to /28 ("Subnet CIDR blocks",
// https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
Result<Cidr4> CheckIpv4Block(const Scope& scope, const Vpc& vpc, const std::string& text) {
  auto cidr = ParseCidr4(text, /*canonicalize=*/false);
  if (!cidr) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + text +
                         ") for parameter cidrBlock is invalid. This is not a "
                         "valid CIDR block.");
  }
  if (cidr->prefix < kLargestVpcPrefix || cidr->prefix > kSmallestVpcPrefix) {
    return SubnetRange(text);
  }
  bool inside = vpc.cidr.Contains(*cidr);
  for (const VpcCidrAssociation& a : vpc.secondary_cidrs) {
    inside = inside || (a.state == "associated" && a.cidr4.Contains(*cidr));
  }
  if (!inside) return SubnetRange(text);
  for (const Subnet& s : scope.subnets.values()) {
    if (s.vpc_id == vpc.id && s.cidr.Overlaps(*cidr)) {
      return MakeError(ErrorCode::kInvalidSubnetConflict,
                       "The CIDR '" + text + "' conflicts with another subnet");
    }
  }
  return *cidr;
}

// An IPv6 subnet block is a /64 of the VPC's /56.
Result<std::string> CheckIpv6Block(const Scope& scope, const Vpc& vpc, const std::string& text) {
  auto cidr = ParseCidr6(text, /*canonicalize=*/false);
  if (!cidr) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + text +
                         ") for parameter ipv6CidrBlock is invalid. This is not "
                         "a valid IPv6 CIDR block.");
  }
  bool inside = false;
  for (const VpcCidrAssociation& a : vpc.ipv6_cidrs) {
    auto block = ParseCidr6(a.cidr6);
    inside = inside || (block && cidr->prefix >= block->prefix && block->Contains(cidr->base));
  }
  if (cidr->prefix != 64 || !inside) return SubnetRange(text);
  std::string canonical = cidr->ToString();
  for (const Subnet& s : scope.subnets.values()) {
    if (s.vpc_id == vpc.id && s.ipv6_cidr == canonical) {
      return MakeError(ErrorCode::kInvalidSubnetConflict,
                       "The CIDR '" + text + "' conflicts with another subnet");
    }
  }
  return canonical;
}

Error BadZone(const RegionInfo& region, const std::string& what, const std::string& value) {
  std::string zones;
  for (int i = 0; i < region.az_count; ++i) zones += (i ? ", " : "") + AzName(region, i);
  return MakeError(ErrorCode::kInvalidParameterValue,
                   "Value (" + value + ") for parameter " + what +
                       " is invalid. Subnets can currently only be created in the following "
                       "availability zones: " +
                       zones + ".");
}

// The AZ index named by the request. Without one, EC2 chooses; the simulator takes the AZs in
// turn by how many subnets the VPC has, which draws nothing from the seeded source.
Result<int> ChooseZone(const Scope& scope, const SubnetSpec& spec) {
  const RegionInfo& region = *scope.region;
  std::optional<int> by_name, by_id;
  for (int i = 0; i < region.az_count; ++i) {
    if (spec.az && *spec.az == AzName(region, i)) by_name = i;
    if (spec.az_id && *spec.az_id == AzId(region, i)) by_id = i;
  }
  if (spec.az && !by_name) return BadZone(region, "availabilityZone", *spec.az);
  if (spec.az_id && !by_id) return BadZone(region, "availabilityZoneId", *spec.az_id);
  if (by_name && by_id && *by_name != *by_id) {
    return MakeError(ErrorCode::kInvalidParameterCombination,
                     "The availability zone " + *spec.az + " and availability zone id " +
                         *spec.az_id + " do not name the same zone.");
  }
  if (by_name) return *by_name;
  if (by_id) return *by_id;
  int in_vpc = 0;
  for (const Subnet& s : scope.subnets.values()) in_vpc += s.vpc_id == spec.vpc_id ? 1 : 0;
  return in_vpc % region.az_count;
}

}  // namespace

Result<Subnet*> FindSubnet(Scope& scope, std::string_view id) {
  const ResourceKind& kind = KindInfo(Kind::kSubnet);
  Subnet* subnet = IsWellFormedId(kind, id) ? scope.subnets.Find(id) : nullptr;
  if (subnet == nullptr) return NotFoundError(kind, id);
  return subnet;
}

Result<Subnet*> CreateSubnet(World& world, Scope& scope, const SubnetSpec& spec) {
  if (spec.vpc_id.empty()) {
    return MakeError(ErrorCode::kMissingParameter, "The request must contain the parameter vpcId");
  }
  if (spec.cidr.empty()) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter cidrBlock");
  }
  EC2SIM_ASSIGN_OR_RETURN(Vpc * vpc, FindVpc(scope, spec.vpc_id));
  EC2SIM_ASSIGN_OR_RETURN(Cidr4 cidr, CheckIpv4Block(scope, *vpc, spec.cidr));
  std::string ipv6;
  if (spec.ipv6_cidr) {
    EC2SIM_ASSIGN_OR_RETURN(ipv6, CheckIpv6Block(scope, *vpc, *spec.ipv6_cidr));
  }
  EC2SIM_ASSIGN_OR_RETURN(int zone, ChooseZone(scope, spec));
  int in_vpc = 0;
  for (const Subnet& s : scope.subnets.values()) in_vpc += s.vpc_id == vpc->id ? 1 : 0;
  if (in_vpc >= kSubnetsPerVpc) {
    return MakeError(ErrorCode::kSubnetLimitExceeded,
                     "The maximum number of subnets has been reached.");
  }
  Subnet subnet;
  subnet.id = world.NewId("subnet");
  subnet.vpc_id = vpc->id;
  subnet.az = AzName(*scope.region, zone);
  subnet.az_id = AzId(*scope.region, zone);
  subnet.cidr = cidr;
  subnet.tags = spec.tags;
  if (!ipv6.empty()) {
    subnet.ipv6_cidr = ipv6;
    subnet.ipv6_association_id = world.NewId("subnet-cidr-assoc");
  }
  // A new subnet is associated with the VPC's default network ACL.
  if (NetworkAcl* acl = scope.acls.Find(vpc->default_acl_id)) {
    acl->associations.emplace(subnet.id, world.NewId("aclassoc"));
  }
  std::string id = subnet.id;
  return &scope.subnets.Insert(id, std::move(subnet));
}

Status DeleteSubnet(Scope& scope, const std::string& subnet_id) {
  EC2SIM_ASSIGN_OR_RETURN(Subnet * subnet, FindSubnet(scope, subnet_id));
  bool used = false;
  for (const NetworkInterface& e : scope.interfaces.values())
    used = used || e.subnet_id == subnet_id;
  for (const NatGateway& n : scope.nat_gateways.values()) {
    used = used || (n.subnet_id == subnet_id && n.state != "deleted");
  }
  if (used) {
    return MakeError(ErrorCode::kDependencyViolation,
                     "The subnet '" + subnet_id + "' has dependencies and cannot be deleted.");
  }
  for (NetworkAcl& acl : scope.acls.values()) acl.associations.erase(subnet_id);
  for (RouteTable& table : scope.route_tables.values()) {
    std::erase_if(table.associations,
                  [&](const RouteTableAssociation& a) { return a.subnet_id == subnet_id; });
  }
  (void)subnet;
  scope.subnets.Erase(subnet_id);
  return OkStatus();
}

}  // namespace ec2sim::model
