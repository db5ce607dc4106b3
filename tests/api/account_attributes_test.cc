// DescribeAccountAttributes and the configurable quotas (SandboxOptions::quotas) that
// RunInstances, AllocateAddress and the attributes follow.
#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

using AccountAttributes = SandboxTest;

// The values of one attribute in a DescribeAccountAttributes answer ({} when absent).
std::vector<std::string> ValuesOf(const json& answer, const std::string& name) {
  std::vector<std::string> out;
  for (const json& a : answer["AccountAttributes"]) {
    if (a["AttributeName"] != name) continue;
    for (const json& v : a["AttributeValues"]) out.push_back(v["AttributeValue"]);
  }
  return out;
}

TEST_F(AccountAttributes, ListsEverySupportedAttributeWithTheDefaults) {
  json r = Call("DescribeAccountAttributes");
  ASSERT_EQ(r["AccountAttributes"].size(), 6u);
  using V = std::vector<std::string>;
  EXPECT_EQ(ValuesOf(r, "supported-platforms"), V{"VPC"});
  EXPECT_EQ(ValuesOf(r, "max-instances"), V{"32"});
  EXPECT_EQ(ValuesOf(r, "vpc-max-security-groups-per-interface"), V{"5"});
  EXPECT_EQ(ValuesOf(r, "max-elastic-ips"), V{"5"});
  EXPECT_EQ(ValuesOf(r, "vpc-max-elastic-ips"), V{"5"});
  json vpcs = Call("DescribeVpcs", {{"Filters", {Filter("is-default", {"true"})}}});
  EXPECT_EQ(ValuesOf(r, "default-vpc"), V{vpcs["Vpcs"][0]["VpcId"].get<std::string>()});
}

TEST_F(AccountAttributes, AttributeNamesNarrowTheAnswer) {
  json r = Call("DescribeAccountAttributes",
                {{"AttributeNames", {"default-vpc", "supported-platforms"}}});
  ASSERT_EQ(r["AccountAttributes"].size(), 2u);
  EXPECT_EQ(r["AccountAttributes"][0]["AttributeName"], "supported-platforms");
  EXPECT_EQ(r["AccountAttributes"][1]["AttributeName"], "default-vpc");
}

TEST_F(AccountAttributes, UnknownAttributeNameIsInvalidParameterValue) {
  EXPECT_EQ(ErrorOf("DescribeAccountAttributes", {{"AttributeNames", {"max-vpcs"}}}),
            "InvalidParameterValue");
}

TEST_F(AccountAttributes, DryRunAnswersDryRunOperation) {
  EXPECT_EQ(ErrorOf("DescribeAccountAttributes", {{"DryRun", true}}), "DryRunOperation");
}

TEST_F(AccountAttributes, ShowConfiguredQuotas) {
  SandboxOptions options;
  options.quotas = {128, 12};
  Reset(options);
  json r = Call("DescribeAccountAttributes");
  EXPECT_EQ(ValuesOf(r, "max-instances"), std::vector<std::string>{"128"});
  EXPECT_EQ(ValuesOf(r, "vpc-max-elastic-ips"), std::vector<std::string>{"12"});
}

using ConfiguredQuotas = SandboxTest;

TEST_F(ConfiguredQuotas, RaisedVcpuQuotaLetsALargeLaunchThrough) {
  // 40 t3.micro are 80 vCPUs: beyond the default 32, within 100.
  json big = {
      {"ImageId", kSeoulAl2023}, {"InstanceType", "t3.micro"}, {"MinCount", 40}, {"MaxCount", 40}};
  EXPECT_EQ(ErrorOf("RunInstances", big), "VcpuLimitExceeded");
  SandboxOptions options;
  options.quotas.vcpus = 100;
  Reset(options);
  EXPECT_EQ(Call("RunInstances", big)["Instances"].size(), 40u);
  EXPECT_EQ(ErrorOf("RunInstances", big), "VcpuLimitExceeded");
}

TEST_F(ConfiguredQuotas, VcpuLimitMessageNamesTheConfiguredQuota) {
  SandboxOptions options;
  options.quotas.vcpus = 4;
  Reset(options);
  Result<json> r = sandbox_->Call(
      "RunInstances",
      {{"ImageId", kSeoulAl2023}, {"InstanceType", "t3.xlarge"}, {"MinCount", 2}, {"MaxCount", 2}},
      ctx_);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("vCPU limit of 4 "), std::string::npos) << r.error().message;
}

TEST_F(ConfiguredQuotas, ElasticIpQuotaBoundsAllocations) {
  SandboxOptions options;
  options.quotas.elastic_ips = 2;
  Reset(options);
  Call("AllocateAddress");
  Call("AllocateAddress");
  EXPECT_EQ(ErrorOf("AllocateAddress"), "AddressLimitExceeded");
}

TEST_F(ConfiguredQuotas, ZeroVcpuQuotaRefusesEveryLaunch) {
  SandboxOptions options;
  options.quotas.vcpus = 0;
  Reset(options);
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023},
                                     {"InstanceType", "t3.nano"},
                                     {"MinCount", 1},
                                     {"MaxCount", 1}}),
            "VcpuLimitExceeded");
}

}  // namespace
}  // namespace ec2sim::testing
