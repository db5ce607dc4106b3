#include "sim/model/latency/geo.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ec2sim::latency {
namespace {

constexpr double kEarthRadiusKm = 6371.0;

double Radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

}  // namespace

double GreatCircleKm(LatLon a, LatLon b) {
  double dlat = Radians(b.lat - a.lat);
  double dlon = Radians(b.lon - a.lon);
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(Radians(a.lat)) *
                                                           std::cos(Radians(b.lat)) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

std::int64_t FiberLimitRttMicros(LatLon a, LatLon b) {
  return static_cast<std::int64_t>(std::floor(GreatCircleKm(a, b) * kRttMicrosPerFiberKm));
}

std::int64_t FiberRttMicros(double km, int factor_permille) {
  return std::llround(km * factor_permille * kRttMicrosPerFiberKm / 1000.0);
}

}  // namespace ec2sim::latency
