// Static checks of one step: verb and keys, operand types, durations, paths, matchers, and that
// every "${name}" it uses was saved by an earlier step.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "sim/api/action_table.h"
#include "sim/engine/spelling.h"
#include "sim/scenario/document.h"
#include "sim/scenario/json_path.h"
#include "sim/scenario/matchers.h"
#include "sim/scenario/substitute.h"

namespace ec2sim::scenario {
namespace {

using OrderedJson = nlohmann::ordered_json;

struct VerbInfo {
  std::string_view name;
  StepVerb verb;
  bool has_result;  // whether save / expect / expect_error make sense
};

constexpr std::array<VerbInfo, 9> kVerbs = {{
    {"call", StepVerb::kCall, true},
    {"advance", StepVerb::kAdvance, false},
    {"wait", StepVerb::kWait, true},
    {"probe", StepVerb::kProbe, true},
    {"bill", StepVerb::kBill, true},
    {"latency", StepVerb::kLatency, true},
    {"traffic", StepVerb::kTraffic, true},
    {"cpu", StepVerb::kCpu, true},
    {"note", StepVerb::kNote, false},
}};

constexpr std::array<std::string_view, 7> kOptionalKeys = {
    "region", "account", "save", "expect", "expect_error", "note", "with"};

// InstanceStateName values (boto3's EC2 model).
constexpr std::array<std::string_view, 6> kInstanceStates = {
    "pending", "running", "stopping", "stopped", "shutting-down", "terminated"};

constexpr Duration kDefaultWaitTimeout = 15 * kMinute;

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

template <size_t N>
bool OneOf(std::string_view s, const std::array<std::string_view, N>& set) {
  for (std::string_view item : set) {
    if (item == s) return true;
  }
  return false;
}

MessageId KindOf(const OrderedJson& v) {
  switch (v.type()) {
    case OrderedJson::value_t::object:
      return MessageId::kKindObject;
    case OrderedJson::value_t::array:
      return MessageId::kKindList;
    case OrderedJson::value_t::string:
      return MessageId::kKindString;
    case OrderedJson::value_t::boolean:
      return MessageId::kKindBoolean;
    case OrderedJson::value_t::null:
      return MessageId::kKindNull;
    default:
      return MessageId::kKindNumber;
  }
}

class StepChecker {
 public:
  StepChecker(const OrderedJson& raw, int index, const ActionPredicate& has_action,
              std::set<std::string>& saved, Diagnostics& diag)
      : raw_(raw), has_action_(has_action), saved_(saved), diag_(diag) {
    step_.index = index;
  }

  ScenarioStep Check() {
    if (!raw_.is_object()) {
      Fail("", MessageId::kStepNotObject, {Kind(raw_)});
      return step_;
    }
    const VerbInfo* verb = FindVerb();
    if (verb == nullptr) return step_;
    step_.verb = verb->verb;
    CheckVerbOperand(*verb);
    CheckOptionalKeys(*verb);
    for (const SaveRule& rule : step_.save) saved_.insert(rule.name);
    return step_;
  }

 private:
  void Fail(std::string_view key, MessageId id, std::initializer_list<std::string_view> args = {}) {
    diag_.AddForStep(step_.index, key, diag_.Text(id, args));
  }
  // A nested check's message (a duration, path, matcher or reference), passed on as it is.
  void Fail(std::string_view key, const std::string& message) {
    Fail(key, MessageId::kPassThrough, {message});
  }
  std::string Kind(const OrderedJson& v) const { return diag_.Text(KindOf(v)); }

  // " (did you mean A, B?)" in the output language, or "".
  std::string DidYouMean(const std::string& text, const std::vector<std::string>& names) const {
    std::vector<std::string> close = engine::ClosestMatches(text, names);
    if (close.empty()) return "";
    std::string list;
    for (const std::string& name : close) list += (list.empty() ? "" : ", ") + name;
    return diag_.Text(MessageId::kDidYouMean, {list});
  }

  // The step's one verb; reports a missing, unknown or repeated verb and unknown keys.
  const VerbInfo* FindVerb() {
    std::vector<const VerbInfo*> verbs;
    std::vector<std::string> unknown;
    for (const auto& [key, value] : raw_.items()) {
      const VerbInfo* found = nullptr;
      for (const VerbInfo& v : kVerbs) {
        if (v.name == key && v.verb != StepVerb::kNote) found = &v;
      }
      if (found != nullptr) {
        verbs.push_back(found);
      } else if (!OneOf(key, kOptionalKeys)) {
        unknown.push_back(key);
      }
    }
    if (verbs.size() > 1) {
      std::string names;
      for (size_t i = 0; i < verbs.size(); ++i) {
        names += (i == 0                  ? ""
                  : i + 1 == verbs.size() ? diag_.Text(MessageId::kAnd)
                                          : ", ") +
                 Quoted(verbs[i]->name);
      }
      Fail("", MessageId::kOneVerb, {names});
      return nullptr;
    }
    if (verbs.empty()) {
      if (!raw_.contains("note")) {
        if (!unknown.empty()) {
          Fail("", MessageId::kUnknownVerb, {Quoted(unknown.front())});
        } else {
          Fail("", MessageId::kNoVerb);
        }
        return nullptr;
      }
      verbs.push_back(&kVerbs.back());
    }
    for (const std::string& key : unknown) Fail("", MessageId::kUnknownKey, {Quoted(key)});
    return verbs.front();
  }

  void CheckVerbOperand(const VerbInfo& verb) {
    const OrderedJson& operand = raw_.at(std::string(verb.name));
    switch (verb.verb) {
      case StepVerb::kCall:
        if (!operand.is_string() || operand.get_ref<const std::string&>().empty()) {
          Fail("call", MessageId::kCallNeedsAction);
        } else if (step_.action = operand.get<std::string>(); !has_action_(step_.action)) {
          Fail("call", MessageId::kUnknownAction,
               {Quoted(step_.action), DidYouMean(step_.action, api::ActionTable::Get().Names())});
        }
        step_.args = nlohmann::json::object();
        if (auto with = raw_.find("with"); with != raw_.end()) {
          if (with->is_object()) {
            step_.args = nlohmann::json(*with);
            CheckReferences("with", step_.args);
          } else {
            Fail("with", MessageId::kWithNotObject, {Kind(*with)});
          }
        }
        return;
      case StepVerb::kAdvance:
        if (!operand.is_string()) {
          Fail("advance", MessageId::kAdvanceNeedsDuration);
          return;
        }
        step_.text = operand.get<std::string>();
        if (auto d = ParseDuration(step_.text); d.ok()) {
          step_.duration = *d;
        } else {
          Fail("advance", d.error().message);
        }
        return;
      case StepVerb::kWait:
        CheckWait(operand);
        return;
      case StepVerb::kCpu:
        CheckCpu(operand);
        [[fallthrough]];
      case StepVerb::kProbe:
      case StepVerb::kBill:
      case StepVerb::kLatency:
      case StepVerb::kTraffic:
        if (!operand.is_object()) {
          Fail(verb.name, MessageId::kMustBeObject, {Kind(operand)});
          return;
        }
        step_.args = nlohmann::json(operand);
        CheckReferences(verb.name, step_.args);
        return;
      case StepVerb::kNote:
        ReadNote(operand, step_.text);
        return;
    }
  }

  // A note: a string, or the same text in both course languages, {"en": "...", "ko": "..."}.
  void ReadNote(const OrderedJson& value, std::string& english) {
    if (value.is_string()) {
      english = value.get<std::string>();
      CheckReferences("note", nlohmann::json(english));
      return;
    }
    bool bilingual = value.is_object() && value.size() == 2 && value.contains("en") &&
                     value.contains("ko") && value["en"].is_string() && value["ko"].is_string();
    if (!bilingual) {
      Fail("note", MessageId::kNoteShape, {value.is_object() ? value.dump() : Kind(value)});
      return;
    }
    english = value["en"].get<std::string>();
    step_.note_ko = value["ko"].get<std::string>();
    CheckReferences("note", nlohmann::json::array({english, step_.note_ko}));
  }

  void CheckWait(const OrderedJson& operand) {
    if (!operand.is_object()) {
      Fail("wait", MessageId::kWaitNeedsObject);
      return;
    }
    step_.duration = kDefaultWaitTimeout;
    for (const auto& [key, value] : operand.items()) {
      if (key != "instance" && key != "state" && key != "timeout") {
        Fail("wait", MessageId::kWaitUnknownKey, {Quoted(key)});
      }
    }
    auto instance = operand.find("instance");
    if (instance == operand.end() || !instance->is_string()) {
      Fail("wait", MessageId::kWaitNeedsInstance);
    }
    auto state = operand.find("state");
    if (state == operand.end() || !state->is_string()) {
      Fail("wait", MessageId::kWaitNeedsState);
    } else if (std::vector<std::string> refs;
               CollectTextReferences(state->get<std::string>(), refs).ok() && refs.empty() &&
               !OneOf(state->get<std::string>(), kInstanceStates)) {
      Fail("wait", MessageId::kUnknownState, {Quoted(state->get<std::string>())});
    }
    if (auto timeout = operand.find("timeout"); timeout != operand.end()) {
      auto d = timeout->is_string()
                   ? ParseDuration(timeout->get<std::string>())
                   : Result<Duration>(MakeError(ErrorCode::kSimInvalidInput,
                                                diag_.Text(MessageId::kTimeoutNotString)));
      if (d.ok()) {
        step_.duration = *d;
      } else {
        Fail("wait", MessageId::kTimeout, {d.error().message});
      }
    }
    step_.args = nlohmann::json(operand);
    step_.args.erase("timeout");
    CheckReferences("wait", step_.args);
  }

  // {"instance": ID, "percent": 0..100}: checked when the file loads, so a typo names its step.
  void CheckCpu(const OrderedJson& operand) {
    if (!operand.is_object()) return;  // the caller reports it
    for (const auto& [key, value] : operand.items()) {
      if (key != "instance" && key != "percent") {
        Fail("cpu", MessageId::kCpuUnknownKey, {Quoted(key)});
      }
    }
    auto instance = operand.find("instance");
    if (instance == operand.end() || !instance->is_string()) {
      Fail("cpu", MessageId::kCpuNeedsInstance);
    }
    auto percent = operand.find("percent");
    if (percent == operand.end() || !percent->is_number_integer() ||
        percent->get<std::int64_t>() < 0 || percent->get<std::int64_t>() > 100) {
      std::string got = percent == operand.end() ? "nothing" : percent->dump();
      Fail("cpu", MessageId::kCpuPercent, {got});
    }
  }

  void CheckOptionalKeys(const VerbInfo& verb) {
    if (raw_.contains("with") && verb.verb != StepVerb::kCall) {
      Fail("with", MessageId::kWithOnlyCall);
    }
    if (verb.verb != StepVerb::kNote) {
      if (auto note = raw_.find("note"); note != raw_.end()) ReadNote(*note, step_.note);
    }
    if (auto region = raw_.find("region"); region != raw_.end()) {
      if (region->is_string() && IsRegionShaped(region->get<std::string>())) {
        step_.region = region->get<std::string>();
      } else {
        Fail("region", MessageId::kStepRegion, {region->dump()});
      }
    }
    if (auto account = raw_.find("account"); account != raw_.end()) {
      if (account->is_string() && IsAccountId(account->get<std::string>())) {
        step_.account = account->get<std::string>();
      } else {
        Fail("account", MessageId::kStepAccount, {account->dump()});
      }
    }
    for (std::string_view key : {"save", "expect", "expect_error"}) {
      if (raw_.contains(key) && !verb.has_result) {
        Fail(key, MessageId::kNoResult, {Quoted(verb.name)});
      }
    }
    if (!verb.has_result) return;
    if (auto code = raw_.find("expect_error"); code != raw_.end()) {
      if (code->is_string() && !code->get<std::string>().empty() &&
          code->get<std::string>().find_first_of(" \t\n") == std::string::npos) {
        step_.expect_error = code->get<std::string>();
      } else {
        Fail("expect_error", MessageId::kExpectErrorCode);
      }
    }
    CheckExpect();
    CheckSave();
  }

  void CheckSave() {
    auto save = raw_.find("save");
    if (save == raw_.end()) return;
    if (!save->is_object()) {
      Fail("save", MessageId::kSaveNotObject);
      return;
    }
    for (const auto& [name, path] : save->items()) {
      if (!IsVariableName(name)) {
        Fail("save", MessageId::kBadVariableName, {Quoted(name)});
      } else if (!path.is_string()) {
        Fail("save", MessageId::kPathNotString, {Quoted(name)});
      } else if (auto parsed = ParseJsonPath(path.get<std::string>()); !parsed.ok()) {
        Fail("save", parsed.error().message);
      } else {
        CheckPathReferences("save", *parsed);
        step_.save.push_back({name, path.get<std::string>()});
      }
    }
  }

  void CheckExpect() {
    auto expect = raw_.find("expect");
    if (expect == raw_.end()) return;
    if (!expect->is_object()) {
      Fail("expect", MessageId::kExpectNotObject);
      return;
    }
    for (const auto& [path, matcher] : expect->items()) {
      auto parsed = ParseJsonPath(path);
      if (!parsed.ok()) {
        Fail("expect", parsed.error().message);
        continue;
      }
      CheckPathReferences("expect", *parsed);
      nlohmann::json spec(matcher);
      if (Status valid = ValidateMatcher(spec); !valid.ok()) {
        Fail("expect", MessageId::kExpectProblem, {path, valid.error().message});
        continue;
      }
      CheckReferences("expect", spec);
      step_.expect.push_back({path, std::move(spec)});
    }
  }

  void CheckReferences(std::string_view key, const nlohmann::json& value) {
    std::vector<std::string> names;
    if (Status s = CollectReferences(value, names); !s.ok()) {
      Fail(key, s.error().message);
      return;
    }
    CheckSaved(key, names);
  }

  // A path's references: only in filter values, and each saved by an earlier step.
  void CheckPathReferences(std::string_view key, const JsonPath& path) {
    std::vector<std::string> names;
    if (Status s = CollectPathReferences(path, names); !s.ok()) {
      Fail(key, s.error().message);
      return;
    }
    CheckSaved(key, names);
  }

  void CheckSaved(std::string_view key, const std::vector<std::string>& names) {
    std::set<std::string> reported;
    for (const std::string& name : names) {
      if (saved_.count(name) == 0 && reported.insert(name).second) {
        Fail(key, MessageId::kNotSaved, {"\"${" + name + "}\""});
      }
    }
  }

  const OrderedJson& raw_;
  const ActionPredicate& has_action_;
  std::set<std::string>& saved_;
  Diagnostics& diag_;
  ScenarioStep step_;
};

}  // namespace

ScenarioStep ValidateStep(const OrderedJson& raw, int index, const ActionPredicate& has_action,
                          std::set<std::string>& saved, Diagnostics& diagnostics) {
  return StepChecker(raw, index, has_action, saved, diagnostics).Check();
}

}  // namespace ec2sim::scenario
