// The `bill` verb: the account's invoice as JSON. Spec (every key optional):
//   {"month": "2026-01"}          that calendar month, up to now if it is the current one;
//   {"from": ISO, "to": ISO}      any period inside [sandbox start .. now] (defaults: those ends);
//   {"region": "ap-northeast-2"}  only that region's usage;
//   {"pricing": "legacy-eip"}     price the same usage under the other public IPv4 rule;
//   {"series": N}                 also the cost per usage type in N buckets (for charts).
// With {} the period is the sandbox's start until now. docs/billing.md documents the result.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <regex>
#include <set>
#include <string>

#include "sim/api/verbs.h"
#include "sim/model/billing/rates.h"

namespace ec2sim::api {
namespace {

using nlohmann::json;

Error Bad(const std::string& message) {
  return Error{ErrorCode::kSimInvalidInput, "bill: " + message};
}

std::string MonthName(SimTime t) {
  CivilDate c = ToCivil(t);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", c.year, c.month);
  return buf;
}

Result<SimTime> TimeField(const json& spec, const char* key) {
  const json& value = spec[key];
  if (!value.is_string()) {
    return Bad(std::string("\"") + key + "\" must be an ISO 8601 time such as " +
               "\"2026-01-31T00:00:00Z\", got " + value.dump());
  }
  auto t = ParseIsoTime(value.get<std::string>());
  if (!t.ok()) return Bad(std::string("\"") + key + "\": " + t.error().message);
  return *t;
}

Result<billing::BillRequest> ParseRequest(model::World& world, const json& spec,
                                          const CallContext& ctx) {
  static const std::set<std::string> kKeys = {"month", "from", "to", "region", "pricing", "series"};
  billing::BillRequest request{ctx.account, world.options().start, world.now(), "", std::nullopt};
  if (spec.is_null()) return request;
  if (!spec.is_object())
    return Bad("the spec must be an object such as {} or {\"month\": \"2026-01\"}");
  for (const auto& [key, value] : spec.items()) {
    if (!kKeys.count(key)) {
      return Bad("unknown key \"" + key +
                 "\" (expected month, from, to, region, pricing or series)");
    }
  }
  if (spec.contains("month")) {
    if (spec.contains("from") || spec.contains("to")) {
      return Bad("give either \"month\" or \"from\"/\"to\", not both");
    }
    const json& month = spec["month"];
    static const std::regex kMonth(R"(\d{4}-(0[1-9]|1[0-2]))");
    if (!month.is_string() || !std::regex_match(month.get<std::string>(), kMonth)) {
      return Bad("\"month\" must look like \"2026-01\", got " + month.dump());
    }
    auto start = ParseIsoTime(month.get<std::string>() + "-01T00:00:00Z");
    if (!start.ok()) return Bad("\"month\": " + start.error().message);
    if (*start > world.now()) {
      return Bad("month " + month.get<std::string>() + " has not started yet (now is " +
                 FormatIsoTime(world.now()) + ")");
    }
    request.from = *start;
    request.to = std::min(StartOfNextMonth(*start), world.now());
  }
  if (spec.contains("from")) {
    EC2SIM_ASSIGN_OR_RETURN(request.from, TimeField(spec, "from"));
  }
  if (spec.contains("to")) {
    EC2SIM_ASSIGN_OR_RETURN(request.to, TimeField(spec, "to"));
  }
  if (spec.contains("region")) {
    if (!spec["region"].is_string()) return Bad("\"region\" must be a region code string");
    request.region = spec["region"].get<std::string>();
  }
  if (spec.contains("pricing")) {
    const json& name = spec["pricing"];
    if (name == "public-ipv4-2024") {
      request.policy = PricingPolicy::kPublicIpv4_2024;
    } else if (name == "legacy-eip") {
      request.policy = PricingPolicy::kLegacyEip;
    } else {
      return Bad("unknown pricing policy " + name.dump() +
                 " (expected \"public-ipv4-2024\" or \"legacy-eip\")");
    }
  }
  return request;
}

json LineJson(const billing::InvoiceLine& line) {
  json out = {{"UsageType", line.usage_type},
              {"ResourceId", line.resource_id},
              {"Region", line.region},
              {"Description", line.description},
              {"Quantity", line.quantity.ToDouble(6)},
              {"Unit", line.unit},
              {"FreeQuantity", line.free_quantity.ToDouble(6)},
              {"RateUSD", static_cast<double>(line.rate.micro_usd) / 1e6},
              {"AmountUSD", static_cast<double>(line.cents()) / 100.0},
              {"Estimated", line.rate.estimated}};
  if (line.rate.estimated) out["PriceRule"] = line.rate.rule;
  return out;
}

json FreeTierJson(const billing::FreeTierRemaining& ft) {
  return {{"Active", ft.active},
          {"Month", MonthName(ft.month)},
          {"Ec2InstanceHours", ft.instance_hours.ToDouble(6)},
          {"EbsGbMonths", ft.ebs_gb_months.ToDouble(6)},
          {"PublicIpv4Hours", ft.public_ipv4_hours.ToDouble(6)}};
}

json SeriesJson(const billing::CostSeries& series) {
  json edges = json::array();
  for (SimTime t : series.edges) edges.push_back(FormatIsoTime(t));
  json costs = json::object();
  for (const auto& [type, column] : series.costs) {
    json values = json::array();
    for (const billing::Exact& amount : column) {
      values.push_back(static_cast<double>(amount.ScaledHalfUp(0)) / 1e6);
    }
    costs[type] = values;
  }
  return {{"Edges", edges}, {"CostUSD", costs}};
}

}  // namespace

Result<nlohmann::json> BillVerb(model::World& world, billing::Ledger& ledger,
                                const nlohmann::json& spec, const CallContext& ctx) {
  EC2SIM_ASSIGN_OR_RETURN(billing::BillRequest request, ParseRequest(world, spec, ctx));
  EC2SIM_ASSIGN_OR_RETURN(billing::Invoice invoice, ledger.Bill(request));
  json lines = json::array();
  for (const billing::InvoiceLine& line : invoice.lines) lines.push_back(LineJson(line));
  json out = {
      {"AccountId", invoice.account},
      {"Period", {{"Start", FormatIsoTime(invoice.from)}, {"End", FormatIsoTime(invoice.to)}}},
      {"PricingPolicy", billing::PricingPolicyName(invoice.policy)},
      {"Currency", "USD"},
      {"TotalUSD", static_cast<double>(invoice.total_cents()) / 100.0},
      {"Lines", lines},
      {"FreeTierRemaining", FreeTierJson(invoice.free_tier)}};
  if (!request.region.empty()) out["Region"] = request.region;
  if (spec.is_object() && spec.contains("series")) {
    const json& n = spec["series"];
    if (!n.is_number_integer() || n.get<std::int64_t>() < 1 || n.get<std::int64_t>() > 1000) {
      return Bad("\"series\" must be a number of buckets from 1 to 1000, got " + n.dump());
    }
    int buckets = static_cast<int>(n.get<std::int64_t>());
    EC2SIM_ASSIGN_OR_RETURN(billing::CostSeries series, ledger.Series(request, buckets));
    out["Series"] = SeriesJson(series);
  }
  return out;
}

}  // namespace ec2sim::api
