// Internet gateways, route tables and VPC peering at the model level, with VPCs added directly
// to the scope (CreateVpc is another family's action).
#include "sim/model/vpc/route_tables.h"

#include <gtest/gtest.h>

#include <string>

#include "sim/model/vpc/internet_gateways.h"
#include "sim/model/vpc/peering.h"
#include "sim/model/vpc/routing.h"

namespace ec2sim::model {
namespace {

constexpr const char* kAccount = "123456789012";

class RouteModelTest : public ::testing::Test {
 protected:
  RouteModelTest() : world_(SandboxOptions{}) {
    scope_ = world_.GetScope(kAccount, "ap-northeast-2").value();
  }

  // A VPC with one subnet and a main route table, as CreateVpc makes them.
  std::string AddVpc(Scope& scope, const std::string& cidr) {
    Vpc vpc;
    vpc.id = world_.NewId("vpc");
    vpc.cidr = *ParseCidr4(cidr);
    RouteTable main;
    main.id = world_.NewId("rtb");
    main.vpc_id = vpc.id;
    AddLocalRoutes(vpc, main);
    main.associations.push_back({world_.NewId("rtbassoc"), "", true});
    vpc.main_route_table_id = main.id;
    Subnet subnet;
    subnet.id = world_.NewId("subnet");
    subnet.vpc_id = vpc.id;
    subnet.cidr = Cidr4{vpc.cidr.base, 24};
    subnets_[vpc.id] = subnet.id;
    scope.subnets.Insert(subnet.id, std::move(subnet));
    scope.route_tables.Insert(main.id, std::move(main));
    std::string id = vpc.id;
    scope.vpcs.Insert(id, std::move(vpc));
    return id;
  }

  std::string NewIgw() { return CreateInternetGateway(world_, *scope_, {}).value()->id; }

  static RouteSpec ToGateway(const std::string& dest, const std::string& gateway) {
    RouteSpec spec;
    spec.destination4 = dest;
    spec.gateway_id = gateway;
    return spec;
  }

  World world_;
  Scope* scope_ = nullptr;
  std::map<std::string, std::string> subnets_;
};

TEST_F(RouteModelTest, AVpcTakesOneInternetGatewayAndAGatewayOneVpc) {
  std::string vpc = AddVpc(*scope_, "10.0.0.0/16");
  std::string igw = NewIgw();
  ASSERT_TRUE(AttachInternetGateway(*scope_, igw, vpc).ok());
  EXPECT_TRUE(VpcHasInternetGateway(*scope_, vpc));
  Status again = AttachInternetGateway(*scope_, igw, scope_->default_vpc_id);
  EXPECT_EQ(again.error().code, ErrorCode::kResourceAlreadyAssociated);
  Status second = AttachInternetGateway(*scope_, NewIgw(), vpc);
  EXPECT_EQ(second.error().code, ErrorCode::kResourceAlreadyAssociated);
  EXPECT_EQ(DeleteInternetGateway(*scope_, igw).error().code, ErrorCode::kDependencyViolation);
  EXPECT_EQ(DetachInternetGateway(*scope_, igw, scope_->default_vpc_id).error().code,
            ErrorCode::kGatewayNotAttached);
  ASSERT_TRUE(DetachInternetGateway(*scope_, igw, vpc).ok());
  EXPECT_TRUE(DeleteInternetGateway(*scope_, igw).ok());
}

TEST_F(RouteModelTest, TheRegionHoldsFiveInternetGatewaysCountingTheDefaultVpcs) {
  for (int i = 0; i < 4; ++i) NewIgw();  // the default VPC's gateway is the fifth
  Result<InternetGateway*> sixth = CreateInternetGateway(world_, *scope_, {});
  EXPECT_EQ(sixth.error().code, ErrorCode::kInternetGatewayLimitExceeded);
}

TEST_F(RouteModelTest, DetachIsRefusedWhileAnInterfaceHoldsAPublicAddress) {
  std::string vpc = AddVpc(*scope_, "10.0.0.0/16");
  std::string igw = NewIgw();
  ASSERT_TRUE(AttachInternetGateway(*scope_, igw, vpc).ok());
  NetworkInterface eni;
  eni.id = world_.NewId("eni");
  eni.vpc_id = vpc;
  eni.public_ip = *ParseIpv4("203.0.113.9");
  scope_->interfaces.Insert(eni.id, NetworkInterface(eni));
  Status detach = DetachInternetGateway(*scope_, igw, vpc);
  EXPECT_EQ(detach.error().code, ErrorCode::kDependencyViolation);
  EXPECT_NE(detach.error().message.find("has some mapped public address(es)"), std::string::npos);
  scope_->interfaces.Erase(eni.id);
  EXPECT_TRUE(DetachInternetGateway(*scope_, igw, vpc).ok());
}

TEST_F(RouteModelTest, ARouteToAGatewayOfAnotherVpcIsRefused) {
  std::string vpc = AddVpc(*scope_, "10.0.0.0/16");
  RouteTable* table = CreateRouteTable(world_, *scope_, vpc, {}).value();
  const InternetGateway* default_igw = nullptr;
  for (const InternetGateway& g : scope_->internet_gateways.values()) default_igw = &g;
  Status status = CreateRoute(*scope_, *table, ToGateway("0.0.0.0/0", default_igw->id));
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidParameterValue);
  EXPECT_EQ(status.error().message, "route table " + table->id + " and network gateway " +
                                        default_igw->id + " belong to different networks");
  EXPECT_EQ(
      CreateRoute(*scope_, *table, ToGateway("0.0.0.0/0", "igw-0123456789abcdef0")).error().code,
      ErrorCode::kInvalidGatewayIdNotFound);
}

TEST_F(RouteModelTest, RoutesBecomeBlackholeWhenTheGatewayIsDetachedOrDeleted) {
  std::string vpc = AddVpc(*scope_, "10.0.0.0/16");
  std::string igw = NewIgw();
  ASSERT_TRUE(AttachInternetGateway(*scope_, igw, vpc).ok());
  RouteTable* table = CreateRouteTable(world_, *scope_, vpc, {}).value();
  ASSERT_TRUE(CreateRoute(*scope_, *table, ToGateway("0.0.0.0/0", igw)).ok());
  const Route& route = table->routes.back();
  EXPECT_EQ(StateOfRoute(*scope_, *table, route), RouteState::kActive);
  ASSERT_TRUE(DetachInternetGateway(*scope_, igw, vpc).ok());
  EXPECT_EQ(StateOfRoute(*scope_, *table, route), RouteState::kBlackhole);
  ASSERT_TRUE(AttachInternetGateway(*scope_, igw, vpc).ok());
  EXPECT_EQ(StateOfRoute(*scope_, *table, route), RouteState::kActive);
  ASSERT_TRUE(DetachInternetGateway(*scope_, igw, vpc).ok());
  ASSERT_TRUE(DeleteInternetGateway(*scope_, igw).ok());
  EXPECT_EQ(StateOfRoute(*scope_, *table, route), RouteState::kBlackhole);
}

TEST_F(RouteModelTest, RoutesFollowAwsRulesForDuplicatesLocalAndInsideTheVpc) {
  std::string vpc = AddVpc(*scope_, "10.0.0.0/16");
  std::string igw = NewIgw();
  ASSERT_TRUE(AttachInternetGateway(*scope_, igw, vpc).ok());
  RouteTable* table = CreateRouteTable(world_, *scope_, vpc, {}).value();
  ASSERT_EQ(table->routes.size(), 1u);
  EXPECT_EQ(table->routes[0].origin, "CreateRouteTable");
  ASSERT_TRUE(CreateRoute(*scope_, *table, ToGateway("0.0.0.0/0", igw)).ok());
  EXPECT_EQ(CreateRoute(*scope_, *table, ToGateway("0.0.0.0/0", igw)).error().code,
            ErrorCode::kRouteAlreadyExists);
  EXPECT_EQ(CreateRoute(*scope_, *table, ToGateway("10.0.1.0/24", igw)).error().code,
            ErrorCode::kInvalidParameterValue);
  Status local = DeleteRoute(*table, ToGateway("10.0.0.0/16", ""));
  EXPECT_EQ(local.error().message,
            "cannot remove local route 10.0.0.0/16 in route table " + table->id);
  EXPECT_EQ(DeleteRoute(*table, ToGateway("192.0.2.0/24", "")).error().code,
            ErrorCode::kInvalidRouteNotFound);
  EXPECT_EQ(ReplaceRoute(*scope_, *table, ToGateway("192.0.2.0/24", igw)).error().code,
            ErrorCode::kInvalidRouteNotFound);
  RouteSpec two = ToGateway("192.0.2.0/24", igw);
  two.nat_gateway_id = "nat-0123456789abcdef0";
  EXPECT_EQ(CreateRoute(*scope_, *table, two).error().code,
            ErrorCode::kInvalidParameterCombination);
  EXPECT_TRUE(DeleteRoute(*table, ToGateway("0.0.0.0/0", "")).ok());
}

TEST_F(RouteModelTest, ATableHoldsFiftyRoutesAndAVpcTwoHundredTables) {
  std::string vpc = AddVpc(*scope_, "10.0.0.0/16");
  std::string igw = NewIgw();
  ASSERT_TRUE(AttachInternetGateway(*scope_, igw, vpc).ok());
  RouteTable* table = CreateRouteTable(world_, *scope_, vpc, {}).value();
  for (int i = 1; i < static_cast<int>(kRoutesPerRouteTable); ++i) {  // the local route is one
    std::string dest = "192.168." + std::to_string(i) + ".0/24";
    ASSERT_TRUE(CreateRoute(*scope_, *table, ToGateway(dest, igw)).ok()) << dest;
  }
  EXPECT_EQ(CreateRoute(*scope_, *table, ToGateway("192.0.2.0/24", igw)).error().code,
            ErrorCode::kRouteLimitExceeded);
  // The main table and the one above count: 198 more fit.
  for (std::size_t i = 2; i < kRouteTablesPerVpc; ++i) {
    ASSERT_TRUE(CreateRouteTable(world_, *scope_, vpc, {}).ok()) << i;
  }
  EXPECT_EQ(CreateRouteTable(world_, *scope_, vpc, {}).error().code,
            ErrorCode::kRouteTableLimitExceeded);
}

TEST_F(RouteModelTest, MovingTheMainAssociationMakesAnotherTableMain) {
  std::string vpc = AddVpc(*scope_, "10.0.0.0/16");
  std::string old_main = scope_->vpcs.Find(vpc)->main_route_table_id;
  RouteTable* table = CreateRouteTable(world_, *scope_, vpc, {}).value();
  std::string main_assoc = scope_->route_tables.Find(old_main)->associations[0].id;
  EXPECT_EQ(DisassociateRouteTable(*scope_, main_assoc).error().code,
            ErrorCode::kInvalidParameterValue);
  Result<std::string> moved = ReplaceRouteTableAssociation(world_, *scope_, main_assoc, *table);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(scope_->vpcs.Find(vpc)->main_route_table_id, table->id);
  EXPECT_TRUE(table->associations[0].main);
  EXPECT_EQ(DeleteRouteTable(*scope_, table->id).error().code, ErrorCode::kDependencyViolation);
  EXPECT_TRUE(DeleteRouteTable(*scope_, old_main).ok());
}

TEST_F(RouteModelTest, ASubnetHasOneExplicitTableOfItsOwnVpc) {
  std::string vpc = AddVpc(*scope_, "10.0.0.0/16");
  std::string subnet = subnets_[vpc];
  RouteTable* a = CreateRouteTable(world_, *scope_, vpc, {}).value();
  RouteTable* b = CreateRouteTable(world_, *scope_, vpc, {}).value();
  Result<std::string> assoc = AssociateRouteTable(world_, *scope_, *a, subnet);
  ASSERT_TRUE(assoc.ok());
  EXPECT_EQ(EffectiveRouteTable(*scope_, *scope_->subnets.Find(subnet)), a);
  EXPECT_EQ(AssociateRouteTable(world_, *scope_, *b, subnet).error().code,
            ErrorCode::kResourceAlreadyAssociated);
  RouteTable* other = CreateRouteTable(world_, *scope_, scope_->default_vpc_id, {}).value();
  EXPECT_EQ(AssociateRouteTable(world_, *scope_, *other, subnet).error().code,
            ErrorCode::kInvalidParameterValue);
  EXPECT_EQ(DeleteRouteTable(*scope_, a->id).error().code, ErrorCode::kDependencyViolation);
  ASSERT_TRUE(DisassociateRouteTable(*scope_, assoc.value()).ok());
  EXPECT_TRUE(DeleteRouteTable(*scope_, a->id).ok());
}

TEST_F(RouteModelTest, APeeringAcrossRegionsIsOneConnectionSeenFromBothSides) {
  Scope* tokyo = world_.GetScope(kAccount, "ap-northeast-1").value();
  std::string seoul_vpc = AddVpc(*scope_, "10.0.0.0/16");
  std::string tokyo_vpc = AddVpc(*tokyo, "10.1.0.0/16");
  PeeringRequest request{seoul_vpc, tokyo_vpc, "ap-northeast-1", "", {}};
  VpcPeeringConnection* pcx = CreateVpcPeering(world_, *scope_, request).value();
  std::string id = pcx->id;
  ASSERT_NE(tokyo->peerings.Find(id), nullptr);
  EXPECT_EQ(tokyo->peerings.Find(id)->status, "pending-acceptance");
  // Accepting is the accepter's, in its Region.
  EXPECT_EQ(AcceptVpcPeering(world_, *scope_, id).error().code, ErrorCode::kOperationNotPermitted);
  ASSERT_TRUE(AcceptVpcPeering(world_, *tokyo, id).ok());
  EXPECT_EQ(scope_->peerings.Find(id)->status, "active");
  EXPECT_EQ(AcceptVpcPeering(world_, *tokyo, id).error().code, ErrorCode::kInvalidStateTransition);

  RouteTable* table = scope_->route_tables.Find(scope_->vpcs.Find(seoul_vpc)->main_route_table_id);
  RouteSpec spec;
  spec.destination4 = "10.1.0.0/16";
  spec.peering_id = id;
  ASSERT_TRUE(CreateRoute(*scope_, *table, spec).ok());
  EXPECT_EQ(StateOfRoute(*scope_, *table, table->routes.back()), RouteState::kActive);
  ASSERT_TRUE(DeleteVpcPeering(world_, *tokyo, id).ok());
  EXPECT_EQ(scope_->peerings.Find(id)->status, "deleted");
  EXPECT_EQ(StateOfRoute(*scope_, *table, table->routes.back()), RouteState::kBlackhole);
}

TEST_F(RouteModelTest, PeeringOverlappingVpcsFailsAndAPendingRequestExpiresAfterSevenDays) {
  std::string a = AddVpc(*scope_, "10.0.0.0/16");
  std::string b = AddVpc(*scope_, "10.0.128.0/17");
  std::string c = AddVpc(*scope_, "10.2.0.0/16");
  VpcPeeringConnection* failed = CreateVpcPeering(world_, *scope_, {a, b, "", "", {}}).value();
  EXPECT_EQ(failed->status, "failed");
  VpcPeeringConnection* pending = CreateVpcPeering(world_, *scope_, {a, c, "", "", {}}).value();
  std::string id = pending->id;
  world_.sim().Advance(kPeeringRequestLifetime - kSecond);
  EXPECT_EQ(scope_->peerings.Find(id)->status, "pending-acceptance");
  world_.sim().Advance(kSecond);
  EXPECT_EQ(scope_->peerings.Find(id)->status, "expired");
  EXPECT_EQ(CreateVpcPeering(world_, *scope_, {a, c, "", "210987654321", {}}).error().code,
            ErrorCode::kSimUnsupported);
}

}  // namespace
}  // namespace ec2sim::model
