#include "sim/model/vpc/default_vpc.h"

#include <optional>

namespace ec2sim::model {

void CreateDefaultVpc(World& world, Scope& scope) {
  Vpc vpc;
  vpc.id = world.NewId("vpc");
  vpc.cidr = *ParseCidr4("172.31.0.0/16");
  vpc.is_default = true;
  vpc.dhcp_options_id = world.NewId("dopt");

  SecurityGroup sg;
  sg.id = world.NewId("sg");
  sg.name = "default";
  sg.description = "default VPC security group";
  sg.vpc_id = vpc.id;
  // Default group: all traffic from members of itself, all traffic out (ec2-semantics.md §6.1).
  SgRule in{world.NewId("sgr"), false, "-1", -1, -1, SgRule::Peer::kGroup, sg.id, scope.account, "", {}};
  SgRule out{world.NewId("sgr"), true, "-1", -1, -1, SgRule::Peer::kCidr4, "0.0.0.0/0", "", "", {}};
  sg.rules = {in, out};
  vpc.default_group_id = sg.id;

  NetworkAcl acl;
  acl.id = world.NewId("acl");
  acl.vpc_id = vpc.id;
  acl.is_default = true;
  for (bool egress : {false, true}) {
    // Rule 100 allows everything; the fixed "*" rule (32767) denies what nothing else matched.
    acl.entries.push_back({100, egress, "-1", true, ParseCidr4("0.0.0.0/0"), std::nullopt});
    acl.entries.push_back({32767, egress, "-1", false, ParseCidr4("0.0.0.0/0"), std::nullopt});
  }
  vpc.default_acl_id = acl.id;

  for (int i = 0; i < scope.region->az_count; ++i) {
    Subnet subnet;
    subnet.id = world.NewId("subnet");
    subnet.vpc_id = vpc.id;
    subnet.az = AzName(*scope.region, i);
    subnet.az_id = AzId(*scope.region, i);
    subnet.cidr = Cidr4{vpc.cidr.base + static_cast<Ipv4>(i) * (1u << 12), 20};
    subnet.default_for_az = true;
    subnet.map_public_ip_on_launch = true;
    acl.associations.emplace(subnet.id, world.NewId("aclassoc"));
    scope.subnets.Insert(subnet.id, std::move(subnet));
  }
  scope.default_vpc_id = vpc.id;
  scope.groups.Insert(sg.id, std::move(sg));
  scope.acls.Insert(acl.id, std::move(acl));
  scope.vpcs.Insert(vpc.id, std::move(vpc));
}

}  // namespace ec2sim::model
