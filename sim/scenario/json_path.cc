#include "sim/scenario/json_path.h"

#include <charconv>

namespace ec2sim::scenario {
namespace {

Error BadPath(std::string_view text, std::string_view why) {
  return MakeError(ErrorCode::kSimInvalidInput,
                   "invalid path \"" + std::string(text) + "\": " + std::string(why));
}

// Renders the first `count` segments the way a scenario writes them, for messages. Selectors
// are only ever rendered before the first one, so they need no exact spelling.
std::string Prefix(const JsonPath& path, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    if (const auto* key = std::get_if<std::string>(&path.segments[i])) {
      if (!out.empty()) out += '.';
      out += *key;
    } else if (const auto* index = std::get_if<std::int64_t>(&path.segments[i])) {
      out += '[' + std::to_string(*index) + ']';
    } else {
      out += std::holds_alternative<JsonWildcard>(path.segments[i]) ? "[*]" : "[?...]";
    }
  }
  return out;
}

std::string Where(const JsonPath& path, size_t count) {
  return count == 0 ? std::string("the result") : Prefix(path, count);
}

// The position of the ']' that closes the '[' at `open`, skipping brackets inside a filter's
// nested path and anything inside 'quotes'. npos when there is none.
size_t ClosingBracket(std::string_view text, size_t open) {
  int depth = 0;
  bool quoted = false;
  for (size_t i = open; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      quoted = c != '\'';
    } else if (c == '\'') {
      quoted = true;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

nlohmann::json ParseLiteral(std::string_view text) {
  if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') {
    return std::string(text.substr(1, text.size() - 2));
  }
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

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

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
    lhs = Trimmed(cond.substr(0, best));
    std::string_view rhs = Trimmed(cond.substr(best + best_len));
    if (rhs.empty()) return BadPath(whole, "filter [?" + std::string(cond) + "] has no value");
    c.literal = ParseLiteral(rhs);
  } else if (!cond.empty() && cond.front() == '!') {
    c.op = JsonCondition::Op::kFalsy;
    lhs = Trimmed(cond.substr(1));
  }
  if (lhs.empty()) return BadPath(whole, "filter [?" + std::string(cond) + "] has no path");
  auto path = ParseJsonPath(lhs);
  if (!path.ok()) {
    return BadPath(whole, "in filter [?" + std::string(cond) + "]: " + path.error().message);
  }
  if (IsMultiValued(*path)) {
    return BadPath(whole, "the path of filter [?" + std::string(cond) + "] must select one value");
  }
  c.path = std::make_shared<const JsonPath>(std::move(*path));
  return c;
}

// Splits "A && B" outside 'quotes'.
Result<JsonFilter> ParseFilter(std::string_view whole, std::string_view text) {
  JsonFilter filter;
  size_t start = 0;
  bool quoted = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] == '\'') quoted = !quoted;
    bool split = i == text.size() || (!quoted && text.substr(i, 2) == "&&");
    if (!split) continue;
    EC2SIM_ASSIGN_OR_RETURN(JsonCondition c,
                            ParseCondition(whole, Trimmed(text.substr(start, i - start))));
    filter.all.push_back(std::move(c));
    start = i + 2;
    ++i;
  }
  return filter;
}

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

bool Passes(const JsonFilter& f, const nlohmann::json& element) {
  for (const JsonCondition& c : f.all) {
    if (!Holds(c, element)) return false;
  }
  return true;
}

// One step of a multi-valued walk: the values `segment` reaches from `node`, appended to `out`.
// Nothing is appended where the segment does not apply.
void Step(const JsonPath::Segment& segment, const nlohmann::json& node,
          std::vector<const nlohmann::json*>& out) {
  if (const auto* key = std::get_if<std::string>(&segment)) {
    if (!node.is_object()) return;
    auto it = node.find(*key);
    if (it != node.end()) out.push_back(&*it);
  } else if (const auto* index = std::get_if<std::int64_t>(&segment)) {
    if (!node.is_array()) return;
    auto size = static_cast<std::int64_t>(node.size());
    std::int64_t at = *index < 0 ? size + *index : *index;
    if (at >= 0 && at < size) out.push_back(&node[static_cast<size_t>(at)]);
  } else if (std::holds_alternative<JsonWildcard>(segment)) {
    if (!node.is_array() && !node.is_object()) return;
    for (const auto& item : node) out.push_back(&item);
  } else {
    if (!node.is_array()) return;
    const auto& filter = std::get<JsonFilter>(segment);
    for (const auto& item : node) {
      if (Passes(filter, item)) out.push_back(&item);
    }
  }
}

}  // namespace

std::string_view JsonKindName(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object:
      return "an object";
    case nlohmann::json::value_t::array:
      return "a list";
    case nlohmann::json::value_t::string:
      return "a string";
    case nlohmann::json::value_t::boolean:
      return "a boolean";
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return "a number";
    default:
      return "a value";
  }
}

bool IsMultiValued(const JsonPath& path) {
  for (const auto& segment : path.segments) {
    if (std::holds_alternative<JsonWildcard>(segment) ||
        std::holds_alternative<JsonFilter>(segment)) {
      return true;
    }
  }
  return false;
}

Result<JsonPath> ParseJsonPath(std::string_view text) {
  if (text.empty()) return BadPath(text, "empty path");
  JsonPath path;
  size_t pos = 0;
  while (true) {
    size_t key_end = text.find_first_of(".[]", pos);
    if (key_end == std::string_view::npos) key_end = text.size();
    std::string_view key = text.substr(pos, key_end - pos);
    if (!key.empty()) {
      path.segments.emplace_back(std::string(key));
    } else if (pos != 0 || key_end >= text.size() || text[key_end] != '[') {
      // Only the first part may be indexes alone.
      return BadPath(text, "empty key at position " + std::to_string(pos + 1));
    }
    pos = key_end;
    while (pos < text.size() && text[pos] == '[') {
      size_t close = ClosingBracket(text, pos);
      if (close == std::string_view::npos) return BadPath(text, "missing ']'");
      std::string_view inside = text.substr(pos + 1, close - pos - 1);
      pos = close + 1;
      if (inside == "*") {
        path.segments.emplace_back(JsonWildcard{});
        continue;
      }
      if (!inside.empty() && inside.front() == '?') {
        EC2SIM_ASSIGN_OR_RETURN(JsonFilter filter, ParseFilter(text, inside.substr(1)));
        path.segments.emplace_back(std::move(filter));
        continue;
      }
      std::int64_t index = 0;
      auto [end, ec] = std::from_chars(inside.data(), inside.data() + inside.size(), index);
      if (inside.empty() || ec != std::errc() || end != inside.data() + inside.size()) {
        return BadPath(text, "list index must be an integer, got [" + std::string(inside) + "]");
      }
      path.segments.emplace_back(index);
    }
    if (pos == text.size()) break;
    if (text[pos] != '.') {
      return BadPath(text, "unexpected '" + std::string(1, text[pos]) + "' at position " +
                               std::to_string(pos + 1));
    }
    ++pos;
    if (pos == text.size()) return BadPath(text, "path ends with '.'");
  }
  return path;
}

namespace {

// Resolves the first `count` segments, which must be keys and indexes.
Result<const nlohmann::json*> ResolvePrefix(const nlohmann::json& root, const JsonPath& path,
                                            size_t count) {
  const nlohmann::json* node = &root;
  for (size_t i = 0; i < count; ++i) {
    if (const auto* key = std::get_if<std::string>(&path.segments[i])) {
      if (!node->is_object()) {
        return MakeError(ErrorCode::kSimNotFound,
                         Where(path, i) + " is " + std::string(JsonKindName(*node)) +
                             ", not an object, so it has no key \"" + *key + "\"");
      }
      auto it = node->find(*key);
      if (it == node->end()) {
        return MakeError(ErrorCode::kSimNotFound, "no key \"" + *key + "\" in " + Where(path, i));
      }
      node = &*it;
      continue;
    }
    std::int64_t index = std::get<std::int64_t>(path.segments[i]);
    if (!node->is_array()) {
      return MakeError(ErrorCode::kSimNotFound,
                       Where(path, i) + " is " + std::string(JsonKindName(*node)) +
                           ", not a list, so it has no [" + std::to_string(index) + "]");
    }
    auto size = static_cast<std::int64_t>(node->size());
    std::int64_t at = index < 0 ? size + index : index;
    if (at < 0 || at >= size) {
      return MakeError(ErrorCode::kSimNotFound,
                       "index [" + std::to_string(index) + "] out of range: " + Where(path, i) +
                           " has " + std::to_string(size) + (size == 1 ? " element" : " elements"));
    }
    node = &(*node)[static_cast<size_t>(at)];
  }
  return node;
}

}  // namespace

Result<const nlohmann::json*> ResolveJsonPath(const nlohmann::json& root, const JsonPath& path) {
  if (IsMultiValued(path)) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "a path with [*] or [?...] selects many values, not one");
  }
  return ResolvePrefix(root, path, path.segments.size());
}

Result<const nlohmann::json*> ResolveJsonPath(const nlohmann::json& root, std::string_view text) {
  EC2SIM_ASSIGN_OR_RETURN(JsonPath path, ParseJsonPath(text));
  return ResolveJsonPath(root, path);
}

Result<nlohmann::json> SelectJsonPath(const nlohmann::json& root, const JsonPath& path) {
  size_t first = 0;
  while (first < path.segments.size() &&
         (std::holds_alternative<std::string>(path.segments[first]) ||
          std::holds_alternative<std::int64_t>(path.segments[first]))) {
    ++first;
  }
  EC2SIM_ASSIGN_OR_RETURN(const nlohmann::json* start, ResolvePrefix(root, path, first));
  if (first == path.segments.size()) return *start;
  bool wildcard = std::holds_alternative<JsonWildcard>(path.segments[first]);
  if (!start->is_array() && !(wildcard && start->is_object())) {
    return MakeError(ErrorCode::kSimNotFound,
                     Where(path, first) + " is " + std::string(JsonKindName(*start)) +
                         ", not a list, so " + (wildcard ? "[*]" : "a [?...] filter") +
                         " does not apply");
  }
  std::vector<const nlohmann::json*> nodes{start};
  for (size_t i = first; i < path.segments.size(); ++i) {
    std::vector<const nlohmann::json*> next;
    for (const nlohmann::json* node : nodes) Step(path.segments[i], *node, next);
    nodes = std::move(next);
  }
  nlohmann::json out = nlohmann::json::array();
  for (const nlohmann::json* node : nodes) out.push_back(*node);
  return out;
}

Result<nlohmann::json> SelectJsonPath(const nlohmann::json& root, std::string_view text) {
  EC2SIM_ASSIGN_OR_RETURN(JsonPath path, ParseJsonPath(text));
  return SelectJsonPath(root, path);
}

}  // namespace ec2sim::scenario
