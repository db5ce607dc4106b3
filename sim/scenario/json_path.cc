#include "sim/scenario/json_path.h"

#include <charconv>

#include "sim/scenario/json_filter.h"

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

// `root` names the value the path starts from: "the result", or "the value before '|'".
std::string Where(const JsonPath& path, size_t count, std::string_view root) {
  return count == 0 ? std::string(root) : Prefix(path, count);
}

constexpr std::string_view kResultRoot = "the result";
constexpr std::string_view kPipeRoot = "the value before '|'";

// The position of the first `target` at bracket depth 0, scanning from `from` and skipping
// anything inside 'quotes'; a ']' counts at the depth it returns to. npos when there is none.
size_t FindAtTopLevel(std::string_view text, size_t from, char target) {
  int depth = 0;
  bool quoted = false;
  for (size_t i = from; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      quoted = c != '\'';
      continue;
    }
    if (c == '\'') {
      quoted = true;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    }
    if (c == target && depth == 0) return i;
  }
  return std::string_view::npos;
}

// The position of the ']' that closes the '[' at `open`, skipping brackets inside a filter's
// nested path and anything inside 'quotes'. npos when there is none.
size_t ClosingBracket(std::string_view text, size_t open) {
  return FindAtTopLevel(text, open, ']');
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
      if (FilterPasses(filter, item)) out.push_back(&item);
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
  if (path.then != nullptr) return IsMultiValued(*path.then);
  for (const auto& segment : path.segments) {
    if (std::holds_alternative<JsonWildcard>(segment) ||
        std::holds_alternative<JsonFilter>(segment)) {
      return true;
    }
  }
  return false;
}

namespace {

// The position of the first '|' outside brackets and quotes, or npos.
size_t TopLevelPipe(std::string_view text) { return FindAtTopLevel(text, 0, '|'); }

// Parses a path without '|': keys, indexes and selectors.
Result<JsonPath> ParseSegments(std::string_view text) {
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
        EC2SIM_ASSIGN_OR_RETURN(JsonFilter filter, ParseJsonFilter(text, inside.substr(1)));
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

// Pipes each cost a level of recursion to parse, walk and free; real queries use one or two.
constexpr int kMaxPipes = 16;

Result<JsonPath> ParsePiped(std::string_view text, int depth);

}  // namespace

Result<JsonPath> ParseJsonPath(std::string_view text) { return ParsePiped(text, 0); }

namespace {

Result<JsonPath> ParsePiped(std::string_view text, int depth) {
  size_t pipe = TopLevelPipe(text);
  if (pipe == std::string_view::npos) return ParseSegments(text);
  if (depth == kMaxPipes) {
    return BadPath(text, "more than " + std::to_string(kMaxPipes) + " '|' in one path");
  }
  std::string_view left = TrimSpaces(text.substr(0, pipe));
  std::string_view right = TrimSpaces(text.substr(pipe + 1));
  if (left.empty()) return BadPath(text, "nothing before '|'");
  if (right.empty()) return BadPath(text, "nothing after '|' (to take one element: \"| [0]\")");
  auto head = ParseSegments(left);
  if (!head.ok()) return BadPath(text, "before '|': " + head.error().message);
  auto tail = ParsePiped(right, depth + 1);
  if (!tail.ok()) return BadPath(text, "after '|': " + tail.error().message);
  head->then = std::make_shared<const JsonPath>(std::move(*tail));
  return head;
}

}  // namespace

namespace {

// Resolves the first `count` segments, which must be keys and indexes.
Result<const nlohmann::json*> ResolvePrefix(const nlohmann::json& root, const JsonPath& path,
                                            size_t count, std::string_view root_name) {
  const nlohmann::json* node = &root;
  for (size_t i = 0; i < count; ++i) {
    if (const auto* key = std::get_if<std::string>(&path.segments[i])) {
      if (!node->is_object()) {
        return MakeError(ErrorCode::kSimNotFound,
                         Where(path, i, root_name) + " is " + std::string(JsonKindName(*node)) +
                             ", not an object, so it has no key \"" + *key + "\"");
      }
      auto it = node->find(*key);
      if (it == node->end()) {
        return MakeError(ErrorCode::kSimNotFound,
                         "no key \"" + *key + "\" in " + Where(path, i, root_name));
      }
      node = &*it;
      continue;
    }
    std::int64_t index = std::get<std::int64_t>(path.segments[i]);
    if (!node->is_array()) {
      return MakeError(ErrorCode::kSimNotFound,
                       Where(path, i, root_name) + " is " + std::string(JsonKindName(*node)) +
                           ", not a list, so it has no [" + std::to_string(index) + "]");
    }
    auto size = static_cast<std::int64_t>(node->size());
    std::int64_t at = index < 0 ? size + index : index;
    if (at < 0 || at >= size) {
      return MakeError(ErrorCode::kSimNotFound, "index [" + std::to_string(index) +
                                                    "] out of range: " + Where(path, i, root_name) +
                                                    " has " + std::to_string(size) +
                                                    (size == 1 ? " element" : " elements"));
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
  if (path.then != nullptr) {
    return MakeError(ErrorCode::kSimInvalidInput, "a path with '|' needs SelectJsonPath");
  }
  return ResolvePrefix(root, path, path.segments.size(), kResultRoot);
}

Result<const nlohmann::json*> ResolveJsonPath(const nlohmann::json& root, std::string_view text) {
  EC2SIM_ASSIGN_OR_RETURN(JsonPath path, ParseJsonPath(text));
  return ResolveJsonPath(root, path);
}

namespace {

// SelectJsonPath's walk of one piped part; `root_name` names `root` in messages.
Result<nlohmann::json> SelectPart(const nlohmann::json& root, const JsonPath& path,
                                  std::string_view root_name) {
  size_t first = 0;
  while (first < path.segments.size() &&
         (std::holds_alternative<std::string>(path.segments[first]) ||
          std::holds_alternative<std::int64_t>(path.segments[first]))) {
    ++first;
  }
  EC2SIM_ASSIGN_OR_RETURN(const nlohmann::json* start, ResolvePrefix(root, path, first, root_name));
  if (first == path.segments.size()) return *start;
  bool wildcard = std::holds_alternative<JsonWildcard>(path.segments[first]);
  if (!start->is_array() && !(wildcard && start->is_object())) {
    return MakeError(ErrorCode::kSimNotFound,
                     Where(path, first, root_name) + " is " + std::string(JsonKindName(*start)) +
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

}  // namespace

Result<nlohmann::json> SelectJsonPath(const nlohmann::json& root, const JsonPath& path) {
  EC2SIM_ASSIGN_OR_RETURN(nlohmann::json value, SelectPart(root, path, kResultRoot));
  for (const JsonPath* part = path.then.get(); part != nullptr; part = part->then.get()) {
    EC2SIM_ASSIGN_OR_RETURN(value, SelectPart(value, *part, kPipeRoot));
  }
  return value;
}

Result<nlohmann::json> SelectJsonPath(const nlohmann::json& root, std::string_view text) {
  EC2SIM_ASSIGN_OR_RETURN(JsonPath path, ParseJsonPath(text));
  return SelectJsonPath(root, path);
}

}  // namespace ec2sim::scenario
