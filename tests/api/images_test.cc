// Own images through the API: CreateImage from an instance (snapshots of its volumes, pending
// then available), RegisterImage from a snapshot, CopyImage across regions, DeregisterImage and
// the snapshots it frees, launchPermission sharing, DescribeImages' owner and executable-by
// rules, and launches of own and shared images.
#include <regex>
#include <string>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

constexpr const char* kOwner = "123456789012";
constexpr const char* kImageSharee = "210987654321";

class Images : public SandboxTest {
 protected:
  json CreateFrom(const std::string& instance, const std::string& name,
                  const json& extra = json::object()) {
    json params = {{"InstanceId", instance}, {"Name", name}};
    for (auto it = extra.begin(); it != extra.end(); ++it) params[it.key()] = it.value();
    return Call("CreateImage", params);
  }
  // An available image of a new running instance.
  std::string Available(const std::string& name = "web-v1") {
    std::string id = CreateFrom(Launch(), name)["ImageId"];
    sandbox_->Advance(10 * kMinute);
    return id;
  }
  json Image(const std::string& id) {
    json images = Call("DescribeImages", {{"ImageIds", {id}}})["Images"];
    return images.empty() ? json::object() : images[0];
  }
  void Share(const std::string& id, const json& add) {
    Call("ModifyImageAttribute", {{"ImageId", id}, {"LaunchPermission", {{"Add", add}}}});
  }
  json LaunchOf(const std::string& image) {
    return Call(
        "RunInstances",
        {{"ImageId", image}, {"InstanceType", "t2.micro"}, {"MinCount", 1}, {"MaxCount", 1}});
  }
  void AsOther() { ctx_.account = kImageSharee; }
  void AsOwner() { ctx_.account = kOwner; }
};

TEST_F(Images, CreateImageIsPendingThenAvailableWithASnapshotOfEachVolume) {
  json bdm = json::array({json{{"DeviceName", "/dev/sdf"}, {"Ebs", {{"VolumeSize", 20}}}}});
  std::string inst = Launch({{"BlockDeviceMappings", bdm}});
  std::string id = CreateFrom(inst, "web-v1", {{"Description", "first"}})["ImageId"];
  EXPECT_TRUE(std::regex_match(id, std::regex("ami-[0-9a-f]{17}")));
  json image = Image(id);
  EXPECT_EQ(image["State"], "pending");
  EXPECT_EQ(image["OwnerId"], kOwner);
  EXPECT_EQ(image["Public"], false);
  EXPECT_EQ(image["Name"], "web-v1");
  EXPECT_EQ(image["Description"], "first");
  EXPECT_EQ(image["ImageLocation"], std::string(kOwner) + "/web-v1");
  EXPECT_EQ(image["RootDeviceName"], "/dev/xvda");
  ASSERT_EQ(image["BlockDeviceMappings"].size(), 2u);
  json root = image["BlockDeviceMappings"][0];
  EXPECT_EQ(root["DeviceName"], "/dev/xvda");
  EXPECT_EQ(root["Ebs"]["VolumeSize"], 8);
  EXPECT_EQ(image["BlockDeviceMappings"][1]["Ebs"]["VolumeSize"], 20);
  std::string snap = root["Ebs"]["SnapshotId"];
  json snaps = Call("DescribeSnapshots", {{"SnapshotIds", {snap}}})["Snapshots"];
  ASSERT_EQ(snaps.size(), 1u);
  EXPECT_EQ(snaps[0]["Description"], "Created by CreateImage(" + inst + ") for " + id);
  sandbox_->Advance(2 * kMinute);
  EXPECT_EQ(Image(id)["State"], "available");
  EXPECT_EQ(Describe(inst)["State"]["Name"], "running");  // rebooted, not stopped
}

TEST_F(Images, NamesAreUniquePerAccountAndFollowAwsRules) {
  std::string inst = Launch();
  CreateFrom(inst, "web-v1");
  EXPECT_EQ(ErrorOf("CreateImage", {{"InstanceId", inst}, {"Name", "web-v1"}}),
            "InvalidAMIName.Duplicate");
  EXPECT_EQ(ErrorOf("CreateImage", {{"InstanceId", inst}, {"Name", "ab"}}),
            "InvalidAMIName.Malformed");
  EXPECT_EQ(ErrorOf("CreateImage", {{"InstanceId", inst}, {"Name", "web#1"}}),
            "InvalidAMIName.Malformed");
  EXPECT_EQ(ErrorOf("CreateImage", {{"InstanceId", inst}}), "MissingParameter");
  AsOther();
  Launch();
  std::string mine = Call("DescribeInstances")["Reservations"][0]["Instances"][0]["InstanceId"];
  EXPECT_TRUE(CreateFrom(mine, "web-v1").contains("ImageId"));  // another account's name
}

TEST_F(Images, CreateImageNeedsARunningOrStoppedInstance) {
  std::string inst = Launch(json::object(), /*wait_running=*/false);
  EXPECT_EQ(ErrorOf("CreateImage", {{"InstanceId", inst}, {"Name", "too-early"}}),
            "IncorrectInstanceState");
  EXPECT_EQ(ErrorOf("CreateImage", {{"InstanceId", "i-0123456789abcdef0"}, {"Name", "none"}}),
            "InvalidInstanceID.NotFound");
  EXPECT_EQ(ErrorOf("CreateImage", {{"InstanceId", inst}, {"Name", "dry"}, {"DryRun", true}}),
            "DryRunOperation");
}

TEST_F(Images, MappingsOfTheRequestLeaveOutAndAddDevices) {
  json bdm = json::array({json{{"DeviceName", "/dev/sdf"}, {"Ebs", {{"VolumeSize", 20}}}}});
  std::string inst = Launch({{"BlockDeviceMappings", bdm}});
  json change = json::array({json{{"DeviceName", "/dev/sdf"}, {"NoDevice", ""}},
                             json{{"DeviceName", "/dev/sdg"}, {"Ebs", {{"VolumeSize", 5}}}}});
  std::string id = CreateFrom(inst, "slim", {{"BlockDeviceMappings", change}})["ImageId"];
  json mappings = Image(id)["BlockDeviceMappings"];
  ASSERT_EQ(mappings.size(), 2u);
  EXPECT_EQ(mappings[1]["DeviceName"], "/dev/sdg");
  EXPECT_FALSE(mappings[1]["Ebs"].contains("SnapshotId"));
  EXPECT_EQ(mappings[1]["Ebs"]["VolumeSize"], 5);
}

TEST_F(Images, DescribeImagesListsOwnAndPublicImagesAndOwnersNarrowsThem) {
  std::string id = Available();
  json all = Call("DescribeImages")["Images"];
  EXPECT_EQ(all[0]["ImageId"], id);
  EXPECT_GT(all.size(), 1u);  // the catalog's public images follow
  json self = Call("DescribeImages", {{"Owners", {"self"}}})["Images"];
  ASSERT_EQ(self.size(), 1u);
  EXPECT_EQ(self[0]["ImageId"], id);
  json amazon = Call("DescribeImages", {{"Owners", {"amazon"}}})["Images"];
  for (const json& image : amazon) EXPECT_NE(image["ImageId"], id);
  json is_public =
      Call("DescribeImages", {{"Filters", {Filter("is-public", {"false"})}}})["Images"];
  ASSERT_EQ(is_public.size(), 1u);
  std::string snap = self[0]["BlockDeviceMappings"][0]["Ebs"]["SnapshotId"];
  json by_snap =
      Call("DescribeImages",
           {{"Filters", {Filter("block-device-mapping.snapshot-id", {snap})}}})["Images"];
  ASSERT_EQ(by_snap.size(), 1u);
  EXPECT_EQ(Call("DescribeImages", {{"Filters", {Filter("state", {"pending"})}}})["Images"].size(),
            0u);
}

TEST_F(Images, SharedImageIsVisibleAndLaunchableByTheOtherAccountOnly) {
  std::string id = Available();
  AsOther();
  EXPECT_EQ(ErrorOf("DescribeImages", {{"ImageIds", {id}}}), "InvalidAMIID.NotFound");
  EXPECT_EQ(
      ErrorOf("RunInstances",
              {{"ImageId", id}, {"InstanceType", "t2.micro"}, {"MinCount", 1}, {"MaxCount", 1}}),
      "InvalidAMIID.NotFound");
  AsOwner();
  Share(id, json::array({json{{"UserId", kImageSharee}}}));
  json perms = Call("DescribeImageAttribute", {{"ImageId", id}, {"Attribute", "launchPermission"}});
  ASSERT_EQ(perms["LaunchPermissions"].size(), 1u);
  EXPECT_EQ(perms["LaunchPermissions"][0]["UserId"], kImageSharee);
  AsOther();
  json shared = Call("DescribeImages", {{"ExecutableUsers", {"self"}}})["Images"];
  ASSERT_EQ(shared.size(), 1u);
  EXPECT_EQ(shared[0]["ImageId"], id);
  EXPECT_EQ(shared[0]["OwnerId"], kOwner);
  std::string inst = LaunchOf(id)["Instances"][0]["InstanceId"];
  json vols =
      Call("DescribeVolumes", {{"Filters", {Filter("attachment.instance-id", {inst})}}})["Volumes"];
  ASSERT_EQ(vols.size(), 1u);
  EXPECT_EQ(vols[0]["SnapshotId"], shared[0]["BlockDeviceMappings"][0]["Ebs"]["SnapshotId"]);
  EXPECT_EQ(Describe(inst)["ImageId"], id);
  // Only the owner changes an image's attributes.
  EXPECT_EQ(ErrorOf("ModifyImageAttribute",
                    {{"ImageId", id}, {"LaunchPermission", {{"Add", {{{"Group", "all"}}}}}}}),
            "AuthFailure");
}

TEST_F(Images, OperationTypeWithUserIdsAddsAndRemovesAndResetClearsAll) {
  std::string id = Available();
  Call("ModifyImageAttribute", {{"ImageId", id},
                                {"Attribute", "launchPermission"},
                                {"OperationType", "add"},
                                {"UserIds", {kImageSharee}},
                                {"UserGroups", {"all"}}});
  EXPECT_EQ(Image(id)["Public"], true);
  Call("ModifyImageAttribute", {{"ImageId", id},
                                {"Attribute", "launchPermission"},
                                {"OperationType", "remove"},
                                {"UserGroups", {"all"}}});
  EXPECT_EQ(Image(id)["Public"], false);
  EXPECT_EQ(ErrorOf("ModifyImageAttribute", {{"ImageId", id},
                                             {"Attribute", "launchPermission"},
                                             {"OperationType", "add"},
                                             {"UserIds", {"12345"}}}),
            "InvalidParameterValue");
  Call("ResetImageAttribute", {{"ImageId", id}, {"Attribute", "launchPermission"}});
  json perms = Call("DescribeImageAttribute", {{"ImageId", id}, {"Attribute", "launchPermission"}});
  EXPECT_TRUE(perms["LaunchPermissions"].empty());
  Call("ModifyImageAttribute",
       {{"ImageId", id}, {"Attribute", "description"}, {"Value", "second"}});
  json d = Call("DescribeImageAttribute", {{"ImageId", id}, {"Attribute", "description"}});
  EXPECT_EQ(d["Description"]["Value"], "second");
  EXPECT_EQ(ErrorOf("DescribeImageAttribute", {{"ImageId", id}, {"Attribute", "colour"}}),
            "InvalidParameterValue");
}

TEST_F(Images, CatalogImagesAreNotTheCallersToChange) {
  EXPECT_EQ(ErrorOf("ModifyImageAttribute",
                    {{"ImageId", kSeoulAl2023}, {"Attribute", "description"}, {"Value", "x"}}),
            "AuthFailure");
  EXPECT_EQ(ErrorOf("DeregisterImage", {{"ImageId", kSeoulAl2023}}), "AuthFailure");
  EXPECT_EQ(ErrorOf("DeregisterImage", {{"ImageId", "ami-0123456789abcdef0"}}),
            "InvalidAMIID.NotFound");
  EXPECT_EQ(ErrorOf("DeregisterImage", {{"ImageId", "ami-x"}}), "InvalidAMIID.Malformed");
}

TEST_F(Images, DeregisterKeepsTheSnapshotsAndFreesThemForDeletion) {
  std::string id = Available();
  std::string snap = Image(id)["BlockDeviceMappings"][0]["Ebs"]["SnapshotId"];
  EXPECT_EQ(ErrorOf("DeleteSnapshot", {{"SnapshotId", snap}}), "InvalidSnapshot.InUse");
  Call("DeregisterImage", {{"ImageId", id}});
  EXPECT_EQ(Call("DescribeImages", {{"Owners", {"self"}}})["Images"].size(), 0u);
  EXPECT_EQ(ErrorOf("DeregisterImage", {{"ImageId", id}}), "InvalidAMIID.Unavailable");
  EXPECT_EQ(Call("DescribeSnapshots", {{"SnapshotIds", {snap}}})["Snapshots"].size(), 1u);
  Call("DeleteSnapshot", {{"SnapshotId", snap}});
}

TEST_F(Images, APendingImageCannotLaunchYet) {
  std::string id = CreateFrom(Launch(), "pending-one")["ImageId"];
  EXPECT_EQ(
      ErrorOf("RunInstances",
              {{"ImageId", id}, {"InstanceType", "t2.micro"}, {"MinCount", 1}, {"MaxCount", 1}}),
      "InvalidAMIID.Unavailable");
}

TEST_F(Images, LaunchRestoresEveryMappingAndTheRequestOverridesByDevice) {
  json bdm = json::array({json{{"DeviceName", "/dev/sdf"},
                               {"Ebs", {{"VolumeSize", 20}, {"DeleteOnTermination", false}}}}});
  std::string id = CreateFrom(Launch({{"BlockDeviceMappings", bdm}}), "two-disks")["ImageId"];
  sandbox_->Advance(10 * kMinute);
  json bigger = json::array({json{{"DeviceName", "/dev/sdf"}, {"Ebs", {{"VolumeSize", 30}}}}});
  std::string inst = Launch({{"ImageId", id}, {"BlockDeviceMappings", bigger}});
  json vols =
      Call("DescribeVolumes", {{"Filters", {Filter("attachment.instance-id", {inst})}}})["Volumes"];
  ASSERT_EQ(vols.size(), 2u);
  for (const json& v : vols) {
    EXPECT_FALSE(v["SnapshotId"].get<std::string>().empty());
    if (v["Attachments"][0]["Device"] == "/dev/sdf") {
      EXPECT_EQ(v["Size"], 30);
      EXPECT_EQ(v["Attachments"][0]["DeleteOnTermination"], false);
    }
  }
  json small = json::array({json{{"DeviceName", "/dev/xvda"}, {"Ebs", {{"VolumeSize", 4}}}}});
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", id},
                                     {"InstanceType", "t2.micro"},
                                     {"MinCount", 1},
                                     {"MaxCount", 1},
                                     {"BlockDeviceMappings", small}}),
            "InvalidParameterValue");
}

TEST_F(Images, RegisterImageFromASnapshotTheCallerMayRestore) {
  json v = Call("CreateVolume", {{"AvailabilityZone", "ap-northeast-2a"}, {"Size", 10}});
  sandbox_->Advance(kMinute);
  std::string snap = Call("CreateSnapshot", {{"VolumeId", v["VolumeId"]}})["SnapshotId"];
  sandbox_->Advance(10 * kMinute);
  json bdm = json::array({json{{"DeviceName", "/dev/xvda"}, {"Ebs", {{"SnapshotId", snap}}}}});
  json request = {
      {"Name", "registered"}, {"RootDeviceName", "/dev/xvda"}, {"BlockDeviceMappings", bdm}};
  std::string old_style = Call("RegisterImage", request)["ImageId"];
  json image = Image(old_style);
  EXPECT_EQ(image["State"], "available");
  EXPECT_EQ(image["Architecture"], "i386");  // AWS's default for EBS-backed images
  EXPECT_EQ(image["VirtualizationType"], "paravirtual");
  EXPECT_EQ(image["BlockDeviceMappings"][0]["Ebs"]["VolumeSize"], 10);
  request["Name"] = "registered-hvm";
  request["Architecture"] = "x86_64";
  request["VirtualizationType"] = "hvm";
  request["EnaSupport"] = true;
  request["BootMode"] = "uefi";
  std::string hvm = Call("RegisterImage", request)["ImageId"];
  EXPECT_EQ(Image(hvm)["BootMode"], "uefi");
  EXPECT_FALSE(LaunchOf(hvm)["Instances"].empty());
  EXPECT_EQ(
      ErrorOf("RegisterImage",
              {{"Name", "no-root"}, {"RootDeviceName", "/dev/sda1"}, {"BlockDeviceMappings", bdm}}),
      "InvalidParameterValue");
  AsOther();
  EXPECT_EQ(ErrorOf("RegisterImage", request), "InvalidSnapshot.NotFound");
}

TEST_F(Images, CopyImageCopiesTheSnapshotsIntoTheCallingRegion) {
  std::string id = Available();
  std::string source_snap = Image(id)["BlockDeviceMappings"][0]["Ebs"]["SnapshotId"];
  ctx_.region = "us-east-1";
  json copy = Call("CopyImage", {{"SourceRegion", "ap-northeast-2"},
                                 {"SourceImageId", id},
                                 {"Name", "web-v1-copy"},
                                 {"Description", "copied"}});
  std::string copy_id = copy["ImageId"];
  json image = Image(copy_id);
  EXPECT_EQ(image["State"], "pending");
  EXPECT_EQ(image["Description"], "copied");
  std::string snap = image["BlockDeviceMappings"][0]["Ebs"]["SnapshotId"];
  EXPECT_NE(snap, source_snap);
  json snaps = Call("DescribeSnapshots", {{"SnapshotIds", {snap}}})["Snapshots"];
  ASSERT_EQ(snaps.size(), 1u);
  EXPECT_EQ(snaps[0]["VolumeId"], "vol-ffffffff");
  sandbox_->Advance(10 * kMinute);
  EXPECT_EQ(Image(copy_id)["State"], "available");
  EXPECT_EQ(ErrorOf("CopyImage", {{"SourceRegion", "ap-northeast-2"},
                                  {"SourceImageId", "ami-0123456789abcdef0"},
                                  {"Name", "nothing"}}),
            "InvalidAMIID.NotFound");
  EXPECT_EQ(ErrorOf("CopyImage",
                    {{"SourceRegion", "mars-1"}, {"SourceImageId", id}, {"Name", "nowhere"}}),
            "InvalidParameterValue");
}

TEST_F(Images, TagsComeFromTagSpecificationsAndCreateTags) {
  json tag = json{{"Key", "team"}, {"Value", "web"}};
  json spec = json::array({json{{"ResourceType", "image"}, {"Tags", json::array({tag})}},
                           json{{"ResourceType", "snapshot"}, {"Tags", json::array({tag})}}});
  std::string id = CreateFrom(Launch(), "tagged", {{"TagSpecifications", spec}})["ImageId"];
  json listed = Call("DescribeImages", {{"Filters", {Filter("tag:team", {"web"})}}})["Images"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["ImageId"], id);
  json snaps = Call("DescribeSnapshots", {{"Filters", {Filter("tag:team", {"web"})}}});
  EXPECT_EQ(snaps["Snapshots"].size(), 1u);
  json more = json{{"Key", "stage"}, {"Value", "prod"}};
  Call("CreateTags", {{"Resources", {id}}, {"Tags", json::array({more})}});
  json rows = Call("DescribeTags", {{"Filters", {Filter("resource-type", {"image"})}}})["Tags"];
  EXPECT_EQ(rows.size(), 2u);
}

TEST_F(Images, LaunchTemplatesNameOwnImages) {
  std::string id = Available();
  Call("CreateLaunchTemplate",
       {{"LaunchTemplateName", "from-own"},
        {"LaunchTemplateData", {{"ImageId", id}, {"InstanceType", "t2.micro"}}}});
  json r = Call(
      "RunInstances",
      {{"LaunchTemplate", {{"LaunchTemplateName", "from-own"}}}, {"MinCount", 1}, {"MaxCount", 1}});
  ASSERT_FALSE(r["Instances"].empty());
  EXPECT_EQ(r["Instances"][0]["ImageId"], id);
}

}  // namespace
}  // namespace ec2sim::testing
