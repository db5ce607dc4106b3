// What each billable thing costs and how AWS names it on a bill.
//
// Instance prices come from the catalog (sim/model/catalog.h). EBS prices and the region prefixes
// of usage types come from sim/model/billing/data/{ebs_prices,billing_codes}.csv, compiled in and
// parsed once; the public IPv4 and Elastic IP rates are constants with their sources below. All
// rates are integer micro-USD per unit. docs/billing.md explains every rule.
#ifndef EC2SIM_MODEL_BILLING_RATES_H_
#define EC2SIM_MODEL_BILLING_RATES_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "sim/model/catalog.h"

namespace ec2sim::billing {

// Every public IPv4 address, in use or idle, from 2024-02-01 (ec2-semantics.md section 3.2,
// IPV4-BLOG); the same rate for an Elastic IP not on a running instance before that (section
// 3.3, EIP-OLDPRICE).
inline constexpr std::int64_t kPublicIpv4MicroUsdPerHour = 5'000;
// Legacy rule: remaps beyond kFreeRemapsPerMonth in a month cost this each (section 3.3).
inline constexpr std::int64_t kRemapMicroUsd = 100'000;
inline constexpr int kFreeRemapsPerMonth = 100;

// Legacy 12-month free tier, per calendar month (section 5.1 and 3.2; the 30 GB of EBS is the
// widely restated figure marked unverified there).
inline constexpr int kFreeTierInstanceHours = 750;
inline constexpr int kFreeTierEbsGbMonths = 30;
inline constexpr int kFreeTierPublicIpv4Hours = 750;
inline constexpr int kFreeTierMonths = 12;

// A price per unit and where it came from.
struct Rate {
  std::int64_t micro_usd = 0;
  bool estimated = false;
  std::string rule = "sourced";  // model::PriceRuleName values, or "ebs-scaled-by-gp3" etc.
};

// On-demand price per instance-hour (catalog EstimatedPriceMicroUsd). An unknown region or type
// (never launched by the model) prices at 0, marked estimated with rule "unknown".
Rate InstanceRate(std::string_view region, std::string_view instance_type, model::OsFamily os);

// Storage price per GB-month of `volume_type` (gp3, gp2, io1, io2, st1, sc1, standard) in
// `region`. Rules, first match wins: the sourced price; us-east-1's price of the type times
// region/us-east-1 of the gp3 price ("ebs-scaled-by-gp3"), rounded half up; us-east-1's price
// ("ebs-us-east-1-price"). An unknown volume type prices as gp3 ("ebs-priced-as-gp3").
Rate VolumeRate(std::string_view region, std::string_view volume_type);

// Price per unit-month of provisioned EBS performance: `charge` is "gp3-iops", "gp3-throughput",
// "io1-iops" or "io2-iops-tier1/2/3" (ebs_performance_prices.csv). Rules: the sourced price;
// us-east-1's price times region/us-east-1 of the gp3 storage price ("ebs-scaled-by-gp3"), rounded
// half up; us-east-1's price ("ebs-us-east-1-price").
Rate VolumePerformanceRate(std::string_view region, std::string_view charge);

// Storage price per GB-month of EBS snapshots in the standard tier. Rules: the sourced price
// (us-east-1 and ap-northeast-2); us-east-1's price ("snapshot-us-east-1-price").
Rate SnapshotRate(std::string_view region);

// The region's billing code ("APN2"); empty for us-east-1 and for unknown regions.
std::string_view BillingCode(std::string_view region);
// `base` with the region prefix: "APN2-BoxUsage:t2.micro", or "BoxUsage:t2.micro" in us-east-1.
std::string UsageType(std::string_view region, std::string_view base);
// The volume storage usage type without prefix: "EBS:VolumeUsage.gp3", io1 is
// "EBS:VolumeUsage.piops" and magnetic is "EBS:VolumeUsage", as AWS's EBS billing codes page lists.
std::string VolumeUsageBase(std::string_view volume_type);

// The instance type the legacy free tier covers in `region`: t2.micro where the region sells it
// (a sourced Linux t2.micro price in prices.csv), else t3.micro.
std::string_view FreeTierInstanceType(std::string_view region);
// General Purpose SSD (gp2, gp3) and Magnetic volumes count against the 30 GB-month allowance.
bool FreeTierVolumeType(std::string_view volume_type);

}  // namespace ec2sim::billing

#endif  // EC2SIM_MODEL_BILLING_RATES_H_
