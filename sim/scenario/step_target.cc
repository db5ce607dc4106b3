#include "sim/scenario/step_target.h"

namespace ec2sim::scenario {

Result<nlohmann::json> SandboxTarget::Call(std::string_view action, const nlohmann::json& params,
                                           const CallContext& ctx) {
  return sandbox_.Call(action, params, ctx);
}

bool SandboxTarget::HasAction(std::string_view action) const { return sandbox_.HasAction(action); }

SimTime SandboxTarget::Now() const { return sandbox_.Now(); }

void SandboxTarget::Advance(Duration d) { sandbox_.Advance(d); }

Result<Duration> SandboxTarget::WaitForInstanceState(const CallContext& ctx,
                                                     std::string_view instance_id,
                                                     std::string_view state, Duration timeout) {
  return sandbox_.WaitForInstanceState(ctx, instance_id, state, timeout);
}

Result<nlohmann::json> SandboxTarget::Probe(const nlohmann::json& spec, const CallContext& ctx) {
  return sandbox_.Probe(spec, ctx);
}

Result<nlohmann::json> SandboxTarget::Bill(const nlohmann::json& spec, const CallContext& ctx) {
  return sandbox_.Bill(spec, ctx);
}

Result<nlohmann::json> SandboxTarget::Latency(const nlohmann::json& spec, const CallContext& ctx) {
  return sandbox_.Latency(spec, ctx);
}

}  // namespace ec2sim::scenario
