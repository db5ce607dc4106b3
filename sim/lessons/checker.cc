#include "sim/lessons/checker.h"

#include <algorithm>
#include <map>
#include <memory>

#include "sim/model/regions.h"
#include "sim/scenario/substitute.h"
#include "sim/scenario/summary.h"

namespace ec2sim::lessons {
namespace {

using nlohmann::json;
using Vars = std::map<std::string, json, std::less<>>;

// What a check runs on: the learner's backend, read only. Checks never move the clock (it reads
// as 0, so no remote clock is asked) and may not wait; "region": "*" runs a call in every
// region the account may use and lists the answers.
class CheckBackend final : public Backend {
 public:
  explicit CheckBackend(Backend& state) : state_(state) {}

  Result<json> Call(std::string_view action, const json& params, const CallContext& ctx) override {
    if (ctx.region != kAllRegions) return state_.Call(action, params, ctx);
    json all = json::array();
    for (const std::string& region : model::RegionCodes()) {
      auto r = state_.Call(action, params, CallContext{ctx.account, region});
      // An opt-in region the account has not enabled answers AuthFailure; nothing of the
      // account can be there.
      if (!r.ok() && r.error().code == ErrorCode::kAuthFailure) continue;
      if (!r.ok()) return MakeError(r.error().code, region + ": " + r.error().message);
      json entry = {{"Region", region}};
      if (r->is_object()) entry.update(*r);
      all.push_back(std::move(entry));
    }
    return all;
  }
  // The lesson loader already checked the actions against the simulator's.
  bool HasAction(std::string_view) const override { return true; }
  Result<SimTime> ReadClock() override { return SimTime{0}; }
  Status AdvanceClock(Duration) override { return OkStatus(); }
  Result<Duration> WaitForInstanceState(const CallContext&, std::string_view, std::string_view,
                                        Duration) override {
    return MakeError(ErrorCode::kSimInvalidInput, "a check cannot wait");
  }
  Result<json> Probe(const json& spec, const CallContext& ctx) override {
    if (ctx.region == kAllRegions) return OnlyCalls();
    return state_.Probe(spec, ctx);
  }
  Result<json> Bill(const json& spec, const CallContext& ctx) override {
    if (ctx.region == kAllRegions) return OnlyCalls();
    return state_.Bill(spec, ctx);
  }
  Result<json> Latency(const json& spec, const CallContext& ctx) override {
    if (ctx.region == kAllRegions) return OnlyCalls();
    return state_.Latency(spec, ctx);
  }

 private:
  static Error OnlyCalls() {
    return MakeError(ErrorCode::kSimInvalidInput, "\"region\": \"*\" applies to calls only");
  }
  Backend& state_;
};

// Splices the exercise's vars into a string, leaving other references for the runner.
std::string SpliceKnown(const std::string& text, const Vars& vars) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find("${", pos);
    if (open == std::string::npos) break;
    size_t close = text.find('}', open);
    bool escaped = open > 0 && text[open - 1] == '$';
    if (close == std::string::npos) break;
    auto it = vars.find(std::string_view(text).substr(open + 2, close - open - 2));
    out.append(text, pos, open - pos);
    if (escaped || it == vars.end()) {
      out.append(text, open, close + 1 - open);
    } else {
      out += it->second.is_string() ? it->second.get<std::string>() : it->second.dump();
    }
    pos = close + 1;
  }
  out.append(text, std::min(pos, text.size()), std::string::npos);
  return out;
}

// The exercise's vars put in place: whole references keep the value's JSON type.
json WithVars(const json& value, const Vars& vars) {
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    if (scenario::IsWholeReference(value)) {
      auto it = vars.find(std::string_view(s).substr(2, s.size() - 3));
      if (it != vars.end()) return it->second;
    }
    return SpliceKnown(s, vars);
  }
  if (value.is_array() || value.is_object()) {
    json out = value;
    for (auto& item : out) item = WithVars(item, vars);
    return out;
  }
  return value;
}

std::string FailureDetail(const StepOutcome& step) {
  std::string what = step.summary;
  if (size_t colon = what.find(':'); colon != std::string::npos) what.resize(colon);
  std::string why = step.failures.empty() ? std::string("failed") : step.failures[0].message;
  return "check " + std::to_string(step.index) + " (" + what + "): " + why;
}

GoalResult RunGoal(const Exercise& ex, const Goal& goal, Backend& state,
                   const std::string& account) {
  GoalResult result;
  result.goal = &goal;
  Scenario sc;
  sc.file = goal.id;
  sc.name = goal.id;
  sc.region = ex.region;
  sc.account = account;
  for (ScenarioStep step : goal.checks) {
    step.args = WithVars(step.args, ex.vars);
    for (Expectation& e : step.expect) {
      e.matcher = WithVars(e.matcher, ex.vars);
      e.path = SpliceKnown(e.path, ex.vars);
    }
    for (SaveRule& rule : step.save) rule.path = SpliceKnown(rule.path, ex.vars);
    sc.steps.push_back(std::move(step));
  }
  CheckBackend checked(state);
  ScenarioOutcome outcome = RunScenario(sc, checked, nullptr);
  if (outcome.passed) {
    result.status = GoalStatus::kMet;
    return result;
  }
  for (const StepOutcome& step : outcome.steps) {
    if (step.status != StepStatus::kFailed) continue;
    if (step.error.has_value() && step.error->code == ErrorCode::kSimUnsupported) {
      result.status = GoalStatus::kUnavailable;
      result.detail = step.error->message;
    } else {
      result.status = GoalStatus::kMissed;
      result.detail = FailureDetail(step);
    }
    break;
  }
  return result;
}

}  // namespace

bool ExerciseResult::AllMet() const {
  return std::all_of(goals.begin(), goals.end(),
                     [](const GoalResult& g) { return g.status == GoalStatus::kMet; });
}

int ExerciseResult::MetCount() const {
  return static_cast<int>(std::count_if(goals.begin(), goals.end(), [](const GoalResult& g) {
    return g.status == GoalStatus::kMet;
  }));
}

bool ExerciseResult::AnyUnavailable() const {
  return std::any_of(goals.begin(), goals.end(),
                     [](const GoalResult& g) { return g.status == GoalStatus::kUnavailable; });
}

ExerciseResult CheckExercise(const Exercise& exercise, Backend& state, const std::string& account) {
  ExerciseResult out;
  out.exercise = &exercise;
  std::map<std::string, bool, std::less<>> met;
  for (const Goal& goal : exercise.goals) {
    std::vector<std::string> unmet;
    for (const std::string& id : goal.after) {
      if (!met[id]) unmet.push_back(id);
    }
    GoalResult r;
    if (!unmet.empty()) {
      r.goal = &goal;
      r.status = GoalStatus::kWaiting;
      r.waiting_for = std::move(unmet);
    } else {
      r = RunGoal(exercise, goal, state, account);
    }
    met[goal.id] = r.status == GoalStatus::kMet;
    out.goals.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> UnsettledInstances(Backend& state, const std::string& account) {
  static const json kFilter = {
      {"Filters",
       {{{"Name", "instance-state-name"}, {"Values", {"pending", "stopping", "shutting-down"}}}}}};
  std::vector<std::string> out;
  for (const std::string& region : model::RegionCodes()) {
    auto found = state.Call("DescribeInstances", kFilter, CallContext{account, region});
    if (!found.ok()) continue;
    for (const json& reservation : found->value("Reservations", json::array())) {
      for (const json& instance : reservation.value("Instances", json::array())) {
        std::string name;
        for (const json& tag : instance.value("Tags", json::array())) {
          if (tag.value("Key", "") == "Name") name = " (" + tag.value("Value", "") + ")";
        }
        out.push_back(instance.value("InstanceId", "") + name + " in " + region + ": " +
                      instance.value("State", json::object()).value("Name", ""));
      }
    }
  }
  return out;
}

AnswerResult CheckScenarioAnswer(const Exercise& exercise, const Scenario& answer) {
  AnswerResult out;
  Sandbox sandbox(SandboxOptionsFor(answer));
  ScenarioOutcome run = RunScenario(answer, sandbox, nullptr);
  for (const StepOutcome& step : run.steps) {
    if (step.status != StepStatus::kFailed) continue;
    std::string verb = step.summary.substr(0, step.summary.find(':'));
    std::string why = step.failures.empty() ? step.summary : step.failures[0].message;
    out.run.stopped =
        "step " + std::to_string(step.index) + " (" + verb + "): " + scenario::OneLine(why);
    break;
  }
  out.run.unsettled = UnsettledInstances(sandbox, answer.account);
  out.result = CheckExercise(exercise, sandbox, answer.account);
  return out;
}

}  // namespace ec2sim::lessons
