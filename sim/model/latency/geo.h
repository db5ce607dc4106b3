// Geometry of the latency model: distances on the Earth's surface and the speed of light in
// fiber. Coordinates are degrees (latitude north positive, longitude east positive); distances
// are kilometres (double); times are integer microseconds.
#ifndef EC2SIM_MODEL_LATENCY_GEO_H_
#define EC2SIM_MODEL_LATENCY_GEO_H_

#include <cstdint>

namespace ec2sim::latency {

// Round-trip microseconds per kilometre of fiber: light in silica glass travels at about
// 200,000 km/s (refractive index ~1.47), so 1 km out and back takes 2 / 200,000 s = 10 us.
inline constexpr std::int64_t kRttMicrosPerFiberKm = 10;

struct LatLon {
  double lat = 0;  // degrees, -90..90
  double lon = 0;  // degrees, -180..180
};

// Great-circle (haversine) distance on a sphere of the mean Earth radius, 6371.0 km.
double GreatCircleKm(LatLon a, LatLon b);

// The smallest possible round-trip time over fiber between two points: out and back along the
// great circle at 200,000 km/s, with no equipment at all. Rounded down to a whole microsecond.
std::int64_t FiberLimitRttMicros(LatLon a, LatLon b);

// Round-trip microseconds for `km` of fiber whose route is `factor_permille` / 1000 times longer
// than the great circle (1000 = straight). Rounded to the nearest microsecond.
std::int64_t FiberRttMicros(double km, int factor_permille);

}  // namespace ec2sim::latency

#endif  // EC2SIM_MODEL_LATENCY_GEO_H_
