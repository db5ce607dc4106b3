#include "sim/model/billing/rates.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <utility>

#include "sim/model/csv.h"

extern const char kEc2simEbsPricesCsv[];
extern const char kEc2simBillingCodesCsv[];
extern const char kEc2simEbsPerformancePricesCsv[];

namespace ec2sim::billing {
namespace {

using PriceKey = std::pair<std::string, std::string>;  // (region, volume type)

// (region, key) -> micro-USD rows of an embedded price file; a bad price is a build defect.
std::map<PriceKey, std::int64_t>* ReadEbsPriceTable(const char* text, const char* name) {
  auto* out = new std::map<PriceKey, std::int64_t>();
  for (auto& row : model::ReadEmbeddedCsv(text, name)) {
    std::int64_t micro = 0;
    auto [end, ec] = std::from_chars(row[2].data(), row[2].data() + row[2].size(), micro);
    if (ec != std::errc() || end != row[2].data() + row[2].size() || micro <= 0) {
      std::fprintf(stderr, "embedded data %s: bad price '%s'\n", name, row[2].c_str());
      std::abort();
    }
    out->emplace(PriceKey{row[0], row[1]}, micro);
  }
  return out;
}

const std::map<PriceKey, std::int64_t>& EbsPrices() {
  static const auto* prices = ReadEbsPriceTable(kEc2simEbsPricesCsv, "ebs_prices.csv");
  return *prices;
}

const std::map<PriceKey, std::int64_t>& EbsPerformancePrices() {
  static const auto* prices =
      ReadEbsPriceTable(kEc2simEbsPerformancePricesCsv, "ebs_performance_prices.csv");
  return *prices;
}

const std::map<std::string, std::string, std::less<>>& Codes() {
  static const auto* codes = [] {
    auto* out = new std::map<std::string, std::string, std::less<>>();
    for (auto& row : model::ReadEmbeddedCsv(kEc2simBillingCodesCsv, "billing_codes.csv")) {
      out->emplace(row[0], row[1]);
    }
    return out;
  }();
  return *codes;
}

const std::int64_t* SourcedEbs(std::string_view region, std::string_view type) {
  const auto& prices = EbsPrices();
  auto it = prices.find(PriceKey{std::string(region), std::string(type)});
  return it == prices.end() ? nullptr : &it->second;
}

bool KnownVolumeType(std::string_view type) {
  for (std::string_view t : {"gp3", "gp2", "io1", "io2", "st1", "sc1", "standard"}) {
    if (t == type) return true;
  }
  return false;
}

}  // namespace

Rate InstanceRate(std::string_view region, std::string_view instance_type, model::OsFamily os) {
  auto estimate = model::EstimatedPriceMicroUsd(region, instance_type, os);
  if (!estimate) return Rate{0, true, "unknown"};
  return Rate{estimate->micro_usd_per_hour, estimate->estimated(),
              std::string(model::PriceRuleName(estimate->rule))};
}

Rate VolumeRate(std::string_view region, std::string_view volume_type) {
  if (!KnownVolumeType(volume_type)) {
    Rate gp3 = VolumeRate(region, "gp3");
    return Rate{gp3.micro_usd, true, "ebs-priced-as-gp3"};
  }
  if (const std::int64_t* sourced = SourcedEbs(region, volume_type)) return Rate{*sourced};
  const std::int64_t* base = SourcedEbs("us-east-1", volume_type);
  const std::int64_t* base_gp3 = SourcedEbs("us-east-1", "gp3");
  const std::int64_t* region_gp3 = SourcedEbs(region, "gp3");
  if (base == nullptr || base_gp3 == nullptr) return Rate{0, true, "unknown"};
  if (region_gp3 != nullptr) {
    return Rate{model::MulDivRoundHalfUp(*base, *region_gp3, *base_gp3), true, "ebs-scaled-by-gp3"};
  }
  return Rate{*base, true, "ebs-us-east-1-price"};
}

Rate VolumePerformanceRate(std::string_view region, std::string_view charge) {
  const auto& prices = EbsPerformancePrices();
  auto find = [&](std::string_view r) -> const std::int64_t* {
    auto it = prices.find(PriceKey{std::string(r), std::string(charge)});
    return it == prices.end() ? nullptr : &it->second;
  };
  if (const std::int64_t* sourced = find(region)) return Rate{*sourced};
  const std::int64_t* base = find("us-east-1");
  if (base == nullptr) return Rate{0, true, "unknown"};
  // The same scaling VolumeRate applies to storage: AWS prices a region's performance in step
  // with its gp3 storage (0.0057 / 0.005 = 0.0912 / 0.08 in Seoul).
  const std::int64_t* base_gp3 = SourcedEbs("us-east-1", "gp3");
  const std::int64_t* region_gp3 = SourcedEbs(region, "gp3");
  if (region_gp3 != nullptr && base_gp3 != nullptr) {
    return Rate{model::MulDivRoundHalfUp(*base, *region_gp3, *base_gp3), true, "ebs-scaled-by-gp3"};
  }
  return Rate{*base, true, "ebs-us-east-1-price"};
}

// EBS snapshot storage, standard tier, in micro-USD per GB-month: "Amazon EBS pricing",
// https://aws.amazon.com/ebs/pricing/, section "Amazon EBS Snapshots": Standard $0.05 per
// GB-month of data stored in US East (N. Virginia). Seoul's $0.05 is unverified: the page's
// regional table could not be read offline; the same rate as us-east-1 is the plausible value.
struct SnapshotPrice {
  std::string_view region;
  std::int64_t micro_usd;
};
constexpr SnapshotPrice kSnapshotPrices[] = {{"us-east-1", 50000}, {"ap-northeast-2", 50000}};

Rate SnapshotRate(std::string_view region) {
  for (const SnapshotPrice& p : kSnapshotPrices) {
    if (p.region == region) return Rate{p.micro_usd};
  }
  return Rate{kSnapshotPrices[0].micro_usd, true, "snapshot-us-east-1-price"};
}

std::string_view BillingCode(std::string_view region) {
  const auto& codes = Codes();
  auto it = codes.find(region);
  return it == codes.end() ? std::string_view() : std::string_view(it->second);
}

std::string UsageType(std::string_view region, std::string_view base) {
  std::string_view code = BillingCode(region);
  if (code.empty()) return std::string(base);
  return std::string(code) + "-" + std::string(base);
}

std::string VolumeUsageBase(std::string_view volume_type) {
  if (volume_type == "standard") return "EBS:VolumeUsage";
  if (volume_type == "io1") return "EBS:VolumeUsage.piops";
  return "EBS:VolumeUsage." + std::string(volume_type);
}

std::string_view FreeTierInstanceType(std::string_view region) {
  bool sells_t2 =
      model::OnDemandPriceMicroUsd(region, "t2.micro", model::OsFamily::kLinux).has_value();
  return sells_t2 ? "t2.micro" : "t3.micro";
}

bool FreeTierVolumeType(std::string_view volume_type) {
  return volume_type == "gp3" || volume_type == "gp2" || volume_type == "standard";
}

}  // namespace ec2sim::billing
