// Every kind of sim/model/resource_kinds.h is reachable through the lists that read the table:
// its Describe is registered, CreateTags and DescribeTags handle it, the state snapshot lists it
// and transcripts name it. A new kind that misses one of them fails here.
#include "sim/model/resource_kinds.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "sim/api/action_table.h"
#include "sim/scenario/summary.h"
#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

using model::ResourceKind;

// One id of each kind found anywhere in `node`, the first met.
void HarvestIds(const json& node, std::map<model::Kind, std::string>& ids) {
  if (node.is_string()) {
    const std::string& text = node.get_ref<const std::string&>();
    const ResourceKind* kind = model::KindOfId(text);
    if (kind != nullptr && model::IsWellFormedId(*kind, text)) ids.emplace(kind->kind, text);
    return;
  }
  if (node.is_structured()) {
    for (const json& child : node) HarvestIds(child, ids);
  }
}

class ResourceKindCoverage : public SandboxTest {
 protected:
  // Makes one resource of every kind (the default VPC brings its subnets, network ACL and
  // security group with its rules; an instance brings its interface and root volume) and
  // collects an id of each from the Describe actions.
  std::map<model::Kind, std::string> OneOfEach() {
    Launch();
    Call("AllocateAddress");
    Call("CreateKeyPair", {{"KeyName", "coverage"}});
    // A fresh Region has no egress-only gateway and no peering connection: one of each (the
    // connection of the default VPC with itself is "failed", and still listed).
    std::string vpc = Call("DescribeVpcs")["Vpcs"][0]["VpcId"];
    Call("CreateEgressOnlyInternetGateway", {{"VpcId", vpc}});
    Call("CreateVpcPeeringConnection", {{"VpcId", vpc}, {"PeerVpcId", vpc}});
    json subnets = Call("DescribeSubnets");
    Call("CreateNatGateway",
         {{"SubnetId", subnets["Subnets"][0]["SubnetId"]}, {"ConnectivityType", "private"}});
    Call("CreateLaunchTemplate",
         {{"LaunchTemplateName", "coverage"}, {"LaunchTemplateData", json::object()}});
    json volumes = Call("DescribeVolumes");
    Call("CreateSnapshot", {{"VolumeId", volumes["Volumes"][0]["VolumeId"]}});
    std::string instance = volumes["Volumes"][0]["Attachments"][0]["InstanceId"];
    std::string image =
        Call("CreateImage", {{"InstanceId", instance}, {"Name", "coverage"}})["ImageId"];
    std::map<model::Kind, std::string> ids;
    for (const ResourceKind& kind : model::ResourceKinds()) {
      if (!kind.describe_action.empty()) HarvestIds(Call(std::string(kind.describe_action)), ids);
    }
    // Launches name the catalog's images, which are not the account's to tag.
    ids[model::Kind::kImage] = image;
    return ids;
  }
};

TEST_F(ResourceKindCoverage, EveryDescribeOfTheTableIsRegistered) {
  for (const ResourceKind& kind : model::ResourceKinds()) {
    if (kind.describe_action.empty()) {
      // A kind without a Describe cannot be in the snapshot (every kind has one today).
      EXPECT_EQ(kind.kind, model::Kind::kVolume);
      EXPECT_FALSE(kind.in_snapshot);
      continue;
    }
    EXPECT_NE(api::ActionTable::Get().Find(kind.describe_action), nullptr) << kind.describe_action;
    EXPECT_FALSE(kind.list_member.empty()) << kind.describe_action;
  }
}

TEST_F(ResourceKindCoverage, EveryKindCanBeTaggedAndDescribedById) {
  std::map<model::Kind, std::string> ids = OneOfEach();
  for (const ResourceKind& kind : model::ResourceKinds()) {
    SCOPED_TRACE(std::string(kind.tag_type));
    ASSERT_EQ(ids.count(kind.kind), 1u);
    const std::string& id = ids[kind.kind];
    json tag = json{{"Key", "kind"}, {"Value", std::string(kind.tag_type)}};
    Call("CreateTags", {{"Resources", {id}}, {"Tags", json::array({tag})}});
    json rows = Call("DescribeTags", {{"Filters", {Filter("resource-id", {id})}}})["Tags"];
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0]["ResourceType"], kind.tag_type);
    // A well-formed id nobody holds is the kind's NotFound.
    std::string unknown = std::string(kind.prefix) + "0123456789abcdef0";
    EXPECT_EQ(ErrorOf("CreateTags", {{"Resources", {unknown}}, {"Tags", json::array({tag})}}),
              AwsCode(kind.not_found));
    if (kind.describe_action.empty()) continue;
    json listed =
        Call(std::string(kind.describe_action), {{std::string(kind.ids_param), json::array({id})}});
    ASSERT_TRUE(listed.contains(std::string(kind.list_member)));
    EXPECT_NE(listed.dump().find(id), std::string::npos);
    EXPECT_EQ(ErrorOf(std::string(kind.describe_action),
                      {{std::string(kind.ids_param), json::array({unknown})}}),
              AwsCode(kind.not_found));
  }
}

TEST_F(ResourceKindCoverage, TheSnapshotListsEveryKindItShows) {
  OneOfEach();
  json region = sandbox_->Snapshot(ctx_.account)["regions"][ctx_.region];
  for (const ResourceKind& kind : model::ResourceKinds()) {
    if (!kind.in_snapshot) continue;
    std::string member =
        kind.kind == model::Kind::kInstance ? "Instances" : std::string(kind.list_member);
    ASSERT_TRUE(region.contains(member)) << member;
    EXPECT_FALSE(region[member].empty()) << member;
  }
}

TEST_F(ResourceKindCoverage, TranscriptsNameEveryKindTheyShow) {
  for (const ResourceKind& kind : model::ResourceKinds()) {
    std::string id = std::string(kind.prefix) + "0123456789abcdef0";
    std::vector<std::string> expected;
    if (kind.in_transcript) expected.push_back(id);
    json result = {{std::string(kind.id_key), id}};
    EXPECT_EQ(scenario::TouchedIds(result, json::object()), expected) << kind.id_key;
    json params = {{std::string(kind.ids_param), json::array({id})}};
    EXPECT_EQ(scenario::TouchedIds(json::object(), params), expected) << kind.ids_param;
  }
}

}  // namespace
}  // namespace ec2sim::testing
