#include "sim/model/regions.h"

#include <gtest/gtest.h>

#include "sim/model/world.h"

namespace ec2sim::model {
namespace {

TEST(Regions, AllThirtyFourCommercialRegionsAreModelled) {
  EXPECT_EQ(Regions().size(), 34u);
  int azs = 0;
  for (const RegionInfo& r : Regions()) {
    azs += r.az_count;
    EXPECT_GE(r.az_count, 3) << r.code;
    EXPECT_FALSE(r.public_blocks.empty()) << r.code << " has no public address pool";
  }
  EXPECT_EQ(azs, 108);  // ec2-semantics.md §7.1 cross-check
}

TEST(Regions, SeoulHasFourZonesWithAwsStyleNamesAndIds) {
  const RegionInfo* seoul = FindRegion("ap-northeast-2");
  ASSERT_NE(seoul, nullptr);
  EXPECT_EQ(seoul->display_name, "Asia Pacific (Seoul)");
  EXPECT_EQ(seoul->az_count, 4);
  EXPECT_FALSE(seoul->opt_in);
  EXPECT_EQ(AzName(*seoul, 0), "ap-northeast-2a");
  EXPECT_EQ(AzName(*seoul, 3), "ap-northeast-2d");
  EXPECT_EQ(AzId(*seoul, 0), "apne2-az1");
  EXPECT_EQ(AzIndex(*seoul, "ap-northeast-2c"), 2);
  EXPECT_EQ(AzIndex(*seoul, "ap-northeast-2e"), -1);
}

TEST(Regions, ShortCodesFollowAwsAbbreviations) {
  EXPECT_EQ(FindRegion("us-east-1")->short_code, "use1");
  EXPECT_EQ(FindRegion("eu-central-1")->short_code, "euc1");
  EXPECT_EQ(FindRegion("ap-southeast-2")->short_code, "apse2");
  EXPECT_EQ(FindRegion("sa-east-1")->short_code, "sae1");
  EXPECT_EQ(FindRegion("ca-west-1")->short_code, "caw1");
}

TEST(Regions, OptInFollowsLaunchDate) {
  EXPECT_TRUE(FindRegion("af-south-1")->opt_in);
  EXPECT_TRUE(FindRegion("ap-east-1")->opt_in);
  EXPECT_FALSE(FindRegion("eu-north-1")->opt_in);
}

TEST(Regions, OptInRegionsAreEnabledByOptionsOrPerAccount) {
  SandboxOptions options;
  options.opted_in_regions = {"me-south-1"};
  World world(options);
  const RegionInfo& seoul = *FindRegion("ap-northeast-2");
  const RegionInfo& hong_kong = *FindRegion("ap-east-1");
  const RegionInfo& bahrain = *FindRegion("me-south-1");
  EXPECT_TRUE(world.RegionEnabled("111111111111", seoul));
  EXPECT_TRUE(world.RegionEnabled("111111111111", bahrain));
  EXPECT_FALSE(world.RegionEnabled("111111111111", hong_kong));
  world.OptInRegion("222222222222", "ap-east-1");
  EXPECT_TRUE(world.RegionEnabled("222222222222", hong_kong));
  EXPECT_FALSE(world.RegionEnabled("111111111111", hong_kong));
}

TEST(Regions, PublicPoolsNeverOverlapAcrossRegions) {
  std::vector<std::pair<std::string, Cidr4>> all;
  for (const RegionInfo& r : Regions()) {
    for (const Cidr4& b : r.public_blocks) all.emplace_back(r.code, b);
  }
  for (size_t i = 0; i < all.size(); ++i) {
    for (size_t j = i + 1; j < all.size(); ++j) {
      EXPECT_FALSE(all[i].second.Overlaps(all[j].second))
          << all[i].first << " " << all[i].second.ToString() << " overlaps " << all[j].first << " "
          << all[j].second.ToString();
    }
  }
}

TEST(Regions, UnknownCodesGetCloseSuggestions) {
  EXPECT_EQ(FindRegion("ap-northeast-9"), nullptr);
  auto similar = SimilarRegionCodes("ap-northaest-2");
  ASSERT_FALSE(similar.empty());
  EXPECT_EQ(similar[0], "ap-northeast-2");
}

}  // namespace
}  // namespace ec2sim::model
