#include "sim/scenario/files.h"

#include <ostream>

#include "ec2sim/scenario.h"
#include "sim/scenario/document.h"
#include "sim/scenario/report.h"
#include "sim/scenario/runner.h"

namespace ec2sim::scenario {

int RunScenarioFilesWith(const std::vector<std::string>& paths, bool json_output, std::ostream& out,
                         std::ostream& err, const ActionPredicate& has_action,
                         const TargetFactory& make_target) {
  int passed = 0;
  int failed = 0;
  bool any_invalid = false;
  nlohmann::json reports = nlohmann::json::array();
  nlohmann::json invalid = nlohmann::json::array();
  std::ostream* transcript = json_output ? nullptr : &out;
  for (const std::string& path : paths) {
    Result<Scenario> loaded = LoadScenarioFileWith(path, has_action);
    if (!loaded.ok()) {
      // An invalid file counts as failed so that "0 failed" always means all is well.
      any_invalid = true;
      ++failed;
      err << loaded.error().message << "\n";
      if (json_output) {
        invalid.push_back({{"file", path}, {"message", loaded.error().message}});
      } else {
        out << "INVALID " << path << "\n\n";
      }
      continue;
    }
    std::unique_ptr<StepTarget> target = make_target(SandboxOptionsFor(*loaded));
    ScenarioOutcome outcome = RunScenarioOn(*loaded, *target, transcript);
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
  if (any_invalid) return 2;
  return failed > 0 ? 1 : 0;
}

}  // namespace ec2sim::scenario

namespace ec2sim {

int RunScenarioFiles(const std::vector<std::string>& paths, bool json_output, std::ostream& out,
                     std::ostream& err) {
  Sandbox actions;
  return scenario::RunScenarioFilesWith(
      paths, json_output, out, err,
      [&actions](std::string_view action) { return actions.HasAction(action); },
      [](const SandboxOptions& options) -> std::unique_ptr<scenario::StepTarget> {
        return std::make_unique<scenario::SandboxTarget>(std::make_unique<Sandbox>(options));
      });
}

}  // namespace ec2sim
