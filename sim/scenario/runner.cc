#include <cassert>
#include <optional>
#include <ostream>

#include "ec2sim/scenario.h"
#include "sim/scenario/closing.h"
#include "sim/scenario/json_path.h"
#include "sim/scenario/matchers.h"
#include "sim/scenario/report.h"
#include "sim/scenario/substitute.h"
#include "sim/scenario/summary.h"

namespace ec2sim {

std::string_view VerbName(StepVerb verb) {
  switch (verb) {
    case StepVerb::kCall:
      return "call";
    case StepVerb::kAdvance:
      return "advance";
    case StepVerb::kWait:
      return "wait";
    case StepVerb::kProbe:
      return "probe";
    case StepVerb::kBill:
      return "bill";
    case StepVerb::kLatency:
      return "latency";
    case StepVerb::kTraffic:
      return "traffic";
    case StepVerb::kCpu:
      return "cpu";
    case StepVerb::kNote:
      return "note";
  }
  return "?";
}

namespace scenario {
namespace {

StepFailure Plain(std::string message) { return StepFailure{"", "", "", std::move(message)}; }

// A probe's verdict for the transcript (fields in docs/network.md): "allowed, 7.3 ms round
// trip", or "blocked by security-group sg-... (security-group-no-matching-rule)", plus the
// connection. Only allowed probes carry RttMs: blocked traffic never makes the round trip.
std::string ProbeDetail(const nlohmann::json& r) {
  if (!r.is_object() || !r.contains("Verdict")) return OneLine(Brief(r));
  auto text = [](const nlohmann::json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  std::string out = text(r, "Verdict");
  auto rtt = r.find("RttMs");
  if (rtt != r.end() && rtt->is_number()) out += ", " + OneLine(Brief(*rtt)) + " ms round trip";
  auto by = r.find("BlockedBy");
  if (by != r.end() && by->is_object()) {
    std::string id = by->contains("Id") ? text(*by, "Id") : text(*by, "Address");
    out += std::string(text(*by, "Path") == "return" ? " on the reply" : "") + " by " +
           text(*by, "Type") + (id.empty() ? "" : " " + id) + " (" + text(*by, "Reason") + ")";
  }
  auto conn = r.find("Connection");
  if (conn != r.end() && conn->is_object()) {
    out += ", connection " + text(*conn, "Name") + " " + text(*conn, "State");
  }
  return out;
}

// A latency result for the transcript (fields in docs/latency.md): "Seoul -> us-east-1:
// RTT 170.7 ms (fiber limit 111.4 ms)", or for a list "from Seoul, nearest first:
// ap-northeast-2 7.3 ms, ap-northeast-1 32.7 ms".
std::string LatencyDetail(const nlohmann::json& r) {
  auto ms = [](const nlohmann::json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_number() ? OneLine(Brief(*it)) + " ms" : std::string("?");
  };
  auto text = [](const nlohmann::json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (!r.is_object()) return OneLine(Brief(r));
  auto results = r.find("Results");
  if (results != r.end() && results->is_array()) {
    std::string out = "from " + text(r, "From") + ", nearest first:";
    for (size_t i = 0; i < results->size(); ++i) {
      out += (i ? ", " : " ") + text((*results)[i], "To") + " " + ms((*results)[i], "RttMs");
    }
    return out;
  }
  if (!r.contains("RttMs")) return OneLine(Brief(r));
  return text(r, "From") + " -> " + text(r, "To") + ": RTT " + ms(r, "RttMs") + " (fiber limit " +
         ms(r, "PhysicalLimitMs") + ")";
}

// Runs the steps of one scenario, carrying saved values from step to step.
class StepRunner {
 public:
  StepRunner(const Scenario& scenario, Backend& backend) : sc_(scenario), backend_(backend) {}

  StepOutcome Run(const ScenarioStep& step) {
    StepOutcome out;
    out.index = step.index;
    out.verb = step.verb;
    out.action = step.action;
    out.note = Narration(step.verb == StepVerb::kNote ? step.text : step.note);
    Result<SimTime> now = backend_.ReadClock();
    if (!now.ok()) {
      // Only a remote backend fails here; the step cannot be placed in time, so it fails.
      out.summary = StepDescription(step);
      Fail(now.error(), out);
      return out;
    }
    out.time = *now;
    CallContext ctx{step.account.value_or(sc_.account), step.region.value_or(sc_.region)};
    std::optional<Result<nlohmann::json>> result = Act(step, ctx, out);
    if (result.has_value()) Judge(step, std::move(*result), out);
    out.status = out.failures.empty() ? StepStatus::kPassed : StepStatus::kFailed;
    return out;
  }

 private:
  static void Fail(const Error& error, StepOutcome& out) {
    out.error = error;
    out.failures.push_back(Plain(std::string(AwsCode(error.code)) + ": " + OneLine(error.message)));
    out.status = StepStatus::kFailed;
  }

  std::string Narration(const std::string& text) const {
    auto substituted = SubstituteText(text, vars_);
    return substituted.ok() ? *substituted : text;
  }

  // Performs the verb. Returns the step's result, or nothing for verbs without one (or when
  // the step already failed before acting). Sets out.summary.
  std::optional<Result<nlohmann::json>> Act(const ScenarioStep& step, const CallContext& ctx,
                                            StepOutcome& out) {
    switch (step.verb) {
      case StepVerb::kNote:
        out.summary = "note: " + OneLine(out.note);
        return std::nullopt;
      case StepVerb::kAdvance:
        Advance(step, out);
        return std::nullopt;
      default:
        break;
    }
    auto args = Substitute(step.args, vars_);
    if (!args.ok()) {
      out.summary = StepDescription(step);
      out.failures.push_back(Plain(args.error().message));
      return std::nullopt;
    }
    params_ = std::move(*args);
    switch (step.verb) {
      case StepVerb::kCall:
        out.summary = "call " + step.action;
        return backend_.Call(step.action, params_, ctx);
      case StepVerb::kWait:
        return Wait(step, ctx, out);
      case StepVerb::kProbe:
        out.summary = "probe";
        return backend_.Probe(params_, ctx);
      case StepVerb::kBill:
        out.summary = "bill";
        return backend_.Bill(params_, ctx);
      case StepVerb::kLatency:
        out.summary = "latency";
        return backend_.Latency(params_, ctx);
      case StepVerb::kTraffic:
        out.summary = "traffic";
        return backend_.Traffic(params_, ctx);
      case StepVerb::kCpu:
        out.summary = "cpu";
        return backend_.Cpu(params_, ctx);
      default:
        assert(false && "verb handled above");
        return std::nullopt;
    }
  }

  // Moves the clock. A remote backend may refuse, which fails the step with its error.
  void Advance(const ScenarioStep& step, StepOutcome& out) {
    out.summary = "advance " + step.text;
    Status moved = backend_.AdvanceClock(step.duration);
    if (!moved.ok()) return Fail(moved.error(), out);
    Result<SimTime> now = backend_.ReadClock();
    if (!now.ok()) return Fail(now.error(), out);
    out.summary += " to " + TranscriptTime(*now);
  }

  Result<nlohmann::json> Wait(const ScenarioStep& step, const CallContext& ctx, StepOutcome& out) {
    const nlohmann::json& instance = params_["instance"];
    const nlohmann::json& state = params_["state"];
    out.summary = "wait " + OneLine(Brief(instance)) + " " + OneLine(Brief(state));
    if (!instance.is_string() || !state.is_string()) {
      return MakeError(ErrorCode::kSimInvalidInput,
                       "wait needs a string instance id and state, got " + Brief(params_));
    }
    const auto& id = instance.get_ref<const std::string&>();
    const auto& name = state.get_ref<const std::string&>();
    out.summary = "wait " + id + " " + name;
    EC2SIM_ASSIGN_OR_RETURN(Duration waited,
                            backend_.WaitForInstanceState(ctx, id, name, step.duration));
    return nlohmann::json{{"instance", id},
                          {"state", name},
                          {"waited", FormatDuration(waited)},
                          {"waited_ms", waited}};
  }

  // Decides pass or fail from the result: expected errors, expectations and saves.
  void Judge(const ScenarioStep& step, Result<nlohmann::json> result, StepOutcome& out) {
    if (!result.ok()) {
      const Error& error = result.error();
      std::string code(AwsCode(error.code));
      out.error = error;
      out.summary += ": " + code;
      if (step.expect_error == code) {
        out.summary += " (expected)";
        out.result = {{"Error", {{"Code", code}, {"Message", error.message}}}};
      } else if (step.expect_error.has_value()) {
        out.failures.push_back({"", "error " + *step.expect_error, code + ": " + error.message,
                                "expected error " + *step.expect_error + ", got " + code + ": " +
                                    OneLine(error.message)});
        return;
      } else {
        out.failures.push_back(Plain(code + ": " + OneLine(error.message)));
        return;
      }
    } else {
      out.result = std::move(*result);
      out.summary += ": ok";
      std::string detail = Detail(step, out.result);
      if (!detail.empty()) out.summary += " " + detail;
      if (step.expect_error.has_value()) {
        out.failures.push_back(
            {"", "error " + *step.expect_error, "ok",
             "expected error " + *step.expect_error + ", but the step succeeded"});
        return;
      }
    }
    CheckExpectations(step, out);
    Save(step, out);
  }

  // The summary's words after "ok".
  std::string Detail(const ScenarioStep& step, const nlohmann::json& result) const {
    switch (step.verb) {
      case StepVerb::kCall:
        return JoinIds(TouchedIds(result, params_));
      case StepVerb::kWait:
        return "after " + result.value("waited", std::string());
      case StepVerb::kProbe:
        return ProbeDetail(result);
      case StepVerb::kLatency:
        return LatencyDetail(result);
      default:
        return OneLine(Brief(result));
    }
  }

  // What a path of `save` or `expect` selects, with saved values put into its filters.
  Result<nlohmann::json> Select(const nlohmann::json& root, const std::string& text) const {
    EC2SIM_ASSIGN_OR_RETURN(JsonPath path, ParseJsonPath(text));
    EC2SIM_ASSIGN_OR_RETURN(JsonPath bound, BindJsonPath(path, vars_));
    return SelectJsonPath(root, bound);
  }

  void CheckExpectations(const ScenarioStep& step, StepOutcome& out) {
    for (const Expectation& e : step.expect) {
      auto spec = Substitute(e.matcher, vars_);
      if (!spec.ok()) {
        out.failures.push_back({e.path, "", "", e.path + ": " + spec.error().message});
        continue;
      }
      auto found = Select(out.result, e.path);
      MatchOutcome m = EvaluateMatcher(*spec, found.ok() ? &*found : nullptr,
                                       found.ok() ? "" : found.error().message);
      if (m.passed) continue;
      out.failures.push_back(
          {e.path, m.expected, m.actual,
           e.path + ": expected " + OneLine(m.expected) + ", got " + OneLine(m.actual)});
    }
  }

  void Save(const ScenarioStep& step, StepOutcome& out) {
    for (const SaveRule& rule : step.save) {
      auto found = Select(out.result, rule.path);
      if (!found.ok()) {
        out.failures.push_back({rule.path, "a value to save as \"" + rule.name + "\"",
                                "nothing (" + found.error().message + ")",
                                "cannot save \"" + rule.name + "\": " + rule.path +
                                    " does not resolve: " + found.error().message});
        continue;
      }
      out.saved.push_back({rule.name, *found});
      vars_[rule.name] = std::move(*found);
    }
  }

 public:
  const Variables& saved() const { return vars_; }

 private:
  const Scenario& sc_;
  Backend& backend_;
  Variables vars_;
  nlohmann::json params_;  // the current step's arguments after substitution
};

}  // namespace

}  // namespace scenario

ScenarioOutcome RunScenario(const Scenario& scenario, Backend& backend, std::ostream* transcript,
                            TranscriptDetail detail) {
  if (transcript != nullptr) scenario::WriteScenarioHeader(scenario, detail, *transcript);
  ScenarioOutcome outcome;
  outcome.passed = true;
  scenario::StepRunner runner(scenario, backend);
  for (const ScenarioStep& step : scenario.steps) {
    StepOutcome out;
    if (outcome.passed) {
      out = runner.Run(step);
      outcome.passed = out.status == StepStatus::kPassed;
    } else {
      out.index = step.index;
      out.verb = step.verb;
      out.action = step.action;
      out.status = StepStatus::kNotRun;
      out.summary = scenario::StepDescription(step);
    }
    if (transcript != nullptr) scenario::WriteStepLines(out, detail, *transcript);
    outcome.steps.push_back(std::move(out));
  }
  outcome.saved = runner.saved();
  if (transcript == nullptr) return outcome;
  // Only a transcript asks: lesson checks and `ec2sim bill` run without one and must not see
  // the extra Describe calls.
  if (detail != TranscriptDetail::kQuiet) {
    for (const std::string& line : scenario::ClosingSummaryLines(scenario, backend)) {
      *transcript << line << "\n";
    }
  }
  scenario::WriteScenarioFooter(scenario, outcome, *transcript);
  return outcome;
}

}  // namespace ec2sim
