// The world map drawn by `ec2sim latency --svg`.
#include "sim/report/latency_map.h"

#include <gtest/gtest.h>

#include <string>

#include "sim/model/latency/latency.h"
#include "sim/model/latency/meaning.h"

namespace ec2sim::latency {
namespace {

using report::WorldMapSvg;

Route SeoulToVirginia() {
  auto from = ParsePlace("Seoul");
  auto to = ParsePlace("us-east-1");
  EXPECT_TRUE(from.ok() && to.ok());
  auto route = RoundTrip(*from, *to);
  EXPECT_TRUE(route.ok());
  return std::move(route).value();
}

TEST(LatencyMap, DrawsTheRouteItsEndsAndItsRtt) {
  Route route = SeoulToVirginia();
  std::string svg = WorldMapSvg({route}, "From Seoul");
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("<title>From Seoul</title>"), std::string::npos);
  EXPECT_NE(svg.find("Seoul (client)"), std::string::npos);
  EXPECT_NE(svg.find("us-east-1"), std::string::npos);
  EXPECT_NE(svg.find(FormatWait(route.rtt_micros)), std::string::npos);
  EXPECT_NE(svg.find("#d55e00"), std::string::npos);  // the first route's colour
}

TEST(LatencyMap, SameRoutesGiveTheSameBytes) {
  Route route = SeoulToVirginia();
  EXPECT_EQ(WorldMapSvg({route}, "x"), WorldMapSvg({route}, "x"));
  EXPECT_NE(WorldMapSvg({}, "x"), WorldMapSvg({route}, "x"));
}

TEST(LatencyMap, NetworkAloneListsEveryRegion) {
  std::string svg = WorldMapSvg({}, "The network");
  for (const model::RegionInfo& r : model::Regions()) {
    EXPECT_NE(svg.find(">" + r.code + "<"), std::string::npos) << r.code;
  }
}

}  // namespace
}  // namespace ec2sim::latency
