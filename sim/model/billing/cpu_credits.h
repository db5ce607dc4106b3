// CPU credits of burstable instances (T2, T3, T3a, T4g) under the CPU load a scenario declares
// (verb `cpu`), and the surplus credits AWS bills in unlimited mode.
//
// Accounting is exact integer arithmetic in "CPU units": one vCPU at 1% for one millisecond. One
// CPU credit (one vCPU at 100% for one minute) is 6,000,000 units; an instance earns its total
// baseline percent (vCPUs x baseline per vCPU) in units every millisecond it runs, and spends
// vCPUs x its utilization. Rules, from the EC2 User Guide's burstable performance pages
// (docs/billing.md, "CPU credits"):
//   - earned credits accrue up to 24 hours of earnings; T2 Standard instances also get launch
//     credits at each launch and start, spent first and not counted against that cap;
//   - a T2 loses its balance when it stops; T3, T3a and T4g keep it for seven days;
//   - standard mode, balance empty: throttled to the baseline, never charged;
//   - unlimited mode, balance empty: surplus credits are spent, paid back by later earnings; those
//     beyond 24 hours of earnings are charged at the end of each hour, and all that remain when
//     the instance stops or terminates or is switched to standard mode.
#ifndef EC2SIM_MODEL_BILLING_CPU_CREDITS_H_
#define EC2SIM_MODEL_BILLING_CPU_CREDITS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/model/billing/meters.h"
#include "sim/model/billing/rates.h"
#include "sim/model/billing/usage.h"

namespace ec2sim::billing {

inline constexpr std::int64_t kCpuUnitsPerCredit = 100 * kMinute;  // 1 vCPU x 100% x 1 minute
inline constexpr std::int64_t kCpuUnitsPerVcpuMs = 100;            // 1 vCPU x 100% x 1 ms
// T3, T3a and T4g keep accrued credits this long after they stop.
inline constexpr Duration kCreditsKeptWhenStopped = 7 * kDay;

// One row of sim/model/data/burstable_credits.csv.
struct BurstableSpec {
  std::string instance_type;
  std::string family;  // "t3"
  int vcpus = 0;
  std::int64_t earn_per_ms = 0;  // CPU units: vCPUs x baseline percent per vCPU
  std::int64_t milli_credits_per_hour = 0;
  std::int64_t launch_credits = 0;
  // The most earned (or surplus) credits it can hold: 24 hours of earnings, in CPU units.
  std::int64_t max_units() const { return earn_per_ms * kDay; }
};

// The burstable type's figures, or nullptr for a type that earns no CPU credits.
const BurstableSpec* FindBurstable(std::string_view instance_type);

// Where an instance's credits stand at `now`, and the surplus credits charged up to then.
struct CreditState {
  std::int64_t earned_units = 0;
  std::int64_t launch_units = 0;
  std::int64_t surplus_units = 0;    // spent beyond the balance, not charged yet
  std::vector<Point> charges;        // vCPU-milliseconds charged, at the instant they are
  std::int64_t charged_vcpu_ms = 0;  // their sum
};

// Runs the credit accounting of `m` from its first run to `now`. A type that is not burstable, or
// a meter without CPU marks, yields an empty state.
CreditState RunCpuCredits(const InstanceMeter& m, SimTime now);

// Per vCPU-hour of surplus credits: $0.05 for T2, T3 and T3a, $0.04 for T4g, in every region
// (Linux prices; Windows is billed the same here, unverified).
Rate SurplusCreditRate(std::string_view instance_type);

// The invoice line of the surplus credits `m` was charged ("APN2-CPUCredits:t3", vCPU-Hours), or
// nothing when it was charged none.
void AddCpuCreditLine(const InstanceMeter& m, SimTime now, std::vector<UsageLine>& out);

}  // namespace ec2sim::billing

#endif  // EC2SIM_MODEL_BILLING_CPU_CREDITS_H_
