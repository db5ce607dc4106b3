// The `traffic` verb: {"from", "to", "gb"} (and optionally "protocol", "port", "lang") sends
// that much data along the path a probe would take and meters what AWS bills for it
// (sim/model/vpc/traffic.h). A blocked path moves nothing and is refused with the probe's
// explanation. Fields are documented in docs/network.md ("Traffic and its bill").
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "sim/api/probe_text.h"
#include "sim/api/verbs.h"
#include "sim/model/billing/money.h"
#include "sim/model/billing/network_rates.h"
#include "sim/model/network/probe.h"
#include "sim/model/vpc/traffic.h"

namespace ec2sim::api {
namespace {

using nlohmann::json;

constexpr const char* kTrafficKeys[] = {"from", "to", "gb", "protocol", "port", "lang"};
// One step moves at most 10 PB (10,000,000 GB): more than a month of any real workload, and
// far from where MiB counts could overflow.
constexpr double kMaxTrafficGb = 10'000'000;

Error TrafficInvalid(const std::string& message) {
  return MakeError(ErrorCode::kInvalidParameterValue, message);
}

Result<std::string> TrafficField(const json& spec, const char* key, bool required) {
  auto it = spec.find(key);
  if (it == spec.end()) {
    if (!required) return std::string();
    return MakeError(ErrorCode::kMissingParameter, std::string("traffic needs `") + key + "`");
  }
  if (!it->is_string())
    return TrafficInvalid(std::string("traffic `") + key + "` must be a string");
  return it->get<std::string>();
}

// `gb` in MiB, rounded half up: a GB of data transfer is 1,024 MiB.
Result<std::int64_t> TrafficMib(const json& spec) {
  auto it = spec.find("gb");
  if (it == spec.end()) return MakeError(ErrorCode::kMissingParameter, "traffic needs `gb`");
  if (!it->is_number()) return TrafficInvalid("traffic `gb` must be a number");
  double gb = it->get<double>();
  if (!std::isfinite(gb) || gb <= 0 || gb > kMaxTrafficGb) {
    return TrafficInvalid("traffic `gb` must be more than 0 and at most 10000000");
  }
  auto mib = static_cast<std::int64_t>(std::floor(gb * billing::kMibPerGb + 0.5));
  if (mib < 1) return TrafficInvalid("traffic `gb` must be at least 1 MiB (0.0009765625 GB)");
  return mib;
}

Result<network::ProbeRequest> TrafficProbe(const json& spec) {
  network::ProbeRequest r;
  EC2SIM_ASSIGN_OR_RETURN(r.from, TrafficField(spec, "from", true));
  EC2SIM_ASSIGN_OR_RETURN(r.to, TrafficField(spec, "to", true));
  EC2SIM_ASSIGN_OR_RETURN(std::string protocol, TrafficField(spec, "protocol", false));
  // HTTPS unless told otherwise: most data a server sends out goes that way.
  EC2SIM_ASSIGN_OR_RETURN(r.traffic.protocol,
                          network::ParseTrafficProtocol(protocol.empty() ? "tcp" : protocol));
  r.traffic.port = 443;
  if (auto it = spec.find("port"); it != spec.end()) {
    if (!it->is_number_integer()) return TrafficInvalid("traffic `port` must be an integer");
    r.traffic.port =
        static_cast<int>(std::clamp<std::int64_t>(it->get<std::int64_t>(), -2, 1 << 20));
  }
  EC2SIM_RETURN_IF_ERROR(network::CheckTraffic(r.traffic));
  return r;
}

Result<Lang> TrafficLang(const json& spec) {
  EC2SIM_ASSIGN_OR_RETURN(std::string code, TrafficField(spec, "lang", false));
  if (code.empty()) return Lang::kEn;
  if (std::optional<Lang> lang = LangFromCode(code)) return *lang;
  return TrafficInvalid("traffic `lang` must be en or ko");
}

billing::Rate ChargeRate(const model::TransferCharge& c) {
  std::string_view region = c.scope->region->code;
  if (c.usage_base == billing::kDataOutBase) return billing::DataOutGbRate(region);
  if (c.usage_base == billing::kRegionalBase) return billing::RegionalGbRate(region);
  if (c.usage_base == billing::kNatBytesBase) return billing::NatGatewayGbRate(region);
  return billing::InterRegionGbRate(region);
}

json ChargeJson(const model::TransferCharge& c, double gb) {
  std::string_view region = c.scope->region->code;
  return {{"UsageType", billing::TransferUsageType(region, c.usage_base, c.peer_region)},
          {"ResourceId", c.resource_id},
          {"Account", c.scope->account},
          {"Region", region},
          {"Gb", gb},
          {"UsdPerGb", billing::FormatMicroUsd(ChargeRate(c).micro_usd)}};
}

}  // namespace

Result<nlohmann::json> TrafficVerb(model::World& world, const nlohmann::json& spec,
                                   const CallContext& ctx) {
  if (!spec.is_object()) return TrafficInvalid("traffic needs an object");
  for (auto it = spec.begin(); it != spec.end(); ++it) {
    if (std::find(std::begin(kTrafficKeys), std::end(kTrafficKeys), it.key()) ==
        std::end(kTrafficKeys)) {
      return MakeError(
          ErrorCode::kUnknownParameter,
          "Unknown key \"" + it.key() + "\" in traffic (use from, to, gb, protocol, port or lang)");
    }
  }
  EC2SIM_ASSIGN_OR_RETURN(network::ProbeRequest request, TrafficProbe(spec));
  EC2SIM_ASSIGN_OR_RETURN(std::int64_t mib, TrafficMib(spec));
  EC2SIM_ASSIGN_OR_RETURN(Lang lang, TrafficLang(spec));
  request.confined = !ctx.sees_other_accounts;
  EC2SIM_ASSIGN_OR_RETURN(network::ProbeOutcome outcome,
                          network::RunProbe(world, request, ctx.account, ctx.region));
  if (!outcome.verdict.allowed) {
    return MakeError(ErrorCode::kSimExpectationFailed,
                     "Traffic from " + request.from + " to " + request.to +
                         " is blocked, so no data moved: " + ProbeExplanation(outcome, lang));
  }
  model::TrafficPlan plan = model::PlanTraffic(outcome);
  model::MeterTraffic(world, plan, mib);
  double gb = static_cast<double>(mib) / billing::kMibPerGb;
  json charges = json::array();
  for (const model::TransferCharge& c : plan.charges) charges.push_back(ChargeJson(c, gb));
  json out = {{"Verdict", "allowed"},
              {"Path", plan.path},
              {"From", request.from},
              {"To", request.to},
              {"Gb", gb},
              {"Mib", mib},
              {"Charges", std::move(charges)}};
  if (!plan.nat_gateway_id.empty()) out["NatGatewayId"] = plan.nat_gateway_id;
  return out;
}

}  // namespace ec2sim::api
