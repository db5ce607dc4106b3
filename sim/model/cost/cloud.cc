#include "sim/model/cost/cloud.h"

#include <algorithm>
#include <map>

#include "sim/model/catalog.h"
#include "sim/model/regions.h"

namespace ec2sim::cost {
namespace {

constexpr Duration kNever = -1;

struct Instance {
  Duration billed_from = 0;   // enters running
  Duration serving_from = 0;  // ready for traffic
  Duration stopped = kNever;
};

std::int64_t Desired(const CloudParams& p, std::int64_t demand, std::int64_t capacity) {
  // ceil(demand * 100 / (capacity * target%)) in integers.
  std::int64_t per_instance = capacity * p.target_utilization_percent;
  std::int64_t n = (demand * 100 + per_instance - 1) / per_instance;
  return std::clamp(n, p.min_instances, p.max_instances);
}

Duration RoundUpTo(Duration t, Duration grid) { return (t + grid - 1) / grid * grid; }

// The next demand change strictly after t, or kNever.
Duration NextChange(const Timeline& demand, Duration t) {
  auto it = std::upper_bound(demand.begin(), demand.end(), t,
                             [](Duration x, const Step& s) { return x < s.at; });
  return it == demand.end() ? kNever : it->at;
}

}  // namespace

Status ValidateCloud(const CloudParams& p) {
  auto bad = [](std::string why) { return MakeError(ErrorCode::kSimInvalidInput, std::move(why)); };
  if (p.target_utilization_percent < 1 || p.target_utilization_percent > 100) {
    return bad("the target utilization must be between 1 and 100 %");
  }
  if (p.evaluation_interval <= 0) return bad("the evaluation interval must be positive");
  for (Duration d : {p.evaluation_interval, p.launch_delay, p.pending_time, p.scale_in_after,
                     p.minimum_billed}) {
    if (d < 0) return bad("cloud durations must not be negative");
    if (d % kSecond != 0) return bad("cloud durations must be whole seconds");
  }
  if (p.pending_time > p.launch_delay) {
    return bad(
        "the pending time cannot exceed the launch delay (an instance serves only once "
        "running)");
  }
  if (p.min_instances < 0 || p.max_instances < 1 || p.min_instances > p.max_instances) {
    return bad("instance limits must satisfy 0 <= min <= max and max >= 1");
  }
  if (p.price_micro_usd_per_hour < 0) return bad("the instance price is negative");
  return OkStatus();
}

Result<std::int64_t> CloudHourlyPrice(const CloudParams& p, bool* estimated) {
  if (estimated != nullptr) *estimated = false;
  if (p.price_micro_usd_per_hour > 0) return p.price_micro_usd_per_hour;
  if (model::FindRegion(p.region) == nullptr) {
    return MakeError(ErrorCode::kSimInvalidInput, "unknown region '" + p.region + "'");
  }
  auto price = model::EstimatedPriceMicroUsd(p.region, p.instance_type, model::OsFamily::kLinux);
  if (!price) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "unknown instance type '" + p.instance_type + "'");
  }
  if (estimated != nullptr) *estimated = price->estimated();
  return price->micro_usd_per_hour;
}

FleetResult SimulateCloud(const LoadProfile& profile, const CloudParams& p,
                          std::int64_t price_micro_usd_per_hour) {
  const Duration horizon = profile.horizon();
  const std::int64_t cap = profile.instance_capacity;
  const Timeline demand = profile.DemandTimeline();
  FleetResult r;
  r.name = "cloud";

  std::vector<Instance> instances;
  std::vector<std::size_t> active;  // indexes into instances, oldest first
  auto launch = [&](Duration t, std::int64_t n, bool warm) {
    for (std::int64_t i = 0; i < n; ++i) {
      active.push_back(instances.size());
      instances.push_back(warm ? Instance{t, t} : Instance{t + p.pending_time, t + p.launch_delay});
    }
    if (!warm) r.launches += n;
  };
  launch(0, Desired(p, ValueAt(demand, 0), cap), /*warm=*/true);

  Duration low_since = kNever;
  Duration t = 0;
  for (;;) {
    Duration next = NextChange(demand, t);
    if (low_since != kNever) {
      Duration due = low_since + p.scale_in_after;
      next = next == kNever ? due : std::min(next, due);
    }
    if (next == kNever) break;
    // Rules run on the evaluation grid, and strictly after the last run.
    next = RoundUpTo(std::max(next, t + 1), p.evaluation_interval);
    if (next >= horizon) break;
    t = next;
    const std::int64_t desired = Desired(p, ValueAt(demand, t), cap);
    const auto current = static_cast<std::int64_t>(active.size());
    if (desired > current) {
      launch(t, desired - current, /*warm=*/false);
      low_since = kNever;
    } else if (desired < current) {
      if (low_since == kNever) low_since = t;
      if (t - low_since >= p.scale_in_after) {
        for (std::int64_t i = 0; i < current - desired; ++i) {
          instances[active.back()].stopped = t;
          active.pop_back();
        }
        r.stops += current - desired;
        low_since = kNever;
      }
    } else {
      low_since = kNever;
    }
  }

  // Timelines and billing.
  std::map<Duration, std::pair<std::int64_t, std::int64_t>> deltas;  // (billed, serving)
  std::map<Duration, std::int64_t> topups;  // minimum-billing remainders, due at the stop
  deltas[0];
  std::int64_t billed_ms = 0;
  for (const Instance& in : instances) {
    const Duration end = in.stopped == kNever ? horizon : std::min(in.stopped, horizon);
    if (end > in.billed_from) {
      deltas[in.billed_from].first += 1;
      deltas[end].first -= 1;
      const Duration run = end - in.billed_from;
      Duration billed = (run + kSecond - 1) / kSecond * kSecond;  // per second
      if (in.stopped != kNever) billed = std::max(billed, p.minimum_billed);
      billed_ms += billed;
      if (billed > run) topups[end] += billed - run;
    }
    if (end > in.serving_from) {
      deltas[in.serving_from].second += 1;
      deltas[end].second -= 1;
    }
  }
  Timeline billed, serving;
  std::int64_t nb = 0, ns = 0;
  for (const auto& [at, d] : deltas) {
    nb += d.first;
    ns += d.second;
    if (at >= horizon) break;
    SetFrom(billed, at, nb);
    SetFrom(serving, at, ns);
    SetFrom(r.provisioned_units, at, nb * cap);
    SetFrom(r.serving_units, at, ns * cap);
  }
  r.usage = MeasureUsage(demand, r.serving_units, r.provisioned_units, horizon);
  r.total_micro_usd = Share(price_micro_usd_per_hour, billed_ms, kHour);
  r.costs = {{"compute (" + p.instance_type + ", per second)", r.total_micro_usd}};
  r.idle_micro_usd = Share(r.total_micro_usd, r.usage.idle, r.usage.provisioned);

  // Cumulative cost: instance time so far plus the minimum-billing remainders already due.
  const Timeline samples = SampleTimeline(horizon, SampleInterval(horizon, profile.step, 2000));
  std::int64_t ms_so_far = 0;
  std::int64_t due = 0;
  auto next_topup = topups.begin();
  auto sample = [&](Duration at) {
    for (; next_topup != topups.end() && next_topup->first <= at; ++next_topup) {
      due += next_topup->second;
    }
    std::int64_t cost = Share(price_micro_usd_per_hour, ms_so_far + due, kHour);
    r.cumulative.push_back({at, cost, cost});
  };
  sample(0);
  Sweep({&billed, &samples}, horizon,
        [&](Duration begin, Duration end, const std::vector<std::int64_t>& v) {
          ms_so_far += v[0] * (end - begin);
          if (end < horizon && ValueAt(samples, end) != v[1]) sample(end);
        });
  // Rounding each run up to whole seconds can add a little after the last sample.
  r.cumulative.push_back({horizon, r.total_micro_usd, r.total_micro_usd});
  return r;
}

}  // namespace ec2sim::cost
