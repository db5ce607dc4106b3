#include "sim/model/catalog.h"

#include <openssl/sha.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "sim/model/csv.h"
#include "sim/model/regions.h"

extern const char kEc2simInstanceTypesCsv[];
extern const char kEc2simPricesCsv[];
extern const char kEc2simImagesCsv[];

namespace ec2sim::model {
namespace {

constexpr std::string_view kPriceBaseRegion = "us-east-1";
// Tried in this order; t3.micro first because it is sold in more regions than t2.micro.
constexpr std::string_view kReferenceTypes[] = {"t3.micro", "t2.micro"};
// The scenario format's example launches this id as Amazon Linux 2023 in Seoul, so that one pair
// keeps a fixed id instead of a derived one.
constexpr std::string_view kSeoulAl2023Id = "ami-0c9c942bd7bf113a2";

// The data files are ours and compiled in: a bad value is a broken invariant, in every build type.
void DataCheck(bool ok, std::string_view file, const std::string& what) {
  if (ok) return;
  std::fprintf(stderr, "embedded data %.*s: %s\n", static_cast<int>(file.size()), file.data(),
               what.c_str());
  std::abort();
}

int ParseInt(std::string_view file, const std::string& text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  DataCheck(ec == std::errc() && end == text.data() + text.size() && value >= 0, file,
            "not a non-negative integer: '" + text + "'");
  return value;
}

std::int64_t ParseInt64(std::string_view file, const std::string& text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  DataCheck(ec == std::errc() && end == text.data() + text.size() && value > 0, file,
            "not a positive integer: '" + text + "'");
  return value;
}

bool ParseBool(std::string_view file, const std::string& text) {
  DataCheck(text == "true" || text == "false", file, "not true/false: '" + text + "'");
  return text == "true";
}

OsFamily ParseOs(std::string_view file, const std::string& text) {
  DataCheck(text == "linux" || text == "windows", file, "not linux/windows: '" + text + "'");
  return text == "linux" ? OsFamily::kLinux : OsFamily::kWindows;
}

// images.csv writes a comma inside a field as %2C because the shared reader has no quoting.
std::string DecodeCommas(std::string text) {
  for (size_t pos = text.find("%2C"); pos != std::string::npos; pos = text.find("%2C", pos + 1)) {
    text.replace(pos, 3, ",");
  }
  return text;
}

// "ami-0" + 16 hex digits of SHA-256("region/key"): stable across builds and machines, and shaped
// like the 17-digit ids AWS issues today.
std::string DerivedImageId(std::string_view region, std::string_view key) {
  std::string input = std::string(region) + "/" + std::string(key);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "ami-0";
  for (int i = 0; i < 8; ++i) {
    id += kHex[digest[i] >> 4];
    id += kHex[digest[i] & 0xf];
  }
  return id;
}

using PriceKey = std::tuple<std::string, std::string, OsFamily>;

struct Catalog {
  std::vector<InstanceTypeInfo> types;
  std::map<std::string, size_t, std::less<>> type_index;
  std::map<PriceKey, std::int64_t> prices;
  std::map<std::string, std::vector<ImageInfo>, std::less<>> images_by_region;
};

std::vector<InstanceTypeInfo> LoadTypes() {
  constexpr std::string_view kFile = "instance_types.csv";
  std::vector<InstanceTypeInfo> types;
  for (auto& row : ReadEmbeddedCsv(kEc2simInstanceTypesCsv, kFile)) {
    InstanceTypeInfo t;
    t.name = row[0];
    t.family = row[1];
    t.vcpus = ParseInt(kFile, row[2]);
    t.memory_mib = ParseInt(kFile, row[3]);
    t.architecture = row[4];
    t.burstable = ParseBool(kFile, row[5]);
    t.free_tier_eligible = ParseBool(kFile, row[6]);
    t.network_performance = row[7];
    t.default_cores = ParseInt(kFile, row[8]);
    t.threads_per_core = ParseInt(kFile, row[9]);
    t.hypervisor = row[10];
    t.ebs_optimized_support = row[11];
    t.virtualization_types = {row[12]};
    t.current_generation = ParseBool(kFile, row[13]);
    t.max_network_interfaces = ParseInt(kFile, row[14]);
    t.ipv4_per_interface = ParseInt(kFile, row[15]);
    const std::string& n = t.name;
    DataCheck(n.rfind(t.family + ".", 0) == 0, kFile, n + ": name does not start with its family");
    DataCheck(t.architecture == "x86_64" || t.architecture == "arm64", kFile,
              n + ": architecture must be x86_64 or arm64");
    DataCheck(t.vcpus > 0 && t.memory_mib > 0 && t.default_cores > 0 && t.threads_per_core > 0,
              kFile, n + ": vcpus, memory and cores must be positive");
    DataCheck(t.default_cores * t.threads_per_core == t.vcpus, kFile,
              n + ": default_cores x threads_per_core must equal vcpus");
    DataCheck(
        !t.network_performance.empty() && t.max_network_interfaces > 0 && t.ipv4_per_interface > 0,
        kFile, n + ": network fields must be set");
    DataCheck(t.hypervisor == "xen" || t.hypervisor == "nitro", kFile, n + ": unknown hypervisor");
    DataCheck(t.ebs_optimized_support == "default" || t.ebs_optimized_support == "unsupported" ||
                  t.ebs_optimized_support == "supported",
              kFile, n + ": unknown EBS-optimized support");
    DataCheck(t.virtualization_types[0] == "hvm", kFile, n + ": only hvm types are modelled");
    types.push_back(std::move(t));
  }
  DataCheck(!types.empty(), kFile, "no instance types");
  return types;
}

void LoadPrices(Catalog& c) {
  constexpr std::string_view kFile = "prices.csv";
  for (auto& row : ReadEmbeddedCsv(kEc2simPricesCsv, kFile)) {
    DataCheck(FindRegion(row[0]) != nullptr, kFile, "unknown region '" + row[0] + "'");
    DataCheck(c.type_index.count(row[1]) == 1, kFile, "unknown instance type '" + row[1] + "'");
    PriceKey key{row[0], row[1], ParseOs(kFile, row[2])};
    bool inserted = c.prices.emplace(key, ParseInt64(kFile, row[3])).second;
    DataCheck(inserted, kFile, "duplicate price for " + row[0] + " " + row[1] + " " + row[2]);
  }
  // Rules 2 and 3 of the estimate need a base price for every type.
  for (const auto& t : c.types) {
    DataCheck(c.prices.count({std::string(kPriceBaseRegion), t.name, OsFamily::kLinux}) == 1, kFile,
              t.name + " has no us-east-1 linux price");
  }
}

void LoadImages(Catalog& c) {
  constexpr std::string_view kFile = "images.csv";
  std::vector<ImageInfo> templates;
  std::set<std::string> keys;
  for (auto& row : ReadEmbeddedCsv(kEc2simImagesCsv, kFile)) {
    ImageInfo image;
    image.key = row[0];
    image.name = DecodeCommas(row[1]);
    image.description = DecodeCommas(row[2]);
    image.owner_id = row[3];
    image.owner_alias = row[4];
    image.os = ParseOs(kFile, row[5]);
    image.architecture = row[6];
    image.root_device_name = row[7];
    image.root_volume_gib = ParseInt(kFile, row[8]);
    image.volume_type = row[9];
    DataCheck(row[10] == "per-second" || row[10] == "hourly", kFile,
              image.key + ": billing must be per-second or hourly");
    image.billing =
        row[10] == "hourly" ? BillingGranularity::kHourly : BillingGranularity::kPerSecond;
    image.creation_date = row[11];
    DataCheck(keys.insert(image.key).second, kFile, "duplicate key " + image.key);
    DataCheck(image.owner_id.size() == 12, kFile, image.key + ": owner id must have 12 digits");
    DataCheck(image.architecture == "x86_64" || image.architecture == "arm64", kFile,
              image.key + ": unknown architecture");
    DataCheck(image.root_volume_gib > 0 && !image.name.empty(), kFile,
              image.key + ": empty name or zero root volume");
    templates.push_back(std::move(image));
  }
  DataCheck(templates.size() == 5, kFile, "expected five images");
  std::set<std::string> ids;
  for (const auto& region : Regions()) {
    std::vector<ImageInfo>& list = c.images_by_region[region.code];
    for (const auto& t : templates) {
      ImageInfo image = t;
      image.image_id = region.code == "ap-northeast-2" && t.key == "al2023"
                           ? std::string(kSeoulAl2023Id)
                           : DerivedImageId(region.code, t.key);
      DataCheck(ids.insert(image.image_id).second, kFile, "image id collision " + image.image_id);
      list.push_back(std::move(image));
    }
  }
}

const Catalog& Get() {
  static const Catalog* const catalog = [] {
    auto* c = new Catalog;
    c->types = LoadTypes();
    for (size_t i = 0; i < c->types.size(); ++i) {
      bool inserted = c->type_index.emplace(c->types[i].name, i).second;
      DataCheck(inserted, "instance_types.csv", "duplicate type " + c->types[i].name);
    }
    LoadPrices(*c);
    LoadImages(*c);
    return c;
  }();
  return *catalog;
}

std::optional<PriceEstimate> EstimateForOs(std::string_view region, std::string_view type,
                                           OsFamily os) {
  if (auto sourced = OnDemandPriceMicroUsd(region, type, os)) {
    return PriceEstimate{*sourced, PriceRule::kSourced, ""};
  }
  auto base = OnDemandPriceMicroUsd(kPriceBaseRegion, type, os);
  if (!base) return std::nullopt;
  for (std::string_view ref : kReferenceTypes) {
    auto regional_ref = OnDemandPriceMicroUsd(region, ref, os);
    auto base_ref = OnDemandPriceMicroUsd(kPriceBaseRegion, ref, os);
    if (regional_ref && base_ref) {
      return PriceEstimate{MulDivRoundHalfUp(*base, *regional_ref, *base_ref),
                           PriceRule::kScaledByReferenceType, std::string(ref)};
    }
  }
  return PriceEstimate{*base, PriceRule::kUsEast1Price, ""};
}

}  // namespace

const std::vector<InstanceTypeInfo>& InstanceTypes() { return Get().types; }

const InstanceTypeInfo* FindInstanceType(std::string_view name) {
  const Catalog& c = Get();
  auto it = c.type_index.find(name);
  return it == c.type_index.end() ? nullptr : &c.types[it->second];
}

std::string_view OsFamilyName(OsFamily os) { return os == OsFamily::kLinux ? "linux" : "windows"; }

std::optional<std::int64_t> OnDemandPriceMicroUsd(std::string_view region, std::string_view type,
                                                  OsFamily os) {
  const Catalog& c = Get();
  auto it = c.prices.find(PriceKey{std::string(region), std::string(type), os});
  if (it == c.prices.end()) return std::nullopt;
  return it->second;
}

std::string_view PriceRuleName(PriceRule rule) {
  switch (rule) {
    case PriceRule::kSourced:
      return "sourced";
    case PriceRule::kScaledByReferenceType:
      return "scaled-by-reference-type";
    case PriceRule::kUsEast1Price:
      return "us-east-1-price";
    case PriceRule::kLinuxPrice:
      return "linux-price";
  }
  return "unknown";
}

std::optional<PriceEstimate> EstimatedPriceMicroUsd(std::string_view region, std::string_view type,
                                                    OsFamily os) {
  if (FindRegion(region) == nullptr || FindInstanceType(type) == nullptr) return std::nullopt;
  if (auto estimate = EstimateForOs(region, type, os)) return estimate;
  // Only Windows can get here: every type has a us-east-1 Linux price (checked at load).
  auto linux_estimate = EstimateForOs(region, type, OsFamily::kLinux);
  DataCheck(linux_estimate.has_value(), "prices.csv", "no linux price for " + std::string(type));
  linux_estimate->rule = PriceRule::kLinuxPrice;
  return linux_estimate;
}

std::int64_t MulDivRoundHalfUp(std::int64_t value, std::int64_t numerator,
                               std::int64_t denominator) {
  // A 128-bit intermediate keeps value * numerator exact whatever the inputs' magnitude.
  __extension__ typedef __int128 Int128;
  Int128 product = static_cast<Int128>(value) * numerator;
  Int128 quotient = product / denominator;
  Int128 remainder = product % denominator;
  if (2 * remainder >= denominator) ++quotient;
  return static_cast<std::int64_t>(quotient);
}

std::vector<ImageInfo> ImagesIn(std::string_view region) {
  const Catalog& c = Get();
  auto it = c.images_by_region.find(region);
  return it == c.images_by_region.end() ? std::vector<ImageInfo>{} : it->second;
}

std::optional<ImageInfo> FindImage(std::string_view region, std::string_view image_id) {
  const Catalog& c = Get();
  auto it = c.images_by_region.find(region);
  if (it == c.images_by_region.end()) return std::nullopt;
  for (const auto& image : it->second) {
    if (image.image_id == image_id) return image;
  }
  return std::nullopt;
}

ImageInfo GenericImage(std::string_view image_id) {
  ImageInfo image;
  image.image_id = std::string(image_id);
  image.key = "generic";
  image.name = "ec2sim-generic-linux-x86_64";
  image.description = "Generic Linux image for an AMI id the simulator's catalog does not know";
  image.owner_id = "000000000000";
  image.architecture = "x86_64";
  image.root_device_name = "/dev/xvda";
  image.volume_type = "gp3";
  image.creation_date = "2025-01-01T00:00:00.000Z";
  image.os = OsFamily::kLinux;
  image.billing = BillingGranularity::kPerSecond;
  image.root_volume_gib = 8;
  return image;
}

bool IsWellFormedImageId(std::string_view id) {
  constexpr std::string_view kPrefix = "ami-";
  if (id.substr(0, kPrefix.size()) != kPrefix) return false;
  std::string_view hex = id.substr(kPrefix.size());
  if (hex.size() != 8 && hex.size() != 17) return false;
  for (char ch : hex) {
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  }
  return true;
}

}  // namespace ec2sim::model
