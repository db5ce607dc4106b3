// The built-in network's invariants and the validation of network data files.
#include "sim/model/latency/network.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/model/regions.h"

namespace ec2sim::latency {
namespace {

std::vector<int> Degrees(const Network& net) {
  std::vector<int> degree(net.nodes().size(), 0);
  for (const Edge& e : net.edges()) {
    ++degree[e.a];
    ++degree[e.b];
  }
  return degree;
}

TEST(LatencyNetwork, EveryRegionIsARegionNodeWithItsCoordinates) {
  const Network& net = Network::Builtin();
  for (const model::RegionInfo& r : model::Regions()) {
    int i = net.Find(r.code);
    ASSERT_GE(i, 0) << r.code;
    EXPECT_EQ(net.node(i).kind, NodeKind::kRegion);
    EXPECT_DOUBLE_EQ(net.node(i).pos.lat, r.latitude);
    EXPECT_DOUBLE_EQ(net.node(i).pos.lon, r.longitude);
  }
}

TEST(LatencyNetwork, HasExchangesAndLandingStationsOnEveryContinent) {
  const Network& net = Network::Builtin();
  int exchanges = 0, landings = 0;
  for (const Node& n : net.nodes()) {
    exchanges += n.kind == NodeKind::kExchange;
    landings += n.kind == NodeKind::kLanding;
  }
  EXPECT_GE(exchanges, 100);
  EXPECT_GE(landings, 25);
  // A few of the places the issue names: trans-Pacific landings in Japan and on the US west
  // coast, the Suez route, South America's link to the US east coast.
  for (const char* id : {"chiba", "oregoncoast", "zafarana", "djibouti", "praiagrande", "miami"}) {
    EXPECT_GE(net.Find(id), 0) << id;
  }
}

TEST(LatencyNetwork, EveryRegionHangsOffANearbyExchange) {
  const Network& net = Network::Builtin();
  for (const model::RegionInfo& r : model::Regions()) {
    int region = net.Find(r.code);
    double nearest = 1e9;
    for (const Edge& e : net.edges()) {
      if (e.a != region && e.b != region) continue;
      const Node& other = net.node(e.a == region ? e.b : e.a);
      EXPECT_EQ(other.kind, NodeKind::kExchange) << r.code << " -> " << other.id;
      nearest = std::min(nearest, e.great_circle_km);
    }
    EXPECT_LT(nearest, 400) << r.code;
  }
}

TEST(LatencyNetwork, LandingStationsPassTrafficThroughAndNothingIsIsolated) {
  const Network& net = Network::Builtin();
  std::vector<int> degree = Degrees(net);
  for (size_t i = 0; i < net.nodes().size(); ++i) {
    EXPECT_GE(degree[i], 1) << net.node(i).id;
    if (net.node(i).kind == NodeKind::kLanding) {
      EXPECT_GE(degree[i], 2) << net.node(i).id;
    }
  }
}

TEST(LatencyNetwork, EdgesAreShorterThanTheLongestCableSpans) {
  // No span is longer than the longest real cable segments between two landings (Taiwan to
  // Los Angeles on PLCN, about 10,900 km great circle); a longer edge would be a typo.
  // Only a region's link to its own metro may be (nearly) zero long.
  const Network& net = Network::Builtin();
  for (const Edge& e : net.edges()) {
    EXPECT_LT(e.great_circle_km, 11500.0) << net.node(e.a).id << "-" << net.node(e.b).id;
    if (net.node(e.a).kind != NodeKind::kRegion && net.node(e.b).kind != NodeKind::kRegion) {
      EXPECT_GT(e.great_circle_km, 20.0) << net.node(e.a).id << "-" << net.node(e.b).id;
    }
  }
}

TEST(LatencyNetwork, EdgeBetweenFindsEitherDirection) {
  const Network& net = Network::Builtin();
  int seoul = net.Find("seoul"), busan = net.Find("busan");
  int e = net.EdgeBetween(seoul, busan);
  ASSERT_GE(e, 0);
  EXPECT_EQ(net.EdgeBetween(busan, seoul), e);
  EXPECT_EQ(net.EdgeBetween(seoul, net.Find("sydney")), -1);
}

TEST(LatencyNetwork, NearestExchangesAreOrderedByDistance) {
  const Network& net = Network::Builtin();
  std::vector<int> near = net.NearestExchanges({37.57, 126.98}, 3);
  ASSERT_EQ(near.size(), 3u);
  EXPECT_EQ(net.node(near[0]).id, "seoul");
  for (int i : near) EXPECT_EQ(net.node(i).kind, NodeKind::kExchange);
}

TEST(LatencyNetwork, NearestExchangesStayInTheClientsCountryWhenItHasOne) {
  // Busan is closer to Fukuoka (210 km) than to Seoul (330 km), but a Korean ISP hands its
  // traffic over in Korea, not across the strait.
  const Network& net = Network::Builtin();
  LatLon busan{35.18, 129.08};
  EXPECT_EQ(net.node(net.NearestExchanges(busan, 1)[0]).id, "fukuoka");
  EXPECT_EQ(net.node(net.NearestExchanges(busan, 1, "KR")[0]).id, "seoul");
  // A country without an exchange of its own falls back to the nearest anywhere.
  EXPECT_EQ(net.node(net.NearestExchanges({41.72, 44.79}, 1, "GE")[0]).id, "istanbul");
}

std::vector<Node> TwoRegions() {
  return {{"r1", NodeKind::kRegion, "r1", "", {0, 0}}, {"r2", NodeKind::kRegion, "r2", "", {0, 3}}};
}

TEST(LatencyNetwork, FromCsvBuildsNodesAndEdgesWithGreatCircleLengths) {
  auto net = Network::FromCsv(TwoRegions(), "id,kind,name,country,lat,lon\nx,exchange,X,ZZ,0,1\n",
                              "a,b,medium,use\nr1,x,land,all\nx,r2,sea,internet\n");
  ASSERT_TRUE(net.ok()) << net.error().message;
  ASSERT_EQ(net->nodes().size(), 3u);
  ASSERT_EQ(net->edges().size(), 2u);
  // One degree of longitude on the equator: 2 * pi * 6371 / 360 = 111.195 km.
  EXPECT_NEAR(net->edges()[0].great_circle_km, 111.195, 0.001);
  EXPECT_NEAR(net->edges()[1].great_circle_km, 2 * 111.195, 0.002);
  EXPECT_EQ(net->edges()[1].medium, Medium::kSea);
  EXPECT_EQ(net->edges()[1].use, EdgeUse::kInternetOnly);
}

TEST(LatencyNetwork, FromCsvRejectsBrokenRowsNamingThem) {
  struct Case {
    const char* nodes;
    const char* edges;
    const char* expected;
  };
  const Case cases[] = {
      {"x,router,X,ZZ,0,1\n", "", "kind must be"},
      {"x,exchange,X,ZZ,91,1\n", "", "latitude must be"},
      {"x,exchange,X,ZZ,0,1\nx,landing,Y,ZZ,0,2\n", "", "duplicate node id 'x'"},
      {"", "r1,nowhere,land,all\n", "unknown node 'nowhere'"},
      {"", "r1,r1,land,all\n", "must join two nodes"},
      {"", "r1,r2,land,all\nr2,r1,sea,all\n", "duplicate edge"},
      {"", "r1,r2,air,all\n", "medium must be"},
      {"", "r1,r2,land,some\n", "use must be"},
  };
  for (const Case& c : cases) {
    auto net =
        Network::FromCsv(TwoRegions(), std::string("id,kind,name,country,lat,lon\n") + c.nodes,
                         std::string("a,b,medium,use\n") + c.edges);
    ASSERT_FALSE(net.ok()) << c.expected;
    EXPECT_EQ(net.error().code, ErrorCode::kSimInvalidInput);
    EXPECT_NE(net.error().message.find(c.expected), std::string::npos) << net.error().message;
  }
}

}  // namespace
}  // namespace ec2sim::latency
