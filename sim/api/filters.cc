#include "sim/api/filters.h"

#include <charconv>

namespace ec2sim::api {

bool WildcardMatch(std::string_view pattern, std::string_view value) {
  // Iterative glob matching with one backtrack point: linear in practice, no recursion.
  size_t p = 0, v = 0, star = std::string_view::npos, mark = 0;
  while (v < value.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == value[v])) {
      ++p;
      ++v;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = v;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      v = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::vector<std::string> TagFilterValues(const model::TagList& tags, std::string_view name) {
  std::vector<std::string> out;
  for (const model::Tag& t : tags) {
    if (name == "tag-key") {
      out.push_back(t.key);
    } else if (name == "tag-value") {
      out.push_back(t.value);
    } else if (name.substr(4) == t.key) {
      out.push_back(t.value);
    }
  }
  return out;
}

namespace {
constexpr std::string_view kTokenPrefix = "ec2sim-page-";
}

Result<Page> Paginate(std::size_t total, std::optional<std::int64_t> max_results,
                      const std::optional<std::string>& next_token) {
  Page page;
  if (next_token.has_value() && !next_token->empty()) {
    std::string_view t = *next_token;
    std::size_t offset = 0;
    bool ok = t.substr(0, kTokenPrefix.size()) == kTokenPrefix;
    if (ok) {
      t.remove_prefix(kTokenPrefix.size());
      auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), offset);
      ok = ec == std::errc() && ptr == t.data() + t.size();
    }
    if (!ok) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "Unable to parse pagination token '" + *next_token + "'");
    }
    page.begin = std::min(offset, total);
  }
  page.end = total;
  if (max_results.has_value() && page.begin + *max_results < total) {
    page.end = page.begin + static_cast<std::size_t>(*max_results);
    page.next_token = std::string(kTokenPrefix) + std::to_string(page.end);
  }
  return page;
}

}  // namespace ec2sim::api
