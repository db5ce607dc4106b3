// The `cpu` verb: {"instance": ID, "percent": 0..100} declares the instance's CPU utilization from
// the simulated now until declared again. Burstable instances (T2, T3, T3a, T4g) earn and spend
// CPU credits under it, and in unlimited mode the surplus credits reach the bill
// (sim/model/billing/cpu_credits.h). The answer says where the credits stand now, in the names of
// AWS's CloudWatch metrics. Documented in docs/billing.md ("CPU credits").
#include <algorithm>
#include <string>

#include "sim/api/verbs.h"
#include "sim/model/billing/cpu_credits.h"
#include "sim/model/instance_attributes.h"
#include "sim/model/instances.h"

namespace ec2sim::api {
namespace {

using nlohmann::json;

constexpr const char* kCpuVerbKeys[] = {"instance", "percent"};

Error CpuInvalid(const std::string& message) {
  return MakeError(ErrorCode::kInvalidParameterValue, message);
}

Result<std::string> CpuInstanceField(const json& spec) {
  auto it = spec.find("instance");
  if (it == spec.end()) return MakeError(ErrorCode::kMissingParameter, "cpu needs `instance`");
  if (!it->is_string()) return CpuInvalid("cpu `instance` must be an instance id string");
  return it->get<std::string>();
}

Result<int> CpuPercentField(const json& spec) {
  auto it = spec.find("percent");
  if (it == spec.end()) return MakeError(ErrorCode::kMissingParameter, "cpu needs `percent`");
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > 100) {
    return CpuInvalid("cpu `percent` must be a whole number from 0 to 100, got " + it->dump());
  }
  return static_cast<int>(it->get<std::int64_t>());
}

// Credits as a number with three decimals (for people; the accounting stays in integer units).
double CpuCreditsShown(std::int64_t units) {
  std::int64_t milli =
      (units * 1000 + billing::kCpuUnitsPerCredit / 2) / billing::kCpuUnitsPerCredit;
  return static_cast<double>(milli) / 1000;
}

// Where the instance's credits stand now: CloudWatch's CPUCreditBalance,
// CPUSurplusCreditBalance and CPUSurplusCreditsCharged (credits), for a burstable type.
void AddCreditState(json& out, const billing::Ledger& ledger, const CallContext& ctx,
                    const model::Instance& inst, SimTime now) {
  const billing::BurstableSpec* spec = billing::FindBurstable(inst.instance_type);
  if (spec == nullptr) {
    out["Burstable"] = false;
    return;
  }
  out["Burstable"] = true;
  out["Vcpus"] = spec->vcpus;
  out["CreditsEarnedPerHour"] = static_cast<double>(spec->milli_credits_per_hour) / 1000;
  out["BaselinePercent"] = static_cast<double>(spec->earn_per_ms) / spec->vcpus;
  billing::CreditState state;
  if (const billing::AccountMeters* meters = ledger.Meters(ctx.account)) {
    if (const billing::InstanceMeter* m = meters->FindInstance(inst.id)) {
      state = billing::RunCpuCredits(*m, now);
    }
  }
  out["CPUCreditBalance"] = CpuCreditsShown(state.earned_units + state.launch_units);
  out["CPUSurplusCreditBalance"] = CpuCreditsShown(state.surplus_units);
  out["CPUSurplusCreditsCharged"] =
      CpuCreditsShown(state.charged_vcpu_ms * billing::kCpuUnitsPerVcpuMs);
}

}  // namespace

Result<nlohmann::json> CpuVerb(model::World& world, const billing::Ledger& ledger,
                               const nlohmann::json& spec, const CallContext& ctx) {
  if (!spec.is_object())
    return CpuInvalid("cpu needs an object such as {\"instance\", \"percent\"}");
  for (auto it = spec.begin(); it != spec.end(); ++it) {
    if (std::find(std::begin(kCpuVerbKeys), std::end(kCpuVerbKeys), it.key()) ==
        std::end(kCpuVerbKeys)) {
      return MakeError(ErrorCode::kUnknownParameter,
                       "Unknown key \"" + it.key() + "\" in cpu (use instance and percent)");
    }
  }
  EC2SIM_ASSIGN_OR_RETURN(std::string id, CpuInstanceField(spec));
  EC2SIM_ASSIGN_OR_RETURN(int percent, CpuPercentField(spec));
  // FindScope, not GetScope: a region the account never used holds no instance, and creating
  // its default VPC here would draw ids a scenario without this step would not.
  model::Scope* scope = world.FindScope(ctx.account, ctx.region);
  if (scope == nullptr) {
    return MakeError(ErrorCode::kInvalidInstanceIdNotFound,
                     "The instance ID '" + id + "' does not exist");
  }
  EC2SIM_ASSIGN_OR_RETURN(model::Instance * inst, model::FindInstance(*scope, id));
  EC2SIM_RETURN_IF_ERROR(model::SetCpuLoad(world, *scope, *inst, percent));
  json out = {{"InstanceId", inst->id},
              {"InstanceType", inst->instance_type},
              {"Percent", percent},
              {"CpuCredits", model::EffectiveCpuCredits(*scope, *inst)}};
  AddCreditState(out, ledger, ctx, *inst, world.now());
  return out;
}

}  // namespace ec2sim::api
