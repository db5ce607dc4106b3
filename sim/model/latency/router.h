// Shortest paths over the latency network (Boost.Graph Dijkstra), and the parameters that turn
// fiber routes and equipment into round-trip time.
#ifndef EC2SIM_MODEL_LATENCY_ROUTER_H_
#define EC2SIM_MODEL_LATENCY_ROUTER_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "sim/model/latency/network.h"

namespace ec2sim::latency {

// The calibrated constants of the model (docs/latency.md says how each was obtained).
struct RouteParams {
  // Route length / great-circle length of a fiber edge, in thousandths: cables and ducts wind
  // around coasts, mountains and rights of way.
  int land_factor_permille = 1200;
  int sea_factor_permille = 1150;
  // Round-trip cost of crossing one exchange metro (routers, line cards, metro fiber).
  std::int64_t hop_micros = 2750;
  // Round-trip cost inside each region end of a flow (host, hypervisor, AZ fabric).
  std::int64_t endpoint_micros = 1500;

  friend bool operator==(const RouteParams&, const RouteParams&) = default;
};

// Which edges a flow may use (see EdgeUse).
enum class Traffic {
  kBackbone,  // region to region: edges marked kAll only
  kInternet,  // involving a client: every edge
};

// Shortest round-trip paths from one source node to all others. Regions are never transit
// points. Costs are integers, so the same network and parameters always give the same paths.
class Router {
 public:
  // Keeps a reference to `network`, which must outlive the router.
  Router(const Network& network, const RouteParams& params, Traffic traffic);
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  struct Tree {
    int source = -1;
    std::vector<std::int64_t> cost;  // internal units; see RttMicros
    std::vector<int> parent;         // parent[source] == source; -1 when unreachable
  };

  // Dijkstra from `source` (a node index).
  Tree From(int source) const;

  // Round trip from the tree's source to `target` over fiber and transit exchanges: the
  // propagation of every edge plus hop_micros for each exchange strictly between the two ends.
  // Endpoint, access and same-node costs are not included. -1 when unreachable; 0 at the source.
  std::int64_t RttMicros(const Tree& tree, int target) const;

  // Node indices from the tree's source to `target`, both included; empty when unreachable.
  std::vector<int> PathTo(const Tree& tree, int target) const;

  // Round-trip propagation of one edge (index into network.edges()), in microseconds.
  std::int64_t EdgeRttMicros(int edge) const;

  const Network& network() const;
  const RouteParams& params() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ec2sim::latency

#endif  // EC2SIM_MODEL_LATENCY_ROUTER_H_
