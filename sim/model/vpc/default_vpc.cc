#include "sim/model/vpc/default_vpc.h"

#include <optional>

namespace ec2sim::model {
namespace {

// The parts of a default VPC the simulator added after its first version: the internet gateway,
// the main route table (local route, 0.0.0.0/0 to the gateway) and the DHCP options set. Their ids
// come from World::DerivedId so that every id drawn from the main sequence stays what it was. What
// AWS creates: "Default VPCs" in the Amazon VPC User Guide
// (https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html).
void AddDefaultVpcGateways(World& world, Scope& scope, Vpc& vpc) {
  // The association id follows the VPC's own hex digits, as the simulator always answered.
  vpc.cidr_association_id = "vpc-cidr-assoc-" + vpc.id.substr(vpc.id.find('-') + 1);

  InternetGateway igw;
  igw.id = world.DerivedId("igw", vpc.id);
  igw.vpc_id = vpc.id;

  RouteTable main;
  main.id = world.DerivedId("rtb", vpc.id);
  main.vpc_id = vpc.id;
  main.routes.push_back({vpc.cidr, std::nullopt, RouteTarget::kLocal, "local", "CreateRouteTable"});
  main.routes.push_back({ParseCidr4("0.0.0.0/0"), std::nullopt, RouteTarget::kInternetGateway,
                         igw.id, "CreateRoute"});
  main.associations.push_back({world.DerivedId("rtbassoc", vpc.id), "", true});
  vpc.main_route_table_id = main.id;

  // AWS's default set: the region's internal domain and the Amazon DNS server
  // (https://docs.aws.amazon.com/vpc/latest/userguide/DHCPOptionSet.html).
  DhcpOptions dopt;
  dopt.id = vpc.dhcp_options_id;
  std::string region = scope.region->code;
  dopt.options.push_back(
      {"domain-name", {region == "us-east-1" ? "ec2.internal" : region + ".compute.internal"}});
  dopt.options.push_back({"domain-name-servers", {"AmazonProvidedDNS"}});

  scope.internet_gateways.Insert(igw.id, std::move(igw));
  scope.route_tables.Insert(main.id, std::move(main));
  scope.dhcp_options.Insert(dopt.id, std::move(dopt));
}

}  // namespace

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
  SgRule in{world.NewId("sgr"),   false, "-1",          -1, -1,
            SgRule::Peer::kGroup, sg.id, scope.account, "", {}};
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
  AddDefaultVpcGateways(world, scope, vpc);
  scope.default_vpc_id = vpc.id;
  scope.groups.Insert(sg.id, std::move(sg));
  scope.acls.Insert(acl.id, std::move(acl));
  scope.vpcs.Insert(vpc.id, std::move(vpc));
}

}  // namespace ec2sim::model
