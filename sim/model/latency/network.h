// The backbone network of the latency model: regions, exchange points and cable landing
// stations (nodes) joined by fiber routes (edges). The built-in network is compiled in from
// data/nodes.csv and data/edges.csv (sources in their comments and in docs/latency.md) plus the
// regions of regions.csv.
#ifndef EC2SIM_MODEL_LATENCY_NETWORK_H_
#define EC2SIM_MODEL_LATENCY_NETWORK_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/latency/geo.h"

namespace ec2sim::latency {

enum class NodeKind {
  kRegion,    // an AWS region: where flows start and end, never a transit point
  kExchange,  // a metro where packets are routed: each one crossed costs a hop
  kLanding,   // a cable landing station or junction: shapes the route, costs no hop
};

enum class Medium {
  kLand,  // terrestrial long-haul fiber
  kSea,   // a submarine cable system
};

// Which flows an edge carries. Region-to-region flows stay on the cloud backbone; a client's
// flow crosses the public internet first and may use every edge.
enum class EdgeUse {
  kAll,
  kInternetOnly,
};

struct Node {
  std::string id;  // "ap-northeast-2", "busan"
  NodeKind kind = NodeKind::kExchange;
  std::string name;     // what people read: the region code for regions, "Busan" otherwise
  std::string country;  // ISO 3166-1 alpha-2 of exchanges and landings; empty for regions
  LatLon pos;
};

struct Edge {
  int a = 0;  // node indices, a != b
  int b = 0;
  Medium medium = Medium::kLand;
  EdgeUse use = EdgeUse::kAll;
  double great_circle_km = 0;
};

class Network {
 public:
  // The built-in network: every region of model::Regions() followed by the nodes and edges of
  // the embedded data files. Built once; a malformed data file is a broken invariant (abort).
  static const Network& Builtin();

  // A network from `regions` (kind kRegion, listed first) and text in the formats of
  // data/nodes.csv (id,kind,name,country,lat,lon) and data/edges.csv (a,b,medium,use). Errors
  // (kSimInvalidInput, naming the offending row): unknown kind, medium or use, a coordinate out
  // of range, a duplicate node id, an edge naming an unknown node, a self-loop, a duplicate edge.
  // Precondition: every row has its header's number of fields (ReadEmbeddedCsv).
  static Result<Network> FromCsv(const std::vector<Node>& regions, std::string_view nodes_csv,
                                 std::string_view edges_csv);

  const std::vector<Node>& nodes() const { return nodes_; }
  const std::vector<Edge>& edges() const { return edges_; }
  const Node& node(int index) const { return nodes_[index]; }

  // Index of the node with this id, or -1.
  int Find(std::string_view id) const;

  // Index into edges() of the edge joining nodes a and b (either order), or -1.
  int EdgeBetween(int a, int b) const;

  // Up to `limit` exchange nodes nearest to `p` by great-circle distance, nearest first (ties
  // by index): where a client's access network can hand its traffic to the backbone. With a
  // `country` that has exchanges, only that country's exchanges are candidates, so a client
  // is never wired straight across a sea to a foreign metro.
  std::vector<int> NearestExchanges(LatLon p, int limit, std::string_view country = {}) const;

 private:
  Status AddNode(Node node);

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::map<std::string, int, std::less<>> index_;
  std::map<std::pair<int, int>, int> edge_index_;
};

std::string_view NodeKindName(NodeKind kind);  // "region", "exchange", "landing"
std::string_view MediumName(Medium medium);    // "land", "sea"

}  // namespace ec2sim::latency

#endif  // EC2SIM_MODEL_LATENCY_NETWORK_H_
