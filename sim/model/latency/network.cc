#include "sim/model/latency/network.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "sim/model/csv.h"
#include "sim/model/regions.h"

extern const char kEc2simLatencyNodesCsv[];
extern const char kEc2simLatencyEdgesCsv[];

namespace ec2sim::latency {
namespace {

Error RowError(std::string_view file, const std::vector<std::string>& row, std::string what) {
  std::string joined;
  for (size_t i = 0; i < row.size(); ++i) joined += (i ? "," : "") + row[i];
  return MakeError(ErrorCode::kSimInvalidInput,
                   std::string(file) + ": row '" + joined + "': " + std::move(what));
}

bool ParseDegrees(const std::string& text, double limit, double& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end && out >= -limit && out <= limit;
}

Network BuildBuiltin() {
  std::vector<Node> regions;
  for (const model::RegionInfo& r : model::Regions()) {
    regions.push_back({r.code, NodeKind::kRegion, r.code, "", {r.latitude, r.longitude}});
  }
  Result<Network> net = Network::FromCsv(regions, kEc2simLatencyNodesCsv, kEc2simLatencyEdgesCsv);
  if (!net.ok()) {
    std::fprintf(stderr, "embedded latency network: %s\n", net.error().message.c_str());
    std::abort();
  }
  return std::move(net).value();
}

}  // namespace

const Network& Network::Builtin() {
  static const Network kNetwork = BuildBuiltin();
  return kNetwork;
}

Status Network::AddNode(Node node) {
  if (!index_.emplace(node.id, static_cast<int>(nodes_.size())).second) {
    return MakeError(ErrorCode::kSimInvalidInput, "duplicate node id '" + node.id + "'");
  }
  nodes_.push_back(std::move(node));
  return OkStatus();
}

Result<Network> Network::FromCsv(const std::vector<Node>& regions, std::string_view nodes_csv,
                                 std::string_view edges_csv) {
  Network net;
  for (const Node& r : regions) EC2SIM_RETURN_IF_ERROR(net.AddNode(r));
  for (const auto& row : model::ReadEmbeddedCsv(nodes_csv, "nodes.csv")) {
    Node node;
    node.id = row[0];
    if (row[1] == "exchange") {
      node.kind = NodeKind::kExchange;
    } else if (row[1] == "landing") {
      node.kind = NodeKind::kLanding;
    } else if (row[1] == "region") {
      node.kind = NodeKind::kRegion;
    } else {
      return RowError("nodes.csv", row, "kind must be exchange, landing or region");
    }
    node.name = row[2];
    node.country = row[3];
    if (!ParseDegrees(row[4], 90, node.pos.lat) || !ParseDegrees(row[5], 180, node.pos.lon)) {
      return RowError("nodes.csv", row, "latitude must be in -90..90 and longitude in -180..180");
    }
    Status added = net.AddNode(std::move(node));
    if (!added.ok()) return RowError("nodes.csv", row, added.error().message);
  }
  for (const auto& row : model::ReadEmbeddedCsv(edges_csv, "edges.csv")) {
    Edge edge;
    edge.a = net.Find(row[0]);
    edge.b = net.Find(row[1]);
    if (edge.a < 0 || edge.b < 0) {
      return RowError("edges.csv", row, "unknown node '" + (edge.a < 0 ? row[0] : row[1]) + "'");
    }
    if (edge.a == edge.b) return RowError("edges.csv", row, "an edge must join two nodes");
    auto key = std::make_pair(std::min(edge.a, edge.b), std::max(edge.a, edge.b));
    if (!net.edge_index_.emplace(key, static_cast<int>(net.edges_.size())).second) {
      return RowError("edges.csv", row, "duplicate edge");
    }
    if (row[2] == "land") {
      edge.medium = Medium::kLand;
    } else if (row[2] == "sea") {
      edge.medium = Medium::kSea;
    } else {
      return RowError("edges.csv", row, "medium must be land or sea");
    }
    if (row[3] == "all") {
      edge.use = EdgeUse::kAll;
    } else if (row[3] == "internet") {
      edge.use = EdgeUse::kInternetOnly;
    } else {
      return RowError("edges.csv", row, "use must be all or internet");
    }
    edge.great_circle_km = GreatCircleKm(net.nodes_[edge.a].pos, net.nodes_[edge.b].pos);
    net.edges_.push_back(edge);
  }
  return net;
}

int Network::Find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? -1 : it->second;
}

int Network::EdgeBetween(int a, int b) const {
  auto it = edge_index_.find(std::make_pair(std::min(a, b), std::max(a, b)));
  return it == edge_index_.end() ? -1 : it->second;
}

std::vector<int> Network::NearestExchanges(LatLon p, int limit, std::string_view country) const {
  bool in_country = !country.empty() && std::any_of(nodes_.begin(), nodes_.end(), [&](auto& n) {
    return n.kind == NodeKind::kExchange && n.country == country;
  });
  std::vector<std::pair<double, int>> scored;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].kind != NodeKind::kExchange) continue;
    if (in_country && nodes_[i].country != country) continue;
    scored.emplace_back(GreatCircleKm(p, nodes_[i].pos), static_cast<int>(i));
  }
  std::sort(scored.begin(), scored.end());
  std::vector<int> out;
  for (size_t i = 0; i < scored.size() && static_cast<int>(i) < limit; ++i) {
    out.push_back(scored[i].second);
  }
  return out;
}

std::string_view NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kRegion:
      return "region";
    case NodeKind::kExchange:
      return "exchange";
    case NodeKind::kLanding:
      return "landing";
  }
  return "";
}

std::string_view MediumName(Medium medium) { return medium == Medium::kSea ? "sea" : "land"; }

}  // namespace ec2sim::latency
