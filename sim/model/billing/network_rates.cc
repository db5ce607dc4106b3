#include "sim/model/billing/network_rates.h"

namespace ec2sim::billing {
namespace {

// Sourced prices, in micro-USD, first tier:
// - NAT gateways: Amazon VPC pricing, "NAT Gateway pricing",
//   https://aws.amazon.com/vpc/pricing/ (us-east-1 $0.045 per hour and per GB processed;
//   Asia Pacific (Seoul) $0.059 per hour and per GB).
// - Data transfer: Amazon EC2 On-Demand pricing, "Data Transfer",
//   https://aws.amazon.com/ec2/pricing/on-demand/ (out to the internet, first 10 TB a month:
//   us-east-1 $0.09/GB, Seoul $0.126/GB; to another AWS region: us-east-1 $0.02/GB, Seoul
//   $0.08/GB; "across Availability Zones ... $0.01/GB in each direction" in every region).
struct NetworkPrices {
  std::string_view region;
  std::int64_t nat_hour;
  std::int64_t nat_gb;
  std::int64_t out_gb;
  std::int64_t inter_region_gb;
};

constexpr NetworkPrices kSourced[] = {
    {"us-east-1", 45'000, 45'000, 90'000, 20'000},
    {"ap-northeast-2", 59'000, 59'000, 126'000, 80'000},
};
constexpr std::int64_t kRegionalMicroUsdPerGb = 10'000;

const NetworkPrices* Sourced(std::string_view region) {
  for (const NetworkPrices& p : kSourced) {
    if (p.region == region) return &p;
  }
  return nullptr;
}

Rate Pick(std::string_view region, std::int64_t NetworkPrices::*field) {
  if (const NetworkPrices* p = Sourced(region)) return Rate{p->*field};
  return Rate{kSourced[0].*field, true, "network-us-east-1-price"};
}

std::string InterRegionCode(std::string_view region) {
  std::string_view code = BillingCode(region);
  if (!code.empty()) return std::string(code);
  return region == "us-east-1" ? "USE1" : std::string(region);
}

}  // namespace

Rate NatGatewayHourRate(std::string_view region) { return Pick(region, &NetworkPrices::nat_hour); }
Rate NatGatewayGbRate(std::string_view region) { return Pick(region, &NetworkPrices::nat_gb); }
Rate DataOutGbRate(std::string_view region) { return Pick(region, &NetworkPrices::out_gb); }
Rate RegionalGbRate(std::string_view) { return Rate{kRegionalMicroUsdPerGb}; }
Rate InterRegionGbRate(std::string_view region) {
  return Pick(region, &NetworkPrices::inter_region_gb);
}

std::string TransferUsageType(std::string_view region, std::string_view base,
                              std::string_view peer_region) {
  if (base == kInterRegionBase) {
    return InterRegionCode(region) + "-" + InterRegionCode(peer_region) + "-" + std::string(base);
  }
  return UsageType(region, base);
}

}  // namespace ec2sim::billing
