#include "sim/model/billing/meters.h"

#include <algorithm>

namespace ec2sim::billing {

std::size_t MeterIndex::Find(std::string_view id) const {
  auto it = positions_.find(id);
  return it == positions_.end() ? kNone : it->second;
}

void MeterIndex::Add(std::string_view id, std::size_t position) {
  positions_.emplace(std::string(id), position);
}

const InstanceMeter* AccountMeters::FindInstance(std::string_view id) const {
  std::size_t i = instance_index.Find(id);
  return i == MeterIndex::kNone ? nullptr : &instances[i];
}

void OpenSpan(std::vector<Span>& spans, SimTime at) {
  if (!spans.empty() && spans.back().open()) return;
  spans.push_back(Span{at, kOpen});
}

void CloseSpan(std::vector<Span>& spans, SimTime at) {
  if (!spans.empty() && spans.back().open()) spans.back().to = at;
}

Span Clip(const Span& span, SimTime from, SimTime to) {
  return Span{std::max(span.from, from), std::min(span.to, to)};
}

std::vector<Span> Subtract(const Span& outer, const std::vector<Span>& holes) {
  std::vector<Span> out;
  SimTime cursor = outer.from;
  for (const Span& hole : holes) {
    if (hole.to <= cursor) continue;
    if (hole.from >= outer.to) break;
    if (hole.from > cursor) out.push_back(Span{cursor, hole.from});
    cursor = std::max(cursor, hole.to);
    if (cursor >= outer.to) break;
  }
  if (cursor < outer.to) out.push_back(Span{cursor, outer.to});
  return out;
}

std::vector<Span> Overlap(const Span& span, const std::vector<Span>& sorted) {
  std::vector<Span> out;
  // The first span that ends after span.from; spans are disjoint, so their ends are sorted too.
  auto it = std::upper_bound(sorted.begin(), sorted.end(), span.from,
                             [](SimTime t, const Span& s) { return t < s.to; });
  for (; it != sorted.end() && it->from < span.to; ++it) {
    Span part = Clip(*it, span.from, span.to);
    if (part.from < part.to) out.push_back(part);
  }
  return out;
}

}  // namespace ec2sim::billing
