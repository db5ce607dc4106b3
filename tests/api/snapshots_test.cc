// EBS snapshots through the API: CreateSnapshot's pending -> completed on the clock,
// DescribeSnapshots' owners, restorable-by and filters, sharing with createVolumePermission,
// CopySnapshot across regions, DeleteSnapshot, and volumes restored from snapshots by
// CreateVolume and RunInstances.
#include <regex>
#include <string>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

constexpr const char* kOtherAccount = "210987654321";

class Snapshots : public SandboxTest {
 protected:
  std::string Volume(int size = 10) {
    json v = Call("CreateVolume", {{"AvailabilityZone", "ap-northeast-2a"}, {"Size", size}});
    sandbox_->Advance(kMinute);
    return v["VolumeId"];
  }
  json Snap(const std::string& volume_id, const json& extra = json::object()) {
    json params = {{"VolumeId", volume_id}};
    for (auto it = extra.begin(); it != extra.end(); ++it) params[it.key()] = it.value();
    return Call("CreateSnapshot", params);
  }
  // A snapshot of a new 10 GiB volume, completed.
  std::string Completed() {
    std::string id = Snap(Volume())["SnapshotId"];
    sandbox_->Advance(10 * kMinute);
    return id;
  }
  json Describe(const json& params = json::object()) {
    return Call("DescribeSnapshots", params)["Snapshots"];
  }
  void AsOther() { ctx_.account = kOtherAccount; }
  void AsOwner() { ctx_.account = "123456789012"; }
  void Share(const std::string& id, const json& add) {
    Call("ModifySnapshotAttribute", {{"SnapshotId", id},
                                     {"Attribute", "createVolumePermission"},
                                     {"CreateVolumePermission", {{"Add", add}}}});
  }
};

TEST_F(Snapshots, CreatedSnapshotIsPendingThenCompleted) {
  std::string vol = Volume(12);
  json s = Snap(vol, {{"Description", "nightly"}});
  EXPECT_TRUE(
      std::regex_match(s["SnapshotId"].get<std::string>(), std::regex("snap-[0-9a-f]{17}")));
  EXPECT_EQ(s["State"], "pending");
  EXPECT_EQ(s["Progress"], "0%");
  EXPECT_EQ(s["VolumeId"], vol);
  EXPECT_EQ(s["VolumeSize"], 12);
  EXPECT_EQ(s["OwnerId"], "123456789012");
  EXPECT_EQ(s["Description"], "nightly");
  EXPECT_EQ(s["StorageTier"], "standard");
  EXPECT_EQ(s["Encrypted"], false);
  EXPECT_TRUE(s.contains("StartTime"));
  sandbox_->Advance(2 * kMinute);
  json listed = Describe({{"SnapshotIds", {s["SnapshotId"]}}});
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["State"], "completed");
  EXPECT_EQ(listed[0]["Progress"], "100%");
}

TEST_F(Snapshots, InstantTimingCompletesAtOnce) {
  SandboxOptions options;
  options.timing = Timing::kInstant;
  Reset(options);
  std::string id = Snap(Volume())["SnapshotId"];
  EXPECT_EQ(Describe({{"SnapshotIds", {id}}})[0]["State"], "completed");
}

TEST_F(Snapshots, TagSpecificationsTagTheSnapshot) {
  json tags = json::array({json{{"Key", "Name"}, {"Value", "db"}}});
  json spec = json::array({json{{"ResourceType", "snapshot"}, {"Tags", tags}}});
  std::string id = Snap(Volume(), {{"TagSpecifications", spec}})["SnapshotId"];
  json listed = Describe({{"Filters", {Filter("tag:Name", {"db"})}}});
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["SnapshotId"], id);
  EXPECT_EQ(
      Call("DescribeTags", {{"Filters", {Filter("resource-id", {id})}}})["Tags"][0]["ResourceType"],
      "snapshot");
}

TEST_F(Snapshots, BadIdsAreMalformedOrNotFound) {
  EXPECT_EQ(ErrorOf("CreateSnapshot", {{"VolumeId", "vol-0123456789abcdef0"}}),
            "InvalidVolume.NotFound");
  EXPECT_EQ(ErrorOf("DescribeSnapshots", {{"SnapshotIds", {"snap-xyz"}}}),
            "InvalidSnapshotID.Malformed");
  EXPECT_EQ(ErrorOf("DescribeSnapshots", {{"SnapshotIds", {"snap-0123456789abcdef0"}}}),
            "InvalidSnapshot.NotFound");
  EXPECT_EQ(ErrorOf("DeleteSnapshot", {{"SnapshotId", "snap-0123456789abcdef0"}}),
            "InvalidSnapshot.NotFound");
}

TEST_F(Snapshots, FiltersSelectByStatusVolumeAndSize) {
  std::string small = Volume(5), big = Volume(50);
  std::string a = Snap(small)["SnapshotId"];
  sandbox_->Advance(10 * kMinute);
  std::string b = Snap(big)["SnapshotId"];
  auto ids = [&](const json& filters) {
    std::vector<std::string> out;
    for (const json& s : Describe({{"Filters", filters}})) out.push_back(s["SnapshotId"]);
    return out;
  };
  EXPECT_EQ(ids(json::array({Filter("status", {"pending"})})), std::vector<std::string>{b});
  EXPECT_EQ(ids(json::array({Filter("volume-id", {small})})), std::vector<std::string>{a});
  EXPECT_EQ(ids(json::array({Filter("volume-size", {"50"})})), std::vector<std::string>{b});
  EXPECT_EQ(ids(json::array({Filter("owner-id", {"123456789012"})})),
            (std::vector<std::string>{a, b}));
  EXPECT_EQ(ErrorOf("DescribeSnapshots", {{"Filters", {Filter("colour", {"x"})}}}),
            "InvalidParameterValue");
}

TEST_F(Snapshots, DescribePagesWithMaxResults) {
  std::string vol = Volume();
  for (int i = 0; i < 6; ++i) Snap(vol);
  json page = Call("DescribeSnapshots", {{"MaxResults", 5}});
  EXPECT_EQ(page["Snapshots"].size(), 5u);
  ASSERT_TRUE(page.contains("NextToken"));
  json rest = Call("DescribeSnapshots", {{"MaxResults", 5}, {"NextToken", page["NextToken"]}});
  EXPECT_EQ(rest["Snapshots"].size(), 1u);
}

TEST_F(Snapshots, AnotherAccountSeesOnlyWhatIsSharedWithIt) {
  std::string id = Completed();
  AsOther();
  EXPECT_TRUE(Describe().empty());
  // An id it may not use is left out, not an error (API_DescribeSnapshots.html).
  EXPECT_TRUE(Describe({{"SnapshotIds", {id}}}).empty());
  AsOwner();
  Share(id, json::array({json{{"UserId", kOtherAccount}}}));
  json perms = Call("DescribeSnapshotAttribute",
                    {{"SnapshotId", id}, {"Attribute", "createVolumePermission"}});
  EXPECT_EQ(perms["CreateVolumePermissions"][0]["UserId"], kOtherAccount);
  AsOther();
  json shared = Describe({{"RestorableByUserIds", {"self"}}});
  ASSERT_EQ(shared.size(), 1u);
  EXPECT_EQ(shared[0]["SnapshotId"], id);
  EXPECT_EQ(shared[0]["OwnerId"], "123456789012");
  EXPECT_TRUE(Describe({{"OwnerIds", {"self"}}}).empty());
  EXPECT_EQ(Describe({{"OwnerIds", {"123456789012"}}}).size(), 1u);
  EXPECT_TRUE(Describe({{"OwnerIds", {"amazon"}}}).empty());
  // Only the owner reads or changes the attribute, and only the owner deletes.
  EXPECT_EQ(ErrorOf("DeleteSnapshot", {{"SnapshotId", id}}), "InvalidSnapshot.NotFound");
}

TEST_F(Snapshots, SharedSnapshotRestoresAVolumeInTheOtherAccount) {
  std::string id = Completed();
  AsOther();
  EXPECT_EQ(ErrorOf("CreateVolume", {{"AvailabilityZone", "ap-northeast-2b"}, {"SnapshotId", id}}),
            "InvalidSnapshot.NotFound");
  AsOwner();
  Share(id, json::array({json{{"Group", "all"}}}));
  AsOther();
  json v = Call("CreateVolume", {{"AvailabilityZone", "ap-northeast-2b"}, {"SnapshotId", id}});
  EXPECT_EQ(v["SnapshotId"], id);
  EXPECT_EQ(v["Size"], 10);
  AsOwner();
  Call("ResetSnapshotAttribute", {{"SnapshotId", id}, {"Attribute", "createVolumePermission"}});
  AsOther();
  EXPECT_TRUE(Describe().empty());
}

TEST_F(Snapshots, OperationTypeWithUserIdsAddsAndRemoves) {
  std::string id = Completed();
  json base = {{"SnapshotId", id}, {"Attribute", "createVolumePermission"}};
  json add = base;
  add["OperationType"] = "add";
  add["UserIds"] = {kOtherAccount};
  Call("ModifySnapshotAttribute", add);
  json remove = add;
  remove["OperationType"] = "remove";
  Call("ModifySnapshotAttribute", remove);
  EXPECT_TRUE(Call("DescribeSnapshotAttribute", base)["CreateVolumePermissions"].empty());
  add["UserIds"] = {"not-an-account"};
  EXPECT_EQ(ErrorOf("ModifySnapshotAttribute", add), "InvalidParameterValue");
  EXPECT_EQ(
      ErrorOf("DescribeSnapshotAttribute", {{"SnapshotId", id}, {"Attribute", "description"}}),
      "InvalidParameterValue");
}

TEST_F(Snapshots, VolumeFromSnapshotTakesItsSizeAndRefusesASmallerOne) {
  std::string id = Completed();
  json v = Call("CreateVolume", {{"AvailabilityZone", "ap-northeast-2a"}, {"SnapshotId", id}});
  EXPECT_EQ(v["Size"], 10);
  EXPECT_EQ(v["SnapshotId"], id);
  EXPECT_EQ(
      Call("CreateVolume",
           {{"AvailabilityZone", "ap-northeast-2a"}, {"SnapshotId", id}, {"Size", 20}})["Size"],
      20);
  EXPECT_EQ(ErrorOf("CreateVolume",
                    {{"AvailabilityZone", "ap-northeast-2a"}, {"SnapshotId", id}, {"Size", 5}}),
            "InvalidParameterValue");
}

TEST_F(Snapshots, RunInstancesRestoresAMappingFromItsSnapshot) {
  std::string id = Completed();
  json bdm = json::array({json{{"DeviceName", "/dev/sdf"}, {"Ebs", {{"SnapshotId", id}}}}});
  std::string inst = Launch({{"BlockDeviceMappings", bdm}});
  json vols = Call("DescribeVolumes", {{"Filters", {Filter("snapshot-id", {id})}}})["Volumes"];
  ASSERT_EQ(vols.size(), 1u);
  EXPECT_EQ(vols[0]["Size"], 10);
  EXPECT_EQ(vols[0]["Attachments"][0]["InstanceId"], inst);
  json small = json::array(
      {json{{"DeviceName", "/dev/sdg"}, {"Ebs", {{"SnapshotId", id}, {"VolumeSize", 4}}}}});
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023},
                                     {"InstanceType", "t2.micro"},
                                     {"MinCount", 1},
                                     {"MaxCount", 1},
                                     {"BlockDeviceMappings", small}}),
            "InvalidParameterValue");
}

TEST_F(Snapshots, CopySnapshotLandsInTheCallingRegion) {
  std::string id = Completed();
  ctx_.region = "us-east-1";
  json copy = Call("CopySnapshot", {{"SourceRegion", "ap-northeast-2"}, {"SourceSnapshotId", id}});
  std::string copy_id = copy["SnapshotId"];
  EXPECT_NE(copy_id, id);
  json listed = Describe({{"SnapshotIds", {copy_id}}});
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["VolumeId"], "vol-ffffffff");
  EXPECT_EQ(listed[0]["VolumeSize"], 10);
  EXPECT_EQ(listed[0]["Description"], "[Copied " + id + " from ap-northeast-2]");
  EXPECT_EQ(listed[0]["State"], "pending");
  EXPECT_EQ(ErrorOf("CopySnapshot", {{"SourceRegion", "ap-northeast-2"},
                                     {"SourceSnapshotId", "snap-0123456789abcdef0"}}),
            "InvalidSnapshot.NotFound");
  EXPECT_EQ(ErrorOf("CopySnapshot", {{"SourceRegion", "mars-1"}, {"SourceSnapshotId", id}}),
            "InvalidParameterValue");
}

TEST_F(Snapshots, CopyOfAPendingSnapshotIsRefused) {
  std::string id = Snap(Volume())["SnapshotId"];
  EXPECT_EQ(ErrorOf("CopySnapshot", {{"SourceRegion", "ap-northeast-2"}, {"SourceSnapshotId", id}}),
            "IncorrectState");
}

TEST_F(Snapshots, CreateSnapshotsTakesEveryVolumeOfAnInstance) {
  json bdm = json::array({json{{"DeviceName", "/dev/sdf"}, {"Ebs", {{"VolumeSize", 20}}}}});
  std::string inst = Launch({{"BlockDeviceMappings", bdm}});
  json all = Call("CreateSnapshots", {{"InstanceSpecification", {{"InstanceId", inst}}},
                                      {"Description", "whole instance"}});
  ASSERT_EQ(all["Snapshots"].size(), 2u);
  EXPECT_EQ(all["Snapshots"][1]["VolumeSize"], 20);
  EXPECT_EQ(all["Snapshots"][0]["State"], "pending");
  json data =
      Call("CreateSnapshots",
           {{"InstanceSpecification", {{"InstanceId", inst}, {"ExcludeBootVolume", true}}}});
  ASSERT_EQ(data["Snapshots"].size(), 1u);
  EXPECT_EQ(data["Snapshots"][0]["VolumeSize"], 20);
  EXPECT_EQ(ErrorOf("CreateSnapshots",
                    {{"InstanceSpecification", {{"InstanceId", "i-0123456789abcdef0"}}}}),
            "InvalidInstanceID.NotFound");
}

TEST_F(Snapshots, DescriptionAndPageSizeAreBounded) {
  std::string vol = Volume();
  EXPECT_EQ(ErrorOf("CreateSnapshot", {{"VolumeId", vol}, {"Description", std::string(256, 'x')}}),
            "InvalidParameterValue");
  json longest = Snap(vol, {{"Description", std::string(255, 'x')}});
  EXPECT_EQ(longest["Description"].get<std::string>().size(), 255u);
  EXPECT_EQ(ErrorOf("DescribeSnapshots", {{"MaxResults", 4}}), "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("DescribeSnapshots", {{"MaxResults", 1001}}), "InvalidParameterValue");
}

TEST_F(Snapshots, DeletedSnapshotIsGoneAndItsVolumeStays) {
  std::string vol = Volume();
  std::string id = Snap(vol)["SnapshotId"];
  Call("DeleteSnapshot", {{"SnapshotId", id}});
  EXPECT_TRUE(Describe().empty());
  EXPECT_EQ(Call("DescribeVolumes", {{"VolumeIds", {vol}}})["Volumes"].size(), 1u);
  EXPECT_EQ(ErrorOf("CreateSnapshot", {{"VolumeId", vol}, {"DryRun", true}}), "DryRunOperation");
}

}  // namespace
}  // namespace ec2sim::testing
