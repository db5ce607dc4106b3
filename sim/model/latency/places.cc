// Places: what a person can name as one end of a flow, and the access networks of clients.
#include <charconv>
#include <utility>

#include "sim/engine/ascii.h"
#include "sim/engine/spelling.h"
#include "sim/model/latency/cities.h"
#include "sim/model/latency/latency.h"

namespace ec2sim::latency {
namespace {

struct AccessInfo {
  Access access;
  std::string_view name;
  std::int64_t micros;
};

// Round-trip cost of the last mile, from the home to the first router of the access provider
// (docs/latency.md, "Access networks", for the sources).
// A "lat,lon" within this distance of a listed city is assumed to be in the city's country.
constexpr double kSameCountryKm = 300;

constexpr AccessInfo kAccess[] = {
    {Access::kFiber, "fiber", 3000},
    {Access::kCable, "cable", 10000},
    {Access::kDsl, "dsl", 20000},
    {Access::kMobile, "mobile", 30000},
};

bool ParseNumber(std::string_view text, double& out) {
  text = engine::TrimBlanks(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return !text.empty() && ec == std::errc() && ptr == end;
}

// "lat,lon" -> true with `pos` set when both parts are numbers (range not checked).
bool ParseLatLon(std::string_view text, LatLon& pos) {
  size_t comma = text.find(',');
  if (comma == std::string_view::npos || text.find(',', comma + 1) != std::string_view::npos) {
    return false;
  }
  return ParseNumber(text.substr(0, comma), pos.lat) &&
         ParseNumber(text.substr(comma + 1), pos.lon);
}

// An AZ name is its region's code followed by one letter.
const model::RegionInfo* RegionOfAzName(std::string_view name) {
  if (name.size() < 2) return nullptr;
  return model::FindRegion(name.substr(0, name.size() - 1));
}

std::string Suggestions(std::string_view text) {
  std::string lowered = engine::AsciiLower(text);
  std::vector<std::string> codes;
  for (const model::RegionInfo& r : model::Regions()) codes.push_back(r.code);
  std::vector<std::string> names = engine::ClosestMatches(lowered, codes, 2);
  for (std::string& city : SimilarCityNames(lowered, 3)) names.push_back(std::move(city));
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out;
}

}  // namespace

std::string_view AccessName(Access access) {
  for (const AccessInfo& a : kAccess) {
    if (a.access == access) return a.name;
  }
  return "";
}

std::optional<Access> ParseAccess(std::string_view name) {
  std::string lowered = engine::AsciiLower(engine::TrimBlanks(name));
  for (const AccessInfo& a : kAccess) {
    if (a.name == lowered) return a.access;
  }
  return std::nullopt;
}

std::int64_t AccessMicros(Access access) {
  for (const AccessInfo& a : kAccess) {
    if (a.access == access) return a.micros;
  }
  return 0;
}

Place RegionPlace(const model::RegionInfo& region, int az) {
  Place p;
  p.kind = Place::Kind::kRegion;
  p.region = region.code;
  p.az = az;
  p.label = az >= 0 ? model::AzName(region, az) : region.code;
  p.pos = {region.latitude, region.longitude};
  return p;
}

Place ClientPlace(LatLon pos, std::string label, Access access) {
  Place p;
  p.kind = Place::Kind::kClient;
  p.label = std::move(label);
  p.pos = pos;
  p.access = access;
  return p;
}

Result<Place> ParsePlace(std::string_view text, Access access) {
  std::string_view trimmed = engine::TrimBlanks(text);
  if (trimmed.empty()) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "empty place: name a region, an availability zone, a city or 'lat,lon'");
  }
  std::string lowered = engine::AsciiLower(trimmed);
  if (const model::RegionInfo* region = model::FindRegion(lowered)) return RegionPlace(*region);
  if (const model::RegionInfo* region = RegionOfAzName(lowered)) {
    int az = model::AzIndex(*region, lowered);
    if (az < 0) {
      std::string message(trimmed);
      message += " is not an availability zone of " + region->code + ", which has " +
                 model::AzName(*region, 0) + " to " + model::AzName(*region, region->az_count - 1);
      return MakeError(ErrorCode::kSimNotFound, message);
    }
    return RegionPlace(*region, az);
  }
  LatLon pos;
  if (ParseLatLon(trimmed, pos)) {
    if (pos.lat < -90 || pos.lat > 90 || pos.lon < -180 || pos.lon > 180) {
      std::string message(trimmed);
      message +=
          " is not a position on Earth: latitude must be in -90..90 and longitude in -180..180 "
          "(decimal degrees)";
      return MakeError(ErrorCode::kSimInvalidInput, message);
    }
    Place p = ClientPlace(pos, std::string(trimmed), access);
    // The country decides where the client's ISP meets the backbone; a point near a listed
    // city is taken to be in that city's country.
    if (const City* near = NearestCity(pos, kSameCountryKm)) p.country = near->country;
    return p;
  }
  if (const City* city = FindCity(trimmed)) {
    Place p = ClientPlace(city->pos, city->name, access);
    p.country = city->country;
    return p;
  }
  std::string message = "unknown place '";
  message += trimmed;
  message += "': not a region, availability zone, built-in city or 'lat,lon'; nearest names: ";
  message += Suggestions(trimmed);
  return MakeError(ErrorCode::kSimNotFound, message);
}

}  // namespace ec2sim::latency
