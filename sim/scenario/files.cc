#include "sim/scenario/files.h"

#include <ostream>

#include "ec2sim/scenario.h"
#include "sim/scenario/document.h"
#include "sim/scenario/report.h"

namespace ec2sim::scenario {

namespace {

// A bilingual note narrates in the reader's language: with Korean, its Korean text.
void NarrateIn(Lang lang, Scenario& scenario) {
  if (lang != Lang::kKo) return;
  for (ScenarioStep& step : scenario.steps) {
    if (step.note_ko.empty()) continue;
    (step.verb == StepVerb::kNote ? step.text : step.note) = step.note_ko;
  }
}

}  // namespace

ScenarioFilesSummary RunScenarioFilesWith(const std::vector<std::string>& paths, bool json_output,
                                          std::ostream& out, std::ostream& err,
                                          const ActionPredicate& has_action,
                                          const BackendFactory& make_backend,
                                          TranscriptDetail detail, Lang lang) {
  int passed = 0;
  int failed = 0;
  int invalid_files = 0;
  nlohmann::json reports = nlohmann::json::array();
  nlohmann::json invalid = nlohmann::json::array();
  std::ostream* transcript = json_output ? nullptr : &out;
  for (const std::string& path : paths) {
    Result<Scenario> loaded = LoadScenarioFileWith(path, has_action, lang);
    if (!loaded.ok()) {
      // An invalid file counts as failed so that "0 failed" always means all is well.
      ++invalid_files;
      ++failed;
      err << loaded.error().message << "\n";
      if (json_output) {
        invalid.push_back({{"file", path}, {"message", loaded.error().message}});
      } else {
        out << "INVALID " << path << "\n\n";
      }
      continue;
    }
    NarrateIn(lang, *loaded);
    std::shared_ptr<Backend> backend = make_backend(*loaded);
    ScenarioOutcome outcome = RunScenario(*loaded, *backend, transcript, detail);
    (outcome.passed ? passed : failed) += 1;
    if (json_output) reports.push_back(ScenarioReport(*loaded, outcome));
  }
  if (json_output) {
    nlohmann::json report = {{"scenarios", std::move(reports)},
                             {"invalid", std::move(invalid)},
                             {"passed", passed},
                             {"failed", failed}};
    out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    out << SummaryLine(passed, failed) << "\n";
  }
  return ScenarioFilesSummary{passed, failed, invalid_files};
}

}  // namespace ec2sim::scenario

namespace ec2sim {

ScenarioFilesSummary RunScenarioFiles(const std::vector<std::string>& paths, bool json_output,
                                      std::ostream& out, std::ostream& err, TranscriptDetail detail,
                                      Lang lang) {
  Sandbox actions;
  return scenario::RunScenarioFilesWith(
      paths, json_output, out, err,
      [&actions](std::string_view action) { return actions.HasAction(action); },
      [](Scenario& scenario) -> std::shared_ptr<Backend> {
        return std::make_shared<Sandbox>(SandboxOptionsFor(scenario));
      },
      detail, lang);
}

}  // namespace ec2sim
