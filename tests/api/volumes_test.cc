// EBS volumes through the API: CreateVolume's per-type limits, creating -> available on the
// clock, attach and detach with their checks, DeleteVolume while attached, DescribeVolumes'
// filters, and the root volume of every instance as a volume of its own.
#include <regex>
#include <string>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

class Volumes : public SandboxTest {
 protected:
  json Create(const json& extra = json::object()) {
    json params = {{"AvailabilityZone", "ap-northeast-2a"}, {"Size", 10}};
    for (auto it = extra.begin(); it != extra.end(); ++it) params[it.key()] = it.value();
    return Call("CreateVolume", params);
  }
  // A volume that has become available.
  std::string Available(const json& extra = json::object()) {
    std::string id = Create(extra)["VolumeId"];
    sandbox_->Advance(kMinute);
    return id;
  }
  json DescribeOne(const std::string& id) {
    return Call("DescribeVolumes", {{"VolumeIds", {id}}})["Volumes"][0];
  }
  // An instance in ap-northeast-2a.
  std::string LaunchInA() {
    json subnets =
        Call("DescribeSubnets", {{"Filters", {Filter("availability-zone", {"ap-northeast-2a"})}}});
    return Launch({{"SubnetId", subnets["Subnets"][0]["SubnetId"]}});
  }
  std::string CreateError(const json& params) { return ErrorOf("CreateVolume", params); }
};

TEST_F(Volumes, CreatedVolumeIsCreatingThenAvailable) {
  json v = Create({{"VolumeType", "gp3"}, {"Encrypted", true}});
  EXPECT_TRUE(std::regex_match(v["VolumeId"].get<std::string>(), std::regex("vol-[0-9a-f]{17}")));
  EXPECT_EQ(v["State"], "creating");
  EXPECT_EQ(v["Size"], 10);
  EXPECT_EQ(v["Iops"], 3000);
  EXPECT_EQ(v["Throughput"], 125);
  EXPECT_EQ(v["Encrypted"], true);
  EXPECT_EQ(v["SnapshotId"], "");
  sandbox_->Advance(5 * kSecond);
  EXPECT_EQ(DescribeOne(v["VolumeId"])["State"], "available");
}

TEST_F(Volumes, DefaultTypeIsGp2WithThreeIopsPerGib) {
  json v = Create({{"Size", 100}});
  EXPECT_EQ(v["VolumeType"], "gp2");
  EXPECT_EQ(v["Iops"], 300);
  EXPECT_FALSE(v.contains("Throughput"));
  EXPECT_EQ(Create({{"Size", 1}})["Iops"], 100);
}

TEST_F(Volumes, SizeLimitsDependOnTheType) {
  EXPECT_EQ(CreateError({{"AvailabilityZone", "ap-northeast-2a"}}), "MissingParameter");
  EXPECT_EQ(CreateError({{"AvailabilityZone", "ap-northeast-2a"}, {"Size", 16385}}),
            "InvalidParameterValue");
  EXPECT_EQ(
      CreateError({{"AvailabilityZone", "ap-northeast-2a"}, {"Size", 100}, {"VolumeType", "st1"}}),
      "InvalidParameterValue");
  EXPECT_EQ(
      CreateError(
          {{"AvailabilityZone", "ap-northeast-2a"}, {"Size", 2000}, {"VolumeType", "standard"}}),
      "InvalidParameterValue");
  EXPECT_EQ(Create({{"Size", 125}, {"VolumeType", "sc1"}})["VolumeType"], "sc1");
  EXPECT_EQ(Create({{"Size", 20000}, {"VolumeType", "io2"}, {"Iops", 1000}})["Size"], 20000);
}

TEST_F(Volumes, IopsAndThroughputFollowTheTypeRules) {
  const json az = {{"AvailabilityZone", "ap-northeast-2a"}};
  auto with = [&](const json& extra) {
    json p = az;
    for (auto it = extra.begin(); it != extra.end(); ++it) p[it.key()] = it.value();
    return CreateError(p);
  };
  EXPECT_EQ(with({{"Size", 10}, {"VolumeType", "io1"}}), "MissingParameter");
  EXPECT_EQ(with({{"Size", 10}, {"Iops", 300}}), "InvalidParameterCombination");
  EXPECT_EQ(with({{"Size", 10}, {"VolumeType", "io1"}, {"Throughput", 200}, {"Iops", 100}}),
            "InvalidParameterCombination");
  // io1 allows 50 IOPS per GiB: 10 GiB takes at most 500.
  EXPECT_EQ(with({{"Size", 10}, {"VolumeType", "io1"}, {"Iops", 501}}), "InvalidParameterValue");
  EXPECT_EQ(with({{"Size", 100}, {"VolumeType", "gp3"}, {"Iops", 16001}}), "InvalidParameterValue");
  EXPECT_EQ(with({{"Size", 100}, {"VolumeType", "gp3"}, {"Throughput", 1001}}),
            "InvalidParameterValue");
  // gp3 allows 0.25 MiB/s per IOPS: 3,000 IOPS take at most 750 MiB/s.
  EXPECT_EQ(with({{"Size", 100}, {"VolumeType", "gp3"}, {"Throughput", 751}}),
            "InvalidParameterValue");
  EXPECT_EQ(with({{"Size", 10}, {"VolumeType", "gp4"}}), "InvalidParameterValue");
  json v = Create({{"Size", 10}, {"VolumeType", "io1"}, {"Iops", 500}});
  EXPECT_EQ(v["Iops"], 500);
}

TEST_F(Volumes, UnknownZoneIsInvalidParameterValue) {
  EXPECT_EQ(CreateError({{"AvailabilityZone", "us-east-1a"}, {"Size", 10}}),
            "InvalidParameterValue");
}

TEST_F(Volumes, RootVolumeIsAVolumeDescribedWithItsAttachment) {
  std::string inst = Launch();
  json bdm = Describe(inst)["BlockDeviceMappings"][0];
  std::string vol_id = bdm["Ebs"]["VolumeId"];
  json v = DescribeOne(vol_id);
  EXPECT_EQ(v["State"], "in-use");
  EXPECT_EQ(v["Attachments"][0]["InstanceId"], inst);
  EXPECT_EQ(v["Attachments"][0]["Device"], bdm["DeviceName"]);
  EXPECT_EQ(v["Attachments"][0]["State"], "attached");
  EXPECT_EQ(v["Attachments"][0]["DeleteOnTermination"], true);
  json found = Call("DescribeVolumes", {{"Filters", {Filter("attachment.instance-id", {inst})}}});
  ASSERT_EQ(found["Volumes"].size(), 1u);
  EXPECT_EQ(found["Volumes"][0]["VolumeId"], vol_id);
}

TEST_F(Volumes, AttachedVolumeShowsInTheInstanceAndCannotBeDeleted) {
  std::string inst = LaunchInA();
  std::string vol = Available();
  json a = Call("AttachVolume", {{"VolumeId", vol}, {"InstanceId", inst}, {"Device", "/dev/sdf"}});
  EXPECT_EQ(a["State"], "attaching");
  EXPECT_EQ(a["Device"], "/dev/sdf");
  sandbox_->Advance(kMinute);
  EXPECT_EQ(DescribeOne(vol)["Attachments"][0]["State"], "attached");
  json devices = Describe(inst)["BlockDeviceMappings"];
  ASSERT_EQ(devices.size(), 2u);
  EXPECT_EQ(devices[1]["DeviceName"], "/dev/sdf");
  EXPECT_EQ(devices[1]["Ebs"]["DeleteOnTermination"], false);
  EXPECT_EQ(ErrorOf("DeleteVolume", {{"VolumeId", vol}}), "VolumeInUse");
  EXPECT_EQ(
      ErrorOf("AttachVolume", {{"VolumeId", vol}, {"InstanceId", inst}, {"Device", "/dev/sdg"}}),
      "VolumeInUse");
  Call("DetachVolume", {{"VolumeId", vol}});
  EXPECT_EQ(DescribeOne(vol)["Attachments"][0]["State"], "detaching");
  sandbox_->Advance(kMinute);
  EXPECT_EQ(DescribeOne(vol)["State"], "available");
  EXPECT_TRUE(DescribeOne(vol)["Attachments"].empty());
  Call("DeleteVolume", {{"VolumeId", vol}});
  EXPECT_EQ(ErrorOf("DescribeVolumes", {{"VolumeIds", {vol}}}), "InvalidVolume.NotFound");
}

TEST_F(Volumes, AttachChecksStateZoneAndDevice) {
  std::string inst = LaunchInA();
  std::string creating = Create()["VolumeId"];
  EXPECT_EQ(ErrorOf("AttachVolume",
                    {{"VolumeId", creating}, {"InstanceId", inst}, {"Device", "/dev/sdf"}}),
            "IncorrectState");
  std::string other_zone = Available({{"AvailabilityZone", "ap-northeast-2c"}});
  EXPECT_EQ(ErrorOf("AttachVolume",
                    {{"VolumeId", other_zone}, {"InstanceId", inst}, {"Device", "/dev/sdf"}}),
            "InvalidVolume.ZoneMismatch");
  std::string vol = Available();
  EXPECT_EQ(
      ErrorOf("AttachVolume", {{"VolumeId", vol}, {"InstanceId", inst}, {"Device", "/dev/foo"}}),
      "InvalidParameterValue");
  std::string root_device = Describe(inst)["RootDeviceName"];
  EXPECT_EQ(
      ErrorOf("AttachVolume", {{"VolumeId", vol}, {"InstanceId", inst}, {"Device", root_device}}),
      "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("AttachVolume", {{"VolumeId", "vol-0123456789abcdef0"},
                                     {"InstanceId", inst},
                                     {"Device", "/dev/sdf"}}),
            "InvalidVolume.NotFound");
  EXPECT_EQ(ErrorOf("AttachVolume",
                    {{"VolumeId", "vol-xyz"}, {"InstanceId", inst}, {"Device", "/dev/sdf"}}),
            "InvalidVolumeID.Malformed");
}

TEST_F(Volumes, RootVolumeDetachesOnlyFromAStoppedInstance) {
  std::string inst = Launch();
  std::string root = Describe(inst)["BlockDeviceMappings"][0]["Ebs"]["VolumeId"];
  EXPECT_EQ(ErrorOf("DetachVolume", {{"VolumeId", root}, {"Force", true}}), "IncorrectState");
  Call("StopInstances", {{"InstanceIds", {inst}}});
  WaitFor(inst, "stopped");
  Call("DetachVolume", {{"VolumeId", root}});
  sandbox_->Advance(kMinute);
  EXPECT_EQ(DescribeOne(root)["State"], "available");
  EXPECT_TRUE(Describe(inst)["BlockDeviceMappings"].empty());
  EXPECT_EQ(ErrorOf("DetachVolume", {{"VolumeId", root}}), "IncorrectState");
}

TEST_F(Volumes, TerminationDeletesOrKeepsVolumesAsTheirFlagSays) {
  std::string inst = LaunchInA();
  std::string root = Describe(inst)["BlockDeviceMappings"][0]["Ebs"]["VolumeId"];
  std::string data = Available();
  Call("AttachVolume", {{"VolumeId", data}, {"InstanceId", inst}, {"Device", "/dev/xvdf"}});
  Call("TerminateInstances", {{"InstanceIds", {inst}}});
  WaitFor(inst, "terminated");
  EXPECT_EQ(ErrorOf("DescribeVolumes", {{"VolumeIds", {root}}}), "InvalidVolume.NotFound");
  json kept = DescribeOne(data);
  EXPECT_EQ(kept["State"], "available");
  EXPECT_TRUE(kept["Attachments"].empty());
}

TEST_F(Volumes, DescribeFiltersAndPages) {
  std::string a = Create({{"Size", 10},
                          {"VolumeType", "gp3"},
                          {"TagSpecifications",
                           {{{"ResourceType", "volume"},
                             {"Tags", {{{"Key", "Team"}, {"Value", "data"}}}}}}}})["VolumeId"];
  Create({{"Size", 20}});
  // One filter, wrapped here: a braced list of one json element would become the element.
  auto count = [&](const json& filter) {
    return Call("DescribeVolumes", {{"Filters", json::array({filter})}})["Volumes"].size();
  };
  EXPECT_EQ(count(Filter("volume-type", {"gp3"})), 1u);
  EXPECT_EQ(count(Filter("size", {"20"})), 1u);
  EXPECT_EQ(count(Filter("status", {"creating"})), 2u);
  EXPECT_EQ(count(Filter("tag:Team", {"data"})), 1u);
  EXPECT_EQ(count(Filter("availability-zone", {"ap-northeast-2a"})), 2u);
  EXPECT_EQ(count(Filter("attachment.instance-id", {"i-0123456789abcdef0"})), 0u);
  json page = Call("DescribeVolumes", {{"MaxResults", 5}});
  EXPECT_EQ(page["Volumes"].size(), 2u);
  EXPECT_EQ(ErrorOf("DescribeVolumes", {{"Filters", {Filter("colour", {"red"})}}}),
            "InvalidParameterValue");
  EXPECT_EQ(DescribeOne(a)["Tags"][0]["Key"], "Team");
}

TEST_F(Volumes, BlockDeviceMappingsAddVolumesBesideTheRoot) {
  json root = {{"DeviceName", "/dev/xvda"}, {"Ebs", {{"VolumeSize", 20}}}};
  json data = {{"DeviceName", "/dev/sdf"},
               {"Ebs",
                {{"VolumeSize", 50},
                 {"VolumeType", "io2"},
                 {"Iops", 1000},
                 {"DeleteOnTermination", false}}}};
  std::string inst = Launch({{"BlockDeviceMappings", json::array({root, data})}});
  json devices = Describe(inst)["BlockDeviceMappings"];
  ASSERT_EQ(devices.size(), 2u);
  EXPECT_EQ(devices[1]["DeviceName"], "/dev/sdf");
  std::string root_id = devices[0]["Ebs"]["VolumeId"];
  std::string data_id = devices[1]["Ebs"]["VolumeId"];
  EXPECT_EQ(DescribeOne(root_id)["Size"], 20);
  json v = DescribeOne(data_id);
  EXPECT_EQ(v["VolumeType"], "io2");
  EXPECT_EQ(v["Iops"], 1000);
  EXPECT_EQ(v["Attachments"][0]["DeleteOnTermination"], false);
  Call("TerminateInstances", {{"InstanceIds", {inst}}});
  WaitFor(inst, "terminated");
  EXPECT_EQ(DescribeOne(data_id)["State"], "available");
}

TEST_F(Volumes, BlockDeviceMappingsAreCheckedLikeCreateVolume) {
  json io1 = {{"DeviceName", "/dev/sdf"}, {"Ebs", {{"VolumeSize", 50}, {"VolumeType", "io1"}}}};
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023},
                                     {"InstanceType", "t2.micro"},
                                     {"MinCount", 1},
                                     {"MaxCount", 1},
                                     {"BlockDeviceMappings", json::array({io1})}}),
            "MissingParameter");
  json big_root = {{"DeviceName", "/dev/xvda"}, {"Ebs", {{"VolumeSize", 16385}}}};
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023},
                                     {"InstanceType", "t2.micro"},
                                     {"MinCount", 1},
                                     {"MaxCount", 1},
                                     {"BlockDeviceMappings", json::array({big_root})}}),
            "InvalidParameterValue");
}

}  // namespace
}  // namespace ec2sim::testing
