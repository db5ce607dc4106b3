// What `ec2sim bill` and `ec2sim probe` do before they ask their question: load a scenario file,
// run it without a transcript and, when it cannot be used, tell the user why and decide the exit
// status.
#ifndef EC2SIM_CLI_SCENARIO_RUN_H_
#define EC2SIM_CLI_SCENARIO_RUN_H_

#include <iosfwd>
#include <map>
#include <memory>
#include <string>

#include "ec2sim/sandbox.h"
#include "ec2sim/scenario.h"

namespace ec2sim::cli {

// A scenario that ran to its end, and the Sandbox in the state it ended in.
struct FinishedScenario {
  Scenario scenario;
  std::unique_ptr<Sandbox> sandbox;
  std::map<std::string, nlohmann::json, std::less<>> saved;  // the run's saved values
};

// Either a finished scenario or the exit status the command must return.
struct ScenarioRun {
  int exit_status = 0;  // 0 when `finished` is set
  std::unique_ptr<FinishedScenario> finished;
  bool ok() const { return finished != nullptr; }
};

// Loads `file` and runs every step. An unreadable or invalid file prints the loader's message
// (it names the file, and the line and column of a JSON syntax error) to `err` and gives exit
// status 2; a failing step prints "FILE: step N failed: SUMMARY; FAILURE..." for each failed step
// and gives `failed_step_status` (each command keeps its documented status).
// The loader's messages are in `lang`.
ScenarioRun RunScenarioFile(const std::string& file, int failed_step_status, std::ostream& err,
                            Lang lang = Lang::kEn);

// The exit status of `ec2sim run`: 0 every scenario passed, 1 a step failed, 2 a file was
// unreadable or invalid (2 wins over 1).
inline int RunExitStatus(const ScenarioFilesSummary& summary) {
  if (summary.invalid > 0) return 2;
  return summary.failed > 0 ? 1 : 0;
}

}  // namespace ec2sim::cli

#endif  // EC2SIM_CLI_SCENARIO_RUN_H_
