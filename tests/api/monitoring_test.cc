// Detailed monitoring of instances and the account's EBS encryption defaults: the answers'
// shapes, what DescribeInstances and DescribeVolumes show after, and unknown ids.
#include <string>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

using MonitoringActions = SandboxTest;
using EbsEncryptionDefaults = SandboxTest;

std::string MonitoringState(const json& instance) { return instance["Monitoring"]["State"]; }

TEST_F(MonitoringActions, MonitorAnswersPendingAndDescribeShowsEnabled) {
  std::string id = Launch();
  EXPECT_EQ(MonitoringState(Describe(id)), "disabled");
  json r = Call("MonitorInstances", {{"InstanceIds", {id}}});
  ASSERT_EQ(r["InstanceMonitorings"].size(), 1u);
  EXPECT_EQ(r["InstanceMonitorings"][0]["InstanceId"], id);
  EXPECT_EQ(r["InstanceMonitorings"][0]["Monitoring"]["State"], "pending");
  EXPECT_EQ(MonitoringState(Describe(id)), "enabled");
}

TEST_F(MonitoringActions, UnmonitorAnswersDisablingAndDescribeShowsDisabled) {
  std::string id = Launch({{"Monitoring", {{"Enabled", true}}}});
  EXPECT_EQ(MonitoringState(Describe(id)), "enabled");
  json r = Call("UnmonitorInstances", {{"InstanceIds", {id}}});
  EXPECT_EQ(r["InstanceMonitorings"][0]["Monitoring"]["State"], "disabling");
  EXPECT_EQ(MonitoringState(Describe(id)), "disabled");
}

TEST_F(MonitoringActions, AnUnknownIdChangesNoInstance) {
  std::string id = Launch();
  EXPECT_EQ(ErrorOf("MonitorInstances", {{"InstanceIds", {id, "i-0123456789abcdef0"}}}),
            "InvalidInstanceID.NotFound");
  EXPECT_EQ(MonitoringState(Describe(id)), "disabled");
}

TEST_F(EbsEncryptionDefaults, OffByDefaultWithTheAwsManagedKey) {
  EXPECT_EQ(Call("GetEbsEncryptionByDefault")["EbsEncryptionByDefault"], false);
  EXPECT_EQ(Call("GetEbsDefaultKmsKeyId")["KmsKeyId"],
            "arn:aws:kms:ap-northeast-2:123456789012:alias/aws/ebs");
}

TEST_F(EbsEncryptionDefaults, WhenEnabledNewVolumesAreEncryptedWhateverTheRequestSays) {
  json before = Call("CreateVolume", {{"AvailabilityZone", "ap-northeast-2a"}, {"Size", 8}});
  EXPECT_EQ(Call("EnableEbsEncryptionByDefault")["EbsEncryptionByDefault"], true);
  EXPECT_EQ(Call("GetEbsEncryptionByDefault")["EbsEncryptionByDefault"], true);
  json after = Call("CreateVolume",
                    {{"AvailabilityZone", "ap-northeast-2a"}, {"Size", 8}, {"Encrypted", false}});
  EXPECT_EQ(after["Encrypted"], true);
  // Volumes made before keep their state.
  json old = Call("DescribeVolumes", {{"VolumeIds", {before["VolumeId"]}}})["Volumes"][0];
  EXPECT_EQ(old["Encrypted"], false);
  // So does an instance's root volume launched now.
  std::string id = Launch();
  json root = Call("DescribeVolumes", {{"Filters", {Filter("attachment.instance-id", {id})}}});
  ASSERT_EQ(root["Volumes"].size(), 1u);
  EXPECT_EQ(root["Volumes"][0]["Encrypted"], true);
  EXPECT_EQ(Call("DisableEbsEncryptionByDefault")["EbsEncryptionByDefault"], false);
  json plain = Call("CreateVolume", {{"AvailabilityZone", "ap-northeast-2a"}, {"Size", 8}});
  EXPECT_EQ(plain["Encrypted"], false);
}

TEST_F(EbsEncryptionDefaults, TheDefaultKeyCanBeNamedAndReset) {
  json r = Call("ModifyEbsDefaultKmsKeyId", {{"KmsKeyId", "alias/team-key"}});
  EXPECT_EQ(r["KmsKeyId"], "alias/team-key");
  EXPECT_EQ(Call("GetEbsDefaultKmsKeyId")["KmsKeyId"], "alias/team-key");
  EXPECT_EQ(Call("ResetEbsDefaultKmsKeyId")["KmsKeyId"],
            "arn:aws:kms:ap-northeast-2:123456789012:alias/aws/ebs");
  EXPECT_EQ(ErrorOf("ModifyEbsDefaultKmsKeyId"), "MissingParameter");
}

}  // namespace
}  // namespace ec2sim::testing
