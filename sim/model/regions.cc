#include "sim/model/regions.h"

#include <algorithm>
#include <cassert>
#include <cstdlib>

#include "sim/engine/spelling.h"
#include "sim/model/csv.h"

extern const char kEc2simRegionsCsv[];
extern const char kEc2simPublicIpBlocksCsv[];

namespace ec2sim::model {
namespace {

// AWS abbreviates region codes in AZ ids: "ap-northeast-2" -> "apne2", "us-east-1" -> "use1".
std::string ShortCode(std::string_view code) {
  size_t first = code.find('-');
  size_t last = code.rfind('-');
  std::string_view area = code.substr(0, first);
  std::string_view direction = code.substr(first + 1, last - first - 1);
  std::string_view number = code.substr(last + 1);
  static const std::pair<std::string_view, std::string_view> kDirections[] = {
      {"northeast", "ne"}, {"southeast", "se"}, {"northwest", "nw"},
      {"southwest", "sw"}, {"north", "n"},      {"south", "s"},
      {"east", "e"},       {"west", "w"},       {"central", "c"}};
  std::string out(area);
  for (const auto& [word, abbrev] : kDirections) {
    if (direction == word) {
      out += abbrev;
      break;
    }
  }
  out += number;
  return out;
}

std::vector<RegionInfo> Load() {
  std::vector<RegionInfo> regions;
  for (const auto& row : ReadEmbeddedCsv(kEc2simRegionsCsv, "regions.csv")) {
    RegionInfo r;
    r.code = row[0];
    r.display_name = row[1];
    r.city = row[2];
    r.latitude = std::strtod(row[3].c_str(), nullptr);
    r.longitude = std::strtod(row[4].c_str(), nullptr);
    r.az_count = std::atoi(row[5].c_str());
    r.opt_in = row[6] == "opt-in";
    r.short_code = ShortCode(r.code);
    assert(r.az_count >= 3 && r.az_count <= 6);
    regions.push_back(std::move(r));
  }
  for (const auto& row : ReadEmbeddedCsv(kEc2simPublicIpBlocksCsv, "public_ip_blocks.csv")) {
    auto it = std::find_if(regions.begin(), regions.end(),
                           [&](const RegionInfo& r) { return r.code == row[0]; });
    auto cidr = ParseCidr4(row[1], /*canonicalize=*/false);
    assert(it != regions.end() && cidr.has_value());
    it->public_blocks.push_back(*cidr);
  }
  return regions;
}

}  // namespace

const std::vector<RegionInfo>& Regions() {
  static const std::vector<RegionInfo> kRegions = Load();
  return kRegions;
}

const RegionInfo* FindRegion(std::string_view code) {
  for (const RegionInfo& r : Regions()) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

std::string AzName(const RegionInfo& region, int index) {
  assert(index >= 0 && index < region.az_count);
  return region.code + static_cast<char>('a' + index);
}

std::string AzId(const RegionInfo& region, int index) {
  assert(index >= 0 && index < region.az_count);
  return region.short_code + "-az" + std::to_string(index + 1);
}

int AzIndex(const RegionInfo& region, std::string_view az_name) {
  for (int i = 0; i < region.az_count; ++i) {
    if (AzName(region, i) == az_name) return i;
  }
  return -1;
}

const std::vector<std::string>& RegionCodes() {
  static const std::vector<std::string> kCodes = [] {
    std::vector<std::string> codes;
    for (const RegionInfo& r : Regions()) codes.push_back(r.code);
    return codes;
  }();
  return kCodes;
}

std::vector<std::string> SimilarRegionCodes(std::string_view text, int limit) {
  return engine::ClosestMatches(text, RegionCodes(), limit);
}

}  // namespace ec2sim::model
