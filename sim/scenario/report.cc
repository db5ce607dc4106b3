#include "sim/scenario/report.h"

#include <ostream>

#include "sim/engine/terminal_text.h"
#include "sim/scenario/summary.h"
#include "sim/scenario/transcript_text.h"

namespace ec2sim::scenario {
namespace {

// Width of "2026-01-01T00:00:05Z", so that lines without a time stay aligned.
constexpr size_t kTimeWidth = 20;

std::string_view StatusName(StepStatus status) {
  switch (status) {
    case StepStatus::kPassed:
      return "passed";
    case StepStatus::kFailed:
      return "failed";
    case StepStatus::kNotRun:
      return "not run";
  }
  return "?";
}

int FirstFailedStep(const ScenarioOutcome& outcome) {
  for (const StepOutcome& step : outcome.steps) {
    if (step.status == StepStatus::kFailed) return step.index;
  }
  return 0;
}

}  // namespace

void WriteScenarioHeader(const Scenario& scenario, TranscriptDetail detail, std::ostream& out) {
  std::string line = "== " + scenario.name;
  if (!scenario.title.empty()) line += ": " + OneLine(scenario.title);
  line += " (" + scenario.file + ")";
  out << (detail == TranscriptDetail::kQuiet ? line : engine::ForTerminal(line)) << "\n";
}

void WriteStepLines(const StepOutcome& step, TranscriptDetail detail, std::ostream& out) {
  // The terse transcript predates escaping; its bytes stay as they were (--quiet).
  auto text = [detail](const std::string& line) {
    return detail == TranscriptDetail::kQuiet ? OneLine(line) : engine::ForTerminal(line);
  };
  std::string index = "[" + std::to_string(step.index) + "] ";
  if (step.status == StepStatus::kNotRun) {
    out << std::string(kTimeWidth, ' ') << " " << index << text(step.summary) << ": not run\n";
    return;
  }
  std::string prefix = TranscriptTime(step.time) + " " + index;
  if (step.verb != StepVerb::kNote && !step.note.empty()) {
    out << prefix << "note: " << text(step.note) << "\n";
  }
  out << prefix << text(step.summary) << "\n";
  std::string under(prefix.size(), ' ');
  for (const std::string& line : StepDetailLines(step, detail)) out << under << line << "\n";
  for (const StepFailure& failure : step.failures) {
    out << "    " << text(failure.message) << "\n";
  }
}

void WriteScenarioFooter(const Scenario& scenario, const ScenarioOutcome& outcome,
                         std::ostream& out) {
  if (outcome.passed) {
    out << "PASS " << scenario.name << "\n\n";
  } else {
    out << "FAIL " << scenario.name << " (step " << FirstFailedStep(outcome) << ")\n\n";
  }
}

std::string SummaryLine(int passed, int failed) {
  return std::to_string(passed) + " passed, " + std::to_string(failed) + " failed";
}

nlohmann::json ScenarioReport(const Scenario& scenario, const ScenarioOutcome& outcome) {
  nlohmann::json steps = nlohmann::json::array();
  for (const StepOutcome& step : outcome.steps) {
    bool ran = step.status != StepStatus::kNotRun;
    nlohmann::json s = {
        {"index", step.index},
        {"verb", VerbName(step.verb)},
        {"time", ran ? nlohmann::json(TranscriptTime(step.time)) : nlohmann::json()},
        {"status", StatusName(step.status)},
        {"ok", step.status == StepStatus::kPassed},
        {"summary", step.summary},
        {"result", step.result},
    };
    if (!step.note.empty()) s["note"] = step.note;
    if (!step.saved.empty()) {
      nlohmann::json saved = nlohmann::json::object();
      for (const SavedValue& value : step.saved) saved[value.name] = value.value;
      s["saved"] = std::move(saved);
    }
    if (step.error.has_value()) {
      s["error"] = {{"code", AwsCode(step.error->code)}, {"message", step.error->message}};
    }
    nlohmann::json failures = nlohmann::json::array();
    for (const StepFailure& f : step.failures) {
      nlohmann::json item = {{"message", f.message}};
      if (!f.path.empty()) item["path"] = f.path;
      if (!f.expected.empty()) item["expected"] = f.expected;
      if (!f.actual.empty()) item["actual"] = f.actual;
      failures.push_back(std::move(item));
    }
    s["failures"] = std::move(failures);
    steps.push_back(std::move(s));
  }
  return {{"file", scenario.file},
          {"name", scenario.name},
          {"title", scenario.title},
          {"passed", outcome.passed},
          {"steps", std::move(steps)}};
}

}  // namespace ec2sim::scenario
