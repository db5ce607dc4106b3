#include "sim/engine/spelling.h"

#include <algorithm>

namespace ec2sim::engine {

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int substitute = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, substitute});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::vector<std::string> ClosestMatches(std::string_view text,
                                        const std::vector<std::string>& candidates, int limit) {
  int budget = std::max(2, static_cast<int>(text.size()) / 3);
  std::vector<std::pair<int, size_t>> scored;
  for (size_t i = 0; i < candidates.size(); ++i) {
    int d = EditDistance(text, candidates[i]);
    if (d <= budget) scored.emplace_back(d, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (size_t i = 0; i < scored.size() && static_cast<int>(i) < limit; ++i) {
    out.push_back(candidates[scored[i].second]);
  }
  return out;
}

std::string DidYouMean(std::string_view text, const std::vector<std::string>& candidates) {
  std::vector<std::string> close = ClosestMatches(text, candidates);
  if (close.empty()) return "";
  std::string out = " (did you mean ";
  for (size_t i = 0; i < close.size(); ++i) out += (i ? ", " : "") + close[i];
  return out + "?)";
}

}  // namespace ec2sim::engine
