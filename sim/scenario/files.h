// Running whole scenario files: the work behind `ec2sim run FILE...`.
#ifndef EC2SIM_SIM_SCENARIO_FILES_H_
#define EC2SIM_SIM_SCENARIO_FILES_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "sim/scenario/step_target.h"

namespace ec2sim::scenario {

// RunScenarioFiles with injectable action checking and targets (one fresh target per scenario).
int RunScenarioFilesWith(const std::vector<std::string>& paths, bool json_output, std::ostream& out,
                         std::ostream& err, const ActionPredicate& has_action,
                         const TargetFactory& make_target);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_FILES_H_
