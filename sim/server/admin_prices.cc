#include "sim/server/admin_prices.h"

#include <nlohmann/json.hpp>
#include <optional>

#include "sim/model/billing/network_rates.h"
#include "sim/model/billing/rates.h"
#include "sim/model/catalog.h"
#include "sim/model/regions.h"
#include "sim/wire/query_decoder.h"

namespace ec2sim::server {
namespace {

using nlohmann::json;

// AWS's pricing calculator and price list count a month as 730 hours (AWS Pricing Calculator,
// "Assumptions": 730 hours in a month).
constexpr int kHoursPerMonth = 730;

HttpResponse PricesJson(int status, const json& body) {
  HttpResponse r;
  r.status = status;
  r.body = body.dump(2) + "\n";
  r.action = "prices";
  return r;
}

}  // namespace

HttpResponse PricesRoute(const HttpRequest& request, const std::string& default_region) {
  Result<wire::QueryParams> q = wire::ParseFormUrlEncoded(request.query);
  std::string region = default_region;
  if (q.ok()) region = wire::FindParam(*q, "region").value_or(default_region);
  if (model::FindRegion(region) == nullptr) {
    HttpResponse r = PricesJson(400, {{"error",
                                       {{"code", "InvalidParameterValue"},
                                        {"message", "region '" + region + "' is not a region"}}}});
    r.error_code = "InvalidParameterValue";
    return r;
  }
  json prices = json::array();
  for (const model::InstanceTypeInfo& type : model::InstanceTypes()) {
    std::optional<model::PriceEstimate> price =
        model::EstimatedPriceMicroUsd(region, type.name, model::OsFamily::kLinux);
    if (!price) continue;
    prices.push_back({{"instance_type", type.name},
                      {"micro_usd_per_hour", price->micro_usd_per_hour},
                      {"estimated", price->estimated()},
                      {"price_rule", model::PriceRuleName(price->rule)}});
  }
  // The hourly meters a page may warn about beside instances: a public IPv4 address (every one
  // since February 2024, an idle Elastic IP before) and a NAT gateway (hour and GB), as the bill
  // charges them (billing/rates.h; Amazon VPC pricing, "NAT gateway pricing", network_rates.cc).
  billing::Rate nat_hour = billing::NatGatewayHourRate(region);
  billing::Rate nat_gb = billing::NatGatewayGbRate(region);
  json nat = {{"micro_usd_per_hour", nat_hour.micro_usd},
              {"micro_usd_per_gb", nat_gb.micro_usd},
              {"estimated", nat_hour.estimated}};
  HttpResponse r =
      PricesJson(200, {{"region", region},
                       {"currency", "USD"},
                       {"hours_per_month", kHoursPerMonth},
                       {"prices", prices},
                       {"public_ipv4_micro_usd_per_hour", billing::kPublicIpv4MicroUsdPerHour},
                       {"nat_gateway", nat}});
  r.region = region;
  return r;
}

}  // namespace ec2sim::server
