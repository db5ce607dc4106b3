#include "sim/lessons/scenario_text.h"

namespace ec2sim::lessons {
namespace {

using OrderedJson = nlohmann::ordered_json;

std::string Scalar(const OrderedJson& value) {
  return value.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

// The one-line form: `{"a": 1, "b": [2, 3]}`.
std::string Flat(const OrderedJson& value) {
  if (!value.is_structured()) return Scalar(value);
  std::string out(1, value.is_object() ? '{' : '[');
  bool first = true;
  for (auto it = value.begin(); it != value.end(); ++it) {
    out += first ? "" : ", ";
    first = false;
    if (value.is_object()) out += Scalar(OrderedJson(it.key())) + ": ";
    out += Flat(*it);
  }
  return out + (value.is_object() ? '}' : ']');
}

// A bilingual text: exactly the keys "en" and "ko", both strings.
bool IsBilingual(const OrderedJson& value) {
  return value.is_object() && value.size() == 2 && value.contains("en") && value.contains("ko") &&
         value["en"].is_string() && value["ko"].is_string();
}

}  // namespace

std::string CompactJson(const OrderedJson& value, std::size_t indent, std::size_t width) {
  std::string flat = Flat(value);
  if (!value.is_structured() || value.empty() || indent + flat.size() <= width) return flat;
  const std::string inner(indent + 2, ' ');
  std::string out(1, value.is_object() ? '{' : '[');
  bool first = true;
  for (auto it = value.begin(); it != value.end(); ++it) {
    out += std::string(first ? "" : ",") + "\n" + inner;
    first = false;
    std::size_t at = inner.size();
    if (value.is_object()) {
      std::string key = Scalar(OrderedJson(it.key())) + ": ";
      out += key;
      at += key.size();
    }
    // A member that fits after its key stays there; otherwise it is laid out from the indent.
    std::string member = Flat(*it);
    out += at + member.size() <= width ? member : CompactJson(*it, inner.size(), width);
  }
  return out + "\n" + std::string(indent, ' ') + (value.is_object() ? '}' : ']');
}

std::string LocalizedScenario(std::string_view text, Lang lang) {
  OrderedJson doc = OrderedJson::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("steps") || !doc["steps"].is_array()) {
    return std::string(text);
  }
  bool changed = false;
  const std::string code(LangCode(lang));
  for (const char* key : {"title", "description"}) {
    if (doc.contains(key) && IsBilingual(doc[key])) {
      doc[key] = OrderedJson(doc[key][code]);
      changed = true;
    }
  }
  for (OrderedJson& step : doc["steps"]) {
    if (!step.is_object()) continue;
    auto note = step.find("note");
    if (note == step.end() || !IsBilingual(*note)) continue;
    *note = OrderedJson((*note)[code]);
    changed = true;
  }
  return changed ? CompactJson(doc) + "\n" : std::string(text);
}

}  // namespace ec2sim::lessons
