// Piecewise-constant quantities over simulated time, the common currency of the cost models:
// demand, servers up, instances billed. Time is integer ms from the start of the comparison.
#ifndef EC2SIM_MODEL_COST_TIMELINE_H_
#define EC2SIM_MODEL_COST_TIMELINE_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "ec2sim/sim_time.h"

namespace ec2sim::cost {

// From `at` on (until the next step) the quantity is `value`.
struct Step {
  Duration at = 0;
  std::int64_t value = 0;
  bool operator==(const Step&) const = default;
};

// Steps in ascending `at`; before the first step the value is 0.
using Timeline = std::vector<Step>;

// The value at t (the last step at or before t; 0 before the first).
std::int64_t ValueAt(const Timeline& timeline, Duration t);

// Appends a step, replacing the last one when it is at the same time and dropping it when the
// value does not change, so timelines stay minimal. Precondition: at >= the last step's time.
void SetFrom(Timeline& timeline, Duration at, std::int64_t value);

// Calls fn(begin, end, values) for each maximal interval of [0, horizon) over which every
// timeline is constant; values[i] is timelines[i]'s value there. Work is linear in the total
// number of steps, never in the length of the horizon.
void Sweep(const std::vector<const Timeline*>& timelines, Duration horizon,
           const std::function<void(Duration, Duration, const std::vector<std::int64_t>&)>& fn);

// Sample times 0, every, 2*every, ... < horizon, then horizon itself, as a timeline whose value
// is the sample's index (so Sweep splits intervals at sample boundaries).
Timeline SampleTimeline(Duration horizon, Duration every);

// A sampling interval giving at most about `max_samples` samples over `horizon`: a whole number
// of `step`s (step itself when that is few enough).
Duration SampleInterval(Duration horizon, Duration step, int max_samples);

}  // namespace ec2sim::cost

#endif  // EC2SIM_MODEL_COST_TIMELINE_H_
