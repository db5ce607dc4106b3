#include "sim/model/billing/invoice.h"

#include <algorithm>
#include <cassert>
#include <utility>

#include "sim/model/billing/free_tier.h"
#include "sim/model/billing/network_rates.h"

namespace ec2sim::billing {
namespace {

constexpr int kFreeTierPools = 3;  // instance hours, EBS, public IPv4; remap pools follow

Int128 AllowanceUnits(Pool pool) {
  switch (pool) {
    case Pool::kFreeInstanceHours:
      return Int128{kFreeTierInstanceHours} * kDenominator;
    case Pool::kFreeEbs:
      return Int128{kFreeTierEbsGbMonths} * kDenominator;
    case Pool::kFreePublicIpv4:
      return Int128{kFreeTierPublicIpv4Hours} * kDenominator;
    case Pool::kRemaps:
      return Int128{kFreeRemapsPerMonth} * kDenominator;
    case Pool::kFreeDataOut:
      return Int128{kFreeDataOutGbPerMonth} * kDenominator;
    case Pool::kNone:
      break;
  }
  return 0;
}

// Pool ids: 0..2 for the account-wide free-tier pools, 3.. for one remap pool per region and
// the account-wide free data transfer out.
struct PoolIds {
  std::vector<int> of_line;  // -1: none
  std::vector<Pool> kind;
};

PoolIds AssignPools(const std::vector<UsageLine>& usage) {
  PoolIds ids;
  ids.kind = {Pool::kFreeInstanceHours, Pool::kFreeEbs, Pool::kFreePublicIpv4};
  std::map<std::string, int> remap_pool;
  int data_out_pool = -1;
  for (const UsageLine& line : usage) {
    int id = -1;
    switch (line.pool) {
      case Pool::kFreeInstanceHours:
        id = 0;
        break;
      case Pool::kFreeEbs:
        id = 1;
        break;
      case Pool::kFreePublicIpv4:
        id = 2;
        break;
      case Pool::kRemaps: {
        auto [it, added] = remap_pool.emplace(line.region, static_cast<int>(ids.kind.size()));
        if (added) ids.kind.push_back(Pool::kRemaps);
        id = it->second;
        break;
      }
      case Pool::kFreeDataOut:
        if (data_out_pool < 0) {
          data_out_pool = static_cast<int>(ids.kind.size());
          ids.kind.push_back(Pool::kFreeDataOut);
        }
        id = data_out_pool;
        break;
      case Pool::kNone:
        break;
    }
    ids.of_line.push_back(id);
  }
  return ids;
}

// First millisecond of each calendar month from the month of `from` on, up to one past `to`.
std::vector<SimTime> MonthEdges(SimTime from, SimTime to) {
  std::vector<SimTime> edges{StartOfMonth(from)};
  do {
    edges.push_back(StartOfNextMonth(edges.back()));
  } while (edges.back() < to);
  return edges;
}

Int128 UnitsPerMs(const UsageLine& line, Duration month_ms) {
  if (line.measure == Measure::kGbMonths) return Int128{line.weight} * (kDenominator / month_ms);
  return Int128{line.weight} * kUnitsPerHourMs;
}

static_assert(kDenominator % kMibPerGb == 0, "a MiB must be a whole number of units");

Int128 PointUnits(const UsageLine& line, std::int64_t amount) {
  if (line.measure == Measure::kCount) return Int128{amount} * kDenominator;
  // kDenominator is a multiple of 1,024, so a MiB is an exact number of units of a GB.
  if (line.measure == Measure::kGigabytes) return Int128{amount} * (kDenominator / kMibPerGb);
  return Int128{amount} * kUnitsPerHourMs;
}

// The usage of one month [lo, hi) of the period: quantities counted from `count_from`, and the
// pieces that draw from allowances.
void MeasureMonth(const std::vector<UsageLine>& usage, const PoolIds& pools, bool free_tier_month,
                  SimTime lo, SimTime hi, Duration month_ms, SimTime count_from,
                  std::vector<Int128>& quantity, std::vector<std::vector<PoolItem>>& items) {
  for (std::size_t l = 0; l < usage.size(); ++l) {
    const UsageLine& line = usage[l];
    int pool = pools.of_line[l];
    bool every_month = line.pool == Pool::kRemaps || line.pool == Pool::kFreeDataOut;
    bool pooled = pool >= 0 && (every_month || free_tier_month);
    Int128 rate = UnitsPerMs(line, month_ms);
    for (const Span& s : Overlap(Span{lo, hi}, line.spans())) {
      SimTime counted_from = std::max(s.from, count_from);
      if (s.to > counted_from) quantity[l] += rate * (s.to - counted_from);
      if (pooled && s.to > s.from) items[pool].push_back({s.from, s.to, rate, 0, false, l});
    }
    auto first = std::lower_bound(line.points.begin(), line.points.end(), lo,
                                  [](const Point& p, SimTime t) { return p.at < t; });
    for (auto p = first; p != line.points.end() && p->at < hi; ++p) {
      Int128 units = PointUnits(line, p->amount);
      if (p->at >= count_from) quantity[l] += units;
      if (pooled) items[pool].push_back({p->at, p->at, 0, units, true, l});
    }
  }
}

std::vector<InvoiceLine> MergeLines(const std::vector<UsageLine>& usage,
                                    const std::vector<Int128>& quantity,
                                    const std::vector<Int128>& free) {
  std::map<std::pair<std::string, std::string>, InvoiceLine> merged;
  for (std::size_t l = 0; l < usage.size(); ++l) {
    if (quantity[l] == 0) continue;
    const UsageLine& u = usage[l];
    InvoiceLine& line = merged[{u.usage_type, u.resource_id}];
    if (line.usage_type.empty()) {
      line.usage_type = u.usage_type;
      line.resource_id = u.resource_id;
      line.region = u.region;
      line.description = u.description;
      line.unit = u.unit;
      line.rate = u.rate;
    }
    Exact q = Exact::FromUnits(quantity[l]);
    Exact f = Exact::FromUnits(free[l]);
    line.quantity += q;
    line.free_quantity += f;
    line.amount += (q - f).Times(u.rate.micro_usd);
  }
  std::vector<InvoiceLine> out;
  out.reserve(merged.size());
  for (auto& [key, line] : merged) out.push_back(std::move(line));
  return out;
}

}  // namespace

Invoice BuildInvoice(const AccountMeters& meters, const BillingTerms& terms,
                     const BillRequest& request, SimTime now) {
  assert(request.from <= request.to && request.to <= now);
  Invoice inv;
  inv.account = request.account;
  inv.from = request.from;
  inv.to = request.to;
  inv.policy = terms.policy;

  std::vector<UsageLine> usage = BuildUsage(meters, terms.policy, request.region, now);
  PoolIds pools = AssignPools(usage);
  std::vector<Int128> quantity(usage.size()), free(usage.size());
  std::vector<SimTime> months = MonthEdges(request.from, request.to);
  SimTime tier_from = StartOfMonth(terms.account_start);
  SimTime tier_to = terms.free_tier ? FreeTierEnd(terms.account_start) : tier_from;
  SimTime last_instant = std::max(request.from, request.to - 1);
  std::vector<Int128> last_month_used(kFreeTierPools);

  for (std::size_t m = 0; m + 1 < months.size(); ++m) {
    // Usage from the start of the month counts against its allowances even when the period
    // starts later; usage after the period's end does not exist yet.
    SimTime lo = months[m];
    SimTime hi = std::min(months[m + 1], request.to);
    bool free_tier_month = lo >= tier_from && lo < tier_to;
    std::vector<std::vector<PoolItem>> items(pools.kind.size());
    MeasureMonth(usage, pools, free_tier_month, lo, hi, months[m + 1] - months[m], request.from,
                 quantity, items);
    bool last = lo <= last_instant && last_instant < months[m + 1];
    for (std::size_t p = 0; p < items.size(); ++p) {
      if (items[p].empty()) continue;
      Int128 used = AllocateAllowance(items[p], AllowanceUnits(pools.kind[p]), request.from, free);
      if (last && p < kFreeTierPools) last_month_used[p] = used;
    }
    if (last) {
      inv.free_tier.active = free_tier_month;
      inv.free_tier.month = lo;
    }
  }

  inv.lines = MergeLines(usage, quantity, free);
  for (const InvoiceLine& line : inv.lines) inv.total += line.amount;
  if (inv.free_tier.active) {
    auto left = [&](Pool pool, int p) {
      return Exact::FromUnits(AllowanceUnits(pool) - last_month_used[p]);
    };
    inv.free_tier.instance_hours = left(Pool::kFreeInstanceHours, 0);
    inv.free_tier.ebs_gb_months = left(Pool::kFreeEbs, 1);
    if (terms.policy == PricingPolicy::kPublicIpv4_2024) {
      inv.free_tier.public_ipv4_hours = left(Pool::kFreePublicIpv4, 2);
    }
  }
  return inv;
}

CostSeries BuildCostSeries(const AccountMeters& meters, const BillingTerms& terms,
                           const BillRequest& request, SimTime now, int buckets) {
  CostSeries series;
  // The shortest round step that needs at most `buckets` buckets.
  Duration length = request.to - request.from;
  Duration step = 0;
  for (Duration candidate : {kMinute, 5 * kMinute, 15 * kMinute, kHour, 3 * kHour, 6 * kHour,
                             12 * kHour, kDay, 7 * kDay, 30 * kDay, 365 * kDay}) {
    step = candidate;
    if (candidate * buckets >= length) break;
  }
  if (step * buckets < length) step = (length + buckets - 1) / buckets;
  series.edges.push_back(request.from);
  while (series.edges.back() < request.to) {
    series.edges.push_back(std::min(request.to, series.edges.back() + step));
  }
  std::size_t n = series.edges.size() - 1;
  std::map<std::string, Exact> before;
  for (std::size_t b = 0; b < n; ++b) {
    BillRequest prefix = request;
    prefix.to = series.edges[b + 1];
    std::map<std::string, Exact> after;
    for (const InvoiceLine& line : BuildInvoice(meters, terms, prefix, now).lines) {
      after[line.usage_type] += line.amount;
    }
    for (const auto& [type, amount] : after) {
      std::vector<Exact>& column = series.costs[type];
      column.resize(n);
      Exact previous = before[type];
      column[b] = amount > previous ? amount - previous : Exact();
    }
    before = std::move(after);
  }
  return series;
}

}  // namespace ec2sim::billing
