// Output of scenario runs: the text transcript and the JSON report.
#ifndef EC2SIM_SIM_SCENARIO_REPORT_H_
#define EC2SIM_SIM_SCENARIO_REPORT_H_

#include <iosfwd>
#include <nlohmann/json.hpp>

#include "ec2sim/scenario.h"

namespace ec2sim::scenario {

// "== name: title (file)", escaped for the terminal above kQuiet.
void WriteScenarioHeader(const Scenario& scenario, TranscriptDetail detail, std::ostream& out);

// The step's narration (if any), its time-prefixed summary line and one indented line per
// failure. Steps that did not run get a blank time column and "not run". Above kQuiet, the
// lines of StepDetailLines follow the summary line, aligned under its text, and every line is
// escaped for the terminal; kQuiet writes the terse lines byte for byte as they always were.
void WriteStepLines(const StepOutcome& step, TranscriptDetail detail, std::ostream& out);

// "PASS name" or "FAIL name (step N)", then a blank line.
void WriteScenarioFooter(const Scenario& scenario, const ScenarioOutcome& outcome,
                         std::ostream& out);

// The exact summary line CI reads: "N passed, N failed".
std::string SummaryLine(int passed, int failed);

// {"file", "name", "title", "passed", "steps": [...]} for the JSON report.
nlohmann::json ScenarioReport(const Scenario& scenario, const ScenarioOutcome& outcome);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_REPORT_H_
