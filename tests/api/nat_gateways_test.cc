// NAT gateways through the API on the simulated clock: pending -> available after two minutes,
// the Elastic IP held on the gateway's own interface, deletion, and the checks CreateNatGateway
// makes before it creates anything.
#include <regex>
#include <string>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

class NatGateways : public SandboxTest {
 protected:
  // The default subnet of ap-northeast-2a.
  std::string Subnet(const std::string& az = "ap-northeast-2a") {
    json r = Call("DescribeSubnets", {{"Filters", {Filter("availability-zone", {az})}}});
    return r["Subnets"][0]["SubnetId"];
  }
  std::string Allocate() { return Call("AllocateAddress", {{"Domain", "vpc"}})["AllocationId"]; }
  json Create(const json& params) { return Call("CreateNatGateway", params)["NatGateway"]; }
  json DescribeOne(const std::string& id) {
    json r = Call("DescribeNatGateways", {{"NatGatewayIds", {id}}});
    return r["NatGateways"].empty() ? json::object() : r["NatGateways"][0];
  }
  json Address(const std::string& allocation_id) {
    return Call("DescribeAddresses", {{"AllocationIds", {allocation_id}}})["Addresses"][0];
  }
};

TEST_F(NatGateways, PublicGatewayIsPendingThenAvailableAfterTwoMinutes) {
  std::string alloc = Allocate();
  json g = Create({{"SubnetId", Subnet()}, {"AllocationId", alloc}});
  EXPECT_TRUE(
      std::regex_match(g["NatGatewayId"].get<std::string>(), std::regex("nat-[0-9a-f]{17}")));
  EXPECT_EQ(g["State"], "pending");
  EXPECT_EQ(g["ConnectivityType"], "public");
  EXPECT_EQ(g["NatGatewayAddresses"][0]["AllocationId"], alloc);
  EXPECT_EQ(g["NatGatewayAddresses"][0]["Status"], "associating");
  EXPECT_EQ(g["NatGatewayAddresses"][0]["IsPrimary"], true);
  std::string id = g["NatGatewayId"];
  sandbox_->Advance(kMinute);
  EXPECT_EQ(DescribeOne(id)["State"], "pending");
  sandbox_->Advance(kMinute);
  json now = DescribeOne(id);
  EXPECT_EQ(now["State"], "available");
  EXPECT_EQ(now["NatGatewayAddresses"][0]["Status"], "succeeded");
  EXPECT_FALSE(now.contains("DeleteTime"));
}

TEST_F(NatGateways, HoldsItsElasticIpOnARequesterManagedInterface) {
  std::string alloc = Allocate();
  json g = Create({{"SubnetId", Subnet()}, {"AllocationId", alloc}});
  json nat_address = g["NatGatewayAddresses"][0];
  json a = Address(alloc);
  EXPECT_EQ(a["NetworkInterfaceId"], nat_address["NetworkInterfaceId"]);
  EXPECT_EQ(a["PrivateIpAddress"], nat_address["PrivateIp"]);
  EXPECT_EQ(a["AssociationId"], nat_address["AssociationId"]);
  EXPECT_FALSE(a.contains("InstanceId"));
  json eni =
      Call("DescribeNetworkInterfaces",
           {{"NetworkInterfaceIds", {nat_address["NetworkInterfaceId"]}}})["NetworkInterfaces"][0];
  EXPECT_EQ(eni["InterfaceType"], "nat_gateway");
  EXPECT_EQ(eni["RequesterManaged"], true);
  EXPECT_EQ(eni["Status"], "in-use");
  EXPECT_EQ(eni["Description"],
            "Interface for NAT Gateway " + g["NatGatewayId"].get<std::string>());
  // The address cannot leave the gateway while it holds it.
  EXPECT_EQ(ErrorOf("ReleaseAddress", {{"AllocationId", alloc}}), "InvalidIPAddress.InUse");
  EXPECT_EQ(ErrorOf("DisassociateAddress", {{"AssociationId", a["AssociationId"]}}),
            "InvalidIPAddress.InUse");
  std::string web = Launch();
  EXPECT_EQ(ErrorOf("AssociateAddress", {{"AllocationId", alloc}, {"InstanceId", web}}),
            "Resource.AlreadyAssociated");
}

TEST_F(NatGateways, DeleteGivesTheAddressBackButKeepsItAllocated) {
  std::string alloc = Allocate();
  json g = Create({{"SubnetId", Subnet()}, {"AllocationId", alloc}});
  std::string id = g["NatGatewayId"];
  std::string eni = g["NatGatewayAddresses"][0]["NetworkInterfaceId"];
  sandbox_->Advance(2 * kMinute);
  EXPECT_EQ(Call("DeleteNatGateway", {{"NatGatewayId", id}})["NatGatewayId"], id);
  json deleting = DescribeOne(id);
  EXPECT_EQ(deleting["State"], "deleting");
  EXPECT_EQ(deleting["NatGatewayAddresses"][0]["Status"], "disassociating");
  sandbox_->Advance(kMinute);
  json deleted = DescribeOne(id);
  EXPECT_EQ(deleted["State"], "deleted");
  EXPECT_TRUE(deleted.contains("DeleteTime"));
  EXPECT_FALSE(Address(alloc).contains("AssociationId"));
  EXPECT_EQ(ErrorOf("DescribeNetworkInterfaces", {{"NetworkInterfaceIds", {eni}}}),
            "InvalidNetworkInterfaceID.NotFound");
  // Deleted gateways stay describable for an hour, then are gone.
  sandbox_->Advance(kHour);
  EXPECT_EQ(Call("DescribeNatGateways")["NatGateways"].size(), 0u);
  Call("ReleaseAddress", {{"AllocationId", alloc}});
}

TEST_F(NatGateways, PublicGatewayNeedsAnAllocationIdAndAPrivateOneTakesNone) {
  std::string subnet = Subnet();
  EXPECT_EQ(ErrorOf("CreateNatGateway", {{"SubnetId", subnet}}), "MissingParameter");
  EXPECT_EQ(ErrorOf("CreateNatGateway", {{"SubnetId", subnet},
                                         {"ConnectivityType", "private"},
                                         {"AllocationId", Allocate()}}),
            "InvalidParameterCombination");
  json g = Create({{"SubnetId", subnet}, {"ConnectivityType", "private"}});
  EXPECT_EQ(g["ConnectivityType"], "private");
  EXPECT_FALSE(g["NatGatewayAddresses"][0].contains("PublicIp"));
  EXPECT_EQ(ErrorOf("CreateNatGateway",
                    {{"SubnetId", "subnet-0123456789abcdef0"}, {"ConnectivityType", "private"}}),
            "InvalidSubnetID.NotFound");
}

TEST_F(NatGateways, AnAddressAlreadyInUseIsRefused) {
  std::string alloc = Allocate();
  Call("AssociateAddress", {{"AllocationId", alloc}, {"InstanceId", Launch()}});
  EXPECT_EQ(ErrorOf("CreateNatGateway", {{"SubnetId", Subnet()}, {"AllocationId", alloc}}),
            "Resource.AlreadyAssociated");
}

TEST_F(NatGateways, PrivateIpAddressIsUsedWhenGiven) {
  json g = Create({{"SubnetId", Subnet()},
                   {"ConnectivityType", "private"},
                   {"PrivateIpAddress", "172.31.0.77"}});
  EXPECT_EQ(g["NatGatewayAddresses"][0]["PrivateIp"], "172.31.0.77");
  EXPECT_EQ(ErrorOf("CreateNatGateway", {{"SubnetId", Subnet()},
                                         {"ConnectivityType", "private"},
                                         {"PrivateIpAddress", "172.31.0.77"}}),
            "InvalidParameterValue");
}

TEST_F(NatGateways, ClientTokenMakesARetryAnswerTheSameGateway) {
  json params = {{"SubnetId", Subnet()}, {"ConnectivityType", "private"}, {"ClientToken", "t-1"}};
  json first = Call("CreateNatGateway", params);
  json again = Call("CreateNatGateway", params);
  EXPECT_EQ(first["ClientToken"], "t-1");
  EXPECT_EQ(again["NatGateway"]["NatGatewayId"], first["NatGateway"]["NatGatewayId"]);
  EXPECT_EQ(Call("DescribeNatGateways")["NatGateways"].size(), 1u);
}

TEST_F(NatGateways, FivePerAvailabilityZoneAtMost) {
  json params = {{"SubnetId", Subnet()}, {"ConnectivityType", "private"}};
  for (int i = 0; i < 5; ++i) Create(params);
  EXPECT_EQ(ErrorOf("CreateNatGateway", params), "NatGatewayLimitExceeded");
  // Another zone has its own five.
  Create({{"SubnetId", Subnet("ap-northeast-2c")}, {"ConnectivityType", "private"}});
}

TEST_F(NatGateways, DescribeFiltersAndUnknownIds) {
  json tag = json{{"Key", "Name"}, {"Value", "egress"}};
  json spec = json{{"ResourceType", "natgateway"}, {"Tags", json::array({tag})}};
  std::string a = Create({{"SubnetId", Subnet()},
                          {"ConnectivityType", "private"},
                          {"TagSpecifications", json::array({spec})}})["NatGatewayId"];
  std::string b = Create(
      {{"SubnetId", Subnet("ap-northeast-2c")}, {"ConnectivityType", "private"}})["NatGatewayId"];
  auto ids = [&](const json& filter) {
    json r = Call("DescribeNatGateways", {{"Filter", {filter}}});
    std::string out;
    for (const json& g : r["NatGateways"]) out += g["NatGatewayId"].get<std::string>() + " ";
    return out;
  };
  EXPECT_EQ(ids(Filter("subnet-id", {Subnet("ap-northeast-2c")})), b + " ");
  EXPECT_EQ(ids(Filter("tag:Name", {"egress"})), a + " ");
  EXPECT_EQ(ids(Filter("state", {"available"})), "");
  EXPECT_EQ(DescribeOne(a)["Tags"][0]["Value"], "egress");
  EXPECT_EQ(ErrorOf("DescribeNatGateways", {{"NatGatewayIds", {"nat-0123456789abcdef0"}}}),
            "NatGatewayNotFound");
  EXPECT_EQ(ErrorOf("DeleteNatGateway", {{"NatGatewayId", "nat-0123456789abcdef0"}}),
            "NatGatewayNotFound");
  json page = Call("DescribeNatGateways", {{"MaxResults", 5}});
  EXPECT_EQ(page["NatGateways"].size(), 2u);
}

TEST_F(NatGateways, AProbeToTheGatewaysAddressIsBlockedAndExplained) {
  std::string alloc = Allocate();
  json g = Create({{"SubnetId", Subnet()}, {"AllocationId", alloc}});
  std::string ip = g["NatGatewayAddresses"][0]["PublicIp"];
  // The gateway's interface belongs to no instance: nothing there accepts a connection.
  for (const char* lang : {"en", "ko"}) {
    Result<json> r = sandbox_->Probe(
        {{"from", "203.0.113.7"}, {"to", ip}, {"protocol", "tcp"}, {"port", 443}, {"lang", lang}},
        ctx_);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ((*r)["Verdict"], "blocked") << r->dump();
    EXPECT_NE((*r)["Explanation"].get<std::string>().find(g["NatGatewayId"].get<std::string>()),
              std::string::npos)
        << r->dump();
  }
}

TEST_F(NatGateways, DryRunCreatesNothing) {
  EXPECT_EQ(ErrorOf("CreateNatGateway",
                    {{"SubnetId", Subnet()}, {"ConnectivityType", "private"}, {"DryRun", true}}),
            "DryRunOperation");
  EXPECT_EQ(Call("DescribeNatGateways")["NatGateways"].size(), 0u);
}

}  // namespace
}  // namespace ec2sim::testing
