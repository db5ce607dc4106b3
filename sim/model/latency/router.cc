#include "sim/model/latency/router.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <limits>
#include <utility>

namespace ec2sim::latency {
namespace {

// Dijkstra weights are edges, but hops are costs of nodes. Each edge (u, v) therefore weighs
// 2 * propagation(u, v) + cost(u) + cost(v): along a path every inner node is counted twice
// and each end once, so (total - cost(source) - cost(target)) / 2 is exactly propagation plus
// the inner nodes' costs, in integer microseconds.
using WeightProperty = boost::property<boost::edge_weight_t, std::int64_t>;
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                    boost::no_property, WeightProperty>;

// A region costs so much to cross that no shortest path uses one as a transit point while any
// other route exists; it cancels out at the ends.
constexpr std::int64_t kRegionTransitCost = std::int64_t{1} << 40;

}  // namespace

struct Router::Impl {
  const Network* network;
  RouteParams params;
  Graph graph;
  std::vector<std::int64_t> node_cost;
  std::vector<std::int64_t> edge_rtt;
};

Router::Router(const Network& network, const RouteParams& params, Traffic traffic)
    : impl_(std::make_unique<Impl>()) {
  impl_->network = &network;
  impl_->params = params;
  impl_->graph = Graph(network.nodes().size());
  for (const Node& n : network.nodes()) {
    switch (n.kind) {
      case NodeKind::kRegion:
        impl_->node_cost.push_back(kRegionTransitCost);
        break;
      case NodeKind::kExchange:
        impl_->node_cost.push_back(params.hop_micros);
        break;
      case NodeKind::kLanding:
        impl_->node_cost.push_back(0);
        break;
    }
  }
  for (const Edge& e : network.edges()) {
    int factor =
        e.medium == Medium::kSea ? params.sea_factor_permille : params.land_factor_permille;
    std::int64_t rtt = FiberRttMicros(e.great_circle_km, factor);
    impl_->edge_rtt.push_back(rtt);
    if (traffic == Traffic::kBackbone && e.use == EdgeUse::kInternetOnly) continue;
    boost::add_edge(e.a, e.b, 2 * rtt + impl_->node_cost[e.a] + impl_->node_cost[e.b],
                    impl_->graph);
  }
}

Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

Router::Tree Router::From(int source) const {
  size_t n = boost::num_vertices(impl_->graph);
  Tree tree;
  tree.source = source;
  tree.cost.assign(n, std::numeric_limits<std::int64_t>::max());
  std::vector<Graph::vertex_descriptor> parent(n);
  boost::dijkstra_shortest_paths(
      impl_->graph, static_cast<Graph::vertex_descriptor>(source),
      boost::predecessor_map(boost::make_iterator_property_map(
                                 parent.begin(), boost::get(boost::vertex_index, impl_->graph)))
          .distance_map(boost::make_iterator_property_map(
              tree.cost.begin(), boost::get(boost::vertex_index, impl_->graph)))
          .distance_inf(std::numeric_limits<std::int64_t>::max()));
  tree.parent.resize(n);
  for (size_t v = 0; v < n; ++v) {
    bool reached = tree.cost[v] != std::numeric_limits<std::int64_t>::max();
    tree.parent[v] = reached ? static_cast<int>(parent[v]) : -1;
  }
  return tree;
}

std::int64_t Router::RttMicros(const Tree& tree, int target) const {
  if (tree.parent[target] < 0) return -1;
  if (target == tree.source) return 0;
  return (tree.cost[target] - impl_->node_cost[tree.source] - impl_->node_cost[target]) / 2;
}

std::vector<int> Router::PathTo(const Tree& tree, int target) const {
  std::vector<int> path;
  if (tree.parent[target] < 0) return path;
  for (int v = target; v != tree.source; v = tree.parent[v]) path.push_back(v);
  path.push_back(tree.source);
  std::reverse(path.begin(), path.end());
  return path;
}

std::int64_t Router::EdgeRttMicros(int edge) const { return impl_->edge_rtt[edge]; }
const Network& Router::network() const { return *impl_->network; }
const RouteParams& Router::params() const { return impl_->params; }

}  // namespace ec2sim::latency
