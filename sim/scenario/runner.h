// Running a validated scenario, step by step, on a StepTarget.
#ifndef EC2SIM_SIM_SCENARIO_RUNNER_H_
#define EC2SIM_SIM_SCENARIO_RUNNER_H_

#include <iosfwd>

#include "ec2sim/scenario.h"
#include "sim/scenario/step_target.h"

namespace ec2sim::scenario {

// RunScenario on any target. The scenario must come from the loader (it is trusted to be
// valid); steps after the first failing one are reported as kNotRun.
ScenarioOutcome RunScenarioOn(const Scenario& scenario, StepTarget& target,
                              std::ostream* transcript);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_RUNNER_H_
