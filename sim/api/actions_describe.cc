// Read-only actions over the static catalog: DescribeRegions, DescribeAvailabilityZones and
// DescribeInstanceTypes. Images and the VPC resources live in actions_images.cc and
// actions_vpc.cc; RegisterDescribeActions registers all of them.
#include "sim/api/actions_describe.h"

#include <algorithm>

#include "sim/model/catalog.h"
#include "sim/model/regions.h"

namespace ec2sim::api {
namespace {

using model::InstanceTypeInfo;
using model::RegionInfo;

// Regions launched after 2019-03-20 are opt-in (ec2-semantics.md §7.1): "opted-in" once the
// account enabled them, else "not-opted-in"
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Region.html).
std::string OptInStatus(const RegionInfo& region, bool enabled) {
  if (!region.opt_in) return "opt-in-not-required";
  return enabled ? "opted-in" : "not-opted-in";
}

std::string Endpoint(const RegionInfo& region) { return "ec2." + region.code + ".amazonaws.com"; }

struct RegionView {
  const RegionInfo* info;
  bool enabled;
};

FilterSchema<RegionView> RegionFilters() {
  FilterSchema<RegionView> schema;
  auto& f = schema.fields;
  f["region-name"] = [](const RegionView& r) { return OneValue(r.info->code); };
  f["endpoint"] = [](const RegionView& r) { return OneValue(Endpoint(*r.info)); };
  f["opt-in-status"] = [](const RegionView& r) {
    return OneValue(OptInStatus(*r.info, r.enabled));
  };
  return schema;
}

// Lists the regions enabled for the account; AllRegions adds the disabled ones, and RegionNames
// may name any region, enabled or not
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html).
Result<json> DescribeRegionsHandler(ApiContext& ctx, Params& p) {
  std::vector<std::string> names = p.StringList("RegionNames");
  std::vector<Filter> filters = p.Filters();
  const bool all_regions = p.OptBool("AllRegions").value_or(false);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = RegionFilters();
  EC2SIM_RETURN_IF_ERROR(CheckFilters(filters, schema));
  for (const std::string& name : names) {
    if (model::FindRegion(name) != nullptr) continue;
    std::string hint = JoinIds(model::SimilarRegionCodes(name));
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Invalid region '" + name + "'" +
                         (hint.empty() ? std::string() : ". Did you mean: " + hint + "?"));
  }
  json regions = json::array();
  for (const RegionInfo& r : model::Regions()) {
    RegionView view{&r, ctx.world.RegionEnabled(ctx.call.account, r)};
    if (names.empty()) {
      if (!view.enabled && !all_regions) continue;
    } else if (std::find(names.begin(), names.end(), r.code) == names.end()) {
      continue;
    }
    if (!MatchesFilters(view, filters, schema)) continue;
    regions.push_back({{"Endpoint", Endpoint(r)},
                       {"RegionName", r.code},
                       {"OptInStatus", OptInStatus(r, view.enabled)}});
  }
  return json{{"Regions", regions}};
}

struct Zone {
  const RegionInfo* region;
  std::string name;  // "ap-northeast-2a"
  std::string id;    // "apne2-az1"
};

FilterSchema<Zone> ZoneFilters() {
  FilterSchema<Zone> schema;
  auto& f = schema.fields;
  f["zone-name"] = [](const Zone& z) { return OneValue(z.name); };
  f["zone-id"] = [](const Zone& z) { return OneValue(z.id); };
  f["state"] = [](const Zone&) { return OneValue("available"); };
  f["region-name"] = [](const Zone& z) { return OneValue(z.region->code); };
  f["zone-type"] = [](const Zone&) { return OneValue("availability-zone"); };
  f["group-name"] = [](const Zone& z) { return OneValue(z.region->code); };
  f["network-border-group"] = f["group-name"];
  f["opt-in-status"] = [](const Zone&) { return OneValue("opt-in-not-required"); };
  f["message"] = [](const Zone&) { return std::vector<std::string>{}; };
  return schema;
}

Result<json> DescribeAvailabilityZonesHandler(ApiContext& ctx, Params& p) {
  std::vector<std::string> names = p.StringList("ZoneNames");
  std::vector<std::string> ids = p.StringList("ZoneIds");
  std::vector<Filter> filters = p.Filters();
  // Adds Local and Wavelength Zones in AWS; the simulator models neither.
  p.OptBool("AllAvailabilityZones");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = ZoneFilters();
  EC2SIM_RETURN_IF_ERROR(CheckFilters(filters, schema));
  const RegionInfo& region = *ctx.scope.region;
  std::vector<Zone> zones;
  for (int i = 0; i < region.az_count; ++i) {
    zones.push_back({&region, model::AzName(region, i), model::AzId(region, i)});
  }
  auto has = [](const std::vector<std::string>& list, const std::string& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
  };
  for (const std::string& name : names) {
    if (model::AzIndex(region, name) < 0) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "Invalid availability zone: [" + name + "]");
    }
  }
  for (const std::string& id : ids) {
    bool known = std::any_of(zones.begin(), zones.end(), [&](const Zone& z) { return z.id == id; });
    if (!known) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "Invalid availability zone ID: [" + id + "]");
    }
  }
  json out = json::array();
  for (const Zone& z : zones) {
    // Names and ids select together: a zone named by either is described.
    bool selected = (names.empty() && ids.empty()) || has(names, z.name) || has(ids, z.id);
    if (!selected || !MatchesFilters(z, filters, schema)) continue;
    out.push_back({{"State", "available"},
                   {"OptInStatus", "opt-in-not-required"},
                   {"Messages", json::array()},
                   {"RegionName", region.code},
                   {"ZoneName", z.name},
                   {"ZoneId", z.id},
                   {"GroupName", region.code},
                   {"NetworkBorderGroup", region.code},
                   {"ZoneType", "availability-zone"}});
  }
  return json{{"AvailabilityZones", out}};
}

// The Xen-based t2 family differs from the Nitro families in ENA, NVMe and boot modes
// (https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html, "Instance type specifications"
// and "Network specifications"; https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ami-boot.html
// for the boot modes).
bool IsXen(const InstanceTypeInfo& t) { return t.hypervisor == "xen"; }

std::vector<std::string> BootModes(const InstanceTypeInfo& t) {
  if (t.architecture == "arm64") return {"uefi"};
  if (IsXen(t)) return {"legacy-bios"};
  return {"legacy-bios", "uefi"};
}

json InstanceTypeJson(const InstanceTypeInfo& t) {
  json network_card = {{"NetworkCardIndex", 0},
                       {"NetworkPerformance", t.network_performance},
                       {"MaximumNetworkInterfaces", t.max_network_interfaces}};
  return {
      {"InstanceType", t.name},
      {"CurrentGeneration", t.current_generation},
      {"FreeTierEligible", t.free_tier_eligible},
      {"SupportedUsageClasses", {"on-demand", "spot"}},
      {"SupportedRootDeviceTypes", {"ebs"}},
      {"SupportedVirtualizationTypes", t.virtualization_types},
      {"BareMetal", false},
      {"Hypervisor", t.hypervisor},
      {"ProcessorInfo", {{"SupportedArchitectures", {t.architecture}}}},
      {"VCpuInfo",
       {{"DefaultVCpus", t.vcpus},
        {"DefaultCores", t.default_cores},
        {"DefaultThreadsPerCore", t.threads_per_core}}},
      {"MemoryInfo", {{"SizeInMiB", t.memory_mib}}},
      {"InstanceStorageSupported", false},
      {"EbsInfo",
       {{"EbsOptimizedSupport", t.ebs_optimized_support},
        {"EncryptionSupport", "supported"},
        {"NvmeSupport", IsXen(t) ? "unsupported" : "required"}}},
      {"NetworkInfo",
       {{"NetworkPerformance", t.network_performance},
        {"MaximumNetworkInterfaces", t.max_network_interfaces},
        {"MaximumNetworkCards", 1},
        {"DefaultNetworkCardIndex", 0},
        {"NetworkCards", json::array({network_card})},
        {"Ipv4AddressesPerInterface", t.ipv4_per_interface},
        {"Ipv6AddressesPerInterface", t.ipv4_per_interface},
        {"Ipv6Supported", true},
        {"EnaSupport", IsXen(t) ? "unsupported" : "required"},
        {"EfaSupported", false},
        {"EncryptionInTransitSupported", false}}},
      {"BurstablePerformanceSupported", t.burstable},
      {"SupportedBootModes", BootModes(t)},
  };
}

FilterSchema<const InstanceTypeInfo*> InstanceTypeFilters() {
  using T = const InstanceTypeInfo*;
  FilterSchema<T> schema;
  auto& f = schema.fields;
  f["instance-type"] = [](T t) { return OneValue(t->name); };
  f["current-generation"] = [](T t) { return BoolValue(t->current_generation); };
  f["free-tier-eligible"] = [](T t) { return BoolValue(t->free_tier_eligible); };
  f["burstable-performance-supported"] = [](T t) { return BoolValue(t->burstable); };
  f["bare-metal"] = [](T) { return BoolValue(false); };
  f["hypervisor"] = [](T t) { return OneValue(t->hypervisor); };
  f["instance-storage-supported"] = [](T) { return BoolValue(false); };
  f["vcpu-info.default-vcpus"] = [](T t) { return OneValue(std::to_string(t->vcpus)); };
  f["vcpu-info.default-cores"] = [](T t) { return OneValue(std::to_string(t->default_cores)); };
  f["vcpu-info.default-threads-per-core"] = [](T t) {
    return OneValue(std::to_string(t->threads_per_core));
  };
  f["memory-info.size-in-mib"] = [](T t) { return OneValue(std::to_string(t->memory_mib)); };
  f["processor-info.supported-architecture"] = [](T t) { return OneValue(t->architecture); };
  f["network-info.network-performance"] = [](T t) { return OneValue(t->network_performance); };
  f["network-info.maximum-network-interfaces"] = [](T t) {
    return OneValue(std::to_string(t->max_network_interfaces));
  };
  f["ebs-info.ebs-optimized-support"] = [](T t) { return OneValue(t->ebs_optimized_support); };
  f["supported-usage-class"] = [](T) { return std::vector<std::string>{"on-demand", "spot"}; };
  f["supported-root-device-type"] = [](T) { return OneValue("ebs"); };
  f["supported-virtualization-type"] = [](T t) { return t->virtualization_types; };
  f["supported-boot-mode"] = [](T t) { return BootModes(*t); };
  return schema;
}

Result<json> DescribeInstanceTypesHandler(ApiContext&, Params& p) {
  std::vector<std::string> names = p.StringList("InstanceTypes");
  std::vector<Filter> filters = p.Filters();
  auto max_results = p.OptInt("MaxResults", 5, 100);
  auto token = p.OptString("NextToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = InstanceTypeFilters();
  EC2SIM_RETURN_IF_ERROR(CheckFilters(filters, schema));
  std::vector<std::string> unknown;
  for (const std::string& name : names) {
    if (model::FindInstanceType(name) == nullptr) unknown.push_back(name);
  }
  if (!unknown.empty()) {
    // AWS answers InvalidInstanceType here, a code result.h does not have yet.
    return MakeError(
        ErrorCode::kInvalidParameterValue,
        "The following supplied instance types do not exist: [" + JoinIds(unknown) + "]");
  }
  std::vector<const InstanceTypeInfo*> selected;
  for (const InstanceTypeInfo& t : model::InstanceTypes()) {
    if (!names.empty() && std::find(names.begin(), names.end(), t.name) == names.end()) continue;
    if (MatchesFilters(&t, filters, schema)) selected.push_back(&t);
  }
  EC2SIM_ASSIGN_OR_RETURN(Page page, Paginate(selected.size(), max_results, token));
  return PagedJson("InstanceTypes", selected, page,
                   [](const InstanceTypeInfo* t) { return InstanceTypeJson(*t); });
}

}  // namespace

void RegisterDescribeActions(ActionTable& table) {
  table.Add("DescribeRegions", DescribeRegionsHandler, kCatalog);
  table.Add("DescribeAvailabilityZones", DescribeAvailabilityZonesHandler, kCatalog);
  table.Add("DescribeInstanceTypes", DescribeInstanceTypesHandler, kCatalog);
  RegisterImageActions(table);
  RegisterVpcActions(table);
}

}  // namespace ec2sim::api
