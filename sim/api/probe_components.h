// The JSON of a probe's components (Components, ReturnComponents, BlockedBy): one object per
// component with its Type, identifying fields and Decision. Fields are documented in
// docs/network.md ("The result"); keep them stable.
#ifndef EC2SIM_API_PROBE_COMPONENTS_H_
#define EC2SIM_API_PROBE_COMPONENTS_H_

#include <nlohmann/json.hpp>

#include "sim/model/network/probe.h"

namespace ec2sim::api {

// "passed", "allowed", "stateful-reply", "tracked-connection" or "blocked".
const char* ProbeDecision(network::HopResult result);
// The identifying fields of a component (shared by Components and BlockedBy), without Decision.
nlohmann::json ProbeComponentJson(const network::Hop& hop, int protocol);
// BlockedBy of a blocked outcome: the blocking component with Path and Reason, or the end that
// could not be reached.
nlohmann::json ProbeBlockedByJson(const network::ProbeOutcome& outcome);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_PROBE_COMPONENTS_H_
