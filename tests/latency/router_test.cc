// Shortest paths on small hand-made networks whose round trips are worked out by hand.
#include "sim/model/latency/router.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ec2sim::latency {
namespace {

// One degree of longitude on the equator is 111.195 km; with route factor 1.000 its round
// trip is 111.195 * 10 us = 1112 us (rounded).
Network Line() {
  // r1 (0,0) -- x exchange (0,1) -- l landing (0,2) -- r2 (0,3)
  auto net = Network::FromCsv(
      {{"r1", NodeKind::kRegion, "r1", "", {0, 0}}, {"r2", NodeKind::kRegion, "r2", "", {0, 3}}},
      "id,kind,name,country,lat,lon\nx,exchange,X,ZZ,0,1\nl,landing,L,ZZ,0,2\n",
      "a,b,medium,use\nr1,x,land,all\nx,l,sea,all\nl,r2,land,all\n");
  EXPECT_TRUE(net.ok());
  return std::move(net).value();
}

std::vector<std::string> Ids(const Network& net, const std::vector<int>& path) {
  std::vector<std::string> out;
  for (int i : path) out.push_back(net.node(i).id);
  return out;
}

TEST(LatencyRouter, RoundTripIsPropagationPlusOneHopPerExchange) {
  Network net = Line();
  Router router(net,
                {.land_factor_permille = 1000,
                 .sea_factor_permille = 1000,
                 .hop_micros = 2000,
                 .endpoint_micros = 0},
                Traffic::kBackbone);
  Router::Tree tree = router.From(net.Find("r1"));
  // 3 edges x 1112 us, plus the exchange x (2000 us); the landing station costs nothing.
  EXPECT_EQ(router.RttMicros(tree, net.Find("r2")), 3 * 1112 + 2000);
  EXPECT_EQ(Ids(net, router.PathTo(tree, net.Find("r2"))),
            (std::vector<std::string>{"r1", "x", "l", "r2"}));
  EXPECT_EQ(router.RttMicros(tree, net.Find("r1")), 0);
}

TEST(LatencyRouter, RouteFactorsLengthenEachMediumSeparately) {
  Network net = Line();
  Router router(net,
                {.land_factor_permille = 1200,
                 .sea_factor_permille = 1150,
                 .hop_micros = 2000,
                 .endpoint_micros = 0},
                Traffic::kBackbone);
  // land: 111.195 * 1.2 * 10 = 1334.3 -> 1334 us; sea: 111.195 * 1.15 * 10 = 1278.7 -> 1279 us.
  EXPECT_EQ(router.EdgeRttMicros(0), 1334);
  EXPECT_EQ(router.EdgeRttMicros(1), 1279);
  Router::Tree tree = router.From(net.Find("r1"));
  EXPECT_EQ(router.RttMicros(tree, net.Find("r2")), 1334 + 1279 + 1334 + 2000);
}

TEST(LatencyRouter, PrefersFewerHopsWhenTheyCostMoreThanTheDetour) {
  // r1 -- a -- b -- r2 along the equator (two exchanges) or r1 -- c -- r2 through one exchange
  // at (1, 1.5), a slightly longer way.
  auto net = Network::FromCsv(
      {{"r1", NodeKind::kRegion, "r1", "", {0, 0}}, {"r2", NodeKind::kRegion, "r2", "", {0, 3}}},
      "id,kind,name,country,lat,lon\na,exchange,A,ZZ,0,1\nb,exchange,B,ZZ,0,2\nc,exchange,C,ZZ,1,1."
      "5\n",
      "a,b,medium,use\nr1,a,land,all\na,b,land,all\nb,r2,land,all\nr1,c,land,all\nc,r2,land,all\n");
  ASSERT_TRUE(net.ok());
  RouteParams cheap_hops{.land_factor_permille = 1000,
                         .sea_factor_permille = 1000,
                         .hop_micros = 0,
                         .endpoint_micros = 0};
  RouteParams dear_hops = cheap_hops;
  dear_hops.hop_micros = 5000;
  Router cheap(*net, cheap_hops, Traffic::kBackbone);
  Router dear(*net, dear_hops, Traffic::kBackbone);
  int r1 = net->Find("r1"), r2 = net->Find("r2");
  EXPECT_EQ(Ids(*net, cheap.PathTo(cheap.From(r1), r2)),
            (std::vector<std::string>{"r1", "a", "b", "r2"}));
  EXPECT_EQ(Ids(*net, dear.PathTo(dear.From(r1), r2)), (std::vector<std::string>{"r1", "c", "r2"}));
}

TEST(LatencyRouter, RegionsAreNeverTransitPoints) {
  // The direct way passes through region r3; the only other way is a long detour.
  auto net = Network::FromCsv(
      {{"r1", NodeKind::kRegion, "r1", "", {0, 0}},
       {"r2", NodeKind::kRegion, "r2", "", {0, 3}},
       {"r3", NodeKind::kRegion, "r3", "", {0, 1.5}}},
      "id,kind,name,country,lat,lon\nfar,exchange,Far,ZZ,20,1.5\n",
      "a,b,medium,use\nr1,r3,land,all\nr3,r2,land,all\nr1,far,land,all\nfar,r2,land,all\n");
  ASSERT_TRUE(net.ok());
  Router router(*net, RouteParams{}, Traffic::kBackbone);
  Router::Tree tree = router.From(net->Find("r1"));
  EXPECT_EQ(Ids(*net, router.PathTo(tree, net->Find("r2"))),
            (std::vector<std::string>{"r1", "far", "r2"}));
  // r3 itself is still reachable as an end.
  EXPECT_EQ(Ids(*net, router.PathTo(tree, net->Find("r3"))),
            (std::vector<std::string>{"r1", "r3"}));
}

TEST(LatencyRouter, BackboneFlowsSkipInternetOnlyEdges) {
  auto net = Network::FromCsv(
      {{"r1", NodeKind::kRegion, "r1", "", {0, 0}}, {"r2", NodeKind::kRegion, "r2", "", {0, 3}}},
      "id,kind,name,country,lat,lon\nx,exchange,X,ZZ,0,1.5\ny,exchange,Y,ZZ,10,1.5\n",
      "a,b,medium,use\nr1,x,sea,internet\nx,r2,sea,internet\nr1,y,land,all\ny,r2,land,all\n");
  ASSERT_TRUE(net.ok());
  Router backbone(*net, RouteParams{}, Traffic::kBackbone);
  Router internet(*net, RouteParams{}, Traffic::kInternet);
  int r1 = net->Find("r1"), r2 = net->Find("r2");
  EXPECT_EQ(Ids(*net, backbone.PathTo(backbone.From(r1), r2)),
            (std::vector<std::string>{"r1", "y", "r2"}));
  EXPECT_EQ(Ids(*net, internet.PathTo(internet.From(r1), r2)),
            (std::vector<std::string>{"r1", "x", "r2"}));
}

TEST(LatencyRouter, UnreachableNodesHaveNoPath) {
  auto net = Network::FromCsv(
      {{"r1", NodeKind::kRegion, "r1", "", {0, 0}}, {"r2", NodeKind::kRegion, "r2", "", {0, 3}}},
      "id,kind,name,country,lat,lon\nx,exchange,X,ZZ,0,1\n", "a,b,medium,use\nr1,x,land,all\n");
  ASSERT_TRUE(net.ok());
  Router router(*net, RouteParams{}, Traffic::kBackbone);
  Router::Tree tree = router.From(net->Find("r1"));
  EXPECT_EQ(router.RttMicros(tree, net->Find("r2")), -1);
  EXPECT_TRUE(router.PathTo(tree, net->Find("r2")).empty());
}

}  // namespace
}  // namespace ec2sim::latency
