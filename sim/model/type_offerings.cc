#include "sim/model/type_offerings.h"

#include <set>
#include <utility>

#include "sim/model/csv.h"

extern const char kEc2simZoneTypeGapsCsv[];

namespace ec2sim::model {
namespace {

// (zone, family) pairs a zone does not offer.
const std::set<std::pair<std::string, std::string>, std::less<>>& ZoneGaps() {
  static const auto* gaps = [] {
    auto* out = new std::set<std::pair<std::string, std::string>, std::less<>>();
    for (auto& row : ReadEmbeddedCsv(kEc2simZoneTypeGapsCsv, "zone_type_gaps.csv")) {
      out->emplace(row[0], row[1]);
    }
    return out;
  }();
  return *gaps;
}

}  // namespace

bool ZoneOffersType(std::string_view az_name, std::string_view instance_type) {
  std::string family(instance_type.substr(0, instance_type.find('.')));
  return ZoneGaps().count({std::string(az_name), family}) == 0;
}

Status CheckZoneOffersType(const RegionInfo& region, std::string_view az_name,
                           std::string_view instance_type) {
  if (ZoneOffersType(az_name, instance_type)) return OkStatus();
  std::string others;
  for (int i = 0; i < region.az_count; ++i) {
    std::string zone = AzName(region, i);
    if (zone == az_name || !ZoneOffersType(zone, instance_type)) continue;
    others += (others.empty() ? "" : ", ") + zone;
  }
  // The wording of EC2's answer, as RunInstances errors quote it (zone_type_gaps.csv sources).
  return MakeError(ErrorCode::kUnsupported,
                   "Your requested instance type (" + std::string(instance_type) +
                       ") is not supported in your requested Availability Zone (" +
                       std::string(az_name) +
                       "). Please retry your request by not specifying an Availability Zone or "
                       "choosing " +
                       others + ".");
}

}  // namespace ec2sim::model
