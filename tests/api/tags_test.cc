// CreateTags, DeleteTags and DescribeTags.
#include <set>
#include <string>
#include <vector>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

json TagSet(std::initializer_list<std::pair<std::string, std::string>> tags) {
  json out = json::array();
  for (const auto& [key, value] : tags) out.push_back({{"Key", key}, {"Value", value}});
  return out;
}

json OneFilter(const std::string& name, std::vector<std::string> values) {
  return json::array({{{"Name", name}, {"Values", values}}});
}

class Tags : public SandboxTest {
 protected:
  void Tag(const std::string& id, const json& tags) {
    Call("CreateTags", {{"Resources", {id}}, {"Tags", tags}});
  }
  // DescribeTags rows of one resource.
  json TagsOf(const std::string& id) {
    return Call("DescribeTags", {{"Filters", OneFilter("resource-id", {id})}})["Tags"];
  }
  json InstanceTags(const std::string& id) { return Describe(id).value("Tags", json::array()); }
  std::string DefaultVpc() { return Call("DescribeVpcs")["Vpcs"][0]["VpcId"]; }
};

TEST_F(Tags, RoundTripThroughDescribeInstancesAndDescribeTags) {
  std::string id = Launch();
  EXPECT_FALSE(Describe(id).contains("Tags"));
  json created = Call("CreateTags",
                      {{"Resources", {id}}, {"Tags", TagSet({{"Name", "web-1"}, {"Env", "lab"}})}});
  EXPECT_EQ(created, json::object());
  EXPECT_EQ(InstanceTags(id), TagSet({{"Name", "web-1"}, {"Env", "lab"}}));
  // DescribeTags orders by resource, then key.
  EXPECT_EQ(
      TagsOf(id),
      json::array(
          {{{"Key", "Env"}, {"ResourceId", id}, {"ResourceType", "instance"}, {"Value", "lab"}},
           {{"Key", "Name"},
            {"ResourceId", id},
            {"ResourceType", "instance"},
            {"Value", "web-1"}}}));
  json filtered = Call("DescribeInstances", {{"Filters", OneFilter("tag:Env", {"la?"})}});
  ASSERT_EQ(filtered["Reservations"].size(), 1u);
  EXPECT_EQ(filtered["Reservations"][0]["Instances"][0]["InstanceId"], id);
}

TEST_F(Tags, CreateTagsOverwritesTheValueOfAnExistingKey) {
  std::string id = Launch();
  Tag(id, TagSet({{"Name", "old"}, {"Team", "a"}}));
  Tag(id, TagSet({{"Name", "new"}}));
  EXPECT_EQ(InstanceTags(id), TagSet({{"Name", "new"}, {"Team", "a"}}));
}

TEST_F(Tags, CreateTagsTagsSeveralResourcesAtOnce) {
  std::string a = Launch();
  std::string vpc = DefaultVpc();
  Call("CreateTags", {{"Resources", {a, vpc}}, {"Tags", TagSet({{"Project", "x"}})}});
  json rows = Call("DescribeTags", {{"Filters", OneFilter("key", {"Project"})}})["Tags"];
  ASSERT_EQ(rows.size(), 2u);
  std::set<std::string> types = {rows[0]["ResourceType"].get<std::string>(),
                                 rows[1]["ResourceType"].get<std::string>()};
  EXPECT_EQ(types, (std::set<std::string>{"instance", "vpc"}));
}

TEST_F(Tags, DeleteTagsByKeyRemovesTheTagWhateverItsValue) {
  std::string id = Launch();
  Tag(id, TagSet({{"Name", "web"}, {"Env", "lab"}}));
  EXPECT_EQ(Call("DeleteTags", {{"Resources", {id}}, {"Tags", {{{"Key", "Name"}}}}}),
            json::object());
  EXPECT_EQ(InstanceTags(id), TagSet({{"Env", "lab"}}));
  // Deleting a key the resource does not have is not an error.
  Call("DeleteTags", {{"Resources", {id}}, {"Tags", {{{"Key", "Missing"}}}}});
  EXPECT_EQ(InstanceTags(id), TagSet({{"Env", "lab"}}));
}

TEST_F(Tags, DeleteTagsByKeyAndValueDeletesOnlyOnAMatch) {
  std::string id = Launch();
  Tag(id, TagSet({{"Env", "lab"}, {"Empty", ""}}));
  Call("DeleteTags", {{"Resources", {id}}, {"Tags", TagSet({{"Env", "prod"}})}});
  EXPECT_EQ(InstanceTags(id), TagSet({{"Env", "lab"}, {"Empty", ""}}));
  // An empty value matches only an empty value.
  Call("DeleteTags", {{"Resources", {id}}, {"Tags", TagSet({{"Env", ""}})}});
  EXPECT_EQ(InstanceTags(id), TagSet({{"Env", "lab"}, {"Empty", ""}}));
  Call("DeleteTags", {{"Resources", {id}}, {"Tags", TagSet({{"Env", "lab"}, {"Empty", ""}})}});
  EXPECT_EQ(InstanceTags(id), json::array());
}

TEST_F(Tags, DeleteTagsWithoutTagsRemovesEveryTag) {
  std::string id = Launch();
  Tag(id, TagSet({{"A", "1"}, {"B", "2"}}));
  Call("DeleteTags", {{"Resources", {id}}});
  EXPECT_TRUE(TagsOf(id).empty());
}

TEST_F(Tags, EveryResourceKindIsTaggedUnderItsResourceType) {
  std::string instance = Launch();
  json inst = Describe(instance);
  std::string eni = inst["NetworkInterfaces"][0]["NetworkInterfaceId"];
  std::string volume = inst["BlockDeviceMappings"][0]["Ebs"]["VolumeId"];
  std::string group = inst["SecurityGroups"][0]["GroupId"];
  std::string subnet = inst["SubnetId"];
  std::string vpc = inst["VpcId"];
  std::string allocation = Call("AllocateAddress", {{"Domain", "vpc"}})["AllocationId"];
  std::string key = Call("CreateKeyPair", {{"KeyName", "lab"}})["KeyPairId"];
  json rule_ids =
      Call("AuthorizeSecurityGroupIngress",
           {{"GroupId", group},
            {"IpPermissions",
             {{{"IpProtocol", "tcp"},
               {"FromPort", 22},
               {"ToPort", 22},
               {"IpRanges", {{{"CidrIp", "203.0.113.0/24"}}}}}}}})["SecurityGroupRules"];
  ASSERT_EQ(rule_ids.size(), 1u);
  std::string rule = rule_ids[0]["SecurityGroupRuleId"];
  const std::vector<std::pair<std::string, std::string>> expected = {
      {instance, "instance"},     {eni, "network-interface"}, {volume, "volume"},
      {group, "security-group"},  {subnet, "subnet"},         {vpc, "vpc"},
      {allocation, "elastic-ip"}, {key, "key-pair"},          {rule, "security-group-rule"}};
  std::vector<std::string> all;
  for (const auto& [id, type] : expected) all.push_back(id);
  Call("CreateTags", {{"Resources", all}, {"Tags", TagSet({{"Owner", "lab"}})}});
  for (const auto& [id, type] : expected) {
    json rows = TagsOf(id);
    ASSERT_EQ(rows.size(), 1u) << id;
    EXPECT_EQ(rows[0]["ResourceType"], type) << id;
    EXPECT_EQ(rows[0]["Value"], "lab");
  }
  EXPECT_EQ(Call("DescribeTags")["Tags"].size(), expected.size());
  json subnets = Call("DescribeSubnets", {{"SubnetIds", {subnet}}})["Subnets"];
  EXPECT_EQ(subnets[0]["Tags"], TagSet({{"Owner", "lab"}}));
  json enis = Call("DescribeNetworkInterfaces", {{"NetworkInterfaceIds", {eni}}});
  EXPECT_EQ(enis["NetworkInterfaces"][0]["TagSet"], TagSet({{"Owner", "lab"}}));
  Call("DeleteTags", {{"Resources", all}});
  EXPECT_TRUE(Call("DescribeTags")["Tags"].empty());
}

TEST_F(Tags, MalformedIdsAreInvalidId) {
  for (const char* id : {"foo", "i-xyz", "vpc-", "vgw-0123456789abcdef0", "i-0123456789ABCDEF0",
                         "ami-0c9c942bd7bf113a2"}) {
    EXPECT_EQ(ErrorOf("CreateTags", {{"Resources", {id}}, {"Tags", TagSet({{"A", "b"}})}}),
              "InvalidID")
        << id;
  }
  Result<json> r =
      sandbox_->Call("CreateTags", {{"Resources", {"foo"}}, {"Tags", TagSet({{"A", "b"}})}}, ctx_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "The ID 'foo' is not valid");
}

TEST_F(Tags, WellFormedUnknownIdsUseTheResourcesNotFoundCode) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"i-0123456789abcdef0", "InvalidInstanceID.NotFound"},
      {"vpc-0123456789abcdef0", "InvalidVpcID.NotFound"},
      {"subnet-0123456789abcdef0", "InvalidSubnetID.NotFound"},
      {"eni-0123456789abcdef0", "InvalidNetworkInterfaceID.NotFound"},
      {"eipalloc-0123456789abcdef0", "InvalidAllocationID.NotFound"},
      {"key-0123456789abcdef0", "InvalidKeyPair.NotFound"},
      {"acl-0123456789abcdef0", "InvalidNetworkAclID.NotFound"},
      {"sg-0123456789abcdef0", "InvalidGroup.NotFound"},
      {"sgr-0123456789abcdef0", "InvalidSecurityGroupRuleId.NotFound"},
      {"i-12345678", "InvalidInstanceID.NotFound"},
  };
  for (const auto& [id, code] : cases) {
    EXPECT_EQ(ErrorOf("CreateTags", {{"Resources", {id}}, {"Tags", TagSet({{"A", "b"}})}}), code)
        << id;
    EXPECT_EQ(ErrorOf("DeleteTags", {{"Resources", {id}}}), code) << id;
  }
  Result<json> r = sandbox_->Call("DeleteTags", {{"Resources", {"vpc-0123456789abcdef0"}}}, ctx_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "The vpc ID 'vpc-0123456789abcdef0' does not exist");
}

TEST_F(Tags, OneBadResourceChangesNothing) {
  std::string id = Launch();
  Tag(id, TagSet({{"Keep", "me"}}));
  EXPECT_EQ(ErrorOf("CreateTags",
                    {{"Resources", {id, "i-0123456789abcdef0"}}, {"Tags", TagSet({{"New", "x"}})}}),
            "InvalidInstanceID.NotFound");
  EXPECT_EQ(ErrorOf("DeleteTags", {{"Resources", {id, "vpc-0123456789abcdef0"}}}),
            "InvalidVpcID.NotFound");
  EXPECT_EQ(InstanceTags(id), TagSet({{"Keep", "me"}}));
}

TEST_F(Tags, FiftyTagsPerResourceThenTagLimitExceeded) {
  std::string id = Launch();
  json fifty = json::array();
  for (int i = 0; i < 50; ++i) fifty.push_back({{"Key", "k" + std::to_string(i)}, {"Value", "v"}});
  Tag(id, fifty);
  EXPECT_EQ(InstanceTags(id).size(), 50u);
  EXPECT_EQ(ErrorOf("CreateTags", {{"Resources", {id}}, {"Tags", TagSet({{"k50", "v"}})}}),
            "TagLimitExceeded");
  // Overwriting an existing key does not add a tag.
  Tag(id, TagSet({{"k0", "changed"}}));
  EXPECT_EQ(InstanceTags(id)[0]["Value"], "changed");
  EXPECT_EQ(InstanceTags(id).size(), 50u);
  std::string vpc = DefaultVpc();
  json fifty_one = fifty;
  fifty_one.push_back({{"Key", "k50"}, {"Value", "v"}});
  EXPECT_EQ(ErrorOf("CreateTags", {{"Resources", {vpc}}, {"Tags", fifty_one}}), "TagLimitExceeded");
  EXPECT_TRUE(TagsOf(vpc).empty());
}

TEST_F(Tags, RejectsReservedEmptyAndOverlongKeysAndValues) {
  std::string id = Launch();
  auto create = [&](const json& tags) {
    return ErrorOf("CreateTags", {{"Resources", {id}}, {"Tags", tags}});
  };
  EXPECT_EQ(create(TagSet({{"aws:name", "x"}})), "InvalidParameterValue");
  EXPECT_EQ(create(TagSet({{"", "x"}})), "InvalidParameterValue");
  EXPECT_EQ(create(TagSet({{std::string(129, 'k'), "x"}})), "InvalidParameterValue");
  EXPECT_EQ(create(TagSet({{"k", std::string(257, 'v')}})), "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("DeleteTags", {{"Resources", {id}}, {"Tags", {{{"Key", "aws:x"}}}}}),
            "InvalidParameterValue");
  Tag(id, TagSet({{std::string(128, 'k'), std::string(256, 'v')}}));
  EXPECT_EQ(InstanceTags(id).size(), 1u);
}

TEST_F(Tags, MissingResourcesOrTagsIsMissingParameter) {
  std::string id = Launch();
  EXPECT_EQ(ErrorOf("CreateTags", {{"Tags", TagSet({{"A", "b"}})}}), "MissingParameter");
  EXPECT_EQ(ErrorOf("CreateTags", {{"Resources", json::array()}, {"Tags", TagSet({{"A", "b"}})}}),
            "MissingParameter");
  EXPECT_EQ(ErrorOf("CreateTags", {{"Resources", {id}}}), "MissingParameter");
  EXPECT_EQ(ErrorOf("DeleteTags", json::object()), "MissingParameter");
  EXPECT_EQ(ErrorOf("CreateTags",
                    {{"Resources", {id}}, {"Tags", TagSet({{"A", "b"}})}, {"Tag", json::array()}}),
            "UnknownParameter");
}

TEST_F(Tags, DescribeTagsFiltersByKeyValueTypeAndTag) {
  std::string id = Launch();
  std::string vpc = DefaultVpc();
  Tag(id, TagSet({{"Name", "web"}, {"Env", "lab"}}));
  Tag(vpc, TagSet({{"Name", "main"}}));
  auto keys_of = [&](const json& filters) {
    std::vector<std::string> out;
    json rows = Call("DescribeTags", {{"Filters", filters}})["Tags"];
    for (const json& row : rows) {
      out.push_back(row["ResourceId"].get<std::string>() + "/" + row["Key"].get<std::string>());
    }
    return out;
  };
  EXPECT_EQ(keys_of(OneFilter("key", {"Na*"})).size(), 2u);
  EXPECT_EQ(keys_of(OneFilter("value", {"?eb"})), (std::vector<std::string>{id + "/Name"}));
  EXPECT_EQ(keys_of(OneFilter("resource-type", {"vpc"})),
            (std::vector<std::string>{vpc + "/Name"}));
  // tag:Env=lab selects every tag of resources carrying Env=lab.
  EXPECT_EQ(keys_of(OneFilter("tag:Env", {"lab"})),
            (std::vector<std::string>{id + "/Env", id + "/Name"}));
  json both = json::array({{{"Name", "key"}, {"Values", {"Name"}}},
                           {{"Name", "resource-type"}, {"Values", {"instance", "subnet"}}}});
  EXPECT_EQ(keys_of(both), (std::vector<std::string>{id + "/Name"}));
  EXPECT_EQ(ErrorOf("DescribeTags", {{"Filters", OneFilter("resource", {"x"})}}),
            "InvalidParameterValue");
}

TEST_F(Tags, DescribeTagsPagesCoverEveryTagOnce) {
  std::string id = Launch();
  json twelve = json::array();
  for (int i = 0; i < 12; ++i) twelve.push_back({{"Key", "k" + std::to_string(i)}, {"Value", "v"}});
  Tag(id, twelve);
  json params = {{"MaxResults", 5}};
  std::vector<std::string> keys;
  int pages = 0;
  for (;;) {
    json r = Call("DescribeTags", params);
    ++pages;
    EXPECT_LE(r["Tags"].size(), 5u);
    for (const json& row : r["Tags"]) keys.push_back(row["Key"].get<std::string>());
    if (!r.contains("NextToken") || pages > 10) break;
    params["NextToken"] = r["NextToken"];
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(keys.size(), 12u);
  EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()).size(), 12u);
  EXPECT_EQ(ErrorOf("DescribeTags", {{"MaxResults", 5}, {"NextToken", "not-a-token"}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("DescribeTags", {{"MaxResults", 4}}), "InvalidParameterValue");
}

}  // namespace
}  // namespace ec2sim::testing
