// EC2's input limits as every action applies them (docs/hardening.md): list lengths, tag
// lengths in Unicode characters, tag counts, and launch quotas with MaxCount far beyond them.
#include <string>
#include <vector>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

// `n` copies of a character given as UTF-8.
std::string Repeat(const std::string& ch, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += ch;
  return out;
}

json OneTag(const std::string& key, const std::string& value) {
  return json::array({json{{"Key", key}, {"Value", value}}});
}

json InstanceTagSpec(const json& tags) {
  return json::array({json{{"ResourceType", "instance"}, {"Tags", tags}}});
}

// Well-formed instance ids that do not exist: i-00000000000000001, ...
std::vector<std::string> MissingIds(int n) {
  std::vector<std::string> ids;
  for (int i = 1; i <= n; ++i) {
    std::string hex = std::to_string(i);
    ids.push_back("i-" + std::string(17 - hex.size(), '0') + hex);
  }
  return ids;
}

class InputLimits : public SandboxTest {};

TEST_F(InputLimits, TagKeysAndValuesAreCountedInCharactersNotBytes) {
  std::string id = Launch();
  const std::string kHangul = "\xea\xb0\x80";  // U+AC00, three bytes in UTF-8
  // 128 characters of key (384 bytes) and 256 of value (768 bytes) are within the limits.
  Call("CreateTags",
       {{"Resources", {id}}, {"Tags", OneTag(Repeat(kHangul, 128), Repeat(kHangul, 256))}});
  EXPECT_EQ(ErrorOf("CreateTags", {{"Resources", {id}}, {"Tags", OneTag(Repeat("k", 129), "v")}}),
            "InvalidParameterValue");
  EXPECT_EQ(
      ErrorOf("CreateTags", {{"Resources", {id}}, {"Tags", OneTag("k", Repeat(kHangul, 257))}}),
      "InvalidParameterValue");
}

TEST_F(InputLimits, TagSpecificationsApplyTheSameTagLimits) {
  const json too_long_key = InstanceTagSpec(OneTag(Repeat("k", 129), "v"));
  const json too_long_value = InstanceTagSpec(OneTag("k", Repeat("v", 257)));
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023},
                                     {"MinCount", 1},
                                     {"MaxCount", 1},
                                     {"TagSpecifications", too_long_key}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023},
                                     {"MinCount", 1},
                                     {"MaxCount", 1},
                                     {"TagSpecifications", too_long_value}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("CreateSecurityGroup",
                    {{"GroupName", "web"},
                     {"Description", "web"},
                     {"TagSpecifications",
                      json::array({json{{"ResourceType", "security-group"},
                                        {"Tags", OneTag("k", Repeat("v", 257))}}})}}),
            "InvalidParameterValue");
  // Nothing was launched by the refused calls.
  EXPECT_TRUE(Call("DescribeInstances")["Reservations"].empty());
}

TEST_F(InputLimits, FiftyTagsAcrossSeveralTagSpecificationsIsTheLimit) {
  json first = json::array();
  json second = json::array();
  for (int i = 0; i < 30; ++i) first.push_back({{"Key", "a" + std::to_string(i)}, {"Value", ""}});
  for (int i = 0; i < 21; ++i) second.push_back({{"Key", "b" + std::to_string(i)}, {"Value", ""}});
  json specs = json::array({json{{"ResourceType", "instance"}, {"Tags", first}},
                            json{{"ResourceType", "instance"}, {"Tags", second}}});
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023},
                                     {"MinCount", 1},
                                     {"MaxCount", 1},
                                     {"TagSpecifications", specs}}),
            "TagLimitExceeded");
  second.erase(second.size() - 1);
  specs[1]["Tags"] = second;
  json r = Call(
      "RunInstances",
      {{"ImageId", kSeoulAl2023}, {"MinCount", 1}, {"MaxCount", 1}, {"TagSpecifications", specs}});
  EXPECT_EQ(r["Instances"][0]["Tags"].size(), 50u);
}

TEST_F(InputLimits, AThousandInstanceIdsIsTheLongestList) {
  // 1000 well-formed ids reach the lookup (and are not found); 1001 are refused as a list.
  EXPECT_EQ(ErrorOf("TerminateInstances", {{"InstanceIds", MissingIds(1000)}}),
            "InvalidInstanceID.NotFound");
  EXPECT_EQ(ErrorOf("TerminateInstances", {{"InstanceIds", MissingIds(1001)}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("DescribeInstances", {{"InstanceIds", MissingIds(1001)}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("CreateTags", {{"Resources", MissingIds(1001)}, {"Tags", OneTag("k", "v")}}),
            "InvalidParameterValue");
}

TEST_F(InputLimits, OverlongTagAndFilterListsAreRefusedBeforeTheyAreWalked) {
  std::string id = Launch();
  json tags = json::array();
  for (int i = 0; i < 100000; ++i) tags.push_back({{"Key", "k"}, {"Value", "v"}});
  EXPECT_EQ(ErrorOf("CreateTags", {{"Resources", {id}}, {"Tags", tags}}), "InvalidParameterValue");
  std::vector<std::string> values(1001, "running");
  EXPECT_EQ(ErrorOf("DescribeInstances",
                    {{"Filters", json::array({Filter("instance-state-name", values)})}}),
            "InvalidParameterValue");
}

TEST_F(InputLimits, MaxCountOfAMillionLaunchesWhatTheVcpuQuotaAllows) {
  // t2.micro has 1 vCPU and the quota is 32 vCPUs; AWS launches the most it can above MinCount.
  json r = Call("RunInstances", {{"ImageId", kSeoulAl2023},
                                 {"InstanceType", "t2.micro"},
                                 {"MinCount", 1},
                                 {"MaxCount", 1000000}});
  EXPECT_EQ(r["Instances"].size(), 32u);
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023},
                                     {"InstanceType", "t2.micro"},
                                     {"MinCount", 1000000},
                                     {"MaxCount", 1000000}}),
            "VcpuLimitExceeded");
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023}, {"MinCount", 0}, {"MaxCount", 1}}),
            "InvalidParameterValue");
}

TEST_F(InputLimits, StoppedInstancesCountTowardsTheInstanceQuota) {
  SandboxOptions options;
  options.timing = Timing::kInstant;
  Reset(options);
  json launch = {
      {"ImageId", kSeoulAl2023}, {"InstanceType", "t2.micro"}, {"MinCount", 1}, {"MaxCount", 32}};
  // Each round fills the vCPU quota with 32 instances and stops them, which frees the vCPUs.
  int held = 0;
  while (held < 1000) {
    json r = Call("RunInstances", launch);
    ASSERT_FALSE(r["Instances"].empty());
    std::vector<std::string> ids;
    for (const json& inst : r["Instances"]) ids.push_back(inst["InstanceId"]);
    held += static_cast<int>(ids.size());
    Call("StopInstances", {{"InstanceIds", ids}});
  }
  EXPECT_EQ(held, 1000);  // the last round launched only the 8 that were left
  EXPECT_EQ(ErrorOf("RunInstances", launch), "InstanceLimitExceeded");
}

}  // namespace
}  // namespace ec2sim::testing
