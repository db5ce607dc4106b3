#include "sim/wire/query_decoder.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>

#include "sim/engine/ascii.h"
#include "sim/engine/utf8.h"

namespace ec2sim::wire {
namespace {

using nlohmann::json;

// Bounds on what one request may ask the decoder to build (docs/hardening.md). Legitimate
// requests stay far below them: EC2's largest lists take 1000 ids, its deepest flattened names
// in the served actions have 5 parts (IpPermissions.1.IpRanges.1.CidrIp), and a CreateTags of
// 1000 resources with 50 tags sends about 1100 fields.
constexpr std::size_t kMaxParams = kMaxQueryParams;
constexpr std::size_t kMaxDepth = kMaxQueryNameDepth;
constexpr std::int64_t kMaxListIndex = kMaxQueryListItems;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      bool complete = i + 2 < text.size();
      int hi = complete ? HexValue(text[i + 1]) : -1;
      int lo = complete ? HexValue(text[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        return MakeError(ErrorCode::kInvalidParameterValue,
                         "Malformed query string: broken %-escape at \"" +
                             std::string(text.substr(i, 3)) + "\"");
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

bool IsProtocolField(std::string_view key) {
  static constexpr std::string_view kFields[] = {"Action",    "Version",         "AWSAccessKeyId",
                                                 "Signature", "SignatureMethod", "SignatureVersion",
                                                 "Timestamp", "Expires",         "SecurityToken"};
  if (key.substr(0, 6) == "X-Amz-") return true;
  return std::find(std::begin(kFields), std::end(kFields), key) != std::end(kFields);
}

// The fields of a request as a tree of their dotted names: "Filter.1.Value.2" is
// root -> "Filter" -> "1" -> "Value" -> "2" holding the value.
struct Node {
  std::map<std::string, Node, std::less<>> children;
  std::optional<std::string> value;
};

Error BadValue(const std::string& path, std::string_view value, std::string_view expected) {
  return MakeError(ErrorCode::kInvalidParameterValue,
                   "Value (" + std::string(value) + ") for parameter " + path +
                       " is invalid. Expected " + std::string(expected) + ".");
}

Result<json> Scalar(const Shape& shape, const std::string& path, const std::string& text) {
  switch (shape.type) {
    case ShapeType::kInteger:
    case ShapeType::kLong: {
      std::int64_t n = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
      if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
        return BadValue(path, text, "an integer");
      }
      return json(n);
    }
    case ShapeType::kBoolean: {
      std::string lower = engine::AsciiLower(text);
      if (lower == "true") return json(true);
      if (lower == "false") return json(false);
      return BadValue(path, text, "true or false");
    }
    case ShapeType::kDouble:
    case ShapeType::kFloat: {
      double d = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
      if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
        return BadValue(path, text, "a number");
      }
      return json(d);
    }
    default:
      // Values reach JSON, whose serializer refuses anything but well-formed UTF-8.
      if (!engine::IsValidUtf8(text)) {
        return MakeError(ErrorCode::kInvalidParameterValue,
                         "Value for parameter " + path + " is not valid UTF-8");
      }
      return json(text);
  }
}

Result<json> Convert(const Shape& shape, const Node& node, const std::string& path) {
  bool composite = shape.type == ShapeType::kStructure || shape.type == ShapeType::kList;
  if (!composite) {
    if (!node.children.empty()) {
      return MakeError(
          ErrorCode::kUnknownParameter,
          "The parameter " + path + "." + node.children.begin()->first + " is not recognized");
    }
    return Scalar(shape, path, node.value.value_or(""));
  }
  if (node.value.has_value()) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "The parameter " + path + " is a " +
                         (shape.type == ShapeType::kList ? "list" : "structure") +
                         ": send its parts as " + path + ".<name or index>");
  }
  if (shape.type == ShapeType::kStructure) {
    json out = json::object();
    for (const auto& [key, child] : node.children) {
      std::string child_path = path.empty() ? key : path + "." + key;
      const Member* m = shape.FindQueryMember(key);
      if (m == nullptr) {
        return MakeError(ErrorCode::kUnknownParameter,
                         "The parameter " + child_path + " is not recognized");
      }
      EC2SIM_ASSIGN_OR_RETURN(json value, Convert(*m->shape, child, child_path));
      out[m->name] = std::move(value);
    }
    return out;
  }
  std::vector<std::pair<std::int64_t, const Node*>> items;
  for (const auto& [key, child] : node.children) {
    std::int64_t index = 0;
    auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), index);
    if (ec != std::errc() || end != key.data() + key.size() || index < 1) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "The parameter " + path + "." + key +
                           " is not recognized: list elements are numbered from 1");
    }
    if (index > kMaxListIndex) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "The parameter " + path + "." + key + " is out of range: a list takes at " +
                           "most " + std::to_string(kMaxListIndex) + " items");
    }
    items.emplace_back(index, &child);
  }
  std::sort(items.begin(), items.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  json out = json::array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0 && items[i].first == items[i - 1].first) {
      return MakeError(ErrorCode::kInvalidParameterValue, "The parameter " + path + "." +
                                                              std::to_string(items[i].first) +
                                                              " is given more than once");
    }
    // Elements are numbered 1, 2, 3, ... as every SDK sends them (ec2-semantics.md §2.1): a
    // gap would leave the list's order and length to a guess.
    if (items[i].first != static_cast<std::int64_t>(i) + 1) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "The parameter " + path + "." + std::to_string(items[i].first) + " has no " +
                           path + "." + std::to_string(i + 1) +
                           ": list elements are numbered 1, 2, 3, ... without gaps");
    }
    EC2SIM_ASSIGN_OR_RETURN(json value, Convert(*shape.item, *items[i].second,
                                                path + "." + std::to_string(items[i].first)));
    out.push_back(std::move(value));
  }
  return out;
}

}  // namespace

Result<QueryParams> ParseFormUrlEncoded(std::string_view text) {
  QueryParams out;
  while (!text.empty()) {
    std::size_t amp = text.find('&');
    std::string_view field = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (field.empty()) continue;
    if (out.size() == kMaxParams) {
      // Stop before a hostile body turns into hundreds of thousands of fields.
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "The request has more than " + std::to_string(kMaxParams) + " parameters");
    }
    std::size_t eq = field.find('=');
    EC2SIM_ASSIGN_OR_RETURN(std::string key, PercentDecode(field.substr(0, eq)));
    std::string value;
    if (eq != std::string_view::npos) {
      EC2SIM_ASSIGN_OR_RETURN(value, PercentDecode(field.substr(eq + 1)));
    }
    out.emplace_back(std::move(key), std::move(value));
  }
  return out;
}

std::optional<std::string> FindParam(const QueryParams& params, std::string_view key) {
  for (const auto& [k, v] : params) {
    if (k == key) return v;
  }
  return std::nullopt;
}

Result<json> DecodeQuery(const Shape* input, const QueryParams& params) {
  if (params.size() > kMaxParams) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "The request has " + std::to_string(params.size()) + " parameters; at most " +
                         std::to_string(kMaxParams) + " are accepted");
  }
  Node root;
  for (const auto& [key, value] : params) {
    std::string_view first = std::string_view(key).substr(0, key.find('.'));
    // An operation's own member wins over a protocol field of the same name.
    if (IsProtocolField(key) && (input == nullptr || input->FindQueryMember(first) == nullptr)) {
      continue;
    }
    if (input == nullptr) {
      return MakeError(ErrorCode::kUnknownParameter, "The parameter " + key + " is not recognized");
    }
    if (std::count(key.begin(), key.end(), '.') >= static_cast<std::ptrdiff_t>(kMaxDepth)) {
      // Checked before the name becomes a path of nodes, which would otherwise be as deep as
      // the request is long.
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "The parameter name \"" + key.substr(0, 200) + "\" is nested deeper than " +
                           std::to_string(kMaxDepth) + " levels");
    }
    Node* node = &root;
    std::string_view rest = key;
    for (;;) {
      std::size_t dot = rest.find('.');
      std::string_view segment = rest.substr(0, dot);
      if (segment.empty()) {
        return MakeError(ErrorCode::kInvalidParameterValue,
                         "Malformed parameter name \"" + key + "\"");
      }
      node = &node->children[std::string(segment)];
      if (dot == std::string_view::npos) break;
      rest = rest.substr(dot + 1);
    }
    if (node->value.has_value()) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "The parameter " + key + " is given more than once");
    }
    node->value = value;
  }
  if (input == nullptr) return json::object();
  return Convert(*input, root, "");
}

}  // namespace ec2sim::wire
