#include "sim/cli/serve_latency_map.h"

#include <algorithm>
#include <string>
#include <vector>

#include "sim/model/latency/latency.h"
#include "sim/model/regions.h"
#include "sim/report/latency_map.h"

namespace ec2sim::cli {
namespace {

namespace lat = ::ec2sim::latency;

// The map of `ec2sim latency --from PLACE --svg` without --to: the three nearest regions, so the
// routes stay readable; the console lists every region in a table beside it.
constexpr std::size_t kRoutesDrawn = 3;

Result<std::string> Draw(const std::string& from_text, const std::string& lang) {
  EC2SIM_ASSIGN_OR_RETURN(lat::Place from, lat::ParsePlace(from_text));
  std::vector<lat::Route> routes;
  for (const model::RegionInfo& region : model::Regions()) {
    EC2SIM_ASSIGN_OR_RETURN(lat::Place to, lat::ParsePlace(region.code));
    EC2SIM_ASSIGN_OR_RETURN(lat::Route route, lat::RoundTrip(from, to));
    routes.push_back(std::move(route));
  }
  std::stable_sort(routes.begin(), routes.end(), [](const lat::Route& a, const lat::Route& b) {
    return a.rtt_micros < b.rtt_micros;
  });
  if (routes.size() > kRoutesDrawn) routes.resize(kRoutesDrawn);
  std::string title = lang == "ko"
                          ? from.label + "에서 가까운 리전까지의 왕복 시간"
                          : "Round-trip times from " + from.label + " to its nearest regions";
  return report::WorldMapSvg(routes, title, lang);
}

}  // namespace

server::LatencyMapMaker BuiltInLatencyMap() { return Draw; }

}  // namespace ec2sim::cli
