// What NAT gateways and moving data cost, in integer micro-USD per hour or per GB, and the usage
// types AWS bills them under. Sources are cited next to the table in network_rates.cc; regions
// without a sourced price take us-east-1's, marked estimated. docs/billing.md, "Data transfer
// and NAT gateways", explains every rule.
#ifndef EC2SIM_MODEL_BILLING_NETWORK_RATES_H_
#define EC2SIM_MODEL_BILLING_NETWORK_RATES_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "sim/model/billing/rates.h"

namespace ec2sim::billing {

// Data transfer out to the internet that every account gets free each calendar month, summed
// over all regions ("AWS Free Tier": 100 GB of data transfer out per month,
// https://aws.amazon.com/ec2/pricing/on-demand/, "Data Transfer").
inline constexpr std::int64_t kFreeDataOutGbPerMonth = 100;
// Data is metered in MiB; a GB of AWS's data-transfer billing is 1,024 MiB (2^30 bytes).
inline constexpr std::int64_t kMibPerGb = 1024;

// The usage types without region prefix.
inline constexpr std::string_view kNatHoursBase = "NatGateway-Hours";
inline constexpr std::string_view kNatBytesBase = "NatGateway-Bytes";
inline constexpr std::string_view kDataOutBase = "DataTransfer-Out-Bytes";
inline constexpr std::string_view kRegionalBase = "DataTransfer-Regional-Bytes";
inline constexpr std::string_view kInterRegionBase = "AWS-Out-Bytes";

// Per NAT gateway-hour (or part of one) in `region`.
Rate NatGatewayHourRate(std::string_view region);
// Per GB a NAT gateway processes in `region`.
Rate NatGatewayGbRate(std::string_view region);
// Per GB out to the internet from `region`, the first tier (up to 10 TB a month).
Rate DataOutGbRate(std::string_view region);
// Per GB between Availability Zones of one region, charged on each side.
Rate RegionalGbRate(std::string_view region);
// Per GB from `region` to another region (charged by the source region).
Rate InterRegionGbRate(std::string_view region);

// The CUR usage type of a transfer: "APN2-DataTransfer-Out-Bytes", and for inter-region data
// both regions' codes, "APN2-USE1-AWS-Out-Bytes" (us-east-1 is "USE1" there).
std::string TransferUsageType(std::string_view region, std::string_view base,
                              std::string_view peer_region);

}  // namespace ec2sim::billing

#endif  // EC2SIM_MODEL_BILLING_NETWORK_RATES_H_
