#include "sim/model/cost/timeline.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace ec2sim::cost {

std::int64_t ValueAt(const Timeline& timeline, Duration t) {
  auto it = std::upper_bound(timeline.begin(), timeline.end(), t,
                             [](Duration x, const Step& s) { return x < s.at; });
  return it == timeline.begin() ? 0 : std::prev(it)->value;
}

void SetFrom(Timeline& timeline, Duration at, std::int64_t value) {
  assert(timeline.empty() || at >= timeline.back().at);
  if (!timeline.empty() && timeline.back().at == at) {
    timeline.pop_back();
  }
  std::int64_t before = timeline.empty() ? 0 : timeline.back().value;
  if (timeline.empty() ? (value != 0 || at == 0) : value != before) {
    timeline.push_back({at, value});
  }
}

void Sweep(const std::vector<const Timeline*>& timelines, Duration horizon,
           const std::function<void(Duration, Duration, const std::vector<std::int64_t>&)>& fn) {
  const std::size_t n = timelines.size();
  std::vector<std::size_t> next(n, 0);  // index of each timeline's next step not yet applied
  std::vector<std::int64_t> values(n, 0);
  Duration t = 0;
  while (t < horizon) {
    for (std::size_t i = 0; i < n; ++i) {
      const Timeline& tl = *timelines[i];
      while (next[i] < tl.size() && tl[next[i]].at <= t) values[i] = tl[next[i]++].value;
    }
    Duration end = horizon;
    for (std::size_t i = 0; i < n; ++i) {
      if (next[i] < timelines[i]->size()) end = std::min(end, (*timelines[i])[next[i]].at);
    }
    fn(t, end, values);
    t = end;
  }
}

Timeline SampleTimeline(Duration horizon, Duration every) {
  assert(every > 0);
  Timeline samples;
  std::int64_t index = 0;
  for (Duration t = 0; t < horizon; t += every) samples.push_back({t, index++});
  samples.push_back({horizon, index});
  return samples;
}

Duration SampleInterval(Duration horizon, Duration step, int max_samples) {
  assert(step > 0 && max_samples > 0);
  Duration steps = horizon / step;
  Duration per_sample = (steps + max_samples - 1) / max_samples;
  return std::max<Duration>(1, per_sample) * step;
}

}  // namespace ec2sim::cost
