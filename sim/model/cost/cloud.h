// The cloud fleet: instances launched and stopped by a target-tracking rule, billed per second
// with a one-minute minimum per start, at the catalog's on-demand Linux price.
//
// The rule, evaluated every `evaluation_interval` (only at times when something can change, so
// work grows with the number of demand changes, not with the horizon):
//   desired = clamp(ceil(demand / (instance_capacity x target_utilization)), min, max)
//   more than running -> launch the difference now; they bill from `pending_time` and serve from
//                        `launch_delay` after the decision;
//   fewer             -> stop the surplus (newest first) once demand has asked for fewer for
//                        `scale_in_after` without a pause.
// The fleet starts warm: at time 0 the instances desired for the first demand value are running.
#ifndef EC2SIM_MODEL_COST_CLOUD_H_
#define EC2SIM_MODEL_COST_CLOUD_H_

#include <cstdint>
#include <string>

#include "ec2sim/result.h"
#include "ec2sim/sim_time.h"
#include "sim/model/cost/fleet.h"
#include "sim/model/cost/profile.h"

namespace ec2sim::cost {

struct CloudParams {
  std::string region = "us-east-1";
  std::string instance_type = "m5.4xlarge";
  std::int64_t price_micro_usd_per_hour = 0;  // 0: the catalog's Linux on-demand price
  std::int64_t target_utilization_percent = 70;
  Duration evaluation_interval = kMinute;
  Duration launch_delay = 5 * kMinute;   // decision to serving (boot and warm-up)
  Duration pending_time = 12 * kSecond;  // decision to `running`, when billing starts
  Duration scale_in_after = 15 * kMinute;
  std::int64_t min_instances = 1;
  std::int64_t max_instances = 10'000;
  Duration minimum_billed = kMinute;  // per start (Linux per-second billing)
};

// kSimInvalidInput naming the first parameter out of range: a target outside 1..100 %, a
// non-positive evaluation interval, durations that are negative or not whole seconds,
// pending_time > launch_delay, min > max, a negative price.
Status ValidateCloud(const CloudParams& params);

// The hourly price to bill: params.price_micro_usd_per_hour when set, else
// model::EstimatedPriceMicroUsd(region, type, Linux). kSimInvalidInput for an unknown region or
// instance type. `estimated` (optional) says whether the catalog had to estimate it.
Result<std::int64_t> CloudHourlyPrice(const CloudParams& params, bool* estimated = nullptr);

// Simulates the fleet against `profile` (which must pass ValidateProfile) at
// `price_micro_usd_per_hour`. Deterministic; no randomness.
FleetResult SimulateCloud(const LoadProfile& profile, const CloudParams& params,
                          std::int64_t price_micro_usd_per_hour);

}  // namespace ec2sim::cost

#endif  // EC2SIM_MODEL_COST_CLOUD_H_
