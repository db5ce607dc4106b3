// Running whole scenario files: the work behind `ec2sim run FILE...`.
#ifndef EC2SIM_SIM_SCENARIO_FILES_H_
#define EC2SIM_SIM_SCENARIO_FILES_H_

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "ec2sim/backend.h"
#include "ec2sim/scenario.h"
#include "sim/scenario/document.h"

namespace ec2sim::scenario {

// The backend one loaded scenario runs on: locally a fresh Sandbox built from the scenario's
// options; for a server, the same connection every time. It may adapt the scenario to the
// backend first (a server runs it in the caller's account). Never null.
using BackendFactory = std::function<std::shared_ptr<Backend>(Scenario& scenario)>;

// RunScenarioFiles with injectable action checking and backends (one call of `make_backend` per
// valid file, in order); invalid files are reported in `lang`.
ScenarioFilesSummary RunScenarioFilesWith(const std::vector<std::string>& paths, bool json_output,
                                          std::ostream& out, std::ostream& err,
                                          const ActionPredicate& has_action,
                                          const BackendFactory& make_backend,
                                          TranscriptDetail detail = TranscriptDetail::kTeaching,
                                          Lang lang = Lang::kEn);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_FILES_H_
