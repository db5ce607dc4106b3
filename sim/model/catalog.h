// The static catalog of what EC2 sells: instance types, on-demand prices and public images.
//
// The data lives in sim/model/data/{instance_types,prices,images}.csv, compiled into the binary and
// parsed once on first use (thread-safe). Every value in those files cites its source next to it;
// docs/catalog.md describes the columns, the sources and the price estimation rule.
//
// Money is integer micro-USD per hour (0.0116 USD/h is 11600). Nothing here reads the clock or
// randomness: the same build always answers the same way.
#ifndef EC2SIM_MODEL_CATALOG_H_
#define EC2SIM_MODEL_CATALOG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ec2sim::model {

// One instance type, with what DescribeInstanceTypes needs to give a plausible answer.
struct InstanceTypeInfo {
  std::string name;                   // "t2.micro"
  std::string family;                 // "t2"
  std::string architecture;           // "x86_64" or "arm64"
  std::string network_performance;    // AWS's wording: "Low to Moderate", "Up to 5 Gigabit"
  std::string hypervisor;             // "xen" or "nitro"
  std::string ebs_optimized_support;  // "unsupported" or "default"
  std::vector<std::string> virtualization_types;  // {"hvm"}
  int vcpus = 0;
  int memory_mib = 0;
  int default_cores = 0;
  int threads_per_core = 0;
  int max_network_interfaces = 0;
  int ipv4_per_interface = 0;  // private IPv4 addresses per network interface
  bool burstable = false;
  bool free_tier_eligible = false;  // legacy 12-month free tier: t2.micro and t3.micro only
  bool current_generation = false;
};

// All instance types, in catalog order (family, then size).
const std::vector<InstanceTypeInfo>& InstanceTypes();
// The type named `name` ("t3.micro"), or nullptr if the catalog does not know it.
const InstanceTypeInfo* FindInstanceType(std::string_view name);

enum class OsFamily { kLinux, kWindows };
enum class BillingGranularity { kPerSecond, kHourly };

// "linux" / "windows", the spelling used in prices.csv and images.csv.
std::string_view OsFamilyName(OsFamily os);

// The sourced on-demand price of `type` in `region` for `os`, in micro-USD per hour; nullopt when
// prices.csv has no sourced price for that combination (including unknown regions or types).
std::optional<std::int64_t> OnDemandPriceMicroUsd(std::string_view region, std::string_view type,
                                                  OsFamily os);

// How EstimatedPriceMicroUsd arrived at a price. Everything but kSourced is an estimate and an
// invoice should say so.
enum class PriceRule {
  kSourced,                // the sourced price itself
  kScaledByReferenceType,  // us-east-1 price x (region / us-east-1) price of a reference type
  kUsEast1Price,           // the us-east-1 price, the region having no usable reference price
  kLinuxPrice,  // no Windows rate could be derived: the Linux price (license not included)
};

// "sourced", "scaled-by-reference-type", "us-east-1-price", "linux-price".
std::string_view PriceRuleName(PriceRule rule);

struct PriceEstimate {
  std::int64_t micro_usd_per_hour = 0;
  PriceRule rule = PriceRule::kSourced;
  // For kScaledByReferenceType: the type whose regional ratio was used ("t3.micro" or "t2.micro").
  // For kLinuxPrice: the reference type of the Linux estimate, if that one was scaled.
  std::string reference_type;
  bool estimated() const { return rule != PriceRule::kSourced; }
};

// The price to bill for `type` in `region` running `os`. Rules, first match wins:
//  1. the sourced price (kSourced);
//  2. us-east-1's sourced price of `type` times region/us-east-1 of the sourced prices of a
//     reference type, t3.micro if both regions have it for `os`, else t2.micro
//     (kScaledByReferenceType); rounded half up to the micro-USD;
//  3. us-east-1's sourced price of `type` for `os` (kUsEast1Price);
//  4. for Windows only: the Linux price by rules 1-3 (kLinuxPrice).
// nullopt only when `region` is not a region of regions.csv or `type` is not in the catalog.
std::optional<PriceEstimate> EstimatedPriceMicroUsd(std::string_view region, std::string_view type,
                                                    OsFamily os);

// value * numerator / denominator, rounded half up, in exact integer arithmetic.
// Preconditions: value >= 0, numerator >= 0, denominator > 0, and the result fits in int64.
std::int64_t MulDivRoundHalfUp(std::int64_t value, std::int64_t numerator,
                               std::int64_t denominator);

// A public image as DescribeImages would report it.
struct ImageInfo {
  std::string image_id;  // "ami-0c9c942bd7bf113a2"; simulator ids, not real AWS ids
  std::string key;       // "al2023", "ubuntu-22.04", "ubuntu-24.04", "debian-12", "windows-2022"
  std::string name;      // the publisher's AMI name
  std::string description;
  std::string owner_id;      // "137112412989"
  std::string owner_alias;   // "amazon", or empty (AWS reports aliases only for amazon images here)
  std::string architecture;  // "x86_64"
  std::string root_device_name;  // "/dev/xvda" or "/dev/sda1"
  std::string volume_type;       // root volume type, "gp3"
  std::string creation_date;     // ISO 8601, "2025-01-15T00:00:00.000Z"
  OsFamily os = OsFamily::kLinux;
  BillingGranularity billing = BillingGranularity::kPerSecond;
  int root_volume_gib = 0;
};

// The five catalog images of `region`, in images.csv order; empty if `region` is not a region.
std::vector<ImageInfo> ImagesIn(std::string_view region);
// The catalog image `image_id` of `region`; nullopt if that id is not one of `region`'s images
// (an id of another region's image is not found, as in AWS).
std::optional<ImageInfo> FindImage(std::string_view region, std::string_view image_id);
// What the simulator launches for a well-formed ami- id it does not know: a generic x86_64,
// EBS-backed Linux image with an 8 GiB gp3 root volume and per-second billing.
// Precondition: IsWellFormedImageId(image_id).
ImageInfo GenericImage(std::string_view image_id);
// True for "ami-" followed by exactly 8 or 17 lowercase hex digits.
bool IsWellFormedImageId(std::string_view id);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_CATALOG_H_
