#include "sim/model/billing/cpu_credits.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "sim/model/csv.h"

extern const char kEc2simBurstableCreditsCsv[];

namespace ec2sim::billing {
namespace {

[[noreturn]] void BadBurstableRow(const std::string& why) {
  std::fprintf(stderr, "embedded data burstable_credits.csv: %s\n", why.c_str());
  std::abort();
}

// "81.6" -> 81600: a decimal with up to three places, as thousandths (the table's figures are
// exact decimals; no floating point touches them).
std::int64_t BurstableThousandths(const std::string& text) {
  std::size_t dot = text.find('.');
  std::string whole = text.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
  if (frac.size() > 3) BadBurstableRow("more than three decimals in " + text);
  frac.resize(3, '0');
  std::int64_t w = 0, f = 0;
  auto [e1, c1] = std::from_chars(whole.data(), whole.data() + whole.size(), w);
  auto [e2, c2] = std::from_chars(frac.data(), frac.data() + frac.size(), f);
  if (c1 != std::errc() || c2 != std::errc() || e1 != whole.data() + whole.size() ||
      e2 != frac.data() + frac.size() || w < 0) {
    BadBurstableRow("bad number " + text);
  }
  return w * 1000 + f;
}

const std::map<std::string, BurstableSpec, std::less<>>& BurstableTable() {
  static const auto* table = [] {
    auto* out = new std::map<std::string, BurstableSpec, std::less<>>();
    for (auto& row : model::ReadEmbeddedCsv(kEc2simBurstableCreditsCsv, "burstable_credits.csv")) {
      BurstableSpec spec;
      spec.instance_type = row[0];
      spec.family = row[0].substr(0, row[0].find('.'));
      spec.vcpus = static_cast<int>(BurstableThousandths(row[1]) / 1000);
      std::int64_t baseline_milli = BurstableThousandths(row[2]);  // percent per vCPU, x1000
      spec.milli_credits_per_hour = BurstableThousandths(row[3]);
      spec.launch_credits = BurstableThousandths(row[4]) / 1000;
      // Earning at the baseline: vCPUs x baseline percent, in CPU units per ms. The table's two
      // columns must agree: credits an hour = that x 60 minutes / 100%.
      if ((baseline_milli * spec.vcpus) % 1000 != 0) BadBurstableRow("fractional baseline");
      spec.earn_per_ms = baseline_milli * spec.vcpus / 1000;
      if (spec.earn_per_ms * 600 != spec.milli_credits_per_hour) {
        BadBurstableRow(row[0] + ": baseline and credits per hour disagree");
      }
      out->emplace(spec.instance_type, spec);
    }
    return out;
  }();
  return *table;
}

// One instance's balances while its credit accounting runs.
struct CreditRun {
  const BurstableSpec& spec;
  CreditState state;
  std::int64_t pending = 0;  // CPU units charged at the end of the current hour
  std::int64_t rest = 0;     // below one vCPU-ms, carried to the next charge

  void Charge(SimTime at, std::int64_t units) {
    std::int64_t total = units + rest;
    std::int64_t vcpu_ms = total / kCpuUnitsPerVcpuMs;
    rest = total % kCpuUnitsPerVcpuMs;
    if (vcpu_ms <= 0) return;
    state.charges.push_back(Point{at, vcpu_ms});
    state.charged_vcpu_ms += vcpu_ms;
  }
  // Surplus still owed (and the hour's pending charge) is charged at `at`: stop, terminate or a
  // switch to standard mode.
  void SettleSurplus(SimTime at) {
    Charge(at, pending + state.surplus_units);
    pending = 0;
    state.surplus_units = 0;
  }

  // Runs [t, end) at a constant `percent` and mode, the instance running throughout.
  void Run(SimTime t, SimTime end, int percent, bool unlimited);
  // One stretch from t of at most `end`, until a balance reaches a bound; returns where it ended.
  SimTime Step(SimTime t, SimTime end, std::int64_t spend, bool unlimited);
};

// Milliseconds for `amount` units at `rate` per ms, rounded up (the bound is reached within it).
Duration CreditTimeFor(std::int64_t amount, std::int64_t rate) {
  return (amount + rate - 1) / rate;
}

SimTime CreditRun::Step(SimTime t, SimTime end, std::int64_t spend, bool unlimited) {
  const std::int64_t earn = spec.earn_per_ms;
  const std::int64_t cap = spec.max_units();
  CreditState& s = state;
  if (s.launch_units > 0 && spend > 0) {
    // Launch credits are spent first; earnings accrue meanwhile.
    SimTime stop = std::min(end, t + CreditTimeFor(s.launch_units, spend));
    s.launch_units = std::max<std::int64_t>(0, s.launch_units - spend * (stop - t));
    s.earned_units = std::min(cap, s.earned_units + earn * (stop - t));
    return stop;
  }
  if (s.surplus_units == 0 && (spend <= earn || s.earned_units > 0)) {
    std::int64_t net = earn - spend;  // the earned balance moves by this each ms
    if (net >= 0) {
      s.earned_units = std::min(cap, s.earned_units + net * (end - t));
      return end;
    }
    SimTime stop = std::min(end, t + CreditTimeFor(s.earned_units, -net));
    s.earned_units = std::max<std::int64_t>(0, s.earned_units + net * (stop - t));
    return stop;
  }
  if (s.surplus_units == 0 && !unlimited) return end;  // throttled to the baseline: no change
  std::int64_t net = spend - earn;                     // the surplus moves by this each ms
  if (net == 0) return end;
  if (net < 0) {
    // Earnings pay the surplus back first.
    SimTime stop = std::min(end, t + CreditTimeFor(s.surplus_units, -net));
    s.surplus_units = std::max<std::int64_t>(0, s.surplus_units + net * (stop - t));
    return stop;
  }
  if (s.surplus_units < cap) {
    SimTime stop = std::min(end, t + CreditTimeFor(cap - s.surplus_units, net));
    s.surplus_units = std::min(cap, s.surplus_units + net * (stop - t));
    return stop;
  }
  // Beyond 24 hours of earnings: charged at the end of each hour ("Unlimited mode examples").
  SimTime hour_end = (t / kHour + 1) * kHour;
  SimTime stop = std::min(end, hour_end);
  pending += net * (stop - t);
  if (stop == hour_end) {
    Charge(hour_end - 1, pending);
    pending = 0;
  }
  return stop;
}

void CreditRun::Run(SimTime t, SimTime end, int percent, bool unlimited) {
  std::int64_t spend = std::int64_t{spec.vcpus} * percent;
  while (t < end) t = Step(t, end, spend, unlimited);
}

// The mark in force at `at`: before the first one, no load (in the first one's mode).
CpuMark CpuMarkAt(const std::vector<CpuMark>& marks, SimTime at) {
  auto it = std::upper_bound(marks.begin(), marks.end(), at,
                             [](SimTime t, const CpuMark& m) { return t < m.at; });
  if (it == marks.begin()) return CpuMark{at, 0, marks.front().unlimited};
  return *(it - 1);
}

}  // namespace

const BurstableSpec* FindBurstable(std::string_view instance_type) {
  const auto& table = BurstableTable();
  auto it = table.find(instance_type);
  return it == table.end() ? nullptr : &it->second;
}

CreditState RunCpuCredits(const InstanceMeter& m, SimTime now) {
  const BurstableSpec* spec = FindBurstable(m.instance_type);
  if (spec == nullptr || m.cpu.empty()) return {};
  CreditRun run{*spec, {}};
  SimTime stopped_at = -1;
  for (const Span& span : m.runs) {
    if (span.from >= now) break;
    // A T2 starts empty, with launch credits in standard mode; the others keep what they had
    // unless they were stopped for more than seven days.
    bool t2 = spec->family == "t2";
    if (t2 || (stopped_at >= 0 && span.from - stopped_at > kCreditsKeptWhenStopped)) {
      run.state.earned_units = 0;
    }
    run.state.launch_units = 0;
    if (t2 && !CpuMarkAt(m.cpu, span.from).unlimited) {
      run.state.launch_units = spec->launch_credits * kCpuUnitsPerCredit;
    }
    SimTime end = std::min(span.to, now);
    SimTime t = span.from;
    auto next = m.cpu.begin();
    while (t < end) {
      const CpuMark mark = CpuMarkAt(m.cpu, t);
      while (next != m.cpu.end() && next->at <= t) ++next;
      SimTime until = next != m.cpu.end() ? std::min(end, next->at) : end;
      run.Run(t, until, mark.percent, mark.unlimited);
      t = until;
      // Switched to standard mode: the surplus owed is charged then.
      if (t < end && mark.unlimited && !CpuMarkAt(m.cpu, t).unlimited) run.SettleSurplus(t);
    }
    if (span.to <= now) {
      run.SettleSurplus(std::max(span.from, span.to - 1));
      stopped_at = span.to;
      if (t2) run.state.earned_units = 0;
    }
  }
  return run.state;
}

Rate SurplusCreditRate(std::string_view instance_type) {
  // "T2/T3/T4g Unlimited Mode Pricing", https://aws.amazon.com/ec2/pricing/on-demand/: CPU
  // credits at $0.05 per vCPU-hour for T2, T3 and T3a, $0.04 for T4g, the same in every region.
  // Windows instances are charged the Linux rate here (unverified: AWS once listed a higher
  // Windows rate, and current restatements show the same one).
  Rate rate;
  rate.micro_usd = instance_type.substr(0, 4) == "t4g." ? 40'000 : 50'000;
  return rate;
}

void AddCpuCreditLine(const InstanceMeter& m, SimTime now, std::vector<UsageLine>& out) {
  const BurstableSpec* spec = FindBurstable(m.instance_type);
  if (spec == nullptr || m.cpu.empty()) return;
  CreditState state = RunCpuCredits(m, now);
  if (state.charges.empty()) return;
  UsageLine line;
  line.usage_type = UsageType(m.region, "CPUCredits:" + spec->family);
  line.resource_id = m.id;
  line.region = m.region;
  line.unit = "vCPU-Hours";
  line.measure = Measure::kHours;
  line.rate = SurplusCreditRate(m.instance_type);
  line.description = "Surplus CPU credits of " + m.instance_type +
                     " in unlimited mode, per vCPU-hour (one credit is one vCPU-minute)";
  line.points = std::move(state.charges);
  out.push_back(std::move(line));
}

}  // namespace ec2sim::billing
