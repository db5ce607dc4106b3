// The bill for moving data and for NAT gateways, matched to hand-worked amounts. The world is
// driven directly (not through a Sandbox) so that a test can build the subnets and route tables
// that send a subnet's traffic through a NAT gateway. Prices (Seoul): data out $0.126/GB after
// 100 free GB a month, across AZs $0.01/GB on each side, to us-east-1 $0.08/GB, NAT gateway
// $0.059 an hour and $0.059/GB processed (sim/model/billing/network_rates.cc).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "sim/api/action_table.h"
#include "sim/api/params.h"
#include "sim/api/verbs.h"
#include "sim/model/billing/ledger.h"
#include "sim/model/world.h"

namespace ec2sim::billing {
namespace {

using nlohmann::json;

constexpr const char* kSeoul = "ap-northeast-2";

class NetworkBilling : public ::testing::Test {
 protected:
  NetworkBilling()
      : world_(SandboxOptions{.seed = 3, .timing = Timing::kInstant}), ledger_(world_) {
    ctx_.region = kSeoul;
  }

  json Call(const std::string& action, const json& params, const char* region = kSeoul) {
    CallContext ctx = ctx_;
    ctx.region = region;
    world_.sim().RunDue();
    Result<model::Scope*> scope = world_.GetScope(ctx.account, ctx.region);
    EXPECT_TRUE(scope.ok());
    api::ApiContext api_ctx{world_, **scope, ctx};
    api::Params p(params, action);
    Result<json> r = api::ActionTable::Get().Find(action)(api_ctx, p);
    world_.sim().RunDue();
    if (!r.ok()) {
      ADD_FAILURE() << action << ": " << r.error().message;
      return json::object();
    }
    return *r;
  }
  std::string Launch(const std::string& az, const char* region = kSeoul) {
    json r = Call("RunInstances",
                  {{"ImageId", std::string(region) == kSeoul ? "ami-0c9c942bd7bf113a2"
                                                             : "ami-050e4422729c32c38"},
                   {"InstanceType", "t3.micro"},
                   {"MinCount", 1},
                   {"MaxCount", 1},
                   {"Placement", {{"AvailabilityZone", az}}}},
                  region);
    return r["Instances"][0]["InstanceId"];
  }
  json Traffic(const json& spec) {
    world_.sim().RunDue();
    Result<json> r = api::TrafficVerb(world_, spec, ctx_);
    if (!r.ok()) ADD_FAILURE() << "traffic: " << r.error().message;
    return r.ok() ? *r : json::object();
  }
  std::string TrafficError(const json& spec) {
    Result<json> r = api::TrafficVerb(world_, spec, ctx_);
    return r.ok() ? "" : r.error().message;
  }
  json Bill(const json& spec) {
    world_.sim().RunDue();
    Result<json> r = api::BillVerb(world_, ledger_, spec, ctx_);
    if (!r.ok()) ADD_FAILURE() << "bill: " << r.error().message;
    return r.ok() ? *r : json::object();
  }
  static json Line(const json& bill, const std::string& usage_type, const std::string& id) {
    for (const json& line : bill["Lines"]) {
      if (line["UsageType"] == usage_type && line["ResourceId"] == id) return line;
    }
    return nullptr;
  }
  model::Scope& Seoul() { return **world_.GetScope(ctx_.account, kSeoul); }
  model::Subnet& DefaultSubnet(const std::string& az) {
    for (model::Subnet& s : Seoul().subnets.values()) {
      if (s.az == az && s.default_for_az) return s;
    }
    ADD_FAILURE() << "no default subnet in " << az;
    return *Seoul().subnets.values().begin();
  }
  // A second subnet in `az` of the default VPC (using the main route table: out through the
  // internet gateway), where a NAT gateway can live apart from the instances it serves.
  std::string AddPublicSubnet(const std::string& az, const char* cidr) {
    model::Subnet s = DefaultSubnet(az);
    s.id = world_.NewId("subnet");
    s.cidr = *model::ParseCidr4(cidr);
    s.default_for_az = false;
    s.used.clear();
    std::string id = s.id;
    Seoul().subnets.Insert(id, std::move(s));
    return id;
  }
  // Gives `subnet_id` its own route table: local, and everything else to the NAT gateway.
  void RouteThroughNat(const std::string& subnet_id, const std::string& nat_id) {
    model::RouteTable table;
    table.id = world_.NewId("rtb");
    table.vpc_id = Seoul().default_vpc_id;
    table.routes.push_back({model::ParseCidr4("172.31.0.0/16"), std::nullopt,
                            model::RouteTarget::kLocal, "local", "CreateRouteTable"});
    table.routes.push_back({model::ParseCidr4("0.0.0.0/0"), std::nullopt,
                            model::RouteTarget::kNatGateway, nat_id, "CreateRoute"});
    table.associations.push_back({world_.NewId("rtbassoc"), subnet_id, false});
    std::string id = table.id;
    Seoul().route_tables.Insert(id, std::move(table));
  }

  model::World world_;
  Ledger ledger_;
  CallContext ctx_;
};

TEST_F(NetworkBilling, TwoHundredGbOutOfSeoulPaysForTheHundredAfterTheFreeHundred) {
  std::string web = Launch("ap-northeast-2a");
  json t = Traffic({{"from", web}, {"to", "198.51.100.7"}, {"gb", 200}});
  EXPECT_EQ(t["Path"], "internet");
  world_.sim().Advance(31 * kDay);
  json jan = Bill({{"month", "2026-01"}});
  // 200 GB out, the first 100 GB free: 100 GB x $0.126 = $12.60.
  json out = Line(jan, "APN2-DataTransfer-Out-Bytes", web);
  EXPECT_EQ(out["Quantity"], 200.0);
  EXPECT_EQ(out["FreeQuantity"], 100.0);
  EXPECT_EQ(out["AmountUSD"], 12.6);
}

TEST_F(NetworkBilling, FiftyGbAcrossZonesIsChargedOnBothSides) {
  std::string a = Launch("ap-northeast-2a");
  std::string c = Launch("ap-northeast-2c");
  json t = Traffic({{"from", a}, {"to", c}, {"gb", 50}});
  EXPECT_EQ(t["Path"], "cross-az");
  world_.sim().Advance(kHour);
  json bill = Bill(json::object());
  // 50 GB x $0.01 = $0.50 on the sender and $0.50 on the receiver: $1.00 in all.
  EXPECT_EQ(Line(bill, "APN2-DataTransfer-Regional-Bytes", a)["AmountUSD"], 0.5);
  EXPECT_EQ(Line(bill, "APN2-DataTransfer-Regional-Bytes", c)["AmountUSD"], 0.5);
}

TEST_F(NetworkBilling, WithinOneZoneOverPrivateAddressesIsFree) {
  std::string a = Launch("ap-northeast-2a");
  std::string b = Launch("ap-northeast-2a");
  json t = Traffic({{"from", a}, {"to", b}, {"gb", 500}});
  EXPECT_EQ(t["Path"], "same-az");
  EXPECT_EQ(t["Charges"].size(), 0u);
}

TEST_F(NetworkBilling, NatGatewayForThirtyDaysWithTenGbProcessed) {
  std::string nat_subnet = AddPublicSubnet("ap-northeast-2a", "172.31.128.0/20");
  std::string alloc = Call("AllocateAddress", {{"Domain", "vpc"}})["AllocationId"];
  std::string nat =
      Call("CreateNatGateway",
           {{"SubnetId", nat_subnet}, {"AllocationId", alloc}})["NatGateway"]["NatGatewayId"];
  std::string app = Launch("ap-northeast-2a");
  RouteThroughNat(DefaultSubnet("ap-northeast-2a").id, nat);
  json t = Traffic({{"from", app}, {"to", "198.51.100.7"}, {"gb", 10}});
  EXPECT_EQ(t["NatGatewayId"], nat);
  world_.sim().Advance(30 * kDay);
  Call("DeleteNatGateway", {{"NatGatewayId", nat}});
  world_.sim().Advance(kDay);  // to 2026-02-01
  json jan = Bill({{"month", "2026-01"}});
  // 30 days = 720 NAT gateway-hours x $0.059 = $42.48.
  EXPECT_EQ(Line(jan, "APN2-NatGateway-Hours", nat)["Quantity"], 720.0);
  EXPECT_EQ(Line(jan, "APN2-NatGateway-Hours", nat)["AmountUSD"], 42.48);
  // 10 GB processed x $0.059 = $0.59.
  EXPECT_EQ(Line(jan, "APN2-NatGateway-Bytes", nat)["AmountUSD"], 0.59);
  // The same 10 GB went out to the internet from the gateway: inside the free 100 GB, $0.
  EXPECT_EQ(Line(jan, "APN2-DataTransfer-Out-Bytes", nat)["FreeQuantity"], 10.0);
  EXPECT_EQ(Line(jan, "APN2-DataTransfer-Out-Bytes", nat)["AmountUSD"], 0.0);
  EXPECT_EQ(Line(jan, "APN2-DataTransfer-Out-Bytes", app), nullptr);
  // Its Elastic IP was in use while the gateway held it (720 h x $0.005 = $3.60), idle after.
  EXPECT_EQ(Line(jan, "APN2-PublicIPv4:InUseAddress", alloc)["AmountUSD"], 3.6);
  EXPECT_EQ(Line(jan, "APN2-PublicIPv4:IdleAddress", alloc)["Quantity"], 24.0);
}

TEST_F(NetworkBilling, PublicNatGatewayFailsWithoutAnInternetGateway) {
  model::Scope& seoul = Seoul();
  std::string igw = (*seoul.internet_gateways.values().begin()).id;
  seoul.internet_gateways.Erase(igw);
  std::string alloc = Call("AllocateAddress", {{"Domain", "vpc"}})["AllocationId"];
  json g = Call("CreateNatGateway",
                {{"SubnetId", DefaultSubnet("ap-northeast-2a").id}, {"AllocationId", alloc}});
  std::string id = g["NatGateway"]["NatGatewayId"];
  json d = Call("DescribeNatGateways", {{"NatGatewayIds", {id}}})["NatGateways"][0];
  EXPECT_EQ(d["State"], "failed");
  EXPECT_EQ(d["FailureCode"], "Gateway.NotAttached");
  EXPECT_EQ(d["FailureMessage"],
            "Network " + seoul.default_vpc_id + " has no Internet gateway attached");
  // A failed gateway gives its address back and is not billed.
  Call("ReleaseAddress", {{"AllocationId", alloc}});
  world_.sim().Advance(kHour);
  json hours = Line(Bill(json::object()), "APN2-NatGateway-Hours", id);
  EXPECT_TRUE(hours == nullptr || hours["AmountUSD"] == 0.0) << hours.dump();
}

TEST_F(NetworkBilling, ToAnotherRegionIsChargedBySeoulAtItsInterRegionRate) {
  std::string web = Launch("ap-northeast-2a");
  std::string far = Launch("us-east-1a", "us-east-1");
  // The far instance's default group lets nothing in from outside it: the path is blocked and
  // nothing is metered.
  std::string error = TrafficError({{"from", web}, {"to", far}, {"gb", 10}});
  EXPECT_NE(error.find("blocked, so no data moved"), std::string::npos) << error;
  EXPECT_EQ(Line(Bill(json::object()), "APN2-USE1-AWS-Out-Bytes", web), nullptr);
  Call("AuthorizeSecurityGroupIngress",
       {{"GroupName", "default"},
        {"IpProtocol", "tcp"},
        {"FromPort", 443},
        {"ToPort", 443},
        {"CidrIp", "0.0.0.0/0"}},
       "us-east-1");
  json t = Traffic({{"from", web}, {"to", far}, {"gb", 10}});
  EXPECT_EQ(t["Path"], "inter-region");
  world_.sim().Advance(kHour);
  // 10 GB x $0.08 = $0.80, on the sender in Seoul.
  EXPECT_EQ(Line(Bill(json::object()), "APN2-USE1-AWS-Out-Bytes", web)["AmountUSD"], 0.8);
}

TEST_F(NetworkBilling, GbMustBePositive) {
  std::string a = Launch("ap-northeast-2a");
  EXPECT_NE(TrafficError({{"from", a}, {"to", "198.51.100.7"}, {"gb", 0}}), "");
  EXPECT_NE(TrafficError({{"from", a}, {"to", "198.51.100.7"}, {"gb", "ten"}}), "");
  EXPECT_NE(TrafficError({{"from", a}, {"to", "198.51.100.7"}}), "");
  EXPECT_NE(TrafficError({{"from", a}, {"to", "198.51.100.7"}, {"gb", 1}, {"bytes", 3}}), "");
}

}  // namespace
}  // namespace ec2sim::billing
