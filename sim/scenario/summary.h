// One-line, deterministic descriptions of steps for transcripts and reports.
#ifndef EC2SIM_SIM_SCENARIO_SUMMARY_H_
#define EC2SIM_SIM_SCENARIO_SUMMARY_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ec2sim/scenario.h"
#include "ec2sim/sim_time.h"

namespace ec2sim::scenario {

// "2026-01-01T00:00:05Z", or "2026-01-01T00:00:05.250Z" when the milliseconds are not zero.
std::string TranscriptTime(SimTime t);

// The resource ids a call created or touched, in a stable order: ids found in the result
// (instances, addresses, associations, groups, key pairs, rules), or, when the result has none,
// the ids named in the request.
std::vector<std::string> TouchedIds(const nlohmann::json& result, const nlohmann::json& params);

// "i-0a..., sg-0b..." with at most a few ids and "+N more" after them; empty for no ids.
std::string JoinIds(const std::vector<std::string>& ids);

// What the step does, before it runs: "call StopInstances", "advance 30d", "wait running", ...
std::string StepDescription(const ScenarioStep& step);

// `text` on one line: line breaks become spaces.
std::string OneLine(std::string text);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_SUMMARY_H_
