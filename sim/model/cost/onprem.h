// The on-premises fleet: servers bought up front, paid for whether busy or idle, that break now
// and then and take time to repair, and that take weeks to buy more of.
//
// Every default below is explained, with its source, in docs/cost.md; every one is a flag of
// `ec2sim cost compare`. Money is integer micro-USD, time integer ms.
#ifndef EC2SIM_MODEL_COST_ONPREM_H_
#define EC2SIM_MODEL_COST_ONPREM_H_

#include <cstdint>

#include "ec2sim/result.h"
#include "ec2sim/sim_time.h"
#include "sim/model/cost/fleet.h"
#include "sim/model/cost/profile.h"

namespace ec2sim::cost {

// Hours in the "month" that monthly prices are spread over (the AWS Pricing Calculator's
// convention: 8,760 h a year / 12).
inline constexpr Duration kBillingMonth = 730 * kHour;

struct OnPremParams {
  std::int64_t servers = 0;  // fleet size at the start; 0: enough for the profile's peak
  std::int64_t purchase_micro_usd = 6'000'000'000;  // per server, USD 6,000
  Duration lifetime = 5 * 365 * kDay;               // straight-line depreciation period
  std::int64_t watts_idle = 120;                    // wall power of an idle server
  std::int64_t watts_busy = 300;                    // wall power at full load
  std::int64_t pue_milli = 1580;  // power usage effectiveness x 1000 (cooling and losses)
  std::int64_t electricity_micro_usd_per_kwh = 130'000;  // USD 0.13
  std::int64_t rack_units = 1;                           // per server
  std::int64_t colo_micro_usd_per_u_month = 25'000'000;  // USD 25 per rack unit per month
  std::int64_t admin_minutes_per_server_month = 120;
  std::int64_t admin_micro_usd_per_hour = 60'000'000;  // USD 60, loaded
  Duration lead_time = 28 * kDay;                      // from order to a server in service
  bool reorder = true;  // order servers when demand exceeds installed + ordered capacity
  std::int64_t annual_failure_rate_bp = 800;  // failures per server-year, in 1/100 % (8.00 %)
  Duration repair_time = 48 * kHour;
  std::int64_t repair_micro_usd = 0;  // per failure, beyond warranty and admin time
  std::uint64_t seed = 1;             // for random hardware failures
};

// kSimInvalidInput naming the first parameter out of range (negative money or counts, a
// non-positive lifetime, watts_busy < watts_idle, pue below 1.000, a failure rate above 100 %).
Status ValidateOnPrem(const OnPremParams& params);

// The server count used when params.servers is 0: ceil(peak / server_capacity), at least 1.
std::int64_t ServersForPeak(const LoadProfile& profile);

// Simulates the fleet against `profile` (which must pass ValidateProfile). Deterministic for a
// given seed: failures are drawn per server and hour from engine::Rng. Sample interval: about
// 2,000 samples over the horizon, a whole number of profile steps.
FleetResult SimulateOnPrem(const LoadProfile& profile, const OnPremParams& params);

}  // namespace ec2sim::cost

#endif  // EC2SIM_MODEL_COST_ONPREM_H_
