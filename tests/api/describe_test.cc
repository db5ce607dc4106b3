// DescribeRegions, DescribeAvailabilityZones, DescribeInstanceTypes, DescribeImages,
// DescribeVpcs, DescribeSubnets and DescribeNetworkInterfaces.
#include <set>
#include <string>
#include <vector>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

std::vector<std::string> Strings(const json& list, const std::string& member) {
  std::vector<std::string> out;
  for (const json& item : list) out.push_back(item[member].get<std::string>());
  return out;
}

json NameFilter(const std::string& name, std::vector<std::string> values) {
  return json::array({{{"Name", name}, {"Values", values}}});
}

class DescribeTest : public SandboxTest {
 protected:
  // Walks every page of `action` with `page_size` and returns the values of `member` of every
  // item of `list_key`, in order; `pages` receives the number of calls made.
  std::vector<std::string> WalkPages(const std::string& action, json params,
                                     const std::string& list_key, const std::string& member,
                                     int page_size, int* pages) {
    std::vector<std::string> out;
    params["MaxResults"] = page_size;
    *pages = 0;
    for (;;) {
      json r = Call(action, params);
      ++*pages;
      EXPECT_LE(r[list_key].size(), static_cast<size_t>(page_size));
      for (const std::string& v : Strings(r[list_key], member)) out.push_back(v);
      if (!r.contains("NextToken") || *pages > 100) break;
      params["NextToken"] = r["NextToken"];
    }
    return out;
  }

  std::string MessageOf(const std::string& action, const json& params) {
    Result<json> r = sandbox_->Call(action, params, ctx_);
    return r.ok() ? "" : r.error().message;
  }
};

using DescribeRegions = DescribeTest;
using DescribeAvailabilityZones = DescribeTest;
using DescribeInstanceTypes = DescribeTest;
using DescribeImages = DescribeTest;
using DescribeVpcs = DescribeTest;
using DescribeSubnets = DescribeTest;
using DescribeNetworkInterfaces = DescribeTest;

TEST_F(DescribeRegions, ListsTheEnabledRegionsAndAll34WithAllRegions) {
  // A new account: the 17 regions enabled by default, none of the 17 opt-in ones.
  json regions = Call("DescribeRegions")["Regions"];
  ASSERT_EQ(regions.size(), 17u);
  for (const json& r : regions) {
    EXPECT_EQ(r["Endpoint"], "ec2." + r["RegionName"].get<std::string>() + ".amazonaws.com");
    EXPECT_EQ(r["OptInStatus"], "opt-in-not-required");
  }
  json seoul = Call("DescribeRegions", {{"RegionNames", {"ap-northeast-2"}}})["Regions"];
  ASSERT_EQ(seoul.size(), 1u);
  EXPECT_EQ(seoul[0], json({{"Endpoint", "ec2.ap-northeast-2.amazonaws.com"},
                            {"RegionName", "ap-northeast-2"},
                            {"OptInStatus", "opt-in-not-required"}}));
  // RegionNames may name a disabled region; AllRegions lists them all.
  json cape = Call("DescribeRegions", {{"RegionNames", {"af-south-1"}}})["Regions"];
  ASSERT_EQ(cape.size(), 1u);
  EXPECT_EQ(cape[0]["OptInStatus"], "not-opted-in");
  json all = Call("DescribeRegions", {{"AllRegions", true}})["Regions"];
  ASSERT_EQ(all.size(), 34u);
  std::set<std::string> names;
  for (const json& r : all) names.insert(r["RegionName"].get<std::string>());
  EXPECT_EQ(names.size(), 34u);
}

TEST_F(DescribeRegions, FiltersByNameWildcardAndOptInStatus) {
  // ec2-semantics.md §7.2: 14 ap-* regions, 6 of them enabled by default; 17 opt-in in all.
  EXPECT_EQ(
      Call("DescribeRegions", {{"Filters", NameFilter("region-name", {"ap-*"})}})["Regions"].size(),
      6u);
  EXPECT_EQ(Call("DescribeRegions", {{"AllRegions", true},
                                     {"Filters", NameFilter("region-name", {"ap-*"})}})["Regions"]
                .size(),
            14u);
  EXPECT_EQ(Call("DescribeRegions",
                 {{"AllRegions", true},
                  {"Filters", NameFilter("opt-in-status", {"not-opted-in"})}})["Regions"]
                .size(),
            17u);
  EXPECT_EQ(
      Call("DescribeRegions", {{"Filters", NameFilter("opt-in-status", {"opted-in"})}})["Regions"]
          .size(),
      0u);
  json both = Call("DescribeRegions",
                   {{"Filters", NameFilter("endpoint", {"ec2.eu-west-?.amazonaws.com"})},
                    {"RegionNames", {"eu-west-1", "eu-west-3", "us-east-1"}}})["Regions"];
  EXPECT_EQ(Strings(both, "RegionName"), (std::vector<std::string>{"eu-west-1", "eu-west-3"}));
}

TEST_F(DescribeRegions, CallsIntoARegionNotOptedInFailWithAuthFailure) {
  ctx_.region = "ap-east-1";
  EXPECT_EQ(ErrorOf("DescribeInstances"), "AuthFailure");
  EXPECT_EQ(ErrorOf("DescribeRegions"), "AuthFailure");
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023}, {"MinCount", 1}, {"MaxCount", 1}}),
            "AuthFailure");
}

TEST_F(DescribeRegions, OptedInRegionsAnswerAndShowOptedIn) {
  SandboxOptions options;
  options.opted_in_regions = {"ap-east-1"};
  Reset(options);
  EXPECT_EQ(Call("DescribeRegions")["Regions"].size(), 18u);
  json hk = Call("DescribeRegions", {{"RegionNames", {"ap-east-1"}}})["Regions"];
  ASSERT_EQ(hk.size(), 1u);
  EXPECT_EQ(hk[0]["OptInStatus"], "opted-in");
  ctx_.region = "ap-east-1";
  EXPECT_EQ(Call("DescribeAvailabilityZones")["AvailabilityZones"].size(), 3u);
  ctx_.region = "me-south-1";
  EXPECT_EQ(ErrorOf("DescribeVpcs"), "AuthFailure");
}

TEST_F(DescribeRegions, UnknownRegionNameIsInvalidParameterValueNamingCloseMatches) {
  json params = {{"RegionNames", {"ap-northeast-9"}}};
  EXPECT_EQ(ErrorOf("DescribeRegions", params), "InvalidParameterValue");
  EXPECT_NE(MessageOf("DescribeRegions", params).find("ap-northeast-"), std::string::npos);
  EXPECT_EQ(ErrorOf("DescribeRegions", {{"Filters", NameFilter("region", {"x"})}}),
            "InvalidParameterValue");
}

TEST_F(DescribeAvailabilityZones, SeoulHasExactlyFourZonesAThroughD) {
  json zones = Call("DescribeAvailabilityZones")["AvailabilityZones"];
  EXPECT_EQ(Strings(zones, "ZoneName"),
            (std::vector<std::string>{"ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c",
                                      "ap-northeast-2d"}));
  EXPECT_EQ(Strings(zones, "ZoneId"),
            (std::vector<std::string>{"apne2-az1", "apne2-az2", "apne2-az3", "apne2-az4"}));
  ASSERT_EQ(zones.size(), 4u);
  EXPECT_EQ(zones[0], json({{"State", "available"},
                            {"OptInStatus", "opt-in-not-required"},
                            {"Messages", json::array()},
                            {"RegionName", "ap-northeast-2"},
                            {"ZoneName", "ap-northeast-2a"},
                            {"ZoneId", "apne2-az1"},
                            {"GroupName", "ap-northeast-2"},
                            {"NetworkBorderGroup", "ap-northeast-2"},
                            {"ZoneType", "availability-zone"}}));
}

TEST_F(DescribeAvailabilityZones, ZoneNamesIdsAndFiltersSelect) {
  json r = Call("DescribeAvailabilityZones",
                {{"ZoneNames", {"ap-northeast-2c"}}, {"ZoneIds", {"apne2-az1"}}});
  EXPECT_EQ(Strings(r["AvailabilityZones"], "ZoneName"),
            (std::vector<std::string>{"ap-northeast-2a", "ap-northeast-2c"}));
  r = Call("DescribeAvailabilityZones",
           {{"Filters", NameFilter("zone-id", {"apne2-az?"})}, {"AllAvailabilityZones", true}});
  EXPECT_EQ(r["AvailabilityZones"].size(), 4u);
  r = Call("DescribeAvailabilityZones", {{"Filters", NameFilter("zone-name", {"*b", "*d"})}});
  EXPECT_EQ(Strings(r["AvailabilityZones"], "ZoneId"),
            (std::vector<std::string>{"apne2-az2", "apne2-az4"}));
  r = Call("DescribeAvailabilityZones", {{"Filters", NameFilter("state", {"impaired"})}});
  EXPECT_TRUE(r["AvailabilityZones"].empty());
}

TEST_F(DescribeAvailabilityZones, AnswersForTheCallersRegion) {
  ctx_.region = "us-east-1";
  json zones = Call("DescribeAvailabilityZones")["AvailabilityZones"];
  ASSERT_EQ(zones.size(), 6u);
  EXPECT_EQ(zones[5]["ZoneName"], "us-east-1f");
  EXPECT_EQ(zones[5]["ZoneId"], "use1-az6");
}

TEST_F(DescribeAvailabilityZones, UnknownZoneNameOrIdIsInvalidParameterValue) {
  EXPECT_EQ(ErrorOf("DescribeAvailabilityZones", {{"ZoneNames", {"ap-northeast-2e"}}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("DescribeAvailabilityZones", {{"ZoneNames", {"us-east-1a"}}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("DescribeAvailabilityZones", {{"ZoneIds", {"apne2-az9"}}}),
            "InvalidParameterValue");
}

TEST_F(DescribeInstanceTypes, DescribesT2MicroAsFreeTierXenBurstable) {
  json r = Call("DescribeInstanceTypes", {{"InstanceTypes", {"t2.micro"}}});
  ASSERT_EQ(r["InstanceTypes"].size(), 1u);
  const json& t = r["InstanceTypes"][0];
  EXPECT_EQ(t["InstanceType"], "t2.micro");
  EXPECT_EQ(t["CurrentGeneration"], true);
  EXPECT_EQ(t["FreeTierEligible"], true);
  EXPECT_EQ(t["SupportedUsageClasses"], json({"on-demand", "spot"}));
  EXPECT_EQ(t["SupportedRootDeviceTypes"], json({"ebs"}));
  EXPECT_EQ(t["SupportedVirtualizationTypes"], json({"hvm"}));
  EXPECT_EQ(t["BareMetal"], false);
  EXPECT_EQ(t["Hypervisor"], "xen");
  EXPECT_EQ(t["ProcessorInfo"]["SupportedArchitectures"], json({"x86_64"}));
  EXPECT_EQ(t["VCpuInfo"],
            json({{"DefaultVCpus", 1}, {"DefaultCores", 1}, {"DefaultThreadsPerCore", 1}}));
  EXPECT_EQ(t["MemoryInfo"]["SizeInMiB"], 1024);
  EXPECT_EQ(t["InstanceStorageSupported"], false);
  EXPECT_EQ(t["EbsInfo"]["EncryptionSupport"], "supported");
  EXPECT_EQ(t["EbsInfo"]["EbsOptimizedSupport"], "unsupported");
  EXPECT_EQ(t["NetworkInfo"]["NetworkPerformance"], "Low to Moderate");
  EXPECT_EQ(t["BurstablePerformanceSupported"], true);
  EXPECT_FALSE(r.contains("NextToken"));
}

TEST_F(DescribeInstanceTypes, NitroTypesReportTheirCoresAndHypervisor) {
  json r = Call("DescribeInstanceTypes", {{"InstanceTypes", {"m5.large", "t3.micro"}}});
  ASSERT_EQ(r["InstanceTypes"].size(), 2u);
  for (const json& t : r["InstanceTypes"]) {
    EXPECT_EQ(t["Hypervisor"], "nitro");
    EXPECT_EQ(t["VCpuInfo"]["DefaultVCpus"], 2);
    EXPECT_EQ(t["VCpuInfo"]["DefaultThreadsPerCore"], 2);
    EXPECT_EQ(t["BurstablePerformanceSupported"], t["InstanceType"] == "t3.micro");
    EXPECT_EQ(t["FreeTierEligible"], t["InstanceType"] == "t3.micro");
  }
}

TEST_F(DescribeInstanceTypes, FiltersCombineWithAndAcrossNamesAndOrWithin) {
  auto names = [&](const json& filters) {
    std::vector<std::string> out = Strings(
        Call("DescribeInstanceTypes", {{"Filters", filters}})["InstanceTypes"], "InstanceType");
    return std::set<std::string>(out.begin(), out.end());
  };
  EXPECT_EQ(names(NameFilter("free-tier-eligible", {"true"})),
            (std::set<std::string>{"t2.micro", "t3.micro"}));
  json micro2 = json::array({{{"Name", "vcpu-info.default-vcpus"}, {"Values", {"2"}}},
                             {{"Name", "memory-info.size-in-mib"}, {"Values", {"1024"}}}});
  EXPECT_EQ(names(micro2), (std::set<std::string>{"t3.micro", "t3a.micro", "t4g.micro"}));
  std::set<std::string> arm = names(NameFilter("processor-info.supported-architecture", {"arm64"}));
  EXPECT_EQ(arm.size(), 7u);
  for (const std::string& n : arm) EXPECT_EQ(n.substr(0, 4), "t4g.");
  EXPECT_EQ(names(NameFilter("instance-type", {"t3.*"})).size(), 7u);
  EXPECT_EQ(names(NameFilter("instance-type", {"t2.nano", "c5.larg?"})),
            (std::set<std::string>{"t2.nano", "c5.large"}));
  std::set<std::string> fixed = names(NameFilter("burstable-performance-supported", {"false"}));
  EXPECT_TRUE(fixed.count("m5.large"));
  EXPECT_FALSE(fixed.count("t2.micro"));
}

TEST_F(DescribeInstanceTypes, PagesCoverEveryTypeExactlyOnce) {
  size_t total = Call("DescribeInstanceTypes")["InstanceTypes"].size();
  ASSERT_GT(total, 10u);
  int pages = 0;
  std::vector<std::string> seen = WalkPages("DescribeInstanceTypes", json::object(),
                                            "InstanceTypes", "InstanceType", 5, &pages);
  EXPECT_EQ(seen.size(), total);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), total);
  EXPECT_EQ(pages, static_cast<int>((total + 4) / 5));
}

TEST_F(DescribeInstanceTypes, RejectsUnknownTypesBadTokensAndPageSizes) {
  json params = {{"InstanceTypes", {"t2.micro", "t9.huge"}}};
  EXPECT_EQ(ErrorOf("DescribeInstanceTypes", params), "InvalidParameterValue");
  EXPECT_NE(MessageOf("DescribeInstanceTypes", params).find("t9.huge"), std::string::npos);
  EXPECT_EQ(ErrorOf("DescribeInstanceTypes", {{"MaxResults", 5}, {"NextToken", "garbage"}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("DescribeInstanceTypes", {{"MaxResults", 4}}), "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("DescribeInstanceTypes", {{"MaxResults", 101}}), "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("DescribeInstanceTypes", {{"Filters", NameFilter("vcpus", {"2"})}}),
            "InvalidParameterValue");
}

TEST_F(DescribeImages, SeoulAmazonLinuxHasBoto3Shape) {
  json r = Call("DescribeImages", {{"ImageIds", {kSeoulAl2023}}});
  ASSERT_EQ(r["Images"].size(), 1u);
  const json& i = r["Images"][0];
  EXPECT_EQ(i["ImageId"], kSeoulAl2023);
  EXPECT_EQ(i["OwnerId"], "137112412989");
  EXPECT_EQ(i["ImageOwnerAlias"], "amazon");
  EXPECT_EQ(i["ImageLocation"], "amazon/" + i["Name"].get<std::string>());
  EXPECT_EQ(i["ImageType"], "machine");
  EXPECT_EQ(i["Public"], true);
  EXPECT_EQ(i["State"], "available");
  EXPECT_EQ(i["PlatformDetails"], "Linux/UNIX");
  EXPECT_EQ(i["UsageOperation"], "RunInstances");
  EXPECT_FALSE(i.contains("Platform"));
  EXPECT_EQ(i["RootDeviceType"], "ebs");
  EXPECT_EQ(i["VirtualizationType"], "hvm");
  EXPECT_EQ(i["EnaSupport"], true);
  EXPECT_EQ(i["Hypervisor"], "xen");
  ASSERT_EQ(i["BlockDeviceMappings"].size(), 1u);
  const json& bdm = i["BlockDeviceMappings"][0];
  EXPECT_EQ(bdm["DeviceName"], i["RootDeviceName"]);
  EXPECT_EQ(bdm["Ebs"]["DeleteOnTermination"], true);
  EXPECT_EQ(bdm["Ebs"]["VolumeSize"], 8);
  EXPECT_EQ(bdm["Ebs"]["VolumeType"], "gp3");
  EXPECT_EQ(bdm["Ebs"]["Encrypted"], false);
  std::string snap = bdm["Ebs"]["SnapshotId"];
  EXPECT_EQ(snap.size(), 22u);
  EXPECT_EQ(snap.substr(0, 5), "snap-");
  // The snapshot id depends on the image alone: a fresh sandbox with another seed agrees.
  Reset(SandboxOptions{.seed = 99});
  EXPECT_EQ(Call("DescribeImages",
                 {{"ImageIds",
                   {kSeoulAl2023}}})["Images"][0]["BlockDeviceMappings"][0]["Ebs"]["SnapshotId"],
            snap);
}

TEST_F(DescribeImages, RegionOffersFiveImagesAndWindowsIsMarked) {
  json images = Call("DescribeImages")["Images"];
  ASSERT_EQ(images.size(), 5u);
  std::set<std::string> snapshots;
  int windows = 0;
  for (const json& i : images) {
    snapshots.insert(i["BlockDeviceMappings"][0]["Ebs"]["SnapshotId"].get<std::string>());
    if (i.contains("Platform")) {
      ++windows;
      EXPECT_EQ(i["Platform"], "windows");
      EXPECT_EQ(i["PlatformDetails"], "Windows");
      EXPECT_EQ(i["UsageOperation"], "RunInstances:0002");
    }
  }
  EXPECT_EQ(windows, 1);
  EXPECT_EQ(snapshots.size(), 5u);
}

TEST_F(DescribeImages, OwnersAndFiltersSelect) {
  auto count = [&](const json& params) { return Call("DescribeImages", params)["Images"].size(); };
  EXPECT_EQ(count({{"Owners", {"amazon"}}}), 2u);
  EXPECT_EQ(count({{"Owners", {"099720109477"}}}), 2u);
  EXPECT_EQ(count({{"Owners", {"self"}}}), 0u);
  EXPECT_EQ(count({{"Owners", {"amazon", "136693071363"}}}), 3u);
  EXPECT_EQ(count({{"Filters", NameFilter("name", {"ubuntu/images/*noble*"})}}), 1u);
  EXPECT_EQ(count({{"Filters", NameFilter("platform", {"windows"})}}), 1u);
  EXPECT_EQ(count({{"Filters", NameFilter("owner-alias", {"amazon"})}}), 2u);
  EXPECT_EQ(count({{"Filters", NameFilter("architecture", {"arm64"})}}), 0u);
  EXPECT_EQ(count({{"Filters", NameFilter("tag:Name", {"*"})}}), 0u);
  EXPECT_EQ(count({{"ExecutableUsers", {"all"}}}), 5u);
  EXPECT_EQ(count({{"ExecutableUsers", {"self"}}}), 0u);
  EXPECT_EQ(ErrorOf("DescribeImages", {{"Owners", {"nobody"}}}), "InvalidParameterValue");
}

TEST_F(DescribeImages, UnknownIdsAreMalformedOrNotFound) {
  EXPECT_EQ(ErrorOf("DescribeImages", {{"ImageIds", {"ami-xyz"}}}), "InvalidAMIID.Malformed");
  EXPECT_EQ(ErrorOf("DescribeImages", {{"ImageIds", {"img-0123456789abcdef0"}}}),
            "InvalidAMIID.Malformed");
  json params = {{"ImageIds", {"ami-0123456789abcdef0"}}};
  EXPECT_EQ(ErrorOf("DescribeImages", params), "InvalidAMIID.NotFound");
  EXPECT_EQ(MessageOf("DescribeImages", params),
            "The image id '[ami-0123456789abcdef0]' does not exist");
  // Images are regional: Virginia's Amazon Linux does not exist in Seoul.
  ctx_.region = "us-east-1";
  json virginia = Call("DescribeImages",
                       {{"Owners", {"amazon"}}, {"Filters", NameFilter("name", {"al2023-*"})}});
  ASSERT_EQ(virginia["Images"].size(), 1u);
  std::string id = virginia["Images"][0]["ImageId"];
  ctx_.region = "ap-northeast-2";
  EXPECT_EQ(ErrorOf("DescribeImages", {{"ImageIds", {id}}}), "InvalidAMIID.NotFound");
}

TEST_F(DescribeImages, PagesCoverEveryImageOnce) {
  int pages = 0;
  std::vector<std::string> ids =
      WalkPages("DescribeImages", json::object(), "Images", "ImageId", 2, &pages);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 5u);
  EXPECT_EQ(ids.size(), 5u);
  EXPECT_EQ(ErrorOf("DescribeImages", {{"MaxResults", 2}, {"NextToken", "ec2sim-page-x"}}),
            "InvalidParameterValue");
}

TEST_F(DescribeVpcs, DefaultVpcIsDescribedWithItsCidrAssociation) {
  json vpcs = Call("DescribeVpcs")["Vpcs"];
  ASSERT_EQ(vpcs.size(), 1u);
  const json& v = vpcs[0];
  std::string id = v["VpcId"];
  EXPECT_EQ(v["CidrBlock"], "172.31.0.0/16");
  EXPECT_EQ(v["State"], "available");
  EXPECT_EQ(v["IsDefault"], true);
  EXPECT_EQ(v["OwnerId"], "123456789012");
  EXPECT_EQ(v["InstanceTenancy"], "default");
  EXPECT_EQ(v["DhcpOptionsId"].get<std::string>().substr(0, 5), "dopt-");
  EXPECT_EQ(v["CidrBlockAssociationSet"],
            json::array({{{"AssociationId", "vpc-cidr-assoc-" + id.substr(4)},
                          {"CidrBlock", "172.31.0.0/16"},
                          {"CidrBlockState", {{"State", "associated"}}}}}));
  EXPECT_FALSE(v.contains("Tags"));
  EXPECT_EQ(Call("DescribeVpcs", {{"VpcIds", {id}}})["Vpcs"][0], v);
}

TEST_F(DescribeVpcs, FiltersSelectByDefaultCidrAndTag) {
  auto count = [&](const json& filters) {
    return Call("DescribeVpcs", {{"Filters", filters}})["Vpcs"].size();
  };
  EXPECT_EQ(count(NameFilter("is-default", {"true"})), 1u);
  EXPECT_EQ(count(NameFilter("is-default", {"false"})), 0u);
  EXPECT_EQ(count(NameFilter("cidr", {"172.31.0.0/16"})), 1u);
  EXPECT_EQ(count(NameFilter("cidr-block-association.cidr-block", {"10.*"})), 0u);
  EXPECT_EQ(count(NameFilter("owner-id", {"123456789012"})), 1u);
  EXPECT_EQ(count(NameFilter("tag:Name", {"main"})), 0u);
  std::string id = Call("DescribeVpcs")["Vpcs"][0]["VpcId"];
  Call("CreateTags", {{"Resources", {id}}, {"Tags", {{{"Key", "Name"}, {"Value", "main"}}}}});
  EXPECT_EQ(count(NameFilter("tag:Name", {"ma*"})), 1u);
  EXPECT_EQ(Call("DescribeVpcs")["Vpcs"][0]["Tags"],
            json::array({{{"Key", "Name"}, {"Value", "main"}}}));
}

TEST_F(DescribeVpcs, UnknownIdIsInvalidVpcIdNotFound) {
  json params = {{"VpcIds", {"vpc-0123456789abcdef0"}}};
  EXPECT_EQ(ErrorOf("DescribeVpcs", params), "InvalidVpcID.NotFound");
  EXPECT_EQ(MessageOf("DescribeVpcs", params), "The vpc ID 'vpc-0123456789abcdef0' does not exist");
  EXPECT_EQ(ErrorOf("DescribeVpcs", {{"MaxResults", 5}, {"NextToken", "nope"}}),
            "InvalidParameterValue");
}

TEST_F(DescribeSubnets, DefaultVpcHasOneFreshSlash20PerZone) {
  std::string vpc = Call("DescribeVpcs")["Vpcs"][0]["VpcId"];
  json subnets = Call("DescribeSubnets")["Subnets"];
  ASSERT_EQ(subnets.size(), 4u);
  const char* zones[] = {"ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c",
                         "ap-northeast-2d"};
  for (size_t i = 0; i < subnets.size(); ++i) {
    const json& s = subnets[i];
    std::string id = s["SubnetId"];
    EXPECT_EQ(s["AvailabilityZone"], zones[i]);
    EXPECT_EQ(s["AvailabilityZoneId"], "apne2-az" + std::to_string(i + 1));
    EXPECT_EQ(s["CidrBlock"], "172.31." + std::to_string(16 * i) + ".0/20");
    EXPECT_EQ(s["AvailableIpAddressCount"], 4091);
    EXPECT_EQ(s["DefaultForAz"], true);
    EXPECT_EQ(s["MapPublicIpOnLaunch"], true);
    EXPECT_EQ(s["State"], "available");
    EXPECT_EQ(s["VpcId"], vpc);
    EXPECT_EQ(s["OwnerId"], "123456789012");
    EXPECT_EQ(s["AssignIpv6AddressOnCreation"], false);
    EXPECT_EQ(s["Ipv6CidrBlockAssociationSet"], json::array());
    EXPECT_EQ(s["SubnetArn"], "arn:aws:ec2:ap-northeast-2:123456789012:subnet/" + id);
    EXPECT_FALSE(s.contains("Tags"));
  }
}

TEST_F(DescribeSubnets, AvailableIpAddressCountDropsByOnePerLaunchedInstance) {
  json subnet =
      Call("DescribeSubnets",
           {{"Filters", NameFilter("availability-zone", {"ap-northeast-2b"})}})["Subnets"];
  ASSERT_EQ(subnet.size(), 1u);
  std::string id = subnet[0]["SubnetId"];
  auto available = [&] {
    return Call("DescribeSubnets", {{"SubnetIds", {id}}})["Subnets"][0]["AvailableIpAddressCount"]
        .get<int>();
  };
  EXPECT_EQ(available(), 4091);
  Launch({{"SubnetId", id}});
  EXPECT_EQ(available(), 4090);
  Launch({{"SubnetId", id}, {"MinCount", 2}, {"MaxCount", 2}}, /*wait_running=*/false);
  EXPECT_EQ(available(), 4088);
  // Other subnets are untouched.
  json others = Call("DescribeSubnets", {{"Filters", NameFilter("subnet-id", {"*"})}})["Subnets"];
  int untouched = 0;
  for (const json& s : others) untouched += s["AvailableIpAddressCount"] == 4091 ? 1 : 0;
  EXPECT_EQ(untouched, 3);
}

TEST_F(DescribeSubnets, FiltersAndUnknownIds) {
  auto count = [&](const json& filters) {
    return Call("DescribeSubnets", {{"Filters", filters}})["Subnets"].size();
  };
  EXPECT_EQ(count(NameFilter("default-for-az", {"true"})), 4u);
  EXPECT_EQ(count(NameFilter("availability-zone-id", {"apne2-az1", "apne2-az3"})), 2u);
  EXPECT_EQ(count(NameFilter("cidr-block", {"172.31.32.0/20"})), 1u);
  EXPECT_EQ(count(NameFilter("map-public-ip-on-launch", {"false"})), 0u);
  EXPECT_EQ(count(NameFilter("available-ip-address-count", {"4091"})), 4u);
  EXPECT_EQ(count(NameFilter("vpc-id", {"vpc-0000000000000000f"})), 0u);
  json params = {{"SubnetIds", {"subnet-0123456789abcdef0"}}};
  EXPECT_EQ(ErrorOf("DescribeSubnets", params), "InvalidSubnetID.NotFound");
  EXPECT_EQ(MessageOf("DescribeSubnets", params),
            "The subnet ID 'subnet-0123456789abcdef0' does not exist");
  EXPECT_EQ(ErrorOf("DescribeSubnets", {{"Filters", NameFilter("zone", {"x"})}}),
            "InvalidParameterValue");
}

TEST_F(DescribeNetworkInterfaces, LaunchedInstanceHasItsAttachedInterface) {
  EXPECT_TRUE(Call("DescribeNetworkInterfaces")["NetworkInterfaces"].empty());
  std::string id = Launch();
  json inst = Describe(id);
  json enis = Call("DescribeNetworkInterfaces",
                   {{"Filters", NameFilter("attachment.instance-id", {id})}})["NetworkInterfaces"];
  ASSERT_EQ(enis.size(), 1u);
  const json& e = enis[0];
  EXPECT_EQ(e["NetworkInterfaceId"], inst["NetworkInterfaces"][0]["NetworkInterfaceId"]);
  EXPECT_EQ(e["Status"], "in-use");
  EXPECT_EQ(e["Attachment"]["InstanceId"], id);
  EXPECT_EQ(e["SubnetId"], inst["SubnetId"]);
  EXPECT_EQ(e["PrivateIpAddress"], inst["PrivateIpAddress"]);
  EXPECT_EQ(e["Association"]["PublicIp"], inst["PublicIpAddress"]);
  auto count = [&](const json& filters) {
    return Call("DescribeNetworkInterfaces", {{"Filters", filters}})["NetworkInterfaces"].size();
  };
  EXPECT_EQ(count(NameFilter("private-ip-address", {inst["PrivateIpAddress"]})), 1u);
  EXPECT_EQ(count(NameFilter("association.public-ip", {inst["PublicIpAddress"]})), 1u);
  EXPECT_EQ(count(NameFilter("group-id", {inst["SecurityGroups"][0]["GroupId"]})), 1u);
  EXPECT_EQ(count(NameFilter("status", {"available"})), 0u);
  EXPECT_EQ(count(NameFilter("availability-zone", {inst["Placement"]["AvailabilityZone"]})), 1u);
  EXPECT_EQ(Call("DescribeNetworkInterfaces",
                 {{"NetworkInterfaceIds", {e["NetworkInterfaceId"]}}})["NetworkInterfaces"][0],
            e);
}

TEST_F(DescribeNetworkInterfaces, PagesCoverEveryInterfaceOnce) {
  Launch({{"MinCount", 7}, {"MaxCount", 7}}, /*wait_running=*/false);
  int pages = 0;
  std::vector<std::string> ids = WalkPages("DescribeNetworkInterfaces", json::object(),
                                           "NetworkInterfaces", "NetworkInterfaceId", 5, &pages);
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(ids.size(), 7u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 7u);
  EXPECT_EQ(ErrorOf("DescribeNetworkInterfaces", {{"MaxResults", 5}, {"NextToken", "x"}}),
            "InvalidParameterValue");
}

TEST_F(DescribeNetworkInterfaces, UnknownIdsAndIdsWithMaxResultsAreErrors) {
  json params = {{"NetworkInterfaceIds", {"eni-0123456789abcdef0"}}};
  EXPECT_EQ(ErrorOf("DescribeNetworkInterfaces", params), "InvalidNetworkInterfaceID.NotFound");
  EXPECT_EQ(MessageOf("DescribeNetworkInterfaces", params),
            "The networkInterface ID 'eni-0123456789abcdef0' does not exist");
  std::string id = Launch();
  std::string eni = Describe(id)["NetworkInterfaces"][0]["NetworkInterfaceId"];
  EXPECT_EQ(
      ErrorOf("DescribeNetworkInterfaces", {{"NetworkInterfaceIds", {eni}}, {"MaxResults", 5}}),
      "InvalidParameterCombination");
}

}  // namespace
}  // namespace ec2sim::testing
