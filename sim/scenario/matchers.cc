#include "sim/scenario/matchers.h"

#include <array>
#include <cassert>
#include <cmath>
#include <regex>
#include <string_view>
#include <vector>

#include "sim/scenario/substitute.h"

namespace ec2sim::scenario {
namespace {

constexpr std::array<std::string_view, 10> kMatcherKeys = {
    "eq", "ne", "approx", "between", "matches", "exists", "len", "contains", "any", "all"};
constexpr size_t kBriefLimit = 100;

bool IsMatcherKey(std::string_view key) {
  for (std::string_view k : kMatcherKeys) {
    if (k == key) return true;
  }
  return false;
}

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kSimInvalidInput, std::move(message));
}

bool NumberOrReference(const nlohmann::json& v) { return v.is_number() || IsWholeReference(v); }

bool IsCount(const nlohmann::json& v) {
  return v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0);
}

// Compiles an ECMAScript regex without letting std::regex_error escape.
Result<std::regex> CompileRegex(const std::string& pattern) {
  try {
    return std::regex(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    return Invalid("matcher \"matches\": invalid regex \"" + pattern + "\": " + e.what());
  }
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Number(double v) { return Brief(nlohmann::json(v)); }

MatchOutcome Outcome(bool passed, std::string expected, const nlohmann::json& actual) {
  return MatchOutcome{passed, std::move(expected), Brief(actual)};
}

MatchOutcome BadOperand(std::string_view key, std::string_view need, const nlohmann::json& spec,
                        const nlohmann::json& actual) {
  return MatchOutcome{false,
                      "(matcher \"" + std::string(key) + "\" needs " + std::string(need) +
                          ", got " + Brief(spec) + ")",
                      Brief(actual)};
}

MatchOutcome EvaluateKnown(std::string_view key, const nlohmann::json& spec,
                           const nlohmann::json& actual) {
  const nlohmann::json& operand = spec.at(std::string(key));
  if (key == "eq") return Outcome(actual == operand, Brief(operand), actual);
  if (key == "ne") return Outcome(actual != operand, "not " + Brief(operand), actual);
  if (key == "approx") {
    nlohmann::json tol = spec.value("tol", nlohmann::json(kDefaultApproxTolerance));
    if (!operand.is_number() || !tol.is_number() || tol.get<double>() < 0) {
      return BadOperand(key, "a number and a tolerance >= 0", spec, actual);
    }
    double x = operand.get<double>();
    double t = tol.get<double>();
    bool passed = actual.is_number() && std::fabs(actual.get<double>() - x) <= t;
    return Outcome(passed, "a number within " + Number(t) + " of " + Number(x), actual);
  }
  if (key == "between") {
    if (!operand.is_array() || operand.size() != 2 || !operand[0].is_number() ||
        !operand[1].is_number()) {
      return BadOperand(key, "[LO, HI]", spec, actual);
    }
    double lo = operand[0].get<double>();
    double hi = operand[1].get<double>();
    bool passed = actual.is_number() && lo <= actual.get<double>() && actual.get<double>() <= hi;
    return Outcome(passed, "a number between " + Brief(operand[0]) + " and " + Brief(operand[1]),
                   actual);
  }
  if (key == "matches") {
    if (!operand.is_string()) return BadOperand(key, "a string", spec, actual);
    const auto& pattern = operand.get_ref<const std::string&>();
    auto re = CompileRegex(pattern);
    if (!re.ok()) return MatchOutcome{false, "(" + re.error().message + ")", Brief(actual)};
    bool passed = false;
    try {
      passed = actual.is_string() && std::regex_match(actual.get_ref<const std::string&>(), *re);
    } catch (const std::regex_error& e) {  // a pattern too complex for this input
      return MatchOutcome{false, "(matcher \"matches\": " + std::string(e.what()) + ")",
                          Brief(actual)};
    }
    return Outcome(passed, "a string matching /" + pattern + "/", actual);
  }
  if (key == "len") {
    if (!IsCount(operand)) return BadOperand(key, "a count >= 0", spec, actual);
    auto want = operand.get<std::uint64_t>();
    std::string expected = "length " + std::to_string(want);
    if (actual.is_array()) {
      return MatchOutcome{actual.size() == want, expected,
                          "length " + std::to_string(actual.size()) + ": " + Brief(actual)};
    }
    if (actual.is_string()) {
      size_t n = CodePoints(actual.get_ref<const std::string&>());
      return MatchOutcome{n == want, expected,
                          "length " + std::to_string(n) + ": " + Brief(actual)};
    }
    return Outcome(false, "a list or string of " + expected, actual);
  }
  if (key == "contains") {
    std::string expected = "a list or string containing " + Brief(operand);
    if (actual.is_array()) {
      for (const auto& item : actual) {
        if (item == operand) return Outcome(true, expected, actual);
      }
      return Outcome(false, expected, actual);
    }
    bool passed = actual.is_string() && operand.is_string() &&
                  actual.get_ref<const std::string&>().find(
                      operand.get_ref<const std::string&>()) != std::string::npos;
    return Outcome(passed, expected, actual);
  }
  if (key == "any" || key == "all") {
    const bool all = key == "all";
    // What the inner matcher wants, as it describes itself.
    std::string expected = std::string(all ? "a list whose every element is "
                                           : "a list with an element that is ") +
                           EvaluateMatcher(operand, nullptr, "").expected;
    if (!actual.is_array()) return Outcome(false, expected, actual);
    for (const auto& item : actual) {
      bool passed = EvaluateMatcher(operand, &item, "").passed;
      if (passed != all) return Outcome(!all, expected, actual);
    }
    return Outcome(all, expected, actual);
  }
  assert(false && "unknown matcher key");
  return {};
}

}  // namespace

std::string Brief(const nlohmann::json& value) {
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() <= kBriefLimit) return text;
  size_t cut = kBriefLimit;
  // Never split a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

bool IsMatcherObject(const nlohmann::json& spec) {
  if (!spec.is_object()) return false;
  for (const auto& [key, value] : spec.items()) {
    if (IsMatcherKey(key) || key == "tol") return true;
  }
  return false;
}

Status ValidateMatcher(const nlohmann::json& spec) {
  if (!IsMatcherObject(spec)) return OkStatus();
  std::vector<std::string> keys;
  bool has_tol = false;
  bool other_keys = false;
  for (const auto& [key, value] : spec.items()) {
    if (IsMatcherKey(key)) {
      keys.push_back(key);
    } else if (key == "tol") {
      has_tol = true;
    } else {
      other_keys = true;
    }
  }
  if (has_tol && (keys.size() != 1 || keys[0] != "approx")) {
    return Invalid("\"tol\" only goes with \"approx\"");
  }
  if (keys.size() != 1 || other_keys) {
    std::string names;
    for (const auto& [key, value] : spec.items())
      names += (names.empty() ? "\"" : ", \"") + key + "\"";
    return Invalid(
        "a matcher object has exactly one of eq, ne, approx, between, matches, exists, len, "
        "contains, any, all (and \"tol\" next to \"approx\"), got " +
        names);
  }
  const std::string& key = keys[0];
  const nlohmann::json& operand = spec.at(key);
  if (key == "approx") {
    if (!NumberOrReference(operand)) return Invalid("matcher \"approx\" needs a number");
    if (has_tol) {
      const nlohmann::json& tol = spec.at("tol");
      if (!IsWholeReference(tol) && (!tol.is_number() || tol.get<double>() < 0)) {
        return Invalid("\"tol\" needs a number >= 0");
      }
    }
  } else if (key == "between") {
    if (!operand.is_array() || operand.size() != 2 || !NumberOrReference(operand[0]) ||
        !NumberOrReference(operand[1])) {
      return Invalid("matcher \"between\" needs [LO, HI] with two numbers");
    }
    if (operand[0].is_number() && operand[1].is_number() &&
        operand[0].get<double>() > operand[1].get<double>()) {
      return Invalid("matcher \"between\" needs LO <= HI");
    }
  } else if (key == "matches") {
    if (!operand.is_string()) return Invalid("matcher \"matches\" needs a string");
    std::vector<std::string> refs;
    EC2SIM_RETURN_IF_ERROR(CollectReferences(operand, refs));
    // A pattern built from saved values can only be compiled when the step runs.
    if (refs.empty()) EC2SIM_RETURN_IF_ERROR(CompileRegex(operand.get<std::string>()));
  } else if (key == "exists") {
    if (!operand.is_boolean()) return Invalid("matcher \"exists\" needs true or false");
  } else if (key == "len") {
    if (!IsCount(operand) && !IsWholeReference(operand)) {
      return Invalid("matcher \"len\" needs a whole number >= 0");
    }
  } else if (key == "any" || key == "all") {
    // The operand is a matcher (or a plain value to compare) applied to each element.
    if (Status inner = ValidateMatcher(operand); !inner.ok()) {
      return Invalid("matcher \"" + key + "\": " + inner.error().message);
    }
  }
  return OkStatus();
}

MatchOutcome EvaluateMatcher(const nlohmann::json& spec, const nlohmann::json* actual,
                             const std::string& missing_reason) {
  std::string missing = "nothing (" + missing_reason + ")";
  if (!IsMatcherObject(spec)) {
    if (actual == nullptr) return MatchOutcome{false, Brief(spec), missing};
    return Outcome(*actual == spec, Brief(spec), *actual);
  }
  std::string_view key;
  for (std::string_view k : kMatcherKeys) {
    if (spec.contains(std::string(k))) key = k;
  }
  if (key == "exists") {
    bool want = spec.at("exists").is_boolean() && spec.at("exists").get<bool>();
    return MatchOutcome{(actual != nullptr) == want, want ? "the path to exist" : "nothing",
                        actual != nullptr ? Brief(*actual) : missing};
  }
  if (key.empty()) {
    return MatchOutcome{false, "(not a valid matcher: " + Brief(spec) + ")",
                        actual != nullptr ? Brief(*actual) : missing};
  }
  if (actual == nullptr) {
    MatchOutcome described = EvaluateKnown(key, spec, nlohmann::json());
    return MatchOutcome{false, described.expected, missing};
  }
  return EvaluateKnown(key, spec, *actual);
}

}  // namespace ec2sim::scenario
