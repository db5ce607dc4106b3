#include "sim/scenario/substitute.h"

namespace ec2sim::scenario {
namespace {

bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-'; }

// One piece of a string: literal text, or a reference to a saved name.
struct Piece {
  bool is_reference = false;
  std::string text;  // literal text, or the name
};

Result<std::vector<Piece>> Split(std::string_view text) {
  std::vector<Piece> pieces;
  std::string literal;
  size_t pos = 0;
  while (pos < text.size()) {
    if (text.compare(pos, 3, "$${") == 0) {
      literal += "${";
      pos += 3;
      continue;
    }
    if (text.compare(pos, 2, "${") != 0) {
      literal += text[pos++];
      continue;
    }
    size_t close = text.find('}', pos + 2);
    if (close == std::string_view::npos) {
      return MakeError(ErrorCode::kSimInvalidInput,
                       "unterminated \"${\" in \"" + std::string(text) + "\"");
    }
    std::string_view name = text.substr(pos + 2, close - pos - 2);
    if (!IsVariableName(name)) {
      return MakeError(ErrorCode::kSimInvalidInput,
                       "\"${" + std::string(name) +
                           "}\" is not a valid reference (names are letters, digits, '_' and "
                           "'-', starting with a letter or '_'; write \"$${\" for a literal "
                           "\"${\")");
    }
    if (!literal.empty()) pieces.push_back({false, std::move(literal)});
    literal.clear();
    pieces.push_back({true, std::string(name)});
    pos = close + 1;
  }
  if (!literal.empty()) pieces.push_back({false, std::move(literal)});
  return pieces;
}

Result<const nlohmann::json*> Lookup(const std::string& name, const Variables& vars) {
  auto it = vars.find(name);
  if (it == vars.end()) {
    return MakeError(ErrorCode::kSimNotFound, "nothing was saved as \"" + name + "\"");
  }
  return &it->second;
}

}  // namespace

bool IsVariableName(std::string_view name) {
  if (name.empty() || !IsNameStart(name.front())) return false;
  for (char c : name) {
    if (!IsNameChar(c)) return false;
  }
  return true;
}

Status CollectTextReferences(std::string_view text, std::vector<std::string>& names) {
  EC2SIM_ASSIGN_OR_RETURN(std::vector<Piece> pieces, Split(text));
  for (Piece& piece : pieces) {
    if (piece.is_reference) names.push_back(std::move(piece.text));
  }
  return OkStatus();
}

Status CollectReferences(const nlohmann::json& value, std::vector<std::string>& names) {
  if (value.is_string()) return CollectTextReferences(value.get_ref<const std::string&>(), names);
  if (value.is_structured()) {
    for (const auto& item : value) EC2SIM_RETURN_IF_ERROR(CollectReferences(item, names));
  }
  return OkStatus();
}

bool IsWholeReference(const nlohmann::json& value) {
  if (!value.is_string()) return false;
  auto pieces = Split(value.get_ref<const std::string&>());
  return pieces.ok() && pieces->size() == 1 && (*pieces)[0].is_reference;
}

Result<std::string> SubstituteText(std::string_view text, const Variables& vars) {
  EC2SIM_ASSIGN_OR_RETURN(std::vector<Piece> pieces, Split(text));
  std::string out;
  for (const Piece& piece : pieces) {
    if (!piece.is_reference) {
      out += piece.text;
      continue;
    }
    EC2SIM_ASSIGN_OR_RETURN(const nlohmann::json* saved, Lookup(piece.text, vars));
    out += saved->is_string()
               ? saved->get_ref<const std::string&>()
               : saved->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return out;
}

Result<nlohmann::json> Substitute(const nlohmann::json& value, const Variables& vars) {
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    EC2SIM_ASSIGN_OR_RETURN(std::vector<Piece> pieces, Split(text));
    if (pieces.size() == 1 && pieces[0].is_reference) {
      EC2SIM_ASSIGN_OR_RETURN(const nlohmann::json* saved, Lookup(pieces[0].text, vars));
      return *saved;
    }
    EC2SIM_ASSIGN_OR_RETURN(std::string spliced, SubstituteText(text, vars));
    return nlohmann::json(std::move(spliced));
  }
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : value) {
      EC2SIM_ASSIGN_OR_RETURN(nlohmann::json replaced, Substitute(item, vars));
      out.push_back(std::move(replaced));
    }
    return out;
  }
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, item] : value.items()) {
      EC2SIM_ASSIGN_OR_RETURN(nlohmann::json replaced, Substitute(item, vars));
      out[key] = std::move(replaced);
    }
    return out;
  }
  return value;
}

Status CollectPathReferences(const JsonPath& path, std::vector<std::string>& names) {
  for (const JsonPath::Segment& segment : path.segments) {
    if (const auto* key = std::get_if<std::string>(&segment)) {
      if (key->find("${") == std::string::npos) continue;
      return MakeError(ErrorCode::kSimInvalidInput,
                       "\"" + *key +
                           "\": a \"${name}\" in a path is allowed only as a filter's value, "
                           "e.g. [?SubnetId == '${subnet}']");
    }
    const auto* filter = std::get_if<JsonFilter>(&segment);
    if (filter == nullptr) continue;
    for (const JsonCondition& c : filter->all) {
      EC2SIM_RETURN_IF_ERROR(CollectPathReferences(*c.path, names));
      if (c.literal.is_string()) {
        EC2SIM_RETURN_IF_ERROR(
            CollectTextReferences(c.literal.get_ref<const std::string&>(), names));
      }
    }
  }
  return path.then != nullptr ? CollectPathReferences(*path.then, names) : OkStatus();
}

Result<JsonPath> BindJsonPath(const JsonPath& path, const Variables& vars) {
  JsonPath out = path;
  for (JsonPath::Segment& segment : out.segments) {
    auto* filter = std::get_if<JsonFilter>(&segment);
    if (filter == nullptr) continue;
    for (JsonCondition& c : filter->all) {
      if (!c.literal.is_string()) continue;
      if (!c.quoted && IsWholeReference(c.literal)) {
        EC2SIM_ASSIGN_OR_RETURN(c.literal, Substitute(c.literal, vars));
      } else {
        EC2SIM_ASSIGN_OR_RETURN(std::string text,
                                SubstituteText(c.literal.get_ref<const std::string&>(), vars));
        c.literal = std::move(text);
      }
    }
  }
  if (path.then != nullptr) {
    EC2SIM_ASSIGN_OR_RETURN(JsonPath rest, BindJsonPath(*path.then, vars));
    out.then = std::make_shared<const JsonPath>(std::move(rest));
  }
  return out;
}

}  // namespace ec2sim::scenario
