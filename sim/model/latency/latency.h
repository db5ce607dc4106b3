// Round-trip times between the places a flow can start and end: an AWS region (optionally one
// of its availability zones) or a client somewhere on Earth. This is the entry point of the
// latency model for the scenario verb, the CLI and other modules (the network probe reports the
// RTT of an allowed flow with RoundTrip).
//
// Model (docs/latency.md): RTT = fiber propagation along the shortest backbone path (route
// length x 10 us/km) + one hop cost per exchange metro crossed + an endpoint cost per region end
// + for a client, the access-network (last-mile) cost and the fiber from the client to its
// nearest exchange. Within one region the RTT is the same-AZ or cross-AZ figure instead.
#ifndef EC2SIM_MODEL_LATENCY_LATENCY_H_
#define EC2SIM_MODEL_LATENCY_LATENCY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/latency/geo.h"
#include "sim/model/latency/network.h"
#include "sim/model/latency/router.h"
#include "sim/model/regions.h"

namespace ec2sim::latency {

// The client's last mile. Round-trip costs in docs/latency.md ("Access networks").
enum class Access { kFiber, kCable, kDsl, kMobile };

std::string_view AccessName(Access access);                // "fiber", "cable", "dsl", "mobile"
std::optional<Access> ParseAccess(std::string_view name);  // nullopt for other names
std::int64_t AccessMicros(Access access);                  // round trip of the last mile

// One end of a flow.
struct Place {
  enum class Kind { kRegion, kClient };
  Kind kind = Kind::kRegion;
  std::string label;    // as shown: "ap-northeast-2", "ap-northeast-2a", "Seoul", "37.5,127"
  std::string region;   // kRegion: the region code
  int az = -1;          // kRegion: AZ index, or -1 when only the region was named
  LatLon pos;           // kClient: the client; kRegion: the region's coordinates
  std::string country;  // kClient: ISO 3166-1 alpha-2 of its city, or of the listed city
                        // within 300 km of a "lat,lon"; empty when unknown
  Access access = Access::kFiber;  // kClient only
};

// A region, or one of its AZs (0 <= az < region.az_count, or -1 for the region as a whole).
Place RegionPlace(const model::RegionInfo& region, int az = -1);

// A client at `pos` (validated by the caller), shown as `label`.
Place ClientPlace(LatLon pos, std::string label, Access access = Access::kFiber);

// Resolves what a person typed: a region code ("ap-northeast-2"), an AZ name
// ("ap-northeast-2a"), a city of the built-in list ("Seoul", "서울", "Portland, US") or "lat,lon"
// in decimal degrees ("37.5,127.0"). Clients get `access`. Errors: kSimInvalidInput for a
// "lat,lon" out of range; kSimNotFound for anything else unknown, with the closest region codes
// and city names in the message.
Result<Place> ParsePlace(std::string_view text, Access access = Access::kFiber);

// One node of a route as people see it.
struct Stop {
  std::string name;  // "Busan", "us-east-1", or the client's label
  LatLon pos;
  enum class Kind { kClient, kRegion, kExchange, kLanding } kind = Kind::kExchange;
};

// A modelled round trip and where its time goes. rtt_micros is the sum of the four parts.
struct Route {
  std::int64_t rtt_micros = 0;
  std::int64_t propagation_micros = 0;     // light in fiber, out and back
  std::int64_t hop_micros = 0;             // exchange metros crossed
  std::int64_t endpoint_micros = 0;        // inside the region ends (or the AZ fabric)
  std::int64_t access_micros = 0;          // the client's last mile
  std::vector<Stop> stops;                 // from `from` to `to`, both ends included
  double route_km = 0;                     // fiber length of the path, one way
  double great_circle_km = 0;              // between the two ends
  std::int64_t physical_limit_micros = 0;  // FiberLimitRttMicros of the two ends
  bool same_region = false;
};

// The round trip between two places with the built-in network and calibrated parameters. At
// least one end must be a region; two ends in the same region give the same-AZ or cross-AZ
// RTT. Errors: kSimInvalidInput when both ends are clients.
Result<Route> RoundTrip(const Place& from, const Place& to);

// The same for two places as a person names them (see ParsePlace), e.g. RoundTrip("Seoul",
// instance.az) for the flow from a client in Seoul to an instance. Errors: those of ParsePlace
// and of RoundTrip above.
Result<Route> RoundTrip(std::string_view from, std::string_view to, Access access = Access::kFiber);

// The same on another network or with other parameters (calibration and tests). The regions of
// `from` and `to` must be nodes of `router`'s network.
Result<Route> RoundTrip(const Place& from, const Place& to, const Router& backbone,
                        const Router& internet);

// Round trips in microseconds between every pair of regions, in the order of model::Regions();
// the diagonal holds each region's cross-AZ RTT between its first two AZs.
std::vector<std::vector<std::int64_t>> RegionMatrixMicros();

// RTT between two AZs of one region (indices into its AZs): the same-AZ figure when equal,
// otherwise a cross-AZ figure fixed per AZ pair (docs/latency.md, "Same region").
std::int64_t SameRegionRttMicros(const model::RegionInfo& region, int az_a, int az_b);

// The built-in routers (backbone-only and internet), built once on first use.
const Router& BuiltinBackbone();
const Router& BuiltinInternet();

}  // namespace ec2sim::latency

#endif  // EC2SIM_MODEL_LATENCY_LATENCY_H_
