// DescribeInstanceTypeOfferings by region, Availability Zone and zone id, with its filters and
// paging, and RunInstances in a zone that does not offer the type (sim/model/data/
// zone_type_gaps.csv: us-east-1e offers no T3, T3a, T4g, M5, C5 or R5; us-west-2d no T2).
#include <gtest/gtest.h>

#include <set>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

class TypeOfferings : public SandboxTest {
 protected:
  json Offerings(const json& params) {
    return Call("DescribeInstanceTypeOfferings", params)["InstanceTypeOfferings"];
  }
};

TEST_F(TypeOfferings, TheRegionOffersEveryCatalogTypeByDefault) {
  json all = Offerings(json::object());
  EXPECT_EQ(all.size(), 52u);
  EXPECT_EQ(all[0], (json{{"InstanceType", "t2.nano"},
                          {"LocationType", "region"},
                          {"Location", "ap-northeast-2"}}));
  json micro =
      Offerings({{"Filters", {Filter("instance-type", {"t3.micro"})}}, {"LocationType", "region"}});
  ASSERT_EQ(micro.size(), 1u);
  EXPECT_EQ(micro[0]["Location"], "ap-northeast-2");
}

TEST_F(TypeOfferings, ZonesAndZoneIdsListWhatEachZoneOffers) {
  ctx_.region = "us-east-1";
  json zones = Offerings({{"LocationType", "availability-zone"},
                          {"Filters", {Filter("instance-type", {"t3.micro", "t2.micro"})}}});
  std::set<std::string> t3_zones, t2_zones;
  for (const json& o : zones) {
    EXPECT_EQ(o["LocationType"], "availability-zone");
    (o["InstanceType"] == "t3.micro" ? t3_zones : t2_zones).insert(o["Location"]);
  }
  EXPECT_EQ(t2_zones.size(), 6u);
  EXPECT_EQ(t3_zones, (std::set<std::string>{"us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d",
                                             "us-east-1f"}));
  json ids = Offerings(
      {{"LocationType", "availability-zone-id"}, {"Filters", {Filter("location", {"use1-az5"})}}});
  EXPECT_EQ(ids.size(), 7u);  // us-east-1e's id: the seven T2 sizes only
  EXPECT_EQ(ids[0]["Location"], "use1-az5");
  EXPECT_EQ(ids[0]["LocationType"], "availability-zone-id");
}

TEST_F(TypeOfferings, FiltersTakeWildcardsAndPagesFollowTheToken) {
  json t4g = Offerings({{"Filters", {Filter("instance-type", {"t4g.*"})}}});
  EXPECT_EQ(t4g.size(), 7u);
  json small = Offerings({{"Filters", {Filter("instance-type", {"?3.small"})}}});
  EXPECT_EQ(small.size(), 1u);
  json first = Call("DescribeInstanceTypeOfferings", {{"MaxResults", 50}});
  ASSERT_EQ(first["InstanceTypeOfferings"].size(), 50u);
  json rest = Call("DescribeInstanceTypeOfferings",
                   {{"MaxResults", 50}, {"NextToken", first["NextToken"]}});
  EXPECT_EQ(rest["InstanceTypeOfferings"].size(), 2u);
  EXPECT_FALSE(rest.contains("NextToken"));
}

TEST_F(TypeOfferings, BadLocationTypesFiltersAndPageSizesAreRefused) {
  EXPECT_EQ(ErrorOf("DescribeInstanceTypeOfferings", {{"LocationType", "country"}}),
            "InvalidParameterValue");
  EXPECT_EQ(
      ErrorOf("DescribeInstanceTypeOfferings", {{"Filters", {Filter("instance-family", {"t3"})}}}),
      "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("DescribeInstanceTypeOfferings", {{"MaxResults", 4}}), "InvalidParameterValue");
  EXPECT_EQ(Offerings({{"LocationType", "outpost"}}).size(), 0u);
}

TEST_F(TypeOfferings, RunInstancesInAZoneWithoutTheTypeIsUnsupported) {
  ctx_.region = "us-east-1";
  json params = {{"ImageId", kVirginiaAl2023},
                 {"InstanceType", "t3.micro"},
                 {"MinCount", 1},
                 {"MaxCount", 1},
                 {"Placement", {{"AvailabilityZone", "us-east-1e"}}}};
  Result<json> r = sandbox_->Call("RunInstances", params, ctx_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(AwsCode(r.error().code), "Unsupported");
  EXPECT_EQ(r.error().message,
            "Your requested instance type (t3.micro) is not supported in your requested "
            "Availability Zone (us-east-1e). Please retry your request by not specifying an "
            "Availability Zone or choosing us-east-1a, us-east-1b, us-east-1c, us-east-1d, "
            "us-east-1f.");
  params["InstanceType"] = "t2.micro";
  EXPECT_EQ(Call("RunInstances", params)["Instances"][0]["Placement"]["AvailabilityZone"],
            "us-east-1e");
}

TEST_F(TypeOfferings, WithoutAZoneEc2PicksOneThatOffersTheType) {
  ctx_.region = "us-east-1";
  for (int i = 0; i < 12; ++i) {  // 24 vCPUs, inside the quota of 32
    json r = Call("RunInstances", {{"ImageId", kVirginiaAl2023},
                                   {"InstanceType", "t3.nano"},
                                   {"MinCount", 1},
                                   {"MaxCount", 1}});
    EXPECT_NE(r["Instances"][0]["Placement"]["AvailabilityZone"], "us-east-1e");
  }
}

}  // namespace
}  // namespace ec2sim::testing
