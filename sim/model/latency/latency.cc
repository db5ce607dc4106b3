#include "sim/model/latency/latency.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <utility>

namespace ec2sim::latency {
namespace {

// A client's ISP hands its traffic to the backbone at the exchange nearest to the client (of
// the client's country when it has any). Letting it pick among several would wire clients
// straight across seas to distant metros, skipping the cables that really carry the traffic.
constexpr int kClientAttachments = 1;

Stop::Kind StopKind(NodeKind kind) {
  switch (kind) {
    case NodeKind::kRegion:
      return Stop::Kind::kRegion;
    case NodeKind::kExchange:
      return Stop::Kind::kExchange;
    case NodeKind::kLanding:
      return Stop::Kind::kLanding;
  }
  return Stop::Kind::kExchange;
}

Stop NodeStop(const Node& n) { return {n.name, n.pos, StopKind(n.kind)}; }

// Fills propagation, hops, stops and route length from a node path (first..last both ends).
void AddPath(const Router& router, const std::vector<int>& path, Route& route) {
  const Network& net = router.network();
  const RouteParams& params = router.params();
  for (size_t i = 0; i < path.size(); ++i) {
    const Node& n = net.node(path[i]);
    route.stops.push_back(NodeStop(n));
    if (i > 0) {
      int edge = net.EdgeBetween(path[i - 1], path[i]);
      assert(edge >= 0);
      const Edge& e = net.edges()[edge];
      int factor =
          e.medium == Medium::kSea ? params.sea_factor_permille : params.land_factor_permille;
      route.propagation_micros += router.EdgeRttMicros(edge);
      route.route_km += e.great_circle_km * factor / 1000.0;
    }
    if (n.kind == NodeKind::kExchange) route.hop_micros += params.hop_micros;
  }
}

void Finish(const Place& from, const Place& to, Route& route) {
  route.rtt_micros =
      route.propagation_micros + route.hop_micros + route.endpoint_micros + route.access_micros;
  route.great_circle_km = GreatCircleKm(from.pos, to.pos);
  route.physical_limit_micros = FiberLimitRttMicros(from.pos, to.pos);
}

Stop PlaceStop(const Place& p) {
  if (p.kind == Place::Kind::kClient) return {p.label + " (client)", p.pos, Stop::Kind::kClient};
  return {p.label, p.pos, Stop::Kind::kRegion};
}

Result<Route> SameRegion(const Place& from, const Place& to) {
  const model::RegionInfo* region = model::FindRegion(from.region);
  assert(region != nullptr);
  int a = from.az;
  int b = to.az;
  // A region named without an AZ stands for its first AZ; two such ends are "two instances
  // somewhere in the region", the first two AZs, as on the diagonal of the matrix.
  if (a < 0 && b < 0) {
    a = 0;
    b = region->az_count > 1 ? 1 : 0;
  }
  Route route;
  route.same_region = true;
  route.endpoint_micros = SameRegionRttMicros(*region, a < 0 ? 0 : a, b < 0 ? 0 : b);
  route.stops = {PlaceStop(from), PlaceStop(to)};
  Finish(from, to, route);
  return route;
}

Result<Route> BetweenRegions(const Place& from, const Place& to, const Router& backbone) {
  const Network& net = backbone.network();
  int a = net.Find(from.region);
  int b = net.Find(to.region);
  if (a < 0 || b < 0) {
    return MakeError(ErrorCode::kSimNotFound,
                     "region " + (a < 0 ? from.region : to.region) + " is not in the network");
  }
  Router::Tree tree = backbone.From(a);
  if (backbone.RttMicros(tree, b) < 0) {
    return MakeError(ErrorCode::kInternalError,
                     "no backbone route between " + from.region + " and " + to.region);
  }
  Route route;
  AddPath(backbone, backbone.PathTo(tree, b), route);
  route.stops.front() = PlaceStop(from);
  route.stops.back() = PlaceStop(to);
  route.endpoint_micros = 2 * backbone.params().endpoint_micros;
  Finish(from, to, route);
  assert(route.rtt_micros == backbone.RttMicros(tree, b) + 2 * backbone.params().endpoint_micros);
  return route;
}

// The client's flow enters the backbone at one of its nearest exchanges; the region's shortest
// path tree tells which entry gives the smallest total.
Result<Route> ClientToRegion(const Place& client, const Place& region, const Router& internet) {
  const Network& net = internet.network();
  const RouteParams& params = internet.params();
  int r = net.Find(region.region);
  if (r < 0) {
    return MakeError(ErrorCode::kSimNotFound, "region " + region.region + " is not in the network");
  }
  Router::Tree tree = internet.From(r);
  int best = -1;
  std::int64_t best_total = std::numeric_limits<std::int64_t>::max();
  for (int x : net.NearestExchanges(client.pos, kClientAttachments, client.country)) {
    std::int64_t via = internet.RttMicros(tree, x);
    if (via < 0) continue;
    std::int64_t total =
        via + params.hop_micros +
        FiberRttMicros(GreatCircleKm(client.pos, net.node(x).pos), params.land_factor_permille);
    if (total < best_total) {
      best_total = total;
      best = x;
    }
  }
  if (best < 0) {
    return MakeError(ErrorCode::kInternalError,
                     "no route from " + client.label + " to " + region.region);
  }
  std::vector<int> path = internet.PathTo(tree, best);  // region .. entry exchange
  Route route;
  AddPath(internet, std::vector<int>(path.rbegin(), path.rend()), route);
  route.stops.back() = PlaceStop(region);
  double access_km = GreatCircleKm(client.pos, net.node(best).pos);
  route.stops.insert(route.stops.begin(), PlaceStop(client));
  route.propagation_micros += FiberRttMicros(access_km, params.land_factor_permille);
  route.route_km += access_km * params.land_factor_permille / 1000.0;
  route.access_micros = AccessMicros(client.access);
  route.endpoint_micros = params.endpoint_micros;
  Finish(client, region, route);
  return route;
}

Route Reversed(Route route) {
  std::reverse(route.stops.begin(), route.stops.end());
  return route;
}

}  // namespace

const Router& BuiltinBackbone() {
  static const Router kRouter(Network::Builtin(), RouteParams{}, Traffic::kBackbone);
  return kRouter;
}

const Router& BuiltinInternet() {
  static const Router kRouter(Network::Builtin(), RouteParams{}, Traffic::kInternet);
  return kRouter;
}

Result<Route> RoundTrip(const Place& from, const Place& to) {
  return RoundTrip(from, to, BuiltinBackbone(), BuiltinInternet());
}

Result<Route> RoundTrip(std::string_view from, std::string_view to, Access access) {
  EC2SIM_ASSIGN_OR_RETURN(Place a, ParsePlace(from, access));
  EC2SIM_ASSIGN_OR_RETURN(Place b, ParsePlace(to, access));
  return RoundTrip(a, b);
}

Result<Route> RoundTrip(const Place& from, const Place& to, const Router& backbone,
                        const Router& internet) {
  bool from_client = from.kind == Place::Kind::kClient;
  bool to_client = to.kind == Place::Kind::kClient;
  if (from_client && to_client) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "both ends are clients (" + from.label + ", " + to.label +
                         "): one end of a flow must be a region or availability zone");
  }
  if (from_client) return ClientToRegion(from, to, internet);
  if (to_client) {
    EC2SIM_ASSIGN_OR_RETURN(Route route, ClientToRegion(to, from, internet));
    return Reversed(std::move(route));
  }
  if (from.region == to.region) return SameRegion(from, to);
  return BetweenRegions(from, to, backbone);
}

std::vector<std::vector<std::int64_t>> RegionMatrixMicros() {
  const auto& regions = model::Regions();
  std::vector<std::vector<std::int64_t>> out(regions.size(),
                                             std::vector<std::int64_t>(regions.size(), 0));
  const Router& router = BuiltinBackbone();
  const Network& net = router.network();
  for (size_t i = 0; i < regions.size(); ++i) {
    Router::Tree tree = router.From(net.Find(regions[i].code));
    for (size_t j = 0; j < regions.size(); ++j) {
      if (i == j) {
        out[i][j] = SameRegionRttMicros(regions[i], 0, regions[i].az_count > 1 ? 1 : 0);
      } else {
        out[i][j] =
            router.RttMicros(tree, net.Find(regions[j].code)) + 2 * router.params().endpoint_micros;
      }
    }
  }
  return out;
}

}  // namespace ec2sim::latency
