// The probe follows routes: a subnet reaches the internet only through a route to an attached
// internet gateway (or a NAT gateway in a public subnet), another VPC only through an active
// peering route with a route back, and never transitively.
#include <string>

#include "tests/network/route_test_support.h"

namespace ec2sim::testing {
namespace {

using model::RouteTarget;

const char* kServer = "198.51.100.1";

bool Has(const json& r, const std::string& words) {
  return r.value("Explanation", "").find(words) != std::string::npos;
}

// A VPC 10.0.0.0/16 with a public subnet (route 0.0.0.0/0 -> its internet gateway) and a
// private subnet (its own table, local route only, until a test adds one).
class ProbeRoutes : public RouteWorldTest {
 protected:
  ProbeRoutes() {
    vpc_ = AddVpc("10.0.0.0/16");
    public_subnet_ = AddSubnet(vpc_, "10.0.1.0/24");
    private_subnet_ = AddSubnet(vpc_, "10.0.2.0/24");
    igw_ = AddInternetGateway(vpc_);
    public_rtb_ = AddRouteTable(public_subnet_);
    AddRoute(public_rtb_, "0.0.0.0/0", RouteTarget::kInternetGateway, igw_);
    private_rtb_ = AddRouteTable(private_subnet_);
  }
  std::string vpc_, public_subnet_, private_subnet_, igw_, public_rtb_, private_rtb_;
};

TEST_F(ProbeRoutes, PublicSubnetReachesTheInternetThroughItsGatewayRoute) {
  std::string web = PlaceInstance(public_subnet_, true);
  json out = Probe(web, kServer);
  EXPECT_EQ(out["Verdict"], "allowed") << out.dump(2);
  EXPECT_EQ(Types(out["Components"]),
            (std::vector<std::string>{"instance", "security-group", "network-acl", "route-table",
                                      "internet-gateway", "internet"}));
  const json& rt = out["Components"][3];
  EXPECT_EQ(rt["Id"], public_rtb_);
  EXPECT_EQ(rt["SubnetId"], public_subnet_);
  EXPECT_EQ(rt["RouteDestination"], "0.0.0.0/0");
  EXPECT_EQ(rt["Target"], igw_);
  EXPECT_EQ(rt["State"], "active");

  json in = Probe(kClient, web, 22);
  EXPECT_EQ(in["Verdict"], "allowed") << in.dump(2);
  // The reply leaves the instance's subnet by the same route.
  EXPECT_EQ(Types(in["ReturnComponents"]),
            (std::vector<std::string>{"security-group", "network-acl", "route-table",
                                      "internet-gateway"}));
}

TEST_F(ProbeRoutes, SubnetWithoutAGatewayRouteHasNoRouteAndIsToldWhichRouteToAdd) {
  std::string app = PlaceInstance(private_subnet_, true);
  json out = Probe(app, kServer);
  EXPECT_EQ(out["Verdict"], "blocked");
  EXPECT_EQ(out["BlockedBy"]["Type"], "route-table");
  EXPECT_EQ(out["BlockedBy"]["Reason"], "no-route");
  EXPECT_EQ(out["BlockedBy"]["Id"], private_rtb_);
  EXPECT_FALSE(out["BlockedBy"].contains("RouteDestination"));
  EXPECT_TRUE(Has(out, "Subnet " + private_subnet_ + " uses route table " + private_rtb_ +
                           ", which has no route for 0.0.0.0/0"))
      << out["Explanation"];
  EXPECT_TRUE(Has(out, "Add a route 0.0.0.0/0 -> " + igw_)) << out["Explanation"];
  EXPECT_TRUE(Has(out, "NAT gateway")) << out["Explanation"];

  // From the internet: the public address exists, but the reply has no way out.
  json in = Probe(kClient, app, 22);
  EXPECT_EQ(in["BlockedBy"]["Type"], "route-table");
  EXPECT_EQ(in["BlockedBy"]["Reason"], "no-route");
  EXPECT_EQ(in["BlockedBy"]["Path"], "return");
  EXPECT_TRUE(Has(in,
                  "a subnet is public when its route table sends traffic to an internet "
                  "gateway"))
      << in["Explanation"];

  json ko = Probe(app, kServer, 443, "ko");
  EXPECT_TRUE(Has(ko, "라우팅 테이블 " + private_rtb_)) << ko["Explanation"];
  EXPECT_TRUE(Has(ko, "0.0.0.0/0에 대한 라우팅이 없습니다")) << ko["Explanation"];
  EXPECT_TRUE(Has(ko, "다음 라우팅을 추가하세요: 0.0.0.0/0 -> " + igw_)) << ko["Explanation"];
}

TEST_F(ProbeRoutes, DetachedGatewayIsNoInternetGateway) {
  std::string web = PlaceInstance(public_subnet_, true);
  scope().internet_gateways.Find(igw_)->vpc_id.clear();
  json out = Probe(web, kServer);
  EXPECT_EQ(out["BlockedBy"]["Type"], "route-table");
  EXPECT_EQ(out["BlockedBy"]["Reason"], "no-internet-gateway");
  EXPECT_EQ(out["BlockedBy"]["Target"], igw_);
  EXPECT_EQ(out["BlockedBy"]["State"], "blackhole");
  EXPECT_TRUE(Has(out, "which is not attached to " + vpc_)) << out["Explanation"];
  EXPECT_TRUE(Has(out, "AttachInternetGateway")) << out["Explanation"];
  json ko = Probe(web, kServer, 443, "ko");
  EXPECT_TRUE(Has(ko, "연결되어 있지 않습니다")) << ko["Explanation"];
  // Nothing on the internet reaches a VPC without an attached gateway, public address or not.
  json in = Probe(kClient, web, 22);
  EXPECT_EQ(in["BlockedBy"]["Type"], "internet-gateway");
  EXPECT_EQ(in["BlockedBy"]["Reason"], "no-internet-gateway");
  EXPECT_TRUE(Has(in, vpc_ + " has no internet gateway attached")) << in["Explanation"];
  json in_ko = Probe(kClient, web, 22, "ko");
  EXPECT_TRUE(Has(in_ko, vpc_ + "에 연결된 인터넷 게이트웨이가 없어서")) << in_ko["Explanation"];
}

TEST_F(ProbeRoutes, RouteToADeletedNatGatewayIsABlackhole) {
  std::string nat = AddNatGateway(public_subnet_);
  AddRoute(private_rtb_, "0.0.0.0/0", RouteTarget::kNatGateway, nat);
  std::string app = PlaceInstance(private_subnet_, false);
  scope().nat_gateways.Find(nat)->state = "deleted";
  json out = Probe(app, kServer);
  EXPECT_EQ(out["BlockedBy"]["Type"], "route-table");
  EXPECT_EQ(out["BlockedBy"]["Reason"], "blackhole-route");
  EXPECT_EQ(out["BlockedBy"]["Target"], nat);
  EXPECT_TRUE(Has(out, "0.0.0.0/0 -> " + nat + " is a blackhole")) << out["Explanation"];
  json ko = Probe(app, kServer, 443, "ko");
  EXPECT_TRUE(Has(ko, "블랙홀 라우팅")) << ko["Explanation"];
}

TEST_F(ProbeRoutes, PrivateInstanceReachesTheInternetThroughNatButNotTheOtherWay) {
  std::string nat = AddNatGateway(public_subnet_);
  AddRoute(private_rtb_, "0.0.0.0/0", RouteTarget::kNatGateway, nat);
  std::string app = PlaceInstance(private_subnet_, false);
  json out = Probe(app, kServer);
  EXPECT_EQ(out["Verdict"], "allowed") << out.dump(2);
  EXPECT_EQ(
      Types(out["Components"]),
      (std::vector<std::string>{"instance", "security-group", "network-acl", "route-table",
                                "nat-gateway", "route-table", "internet-gateway", "internet"}));
  const json& gw = out["Components"][4];
  EXPECT_EQ(gw["Id"], nat);
  std::string nat_ip = model::FormatIpv4(scope().nat_gateways.Find(nat)->public_ip);
  EXPECT_EQ(gw["PublicIp"], nat_ip);
  EXPECT_EQ(out["Components"][5]["Id"], public_rtb_);  // the NAT gateway's subnet's table
  EXPECT_EQ(out["Components"][6]["PublicIpAddress"], nat_ip);
  EXPECT_EQ(out["Flow"]["SourceAddress"], nat_ip);  // what the server sees and answers
  EXPECT_EQ(Types(out["ReturnComponents"]).back(), "security-group");

  // Nothing on the internet can start a connection: its private address is not reachable,
  // and the NAT gateway's address accepts none.
  json in = Probe(kClient, PrivateIp(app), 22);
  EXPECT_EQ(in["BlockedBy"]["Reason"], "private-address-from-internet");
}

TEST_F(ProbeRoutes, PublicAddressBehindANatDefaultRouteIsNotReachableFromTheInternet) {
  std::string nat = AddNatGateway(public_subnet_);
  AddRoute(private_rtb_, "0.0.0.0/0", RouteTarget::kNatGateway, nat);
  std::string app = PlaceInstance(private_subnet_, true);
  json in = Probe(kClient, app, 22);
  EXPECT_EQ(in["Verdict"], "blocked");
  EXPECT_EQ(in["BlockedBy"]["Type"], "route-table");
  EXPECT_EQ(in["BlockedBy"]["Path"], "return");
  EXPECT_EQ(in["BlockedBy"]["Target"], nat);
  EXPECT_TRUE(Has(in, "nothing on the internet can start a connection to this subnet"))
      << in["Explanation"];
  json ko = Probe(kClient, app, 22, "ko");
  EXPECT_TRUE(Has(ko, "프라이빗 서브넷")) << ko["Explanation"];
  // Outbound it still leaves through the NAT gateway.
  EXPECT_EQ(Probe(app, kServer)["Verdict"], "allowed");
}

TEST_F(ProbeRoutes, NatGatewayInAPrivateSubnetCannotReachTheInternet) {
  std::string nat = AddNatGateway(private_subnet_);
  std::string other = AddSubnet(vpc_, "10.0.3.0/24");
  AddRoute(AddRouteTable(other), "0.0.0.0/0", RouteTarget::kNatGateway, nat);
  std::string app = PlaceInstance(other, false);
  json out = Probe(app, kServer);
  EXPECT_EQ(out["BlockedBy"]["Type"], "route-table");
  EXPECT_EQ(out["BlockedBy"]["Id"], private_rtb_);
  EXPECT_EQ(out["BlockedBy"]["Reason"], "no-route");
  EXPECT_TRUE(Has(out, "The NAT gateway's subnet " + private_subnet_)) << out["Explanation"];
}

TEST_F(ProbeRoutes, NatGatewayAcceptsNoConnectionFromOutside) {
  std::string nat = AddNatGateway(public_subnet_);
  AddNatInterface(nat);
  std::string ip = model::FormatIpv4(scope().nat_gateways.Find(nat)->public_ip);
  json in = Probe(kClient, ip, 22);
  EXPECT_EQ(in["Verdict"], "blocked");
  EXPECT_EQ(in["BlockedBy"]["Reason"], "nat-gateway-inbound");
  EXPECT_TRUE(Has(in, "belongs to NAT gateway " + nat)) << in["Explanation"];
  json ko = Probe(kClient, ip, 22, "ko");
  EXPECT_TRUE(Has(ko, "NAT 게이트웨이 " + nat + "의 주소입니다")) << ko["Explanation"];
}

TEST_F(ProbeRoutes, PendingOrPrivateNatGatewayDoesNotForward) {
  std::string nat = AddNatGateway(public_subnet_);
  AddRoute(private_rtb_, "0.0.0.0/0", RouteTarget::kNatGateway, nat);
  std::string app = PlaceInstance(private_subnet_, false);
  scope().nat_gateways.Find(nat)->state = "pending";
  json pending = Probe(app, kServer);
  EXPECT_EQ(pending["BlockedBy"]["Type"], "nat-gateway");
  EXPECT_EQ(pending["BlockedBy"]["Reason"], "nat-gateway-not-available");
  EXPECT_EQ(pending["BlockedBy"]["State"], "pending");
  EXPECT_TRUE(Has(pending, "only an available NAT gateway forwards traffic")) << pending;

  model::NatGateway& gw = *scope().nat_gateways.Find(nat);
  gw.state = "available";
  gw.is_public = false;
  json priv = Probe(app, kServer);
  EXPECT_EQ(priv["BlockedBy"]["Type"], "nat-gateway");
  EXPECT_EQ(priv["BlockedBy"]["Reason"], "no-public-ip");
  EXPECT_TRUE(Has(priv, "is private (it has no Elastic IP)")) << priv["Explanation"];
  json ko = Probe(app, kServer, 443, "ko");
  EXPECT_TRUE(Has(ko, "프라이빗 NAT 게이트웨이")) << ko["Explanation"];
}

TEST_F(ProbeRoutes, InstancesInTwoSubnetsOfOneVpcCrossBothAclsAfterTheLocalRoute) {
  std::string a = PlaceInstance(public_subnet_, false);
  std::string b = PlaceInstance(private_subnet_, false);
  json ok = Probe(a, PrivateIp(b), 5432);
  EXPECT_EQ(ok["Verdict"], "allowed") << ok.dump(2);
  EXPECT_EQ(Types(ok["Components"]),
            (std::vector<std::string>{"instance", "security-group", "network-acl", "route-table",
                                      "network-acl", "security-group", "instance"}));
  EXPECT_EQ(ok["Components"][3]["Target"], "local");
  EXPECT_EQ(ok["Components"][2]["SubnetId"], public_subnet_);
  EXPECT_EQ(ok["Components"][4]["SubnetId"], private_subnet_);

  // The destination subnet gets its own ACL that denies the port inbound.
  model::NetworkAcl acl = *scope().acls.Find(scope().vpcs.Find(vpc_)->default_acl_id);
  acl.id = world_.NewId("acl");
  acl.is_default = false;
  acl.associations.clear();
  acl.entries.insert(acl.entries.begin(),
                     {90, false, "6", false, model::ParseCidr4("10.0.0.0/16"), {}, 5432, 5432});
  scope().acls.Find(scope().vpcs.Find(vpc_)->default_acl_id)->associations.erase(private_subnet_);
  acl.associations.emplace(private_subnet_, world_.NewId("aclassoc"));
  std::string acl_id = acl.id;
  scope().acls.Insert(acl_id, std::move(acl));
  json denied = Probe(a, PrivateIp(b), 5432);
  EXPECT_EQ(denied["BlockedBy"]["Type"], "network-acl");
  EXPECT_EQ(denied["BlockedBy"]["Id"], acl_id);
  EXPECT_EQ(denied["BlockedBy"]["RuleNumber"], 90);
}

// Two more VPCs: 10.1.0.0/16 peered with the first, 10.2.0.0/16 peered with 10.1.0.0/16 only.
class ProbePeering : public ProbeRoutes {
 protected:
  ProbePeering() {
    peer_vpc_ = AddVpc("10.1.0.0/16");
    peer_subnet_ = AddSubnet(peer_vpc_, "10.1.1.0/24");
    peer_rtb_ = AddRouteTable(peer_subnet_);
    pcx_ = AddPeering(vpc_, scope(), peer_vpc_);
    far_vpc_ = AddVpc("10.2.0.0/16");
    far_subnet_ = AddSubnet(far_vpc_, "10.2.1.0/24");
    far_rtb_ = AddRouteTable(far_subnet_);
    far_pcx_ = AddPeering(peer_vpc_, scope(), far_vpc_);
    AddRoute(peer_rtb_, "10.2.0.0/16", RouteTarget::kPeering, far_pcx_);
    AddRoute(far_rtb_, "10.1.0.0/16", RouteTarget::kPeering, far_pcx_);
  }
  std::string peer_vpc_, peer_subnet_, peer_rtb_, pcx_, far_vpc_, far_subnet_, far_rtb_, far_pcx_;
};

TEST_F(ProbePeering, PeeredVpcsTalkByPrivateAddressWhenBothSidesRoute) {
  AddRoute(public_rtb_, "10.1.0.0/16", RouteTarget::kPeering, pcx_);
  AddRoute(peer_rtb_, "10.0.0.0/16", RouteTarget::kPeering, pcx_);
  std::string a = PlaceInstance(public_subnet_, false);
  std::string b = PlaceInstance(peer_subnet_, false);
  for (const auto& [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
    json r = Probe(from, PrivateIp(to), 5432);
    EXPECT_EQ(r["Verdict"], "allowed") << r.dump(2);
    EXPECT_EQ(r["Components"][3]["Type"], "route-table");
    EXPECT_EQ(r["Components"][3]["Target"], pcx_);
    EXPECT_EQ(r["Flow"]["DestinationAddress"], PrivateIp(to));
  }
}

TEST_F(ProbePeering, PeeringWithoutARouteBackBlocksTheReply) {
  AddRoute(public_rtb_, "10.1.0.0/16", RouteTarget::kPeering, pcx_);
  std::string a = PlaceInstance(public_subnet_, false);
  std::string b = PlaceInstance(peer_subnet_, false);
  json r = Probe(a, PrivateIp(b), 5432);
  EXPECT_EQ(r["Verdict"], "blocked");
  EXPECT_EQ(r["BlockedBy"]["Type"], "route-table");
  EXPECT_EQ(r["BlockedBy"]["Id"], peer_rtb_);
  EXPECT_EQ(r["BlockedBy"]["Path"], "return");
  EXPECT_EQ(r["BlockedBy"]["Reason"], "no-route");
  EXPECT_TRUE(Has(r, "Add a route 10.0.0.0/16 -> " + pcx_)) << r["Explanation"];
  EXPECT_TRUE(Has(r, "each side of a peering needs its own route")) << r["Explanation"];
  json ko = Probe(a, PrivateIp(b), 5432, "ko");
  EXPECT_TRUE(Has(ko, "다음 라우팅을 추가하세요: 10.0.0.0/16 -> " + pcx_)) << ko["Explanation"];
}

TEST_F(ProbePeering, PeeringIsNotTransitive) {
  // The first VPC sends the far VPC's block over its peering with the middle one: the middle
  // VPC's own peering with the far one cannot carry it.
  AddRoute(public_rtb_, "10.1.0.0/16", RouteTarget::kPeering, pcx_);
  AddRoute(public_rtb_, "10.2.0.0/16", RouteTarget::kPeering, pcx_);
  AddRoute(peer_rtb_, "10.0.0.0/16", RouteTarget::kPeering, pcx_);
  std::string a = PlaceInstance(public_subnet_, false);
  std::string far = PlaceInstance(far_subnet_, false);
  json r = Probe(a, PrivateIp(far), 5432);
  EXPECT_EQ(r["Verdict"], "blocked") << r.dump(2);
  EXPECT_EQ(r["BlockedBy"]["Reason"], "no-route");
  EXPECT_TRUE(Has(r, "peering is not transitive")) << r["Explanation"];

  // Nor is the middle VPC's internet gateway usable through the peering.
  std::string middle_igw = AddInternetGateway(peer_vpc_);
  AddRoute(peer_rtb_, "0.0.0.0/0", RouteTarget::kInternetGateway, middle_igw);
  std::string lonely = AddSubnet(vpc_, "10.0.9.0/24");
  AddRoute(AddRouteTable(lonely), "0.0.0.0/0", RouteTarget::kPeering, pcx_);
  std::string c = PlaceInstance(lonely, true);
  json out = Probe(c, kServer);
  EXPECT_EQ(out["BlockedBy"]["Type"], "route-table");
  EXPECT_EQ(out["BlockedBy"]["Reason"], "no-route");
  EXPECT_EQ(out["BlockedBy"]["Target"], pcx_);
  EXPECT_TRUE(Has(out, "no transitive routing")) << out["Explanation"];
}

TEST_F(ProbePeering, PeeringAcrossRegionsFindsThePeerVpcInItsRegion) {
  model::Scope& seoul = *world_.GetScope(ctx_.account, "ap-northeast-2").value();
  std::string seoul_vpc = AddVpcIn(seoul, "10.8.0.0/16");
  std::string seoul_subnet = AddSubnetIn(seoul, seoul_vpc, "10.8.1.0/24");
  std::string seoul_rtb = AddRouteTableIn(seoul, seoul_subnet);
  std::string pcx = AddPeering(vpc_, seoul, seoul_vpc);
  AddRoute(public_rtb_, "10.8.0.0/16", RouteTarget::kPeering, pcx);
  AddRouteIn(seoul, seoul_rtb, "10.0.0.0/16", RouteTarget::kPeering, pcx);
  std::string a = PlaceInstance(public_subnet_, false);
  std::string b = PlaceInstanceIn(seoul, seoul_subnet, false);
  json there = Probe(a, PrivateIp(b), 5432);
  EXPECT_EQ(there["Verdict"], "allowed") << there.dump(2);
  EXPECT_EQ(there["Components"][3]["Target"], pcx);
  EXPECT_EQ(there["Components"].back()["Id"], b);
  json back = Probe(b, PrivateIp(a), 5432);
  EXPECT_EQ(back["Verdict"], "allowed") << back.dump(2);
  // Without the route back the reply has no way home.
  seoul.route_tables.Find(seoul_rtb)->routes.pop_back();
  json refused = Probe(a, PrivateIp(b), 5432);
  EXPECT_EQ(refused["BlockedBy"]["Id"], seoul_rtb);
  EXPECT_EQ(refused["BlockedBy"]["Path"], "return");
}

TEST_F(ProbeRoutes, DefaultVpcPathShowsNoRouteTableUntilItsMainTableChanges) {
  std::string subnet = (*scope().subnets.values().begin()).id;
  ASSERT_EQ(scope().subnets.Find(subnet)->vpc_id, DefaultVpc());
  std::string web = PlaceInstance(subnet, true);
  json before = Probe(web, kServer);
  EXPECT_EQ(Types(before["Components"]),
            (std::vector<std::string>{"instance", "security-group", "network-acl",
                                      "internet-gateway", "internet"}));
  std::string main = scope().vpcs.Find(DefaultVpc())->main_route_table_id;
  AddRoute(main, "192.0.2.0/24", RouteTarget::kInternetGateway,
           scope().route_tables.Find(main)->routes[1].target_id);
  json after = Probe(web, kServer);
  EXPECT_EQ(after["Verdict"], "allowed");
  EXPECT_EQ(after["Components"][3]["Type"], "route-table");
  EXPECT_EQ(after["Components"][3]["Id"], main);
}

}  // namespace
}  // namespace ec2sim::testing
