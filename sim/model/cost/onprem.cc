#include "sim/model/cost/onprem.h"

#include <algorithm>
#include <map>
#include <string>

#include "sim/engine/rng.h"

namespace ec2sim::cost {
namespace {

__extension__ using Int128 = __int128;

std::int64_t DivRoundHalfUp(Int128 num, Int128 den) {
  return static_cast<std::int64_t>((2 * num + den) / (2 * den));
}

struct Server {
  Duration in_service = 0;                          // arrival
  std::vector<std::pair<Duration, Duration>> down;  // [fail, repaired), in time order
  bool UpAt(Duration t) const {
    if (t < in_service) return false;
    for (const auto& [from, to] : down) {
      if (t >= from && t < to) return false;
    }
    return true;
  }
  // Up at `from` and staying up (as far as known) until `to`.
  bool UpThrough(Duration from, Duration to) const {
    if (!UpAt(from)) return false;
    for (const auto& d : down) {
      if (d.first >= from && d.first < to) return false;
    }
    return true;
  }
};

// Orders placed when demand exceeds installed plus ordered capacity; they arrive after the lead
// time. Returns (order time, servers) pairs; appends arrivals to `servers`.
std::vector<std::pair<Duration, std::int64_t>> PlaceOrders(const LoadProfile& profile,
                                                           const OnPremParams& p,
                                                           std::vector<Server>& servers) {
  std::vector<std::pair<Duration, std::int64_t>> orders;
  if (!p.reorder) return orders;
  std::int64_t owned = static_cast<std::int64_t>(servers.size());
  for (std::size_t i = 0; i < profile.demand.size(); ++i) {
    std::int64_t capacity = owned * profile.server_capacity;
    if (profile.demand[i] <= capacity) continue;
    std::int64_t missing =
        (profile.demand[i] - capacity + profile.server_capacity - 1) / profile.server_capacity;
    Duration at = profile.step * static_cast<Duration>(i);
    orders.push_back({at, missing});
    owned += missing;
    for (std::int64_t k = 0; k < missing; ++k) servers.push_back({at + p.lead_time, {}});
  }
  return orders;
}

// Scheduled failures first (each on the lowest-numbered server up at that time), then random
// ones: each hour, each server up at the hour's start fails with probability AFR / 8,760.
// Returns failure times in ascending order.
std::vector<Duration> PlaceFailures(const LoadProfile& profile, const OnPremParams& p,
                                    std::vector<Server>& servers) {
  const Duration horizon = profile.horizon();
  std::vector<Duration> failures;
  std::vector<ScheduledFailure> scheduled = profile.failures;
  std::stable_sort(
      scheduled.begin(), scheduled.end(),
      [](const ScheduledFailure& a, const ScheduledFailure& b) { return a.at < b.at; });
  for (const ScheduledFailure& f : scheduled) {
    for (Server& s : servers) {
      if (!s.UpAt(f.at)) continue;
      Duration repair = f.repair > 0 ? f.repair : p.repair_time;
      s.down.push_back({f.at, f.at + repair});
      failures.push_back(f.at);
      break;
    }
  }
  // Probability per server-hour in parts per billion.
  const std::uint64_t ppb =
      static_cast<std::uint64_t>(p.annual_failure_rate_bp) * 1'000'000'000ULL / (10'000ULL * 8760);
  if (ppb > 0) {
    engine::Rng rng(p.seed);
    for (Duration hour = 0; hour < horizon; hour += kHour) {
      for (Server& s : servers) {
        if (!s.UpAt(hour)) continue;
        if (rng.Below(1'000'000'000ULL) >= ppb) continue;
        Duration at = hour + static_cast<Duration>(rng.Below(3600)) * kSecond;
        // A scheduled failure later in the repair window keeps its server (never broken twice).
        if (at >= horizon || !s.UpThrough(at, at + p.repair_time)) continue;
        s.down.push_back({at, at + p.repair_time});
        std::sort(s.down.begin(), s.down.end());
        failures.push_back(at);
      }
    }
  }
  std::sort(failures.begin(), failures.end());
  return failures;
}

// Servers in service (installed) and up (installed and not broken) over time.
void Availability(const std::vector<Server>& servers, Timeline& installed, Timeline& up) {
  std::map<Duration, std::pair<std::int64_t, std::int64_t>> deltas;  // time -> (installed, up)
  for (const Server& s : servers) {
    deltas[s.in_service].first += 1;
    deltas[s.in_service].second += 1;
    for (const auto& [from, to] : s.down) {
      deltas[from].second -= 1;
      deltas[to].second += 1;
    }
  }
  std::int64_t n_installed = 0, n_up = 0;
  SetFrom(installed, 0, 0);
  SetFrom(up, 0, 0);
  for (const auto& [t, d] : deltas) {
    n_installed += d.first;
    n_up += d.second;
    SetFrom(installed, t, n_installed);
    SetFrom(up, t, n_up);
  }
}

}  // namespace

Status ValidateOnPrem(const OnPremParams& p) {
  auto bad = [](std::string why) { return MakeError(ErrorCode::kSimInvalidInput, std::move(why)); };
  if (p.servers < 0) return bad("the on-premises server count is negative");
  if (p.purchase_micro_usd < 0) return bad("the server purchase price is negative");
  if (p.lifetime <= 0) return bad("the server lifetime must be positive");
  if (p.watts_idle < 0 || p.watts_busy < p.watts_idle) {
    return bad("server power must satisfy 0 <= idle watts <= busy watts");
  }
  if (p.pue_milli < 1000) return bad("PUE must be at least 1.0");
  if (p.electricity_micro_usd_per_kwh < 0) return bad("the electricity price is negative");
  if (p.rack_units < 0 || p.colo_micro_usd_per_u_month < 0) {
    return bad("rack units and the colocation price must not be negative");
  }
  if (p.admin_minutes_per_server_month < 0 || p.admin_micro_usd_per_hour < 0) {
    return bad("admin time and its hourly cost must not be negative");
  }
  if (p.lead_time < 0) return bad("the procurement lead time is negative");
  if (p.annual_failure_rate_bp < 0 || p.annual_failure_rate_bp > 10'000) {
    return bad("the annual failure rate must be between 0 and 100 %");
  }
  if (p.repair_time <= 0) return bad("the repair time must be positive");
  if (p.repair_micro_usd < 0) return bad("the repair cost is negative");
  return OkStatus();
}

std::int64_t ServersForPeak(const LoadProfile& profile) {
  std::int64_t n = (profile.peak() + profile.server_capacity - 1) / profile.server_capacity;
  return std::max<std::int64_t>(1, n);
}

FleetResult SimulateOnPrem(const LoadProfile& profile, const OnPremParams& p) {
  const Duration horizon = profile.horizon();
  const std::int64_t cap = profile.server_capacity;
  const std::int64_t initial = p.servers > 0 ? p.servers : ServersForPeak(profile);
  std::vector<Server> servers(static_cast<std::size_t>(initial));
  std::vector<std::pair<Duration, std::int64_t>> orders = PlaceOrders(profile, p, servers);
  std::vector<Duration> failures = PlaceFailures(profile, p, servers);
  Timeline installed, up;
  Availability(servers, installed, up);

  FleetResult r;
  r.name = "on-premises";
  for (const Step& s : up) SetFrom(r.serving_units, s.at, s.value * cap);
  for (const Step& s : installed) SetFrom(r.provisioned_units, s.at, s.value * cap);
  const Timeline demand = profile.DemandTimeline();
  r.usage = MeasureUsage(demand, r.serving_units, r.provisioned_units, horizon);

  // Running integrals, turned into money at each sample with the same formulas as the totals.
  std::int64_t server_ms = 0;  // installed servers x ms
  Int128 energy = 0;           // W x ms x cap (power depends on the share of capacity in use)
  auto costs_so_far = [&](Duration at) {
    auto fails = std::upper_bound(failures.begin(), failures.end(), at) - failures.begin();
    const Int128 kwh_divisor = static_cast<Int128>(cap) * 1000 * 1000 * kHour;  // W->kW, ms->h
    return std::vector<CostLine>{
        {"depreciation", Share(p.purchase_micro_usd, server_ms, p.lifetime)},
        {"power and cooling",
         DivRoundHalfUp(energy * p.pue_milli * p.electricity_micro_usd_per_kwh, kwh_divisor)},
        {"colocation",
         Share(p.colo_micro_usd_per_u_month * p.rack_units, server_ms, kBillingMonth)},
        {"admin", Share(p.admin_micro_usd_per_hour * p.admin_minutes_per_server_month, server_ms,
                        60 * kBillingMonth)},
        {"repairs", static_cast<std::int64_t>(fails) * p.repair_micro_usd}};
  };
  auto purchases_by = [&](Duration t) {
    std::int64_t bought = initial;
    for (const auto& [at, n] : orders) {
      if (at <= t) bought += n;
    }
    return bought * p.purchase_micro_usd;
  };
  auto sample = [&](Duration at) {
    std::vector<CostLine> lines = costs_so_far(at);
    std::int64_t running = 0;  // everything but depreciation
    for (std::size_t i = 1; i < lines.size(); ++i) running += lines[i].micro_usd;
    const std::int64_t bought = purchases_by(at);
    r.cumulative.push_back({at, lines[0].micro_usd + running, bought + running, bought});
    return lines;
  };

  const Timeline samples = SampleTimeline(horizon, SampleInterval(horizon, profile.step, 2000));
  sample(0);
  Sweep({&demand, &up, &installed, &samples}, horizon,
        [&](Duration begin, Duration end, const std::vector<std::int64_t>& v) {
          const Duration dt = end - begin;
          const std::int64_t served = std::min(v[0], v[1] * cap);
          server_ms += v[2] * dt;
          energy +=
              static_cast<Int128>(dt) * (static_cast<Int128>(v[1]) * p.watts_idle * cap +
                                         static_cast<Int128>(p.watts_busy - p.watts_idle) * served);
          if (end < horizon && ValueAt(samples, end) != v[3]) sample(end);
        });
  r.costs = sample(horizon);
  for (const CostLine& line : r.costs) r.total_micro_usd += line.micro_usd;
  r.idle_micro_usd = Share(r.total_micro_usd, r.usage.idle, r.usage.provisioned);
  r.purchases_micro_usd = purchases_by(horizon);
  r.failures = static_cast<std::int64_t>(failures.size());
  for (const auto& [at, n] : orders) r.servers_ordered += n;
  return r;
}

}  // namespace ec2sim::cost
