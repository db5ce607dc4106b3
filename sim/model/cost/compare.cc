#include "sim/model/cost/compare.h"

#include <algorithm>
#include <cassert>

namespace ec2sim::cost {
namespace {

// Where a falling gap crosses zero between (ta, ga > 0) and (tb, gb <= 0), linearly.
Duration Crossing(Duration ta, std::int64_t ga, Duration tb, std::int64_t gb) {
  return ta + Share(tb - ta, ga, ga - gb);
}

// Break-even points further out than this are reported as this (and beyond any lifetime).
constexpr Duration kFarFuture = 100 * 365 * kDay;

}  // namespace

BreakEven FindBreakEven(const FleetResult& onprem, const FleetResult& cloud, Duration horizon,
                        Duration lifetime) {
  const auto& on = onprem.cumulative;
  const auto& cl = cloud.cumulative;
  assert(on.size() == cl.size() && !on.empty());
  BreakEven be;
  auto finish = [&](Duration at) {
    be.at = at;
    be.kind = at > lifetime ? BreakEven::Kind::kBeyondLifetime : BreakEven::Kind::kAt;
    return be;
  };
  // Within the simulated horizon.
  for (std::size_t j = 0; j < on.size(); ++j) {
    std::int64_t gap = on[j].cash_micro_usd - cl[j].cash_micro_usd;
    if (gap > 0) continue;
    if (j == 0) return finish(0);
    std::int64_t before = on[j - 1].cash_micro_usd - cl[j - 1].cash_micro_usd;
    return finish(Crossing(on[j - 1].at, before, on[j].at, gap));
  }
  // Repetitions k >= 1 of the profile: the gap at k*H + s is P - k*D - d(s), where P is what
  // the servers cost, D what the cloud costs more than running the servers per repetition, and
  // d(s) that difference accumulated s into a repetition.
  const std::int64_t purchases = on.back().purchases_micro_usd;
  auto d = [&](std::size_t j) {
    return cl[j].cash_micro_usd - (on[j].cash_micro_usd - on[j].purchases_micro_usd);
  };
  const std::int64_t per_repetition = d(on.size() - 1);
  if (per_repetition <= 0) return be;  // kNever
  std::int64_t max_d = 0;
  for (std::size_t j = 0; j < on.size(); ++j) max_d = std::max(max_d, d(j));
  // First k whose smallest gap, P - k*D - max_d, reaches 0.
  std::int64_t need = purchases - max_d;
  std::int64_t k = std::max<std::int64_t>(1, (need + per_repetition - 1) / per_repetition);
  if (k >= kFarFuture / horizon) {
    be.kind = BreakEven::Kind::kBeyondLifetime;
    be.at = kFarFuture;
    return be;
  }
  for (;; ++k) {
    auto gap = [&](std::size_t j) { return purchases - k * per_repetition - d(j); };
    for (std::size_t j = 1; j < on.size(); ++j) {
      if (gap(j) > 0) continue;
      Duration base = k * horizon;
      return finish(base + Crossing(on[j - 1].at, gap(j - 1), on[j].at, gap(j)));
    }
  }
}

Result<Comparison> Compare(const LoadProfile& profile, const OnPremParams& onprem,
                           const CloudParams& cloud) {
  EC2SIM_RETURN_IF_ERROR(ValidateProfile(profile));
  EC2SIM_RETURN_IF_ERROR(ValidateOnPrem(onprem));
  EC2SIM_RETURN_IF_ERROR(ValidateCloud(cloud));
  Comparison c;
  EC2SIM_ASSIGN_OR_RETURN(c.cloud_price_micro_usd_per_hour,
                          CloudHourlyPrice(cloud, &c.cloud_price_estimated));
  c.profile = profile;
  c.onprem_servers = onprem.servers > 0 ? onprem.servers : ServersForPeak(profile);
  c.onprem = SimulateOnPrem(profile, onprem);
  c.cloud = SimulateCloud(profile, cloud, c.cloud_price_micro_usd_per_hour);
  const Duration horizon = profile.horizon();
  c.break_even = FindBreakEven(c.onprem, c.cloud, horizon, onprem.lifetime);

  for (std::size_t j = 0; j < c.onprem.cumulative.size(); ++j) {
    c.cumulative.push_back({c.onprem.cumulative[j].at, c.cloud.cumulative[j].cash_micro_usd,
                            c.onprem.cumulative[j].cash_micro_usd,
                            c.onprem.cumulative[j].amortized_micro_usd});
  }
  Duration end = onprem.lifetime;
  if (c.break_even.kind == BreakEven::Kind::kAt) {
    end = std::min(onprem.lifetime, std::max(horizon, c.break_even.at / 4 * 5));
  }
  const std::int64_t repetitions = (end + horizon - 1) / horizon;
  const std::int64_t stride = std::max<std::int64_t>(1, repetitions / 500);
  const CostSample& on = c.onprem.cumulative.back();
  const std::int64_t running = on.cash_micro_usd - on.purchases_micro_usd;
  auto extrapolate = [&](std::int64_t k) {
    c.cumulative.push_back({k * horizon, k * c.cloud.total_micro_usd,
                            on.purchases_micro_usd + k * running, k * c.onprem.total_micro_usd});
  };
  std::int64_t k = 2;
  for (; k <= repetitions; k += stride) extrapolate(k);
  if (repetitions >= 2 && k - stride != repetitions) extrapolate(repetitions);
  return c;
}

}  // namespace ec2sim::cost
