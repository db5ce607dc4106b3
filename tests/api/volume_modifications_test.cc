// ModifyVolume through its modification states, its limits (size up only, the target type's
// limits, one modification per six hours), DescribeVolumesModifications, DescribeVolumeStatus and
// the volume attributes autoEnableIO and productCodes.
#include <string>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

class VolumeChanges : public SandboxTest {
 protected:
  // A volume of `extra` in ap-northeast-2a that has become available.
  std::string AvailableVolume(const json& extra) {
    json params = {{"AvailabilityZone", "ap-northeast-2a"}};
    for (auto it = extra.begin(); it != extra.end(); ++it) params[it.key()] = it.value();
    std::string id = Call("CreateVolume", params)["VolumeId"];
    sandbox_->Advance(kMinute);
    return id;
  }
  json Volume(const std::string& id) {
    return Call("DescribeVolumes", {{"VolumeIds", {id}}})["Volumes"][0];
  }
  json Modification(const std::string& id) {
    return Call("DescribeVolumesModifications", {{"VolumeIds", {id}}})["VolumesModifications"][0];
  }
};

TEST_F(VolumeChanges, ModificationGoesModifyingOptimizingCompletedAndResizesAtOptimizing) {
  std::string id = AvailableVolume({{"Size", 10}, {"VolumeType", "gp3"}});
  json m = Call("ModifyVolume", {{"VolumeId", id}, {"Size", 20}})["VolumeModification"];
  EXPECT_EQ(m["ModificationState"], "modifying");
  EXPECT_EQ(m["OriginalSize"], 10);
  EXPECT_EQ(m["TargetSize"], 20);
  EXPECT_EQ(m["TargetVolumeType"], "gp3");
  EXPECT_EQ(m["TargetIops"], 3000);
  EXPECT_EQ(m["TargetThroughput"], 125);
  EXPECT_FALSE(m.contains("EndTime"));
  EXPECT_EQ(Volume(id)["Size"], 10);
  sandbox_->Advance(kMinute);
  EXPECT_EQ(Modification(id)["ModificationState"], "optimizing");
  EXPECT_EQ(Volume(id)["Size"], 20);
  sandbox_->Advance(10 * kMinute);
  json done = Modification(id);
  EXPECT_EQ(done["ModificationState"], "completed");
  EXPECT_EQ(done["Progress"], 100);
  EXPECT_TRUE(done.contains("EndTime"));
}

TEST_F(VolumeChanges, SizeOnlyGrowsAndAVolumeChangesOnceInSixHours) {
  std::string id = AvailableVolume({{"Size", 10}});
  EXPECT_EQ(ErrorOf("ModifyVolume", {{"VolumeId", id}, {"Size", 9}}), "InvalidParameterValue");
  Call("ModifyVolume", {{"VolumeId", id}, {"Size", 11}});
  EXPECT_EQ(ErrorOf("ModifyVolume", {{"VolumeId", id}, {"Size", 12}}),
            "IncorrectModificationState");
  sandbox_->Advance(kHour);
  EXPECT_EQ(ErrorOf("ModifyVolume", {{"VolumeId", id}, {"Size", 12}}),
            "VolumeModificationRateExceeded");
  sandbox_->Advance(5 * kHour);
  EXPECT_EQ(
      Call("ModifyVolume", {{"VolumeId", id}, {"Size", 12}})["VolumeModification"]["TargetSize"],
      12);
  EXPECT_EQ(ErrorOf("ModifyVolume", {{"VolumeId", "vol-0123456789abcdef0"}, {"Size", 20}}),
            "InvalidVolume.NotFound");
}

TEST_F(VolumeChanges, AVolumeStillModifyingCannotBeAttached) {
  json subnets =
      Call("DescribeSubnets", {{"Filters", {Filter("availability-zone", {"ap-northeast-2a"})}}});
  std::string inst = Launch({{"SubnetId", subnets["Subnets"][0]["SubnetId"]}});
  std::string id = AvailableVolume({{"Size", 10}});
  Call("ModifyVolume", {{"VolumeId", id}, {"Size", 20}});
  json attach = {{"VolumeId", id}, {"InstanceId", inst}, {"Device", "/dev/sdf"}};
  EXPECT_EQ(ErrorOf("AttachVolume", attach), "OperationNotPermitted");
  sandbox_->Advance(kMinute);  // optimizing: the volume is usable again
  EXPECT_EQ(Call("AttachVolume", attach)["State"], "attaching");
}

TEST_F(VolumeChanges, ANewTypeIsCheckedAgainstItsOwnLimits) {
  std::string id = AvailableVolume({{"Size", 10}});  // gp2, 100 IOPS
  // io1 takes 3,000 IOPS by default, above its 50 per GiB for 10 GiB.
  EXPECT_EQ(ErrorOf("ModifyVolume", {{"VolumeId", id}, {"VolumeType", "io1"}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("ModifyVolume", {{"VolumeId", id}, {"VolumeType", "st1"}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("ModifyVolume", {{"VolumeId", id}, {"Iops", 500}}),
            "InvalidParameterCombination");
  json m = Call("ModifyVolume", {{"VolumeId", id}, {"VolumeType", "gp3"}})["VolumeModification"];
  EXPECT_EQ(m["OriginalVolumeType"], "gp2");
  EXPECT_EQ(m["OriginalIops"], 100);
  EXPECT_EQ(m["TargetIops"], 3000);
  EXPECT_EQ(m["TargetThroughput"], 125);
  sandbox_->Advance(kMinute);
  EXPECT_EQ(Volume(id)["VolumeType"], "gp3");
}

TEST_F(VolumeChanges, DescribeModificationsListsOnlyModifiedVolumesAndFilters) {
  std::string changed = AvailableVolume({{"Size", 10}});
  AvailableVolume({{"Size", 10}});
  Call("ModifyVolume", {{"VolumeId", changed}, {"Size", 30}});
  json all = Call("DescribeVolumesModifications");
  ASSERT_EQ(all["VolumesModifications"].size(), 1u);
  EXPECT_EQ(all["VolumesModifications"][0]["VolumeId"], changed);
  auto count = [&](const json& filter) {
    return Call("DescribeVolumesModifications", {{"Filters", {filter}}})["VolumesModifications"]
        .size();
  };
  EXPECT_EQ(count(Filter("modification-state", {"modifying"})), 1u);
  EXPECT_EQ(count(Filter("target-size", {"30"})), 1u);
  EXPECT_EQ(count(Filter("modification-state", {"completed"})), 0u);
  EXPECT_EQ(ErrorOf("DescribeVolumesModifications", {{"Filters", {Filter("colour", {"red"})}}}),
            "InvalidParameterValue");
  EXPECT_EQ(
      Call("DescribeVolumesModifications", {{"MaxResults", 5}})["VolumesModifications"].size(), 1u);
  EXPECT_EQ(ErrorOf("DescribeVolumesModifications", {{"MaxResults", 501}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("DescribeVolumeStatus", {{"MaxResults", 4}}), "InvalidParameterValue");
}

TEST_F(VolumeChanges, EveryVolumeReportsOkStatusWithIoEnabled) {
  std::string gp2 = AvailableVolume({{"Size", 10}});
  std::string io1 = AvailableVolume({{"Size", 10}, {"VolumeType", "io1"}, {"Iops", 200}});
  json status = Call("DescribeVolumeStatus", {{"VolumeIds", {gp2}}})["VolumeStatuses"][0];
  EXPECT_EQ(status["VolumeId"], gp2);
  EXPECT_EQ(status["AvailabilityZone"], "ap-northeast-2a");
  EXPECT_EQ(status["VolumeStatus"]["Status"], "ok");
  EXPECT_EQ(status["VolumeStatus"]["Details"][0]["Name"], "io-enabled");
  EXPECT_EQ(status["VolumeStatus"]["Details"][0]["Status"], "passed");
  EXPECT_EQ(status["VolumeStatus"]["Details"][1]["Status"], "not-applicable");
  json io = Call("DescribeVolumeStatus",
                 {{"Filters", {Filter("volume-status.details-status", {"normal"})}}});
  ASSERT_EQ(io["VolumeStatuses"].size(), 1u);
  EXPECT_EQ(io["VolumeStatuses"][0]["VolumeId"], io1);
  EXPECT_EQ(ErrorOf("DescribeVolumeStatus", {{"VolumeIds", {"vol-0123456789abcdef0"}}}),
            "InvalidVolume.NotFound");
  EXPECT_EQ(ErrorOf("DescribeVolumeStatus", {{"VolumeIds", {gp2}}, {"MaxResults", 5}}),
            "InvalidParameterCombination");
}

TEST_F(VolumeChanges, AutoEnableIoIsStoredProductCodesAreEmptyAndIoIsAlwaysEnabled) {
  std::string id = AvailableVolume({{"Size", 10}});
  json before = Call("DescribeVolumeAttribute", {{"VolumeId", id}, {"Attribute", "autoEnableIO"}});
  EXPECT_EQ(before["VolumeId"], id);
  EXPECT_EQ(before["AutoEnableIO"]["Value"], false);
  Call("ModifyVolumeAttribute", {{"VolumeId", id}, {"AutoEnableIO", {{"Value", true}}}});
  EXPECT_EQ(Call("DescribeVolumeAttribute",
                 {{"VolumeId", id}, {"Attribute", "autoEnableIO"}})["AutoEnableIO"]["Value"],
            true);
  EXPECT_TRUE(Call("DescribeVolumeAttribute",
                   {{"VolumeId", id}, {"Attribute", "productCodes"}})["ProductCodes"]
                  .empty());
  EXPECT_EQ(ErrorOf("DescribeVolumeAttribute", {{"VolumeId", id}, {"Attribute", "size"}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("ModifyVolumeAttribute",
                    {{"VolumeId", "vol-0123456789abcdef0"}, {"AutoEnableIO", {{"Value", true}}}}),
            "InvalidVolume.NotFound");
  Call("EnableVolumeIO", {{"VolumeId", id}});
  EXPECT_EQ(ErrorOf("EnableVolumeIO", {{"VolumeId", "vol-xyz"}}), "InvalidVolumeID.Malformed");
}

}  // namespace
}  // namespace ec2sim::testing
