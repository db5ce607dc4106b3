// Round trips inside one region: between two instances of one AZ, or across AZs.
#include <cstdint>
#include <string>

#include "sim/model/latency/latency.h"

namespace ec2sim::latency {
namespace {

// Two instances in one AZ: a few switch hops in the same data-centre fabric. xkyle.com measured
// about 0.25 ms as the best of 50 pings inside an AZ; a typical round trip sits a little above.
constexpr std::int64_t kSameAzMicros = 300;
// Leaving one AZ's fabric and entering the other's: the AZ border routers at both ends.
constexpr std::int64_t kCrossAzEquipmentMicros = 400;
// AWS places the AZs of a region "many kilometers" apart but within 100 km of each other
// (AWS, "Regions and Availability Zones"). Each AZ pair gets a fixed separation in this range.
constexpr int kMinAzSeparationKm = 10;
constexpr int kMaxAzSeparationKm = 80;
// Metro fiber between AZ sites follows roads: the same factor as the land edges.
constexpr int kMetroFactorPermille = 1200;

// FNV-1a: a stable hash, so an AZ pair has the same separation on every run and platform.
std::uint64_t StableHash(const std::string& text) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

std::int64_t SameRegionRttMicros(const model::RegionInfo& region, int az_a, int az_b) {
  if (az_a == az_b) return kSameAzMicros;
  int lo = az_a < az_b ? az_a : az_b;
  int hi = az_a < az_b ? az_b : az_a;
  std::uint64_t h = StableHash(region.code + "|" + std::to_string(lo) + "|" + std::to_string(hi));
  int km = kMinAzSeparationKm + static_cast<int>(h % (kMaxAzSeparationKm - kMinAzSeparationKm + 1));
  return kSameAzMicros + kCrossAzEquipmentMicros + FiberRttMicros(km, kMetroFactorPermille);
}

}  // namespace ec2sim::latency
