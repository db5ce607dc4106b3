// The key facts the teaching transcript shows under a step, chosen by action.
#include "sim/scenario/facts.h"

#include <gtest/gtest.h>

#include "sim/scenario/closing.h"

namespace ec2sim::scenario {
namespace {

using json = nlohmann::json;
using Lines = std::vector<std::string>;

json Instance(const std::string& id, const std::string& state, const std::string& ip,
              const std::string& owner) {
  json i = {{"InstanceId", id},
            {"State", {{"Name", state}}},
            {"InstanceType", "t2.micro"},
            {"Placement", {{"AvailabilityZone", "ap-northeast-2a"}}},
            {"Tags", {{{"Key", "Name"}, {"Value", "web"}}}}};
  if (!ip.empty()) {
    i["PublicIpAddress"] = ip;
    i["NetworkInterfaces"] = {{{"Association", {{"PublicIp", ip}, {"IpOwnerId", owner}}}}};
  }
  return i;
}

TEST(KeyFacts, AnInstanceShowsItsStateTypeZoneAndWhoseAddressItHas) {
  json answer = {{"Reservations",
                  {{{"Instances",
                     {Instance("i-1", "running", "3.35.120.7", "amazon"),
                      Instance("i-2", "running", "43.200.1.2", "123456789012"),
                      Instance("i-3", "stopped", "", "")}}}}}};
  EXPECT_EQ(KeyFacts("DescribeInstances", answer),
            (Lines{"i-1 (web) running, t2.micro in ap-northeast-2a, public IP 3.35.120.7",
                   "i-2 (web) running, t2.micro in ap-northeast-2a, Elastic IP 43.200.1.2",
                   "i-3 (web) stopped, t2.micro in ap-northeast-2a, no public IP"}));
  EXPECT_EQ(KeyFacts("RunInstances", {{"Instances", {Instance("i-1", "pending", "", "")}}}),
            Lines{"i-1 (web) pending, t2.micro in ap-northeast-2a, no public IP"});
  EXPECT_EQ(KeyFacts("DescribeInstances", {{"Reservations", json::array()}}),
            Lines{"no instances match"});
}

TEST(KeyFacts, ManyItemsAreCappedWithACountOfTheRest) {
  json instances = json::array();
  for (int i = 0; i < 11; ++i)
    instances.push_back(Instance("i-" + std::to_string(i), "running", "", ""));
  Lines lines = KeyFacts("RunInstances", {{"Instances", instances}});
  ASSERT_EQ(lines.size(), kMaxFactItems + 1);
  EXPECT_EQ(lines.back(), "... and 3 more");
}

TEST(KeyFacts, StateChangesShowPreviousAndCurrentState) {
  auto change = [](const char* from, const char* to) {
    return json{{"InstanceId", "i-1"},
                {"PreviousState", {{"Name", from}}},
                {"CurrentState", {{"Name", to}}}};
  };
  EXPECT_EQ(KeyFacts("StopInstances", {{"StoppingInstances", {change("running", "stopping")}}}),
            Lines{"i-1 running -> stopping"});
  EXPECT_EQ(KeyFacts("StartInstances", {{"StartingInstances", {change("stopped", "pending")}}}),
            Lines{"i-1 stopped -> pending"});
  EXPECT_EQ(KeyFacts("TerminateInstances",
                     {{"TerminatingInstances", {change("running", "shutting-down")}}}),
            Lines{"i-1 running -> shutting-down"});
}

TEST(KeyFacts, ElasticIpsShowTheirAddressAllocationAndWhereTheyAre) {
  EXPECT_EQ(
      KeyFacts("AllocateAddress", {{"PublicIp", "43.200.1.2"}, {"AllocationId", "eipalloc-1"}}),
      Lines{"Elastic IP 43.200.1.2, allocation eipalloc-1"});
  EXPECT_EQ(KeyFacts("AssociateAddress", {{"AssociationId", "eipassoc-1"}}),
            Lines{"association eipassoc-1"});
  json addresses = {
      {"Addresses",
       {{{"PublicIp", "43.200.1.2"}, {"AllocationId", "eipalloc-1"}, {"InstanceId", "i-1"}},
        {{"PublicIp", "43.200.1.3"}, {"AllocationId", "eipalloc-2"}}}}};
  EXPECT_EQ(KeyFacts("DescribeAddresses", addresses),
            (Lines{"43.200.1.2 (eipalloc-1) on i-1",
                   "43.200.1.3 (eipalloc-2) idle: allocated, attached to nothing"}));
  EXPECT_EQ(KeyFacts("DescribeAddresses", {{"Addresses", json::array()}}), Lines{"no Elastic IPs"});
}

TEST(KeyFacts, ANewKeyPairSaysItsPrivateKeyIsShownOnce) {
  json answer = {{"KeyName", "my-first-key"},
                 {"KeyFingerprint", "1f:2e"},
                 {"KeyMaterial", "-----BEGIN RSA PRIVATE KEY-----\nAAA\n"}};
  EXPECT_EQ(KeyFacts("CreateKeyPair", answer),
            Lines{"my-first-key, fingerprint 1f:2e, private key shown once (only in this answer)"});
}

TEST(KeyFacts, SecurityGroupsShowTheGroupAndTheRulesAdded) {
  EXPECT_EQ(KeyFacts("CreateSecurityGroup", {{"GroupId", "sg-1"}}), Lines{"group sg-1"});
  json rules = {{"SecurityGroupRules",
                 {{{"IsEgress", false},
                   {"IpProtocol", "tcp"},
                   {"FromPort", 22},
                   {"ToPort", 22},
                   {"CidrIpv4", "203.0.113.7/32"}},
                  {{"IsEgress", false},
                   {"IpProtocol", "udp"},
                   {"FromPort", 1000},
                   {"ToPort", 2000},
                   {"ReferencedGroupInfo", {{"GroupId", "sg-2"}}}},
                  {{"IsEgress", true},
                   {"IpProtocol", "-1"},
                   {"FromPort", -1},
                   {"ToPort", -1},
                   {"CidrIpv6", "::/0"}}}}};
  EXPECT_EQ(KeyFacts("AuthorizeSecurityGroupIngress", rules),
            (Lines{"rule added: inbound tcp port 22 from 203.0.113.7/32",
                   "rule added: inbound udp ports 1000-2000 from sg-2",
                   "rule added: outbound all traffic to ::/0"}));
}

TEST(KeyFacts, CatalogAnswersAreCounted) {
  EXPECT_EQ(KeyFacts("DescribeImages", {{"Images", {json::object(), json::object()}}}),
            Lines{"2 images"});
  EXPECT_EQ(
      KeyFacts("DescribeInstanceTypes", {{"InstanceTypes", {json::object()}}, {"NextToken", "t"}}),
      Lines{"1 instance types on this page (NextToken has more)"});
}

TEST(KeyFacts, ZonesAreNamed) {
  EXPECT_EQ(KeyFacts("DescribeAvailabilityZones",
                     {{"AvailabilityZones",
                       {{{"ZoneName", "ap-northeast-2a"}}, {{"ZoneName", "ap-northeast-2b"}}}}}),
            Lines{"2 zones: ap-northeast-2a, ap-northeast-2b"});
}

TEST(KeyFacts, ABillShowsItsTotalToTheCent) {
  EXPECT_EQ(KeyFacts("bill", {{"TotalUSD", 0.41}, {"PricingPolicy", "public-ipv4-2024"}}),
            Lines{"total $0.41 (public-ipv4-2024 pricing)"});
  EXPECT_EQ(Cents(4.0), "$4.00");
  EXPECT_EQ(Cents(12.3), "$12.30");
}

TEST(KeyFacts, UnknownActionsAndOddAnswersGiveNoFactsAndNoCrash) {
  EXPECT_TRUE(KeyFacts("Echo", {{"A", 1}}).empty());
  EXPECT_TRUE(KeyFacts("DescribeInstances", json::array()).empty());
  EXPECT_TRUE(KeyFacts("bill", {{"TotalUSD", "cheap"}}).empty());
  // Fields of the wrong type read as empty rather than throw.
  Lines odd =
      KeyFacts("DescribeInstances",
               {{"Reservations", {{{"Instances", {{{"InstanceId", 7}, {"State", "x"}}}}}}}});
  EXPECT_EQ(odd.size(), 1u);
}

TEST(UsdRate, KeepsTwoDecimalsAndEveryDigit) {
  EXPECT_EQ(UsdRate(5'000), "$0.005");
  EXPECT_EQ(UsdRate(10'000), "$0.01");
  EXPECT_EQ(UsdRate(0), "$0.00");
  EXPECT_EQ(UsdRate(1'234'567), "$1.234567");
}

}  // namespace
}  // namespace ec2sim::scenario
