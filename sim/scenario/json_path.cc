#include "sim/scenario/json_path.h"

#include <charconv>

namespace ec2sim::scenario {
namespace {

Error BadPath(std::string_view text, std::string_view why) {
  return MakeError(ErrorCode::kSimInvalidInput,
                   "invalid path \"" + std::string(text) + "\": " + std::string(why));
}

// Renders the first `count` segments the way a scenario writes them, for messages.
std::string Prefix(const JsonPath& path, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    if (const auto* key = std::get_if<std::string>(&path.segments[i])) {
      if (!out.empty()) out += '.';
      out += *key;
    } else {
      out += '[' + std::to_string(std::get<std::int64_t>(path.segments[i])) + ']';
    }
  }
  return out;
}

std::string Where(const JsonPath& path, size_t count) {
  return count == 0 ? std::string("the result") : Prefix(path, count);
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
      size_t close = text.find(']', pos);
      if (close == std::string_view::npos) return BadPath(text, "missing ']'");
      std::string_view digits = text.substr(pos + 1, close - pos - 1);
      std::int64_t index = 0;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
      if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) {
        return BadPath(text, "list index must be an integer, got [" + std::string(digits) + "]");
      }
      path.segments.emplace_back(index);
      pos = close + 1;
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

Result<const nlohmann::json*> ResolveJsonPath(const nlohmann::json& root, const JsonPath& path) {
  const nlohmann::json* node = &root;
  for (size_t i = 0; i < path.segments.size(); ++i) {
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

Result<const nlohmann::json*> ResolveJsonPath(const nlohmann::json& root, std::string_view text) {
  EC2SIM_ASSIGN_OR_RETURN(JsonPath path, ParseJsonPath(text));
  return ResolveJsonPath(root, path);
}

}  // namespace ec2sim::scenario
