#include "sim/model/billing/free_tier.h"

#include <algorithm>
#include <limits>

#include "sim/model/billing/rates.h"

namespace ec2sim::billing {
namespace {

struct Delta {
  SimTime at;
  Int128 rate;
};

// Where the allowance ran out. Before `at` everything is free. When a span segment used it up,
// `leftover` units remain for the spans accruing at `at`; when a point did, the point at item
// index `partial_item` gets `partial` units and later points at `at` get none.
struct Exhaustion {
  bool happened = false;
  SimTime at = 0;
  Int128 leftover = 0;
  std::size_t partial_item = std::numeric_limits<std::size_t>::max();
  Int128 partial = 0;
  Int128 remaining = 0;  // when it never happened
};

Exhaustion FindExhaustion(const std::vector<PoolItem>& items, Int128 allowance) {
  std::vector<Delta> deltas;
  std::vector<std::size_t> points;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const PoolItem& it = items[k];
    if (it.is_point) {
      points.push_back(k);  // already in time order: items are sorted
    } else if (it.to > it.from) {
      deltas.push_back({it.from, it.rate});
      deltas.push_back({it.to, -it.rate});
    }
  }
  std::stable_sort(deltas.begin(), deltas.end(),
                   [](const Delta& a, const Delta& b) { return a.at < b.at; });
  Exhaustion ex;
  Int128 remaining = allowance;
  Int128 accruing = 0;  // units per ms of the spans open now
  SimTime prev = std::numeric_limits<SimTime>::min();
  std::size_t i = 0, j = 0;
  while (i < deltas.size() || j < points.size()) {
    SimTime t = std::numeric_limits<SimTime>::max();
    if (i < deltas.size()) t = deltas[i].at;
    if (j < points.size()) t = std::min(t, items[points[j]].from);
    if (accruing > 0) {
      Int128 need = accruing * (t - prev);
      if (need > remaining) {
        Int128 whole_ms = remaining / accruing;
        ex = {true, prev + static_cast<SimTime>(whole_ms), remaining - whole_ms * accruing};
        return ex;
      }
      remaining -= need;
    }
    prev = t;
    for (; i < deltas.size() && deltas[i].at == t; ++i) accruing += deltas[i].rate;
    for (; j < points.size() && items[points[j]].from == t; ++j) {
      const PoolItem& p = items[points[j]];
      if (p.amount > remaining) {
        ex.happened = true;
        ex.at = t;
        ex.partial_item = points[j];
        ex.partial = remaining;
        return ex;
      }
      remaining -= p.amount;
    }
  }
  ex.remaining = remaining;
  return ex;
}

}  // namespace

Int128 AllocateAllowance(std::vector<PoolItem>& items, Int128 allowance, SimTime count_from,
                         std::vector<Int128>& free_units) {
  std::sort(items.begin(), items.end(), [](const PoolItem& a, const PoolItem& b) {
    if (a.from != b.from) return a.from < b.from;
    if (a.line != b.line) return a.line < b.line;
    return a.is_point < b.is_point;
  });
  Exhaustion ex = FindExhaustion(items, allowance);
  Int128 leftover = ex.leftover;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const PoolItem& it = items[k];
    Int128& free = free_units[it.line];
    bool counted = it.from >= count_from;
    if (it.is_point) {
      Int128 given = 0;
      if (!ex.happened || it.from < ex.at) {
        given = it.amount;
      } else if (it.from == ex.at) {
        if (k < ex.partial_item) given = it.amount;  // also every point when a span ran it out
        if (k == ex.partial_item) given = ex.partial;
      }
      if (counted) free += given;
      continue;
    }
    SimTime end = ex.happened ? std::min(it.to, ex.at) : it.to;
    SimTime start = std::max(it.from, count_from);
    if (end > start) free += it.rate * (end - start);
    if (ex.happened && leftover > 0 && it.from <= ex.at && ex.at < it.to) {
      Int128 give = std::min(it.rate, leftover);
      leftover -= give;
      if (ex.at >= count_from) free += give;
    }
  }
  return ex.happened ? allowance : allowance - ex.remaining;
}

SimTime FreeTierEnd(SimTime start) {
  SimTime t = StartOfMonth(start);
  for (int i = 0; i < kFreeTierMonths; ++i) t = StartOfNextMonth(t);
  return t;
}

}  // namespace ec2sim::billing
