// The simulator's own questions that are not EC2 actions: the scenario verbs `probe`, `bill`
// and `latency` (and the API server's admin routes of the same names). Each takes and returns
// JSON as documented with its feature.
#ifndef EC2SIM_API_VERBS_H_
#define EC2SIM_API_VERBS_H_

#include <nlohmann/json.hpp>

#include "ec2sim/result.h"
#include "ec2sim/sandbox.h"
#include "sim/model/billing/ledger.h"
#include "sim/model/world.h"

namespace ec2sim::api {

// Would this traffic get through, and why (sim/api/verb_probe.cc).
Result<nlohmann::json> ProbeVerb(model::World& world, const nlohmann::json& spec,
                                 const CallContext& ctx);
// The account's invoice from the start until now (sim/api/verb_bill.cc).
Result<nlohmann::json> BillVerb(model::World& world, billing::Ledger& ledger,
                                const nlohmann::json& spec, const CallContext& ctx);
// Sends data along an allowed path and meters its data transfer (sim/api/verb_traffic.cc).
Result<nlohmann::json> TrafficVerb(model::World& world, const nlohmann::json& spec,
                                   const CallContext& ctx);
// Declares an instance's CPU utilization; burstable types earn and spend CPU credits under it
// (sim/api/verb_cpu.cc). The ledger gives the credit balances the answer shows.
Result<nlohmann::json> CpuVerb(model::World& world, const billing::Ledger& ledger,
                               const nlohmann::json& spec, const CallContext& ctx);
// Modelled round-trip time (sim/api/verb_latency.cc).
Result<nlohmann::json> LatencyVerb(model::World& world, const nlohmann::json& spec,
                                   const CallContext& ctx);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_VERBS_H_
