// No modelled round trip beats light in fiber along the great circle.
#include <gtest/gtest.h>

#include "sim/model/latency/cities.h"
#include "sim/model/latency/latency.h"
#include "sim/model/regions.h"

namespace ec2sim::latency {
namespace {

TEST(LatencyPhysicalLimit, EveryRegionPairIsAboveTheFiberLimitAndSymmetric) {
  const auto& regions = model::Regions();
  auto matrix = RegionMatrixMicros();
  for (size_t i = 0; i < regions.size(); ++i) {
    for (size_t j = 0; j < regions.size(); ++j) {
      if (i == j) continue;
      LatLon a{regions[i].latitude, regions[i].longitude};
      LatLon b{regions[j].latitude, regions[j].longitude};
      EXPECT_GT(matrix[i][j], FiberLimitRttMicros(a, b))
          << regions[i].code << " -> " << regions[j].code;
      EXPECT_EQ(matrix[i][j], matrix[j][i]) << regions[i].code << " <-> " << regions[j].code;
    }
  }
}

TEST(LatencyPhysicalLimit, EveryCityToEveryRegionIsAboveTheFiberLimit) {
  for (const City& city : Cities()) {
    Place client = ClientPlace(city.pos, city.name);
    for (const model::RegionInfo& r : model::Regions()) {
      Result<Route> route = RoundTrip(client, RegionPlace(r));
      ASSERT_TRUE(route.ok()) << city.name << " -> " << r.code;
      EXPECT_GT(route->rtt_micros, route->physical_limit_micros) << city.name << " -> " << r.code;
      EXPECT_GT(route->route_km, route->great_circle_km - 0.001) << city.name << " -> " << r.code;
    }
  }
}

TEST(LatencyPhysicalLimit, LimitIsTwiceTheGreatCircleAtTwoHundredThousandKmPerSecond) {
  // Seoul (37.5665, 126.978) to N. Virginia (39.0458, -77.4874): 11,136.4 km by the haversine
  // formula on a 6,371 km sphere, so light in fiber needs 2 * 11,136.4 / 200,000 s = 111.36 ms
  // there and back.
  const model::RegionInfo* seoul = model::FindRegion("ap-northeast-2");
  const model::RegionInfo* virginia = model::FindRegion("us-east-1");
  LatLon a{seoul->latitude, seoul->longitude}, b{virginia->latitude, virginia->longitude};
  EXPECT_NEAR(GreatCircleKm(a, b), 11136.4, 0.5);
  EXPECT_NEAR(static_cast<double>(FiberLimitRttMicros(a, b)), 111364, 5);
}

}  // namespace
}  // namespace ec2sim::latency
