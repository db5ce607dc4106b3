// Load profiles: how much work a service has to do, step by step, over a day, a week or a month.
// Both fleets of the cloud vs on-premises comparison are simulated against the same profile.
#ifndef EC2SIM_MODEL_COST_PROFILE_H_
#define EC2SIM_MODEL_COST_PROFILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/result.h"
#include "ec2sim/sim_time.h"
#include "sim/model/cost/timeline.h"

namespace ec2sim::cost {

// A failure of one on-premises server at a chosen time (in addition to random failures).
struct ScheduledFailure {
  Duration at = 0;
  Duration repair = 0;  // 0: the on-premises model's repair time
};

struct LoadProfile {
  std::string name;                    // "launch-day"
  std::string description;             // one line for listings
  std::string unit = "servers";        // what demand counts, for labels: "servers", "requests/s"
  Duration step = kHour;               // how long each demand value holds
  std::vector<std::int64_t> demand{};  // one value per step, each >= 0
  std::int64_t server_capacity = 1;    // demand units one on-premises server serves
  std::int64_t instance_capacity = 1;  // demand units one cloud instance serves
  std::vector<ScheduledFailure> failures{};

  Duration horizon() const { return step * static_cast<Duration>(demand.size()); }
  std::int64_t peak() const;
  // Demand as a timeline over [0, horizon()).
  Timeline DemandTimeline() const;
};

// kSimInvalidInput naming the first problem: no demand values, a negative value, a step or a
// capacity that is not positive, a step that is not a whole number of seconds, a failure outside
// the horizon or with a negative repair time.
Status ValidateProfile(const LoadProfile& profile);

// The built-in profiles, in listing order: steady-office, launch-day, nightly-batch, flat.
const std::vector<LoadProfile>& BuiltinProfiles();
// The built-in profile `name`, or nullptr.
const LoadProfile* FindBuiltinProfile(std::string_view name);

}  // namespace ec2sim::cost

#endif  // EC2SIM_MODEL_COST_PROFILE_H_
