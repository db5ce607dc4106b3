// Round trips inside one region.
#include <gtest/gtest.h>

#include <set>

#include "sim/model/latency/latency.h"
#include "sim/model/regions.h"

namespace ec2sim::latency {
namespace {

TEST(LatencySameRegion, SameAzIsSubMillisecondAndCrossAzStaysUnderTwo) {
  std::set<std::int64_t> distinct;
  for (const model::RegionInfo& r : model::Regions()) {
    for (int a = 0; a < r.az_count; ++a) {
      EXPECT_EQ(SameRegionRttMicros(r, a, a), 300) << r.code;
      for (int b = 0; b < r.az_count; ++b) {
        if (a == b) continue;
        std::int64_t rtt = SameRegionRttMicros(r, a, b);
        EXPECT_GT(rtt, 300) << r.code << " " << a << "-" << b;
        EXPECT_GE(rtt, 500) << r.code;
        EXPECT_LE(rtt, 2000) << r.code;
        EXPECT_EQ(rtt, SameRegionRttMicros(r, b, a));
        distinct.insert(rtt);
      }
    }
  }
  EXPECT_GT(distinct.size(), 20u);  // AZ pairs differ, as real AZ distances do
}

TEST(LatencySameRegion, RoundTripBetweenZonesUsesTheSameRegionFigures) {
  const model::RegionInfo& seoul = *model::FindRegion("ap-northeast-2");
  auto cross = RoundTrip(RegionPlace(seoul, 0), RegionPlace(seoul, 2));
  ASSERT_TRUE(cross.ok());
  EXPECT_TRUE(cross->same_region);
  EXPECT_EQ(cross->rtt_micros, SameRegionRttMicros(seoul, 0, 2));
  ASSERT_EQ(cross->stops.size(), 2u);
  EXPECT_EQ(cross->stops[0].name, "ap-northeast-2a");
  EXPECT_EQ(cross->stops[1].name, "ap-northeast-2c");

  auto same = RoundTrip(RegionPlace(seoul, 1), RegionPlace(seoul, 1));
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->rtt_micros, 300);

  // Two ends naming only the region: the first two AZs, as on the matrix diagonal.
  auto whole = RoundTrip(RegionPlace(seoul), RegionPlace(seoul));
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole->rtt_micros, SameRegionRttMicros(seoul, 0, 1));
}

TEST(LatencySameRegion, ZonesDoNotChangeInterRegionRoundTrips) {
  const model::RegionInfo& seoul = *model::FindRegion("ap-northeast-2");
  const model::RegionInfo& tokyo = *model::FindRegion("ap-northeast-1");
  auto region = RoundTrip(RegionPlace(seoul), RegionPlace(tokyo));
  auto zones = RoundTrip(RegionPlace(seoul, 3), RegionPlace(tokyo, 1));
  ASSERT_TRUE(region.ok() && zones.ok());
  EXPECT_EQ(region->rtt_micros, zones->rtt_micros);
  EXPECT_FALSE(region->same_region);
}

}  // namespace
}  // namespace ec2sim::latency
