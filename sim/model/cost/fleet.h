// What simulating one fleet (on-premises or cloud) against a load profile yields: capacity over
// time, cost by component, idle capacity and unserved demand. Money is integer micro-USD
// (1 USD = 1,000,000); time is integer ms from the start of the profile.
#ifndef EC2SIM_MODEL_COST_FLEET_H_
#define EC2SIM_MODEL_COST_FLEET_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ec2sim/sim_time.h"
#include "sim/model/cost/timeline.h"

namespace ec2sim::cost {

// One component of a fleet's cost over the profile, e.g. {"power and cooling", 1'234'567}.
struct CostLine {
  std::string name;
  std::int64_t micro_usd = 0;
};

// Cumulative cost at a sample time. `amortized` spreads hardware over its lifetime
// (depreciation); `cash` counts a purchase in full when it is made. They are equal for the cloud.
struct CostSample {
  Duration at = 0;
  std::int64_t amortized_micro_usd = 0;
  std::int64_t cash_micro_usd = 0;
  std::int64_t purchases_micro_usd = 0;  // the part of cash that bought hardware
};

// Integrals over the profile in demand-unit milliseconds (1 unit for 1 h = 3,600,000).
struct Usage {
  std::int64_t demand = 0;
  std::int64_t served = 0;
  std::int64_t unserved = 0;
  std::int64_t provisioned = 0;  // capacity paid for: installed servers, billed instances
  std::int64_t idle = 0;         // provisioned - served (includes broken and warming machines)
  std::int64_t peak_unserved_units = 0;
  Duration unserved_time = 0;  // how long some demand went unserved
};

struct FleetResult {
  std::string name;               // "on-premises" or "cloud"
  Timeline serving_units{};       // capacity able to serve, in demand units
  Timeline provisioned_units{};   // capacity paid for, in demand units
  std::vector<CostLine> costs{};  // amortized, over the profile; sums to total_micro_usd
  std::int64_t total_micro_usd = 0;
  // The part of total_micro_usd that paid for capacity that served nothing:
  // total * usage.idle / usage.provisioned.
  std::int64_t idle_micro_usd = 0;
  // Cash spent up front or on purchases (on-premises) that the amortized total spreads out.
  std::int64_t purchases_micro_usd = 0;
  Usage usage{};
  std::vector<CostSample> cumulative{};  // at 0, each sample interval, and the horizon
  // Behaviour counts: hardware failures, servers ordered; instances launched and stopped.
  std::int64_t failures = 0;
  std::int64_t servers_ordered = 0;
  std::int64_t launches = 0;
  std::int64_t stops = 0;
};

// Measures `usage` of a fleet with `serving` and `provisioned` capacity (demand units) against
// `demand` over [0, horizon).
Usage MeasureUsage(const Timeline& demand, const Timeline& serving, const Timeline& provisioned,
                   Duration horizon);

// total * part / whole, rounded half up; 0 when whole is 0. Exact for any int64 inputs whose
// result fits (128-bit intermediate). Preconditions: total, part >= 0; whole >= 0.
std::int64_t Share(std::int64_t total, std::int64_t part, std::int64_t whole);

}  // namespace ec2sim::cost

#endif  // EC2SIM_MODEL_COST_FLEET_H_
