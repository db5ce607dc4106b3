#include "sim/scenario/json_filter.h"

#include <charconv>

namespace ec2sim::scenario {
namespace {

Error BadPath(std::string_view text, std::string_view why) {
  return MakeError(ErrorCode::kSimInvalidInput,
                   "invalid path \"" + std::string(text) + "\": " + std::string(why));
}

bool IsQuoted(std::string_view text) {
  return text.size() >= 2 && text.front() == '\'' && text.back() == '\'';
}

nlohmann::json ParseLiteral(std::string_view text) {
  if (IsQuoted(text)) return std::string(text.substr(1, text.size() - 2));
  if (text == "true") return true;
  if (text == "false") return false;
  if (text == "null") return nullptr;
  std::int64_t whole = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), whole);
  if (ec == std::errc() && end == text.data() + text.size()) return whole;
  double real = 0;
  auto [rend, rec] = std::from_chars(text.data(), text.data() + text.size(), real);
  if (rec == std::errc() && rend == text.data() + text.size()) return real;
  return std::string(text);
}

}  // namespace

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

namespace {

Result<JsonCondition> ParseCondition(std::string_view whole, std::string_view cond) {
  JsonCondition c;
  std::string_view lhs = cond;
  static constexpr std::pair<std::string_view, JsonCondition::Op> kOps[] = {
      {"==", JsonCondition::Op::kEq}, {"!=", JsonCondition::Op::kNe},
      {"<=", JsonCondition::Op::kLe}, {">=", JsonCondition::Op::kGe},
      {"<", JsonCondition::Op::kLt},  {">", JsonCondition::Op::kGt}};
  size_t best = std::string_view::npos;
  size_t best_len = 0;
  for (const auto& [spelling, op] : kOps) {
    size_t at = cond.find(spelling);
    // The earliest operator wins; at equal positions the two-character spelling (listed first).
    if (at != std::string_view::npos && (best == std::string_view::npos || at < best)) {
      best = at;
      best_len = spelling.size();
      c.op = op;
    }
  }
  if (best != std::string_view::npos) {
    lhs = TrimSpaces(cond.substr(0, best));
    std::string_view rhs = TrimSpaces(cond.substr(best + best_len));
    if (rhs.empty()) return BadPath(whole, "filter [?" + std::string(cond) + "] has no value");
    c.literal = ParseLiteral(rhs);
    c.quoted = IsQuoted(rhs);
  } else if (!cond.empty() && cond.front() == '!') {
    c.op = JsonCondition::Op::kFalsy;
    lhs = TrimSpaces(cond.substr(1));
  }
  if (lhs.empty()) return BadPath(whole, "filter [?" + std::string(cond) + "] has no path");
  auto path = ParseJsonPath(lhs);
  if (!path.ok()) {
    return BadPath(whole, "in filter [?" + std::string(cond) + "]: " + path.error().message);
  }
  if (IsMultiValued(*path) || path->then != nullptr) {
    return BadPath(whole, "the path of filter [?" + std::string(cond) + "] must select one value");
  }
  c.path = std::make_shared<const JsonPath>(std::move(*path));
  return c;
}

}  // namespace

// Splits "A && B" outside 'quotes'.
Result<JsonFilter> ParseJsonFilter(std::string_view whole, std::string_view text) {
  JsonFilter filter;
  size_t start = 0;
  bool quoted = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] == '\'') quoted = !quoted;
    bool split = i == text.size() || (!quoted && text.substr(i, 2) == "&&");
    if (!split) continue;
    EC2SIM_ASSIGN_OR_RETURN(JsonCondition c,
                            ParseCondition(whole, TrimSpaces(text.substr(start, i - start))));
    filter.all.push_back(std::move(c));
    start = i + 2;
    ++i;
  }
  return filter;
}

namespace {

bool Truthy(const nlohmann::json* v) {
  return v != nullptr && !v->is_null() && !(v->is_boolean() && !v->get<bool>());
}

bool Holds(const JsonCondition& c, const nlohmann::json& element) {
  auto found = ResolveJsonPath(element, *c.path);
  const nlohmann::json* v = found.ok() ? *found : nullptr;
  const nlohmann::json& lit = c.literal;
  switch (c.op) {
    case JsonCondition::Op::kTruthy:
      return Truthy(v);
    case JsonCondition::Op::kFalsy:
      return !Truthy(v);
    case JsonCondition::Op::kEq:
      return v != nullptr && *v == lit;
    case JsonCondition::Op::kNe:
      return v == nullptr || *v != lit;
    default:
      break;
  }
  if (v == nullptr) return false;
  bool numbers = v->is_number() && lit.is_number();
  bool strings = v->is_string() && lit.is_string();
  if (!numbers && !strings) return false;
  switch (c.op) {
    case JsonCondition::Op::kLt:
      return *v < lit;
    case JsonCondition::Op::kLe:
      return *v <= lit;
    case JsonCondition::Op::kGt:
      return *v > lit;
    default:
      return *v >= lit;
  }
}

}  // namespace

bool FilterPasses(const JsonFilter& f, const nlohmann::json& element) {
  for (const JsonCondition& c : f.all) {
    if (!Holds(c, element)) return false;
  }
  return true;
}

}  // namespace ec2sim::scenario
