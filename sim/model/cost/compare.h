// Cloud vs on-premises: both fleets simulated against one load profile, and the break-even
// point of buying servers against renting instances.
#ifndef EC2SIM_MODEL_COST_COMPARE_H_
#define EC2SIM_MODEL_COST_COMPARE_H_

#include <cstdint>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/cost/cloud.h"
#include "sim/model/cost/fleet.h"
#include "sim/model/cost/onprem.h"
#include "sim/model/cost/profile.h"

namespace ec2sim::cost {

// When cumulative cloud spend catches up with on-premises cash spend (servers paid in full at
// purchase, plus running costs), the profile repeating back to back. Before it, renting has cost
// less cash; after it, owning would have been cheaper, as long as the servers last.
struct BreakEven {
  enum class Kind {
    kAt,              // at `at`
    kBeyondLifetime,  // at `at` (capped at 100 years), later than the servers' lifetime
    kNever,           // cloud spend grows no faster than on-premises running costs
  };
  Kind kind = Kind::kNever;
  Duration at = 0;
};

// Cumulative spend at one time, for the cost chart; beyond the profile's horizon the values are
// extrapolated by repeating the profile.
struct CumulativePoint {
  Duration at = 0;
  std::int64_t cloud_micro_usd = 0;
  std::int64_t onprem_cash_micro_usd = 0;
  std::int64_t onprem_amortized_micro_usd = 0;
};

struct Comparison {
  LoadProfile profile;
  std::int64_t onprem_servers = 0;  // initial fleet size actually used
  std::int64_t cloud_price_micro_usd_per_hour = 0;
  bool cloud_price_estimated = false;
  FleetResult onprem;
  FleetResult cloud;
  BreakEven break_even;
  // From 0 to the horizon at the fleets' sample times, then once per repetition of the profile
  // up to max(horizon, 1.25 x break-even) capped at the servers' lifetime (at most ~500 more).
  std::vector<CumulativePoint> cumulative;
};

// Validates all inputs (kSimInvalidInput with the reason) and runs both simulations.
Result<Comparison> Compare(const LoadProfile& profile, const OnPremParams& onprem,
                           const CloudParams& cloud);

// The break-even of two simulated fleets over `profile`'s horizon, extrapolated by repetition.
// Exposed for tests. Preconditions: both fleets were simulated against the same profile (their
// cumulative samples are at the same times).
BreakEven FindBreakEven(const FleetResult& onprem, const FleetResult& cloud, Duration horizon,
                        Duration lifetime);

}  // namespace ec2sim::cost

#endif  // EC2SIM_MODEL_COST_COMPARE_H_
