#include "sim/cli/scenario_run.h"

#include <ostream>
#include <utility>

namespace ec2sim::cli {

ScenarioRun RunScenarioFile(const std::string& file, int failed_step_status, std::ostream& err,
                            Lang lang) {
  ScenarioRun run;
  Result<Scenario> loaded = LoadScenarioFile(file, lang);
  if (!loaded.ok()) {
    err << loaded.error().message << "\n";
    run.exit_status = 2;
    return run;
  }
  auto finished = std::make_unique<FinishedScenario>();
  finished->scenario = std::move(*loaded);
  finished->sandbox = std::make_unique<Sandbox>(SandboxOptionsFor(finished->scenario));
  ScenarioOutcome outcome = RunScenario(finished->scenario, *finished->sandbox, nullptr);
  if (!outcome.passed) {
    for (const StepOutcome& step : outcome.steps) {
      if (step.status != StepStatus::kFailed) continue;
      err << file << ": step " << step.index << " failed: " << step.summary;
      for (const StepFailure& f : step.failures) err << "; " << f.message;
      err << "\n";
    }
    run.exit_status = failed_step_status;
    return run;
  }
  finished->saved = std::move(outcome.saved);
  run.finished = std::move(finished);
  return run;
}

}  // namespace ec2sim::cli
