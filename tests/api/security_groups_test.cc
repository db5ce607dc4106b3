// Security groups as resources: creation, defaults, deletion, describing and attaching them.
#include <string>

#include "tests/api/sg_test_support.h"

namespace ec2sim::testing {
namespace {

using SecurityGroups = SecurityGroupTest;

TEST_F(SecurityGroups, CreateReturnsIdAndTagsAndAnAllowAllEgressRule) {
  json r = Call(
      "CreateSecurityGroup",
      {{"GroupName", "web"},
       {"Description", "web servers"},
       {"TagSpecifications",
        {{{"ResourceType", "security-group"}, {"Tags", {{{"Key", "Env"}, {"Value", "lab"}}}}}}}});
  std::string id = r.value("GroupId", "");
  ASSERT_EQ(id.rfind("sg-", 0), 0u) << r.dump();
  EXPECT_EQ(r["Tags"], json::parse(R"([{"Key":"Env","Value":"lab"}])"));

  json g = Group(id);
  EXPECT_EQ(g["GroupName"], "web");
  EXPECT_EQ(g["Description"], "web servers");
  EXPECT_EQ(g["OwnerId"], "123456789012");
  EXPECT_EQ(g["VpcId"], DefaultGroup()["VpcId"]);
  EXPECT_EQ(g["IpPermissions"], json::array());
  EXPECT_EQ(g["IpPermissionsEgress"], json::parse(R"([{"IpProtocol":"-1",
      "IpRanges":[{"CidrIp":"0.0.0.0/0"}],"Ipv6Ranges":[],"PrefixListIds":[],
      "UserIdGroupPairs":[]}])"));
  EXPECT_EQ(g["Tags"], r["Tags"]);
}

TEST_F(SecurityGroups, DefaultGroupAdmitsItsMembersAndSendsAnywhere) {
  json g = DefaultGroup();
  std::string id = g.value("GroupId", "");
  EXPECT_EQ(g["Description"], "default VPC security group");
  EXPECT_EQ(g["IpPermissions"], json::parse(R"([{"IpProtocol":"-1","IpRanges":[],
      "Ipv6Ranges":[],"PrefixListIds":[],"UserIdGroupPairs":[{"GroupId":")" +
                                            id + R"(","UserId":"123456789012"}]}])"));
  EXPECT_EQ(g["IpPermissionsEgress"][0]["IpRanges"][0]["CidrIp"], "0.0.0.0/0");
}

TEST_F(SecurityGroups, InstanceLaunchedWithoutGroupsGetsTheDefaultGroup) {
  std::string instance = Launch();
  json groups = Describe(instance)["SecurityGroups"];
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0]["GroupName"], "default");
  EXPECT_EQ(groups[0]["GroupId"], DefaultGroup()["GroupId"]);
}

TEST_F(SecurityGroups, CreateErrorsUseAwsCodes) {
  CreateGroup("web");
  EXPECT_EQ(ErrorOf("CreateSecurityGroup", {{"GroupName", "web"}, {"Description", "again"}}),
            "InvalidGroup.Duplicate");
  std::string vpc = DefaultGroup()["VpcId"];
  EXPECT_EQ(MessageOf("CreateSecurityGroup", {{"GroupName", "web"}, {"Description", "again"}}),
            "The security group 'web' already exists for VPC '" + vpc + "'");
  EXPECT_EQ(ErrorOf("CreateSecurityGroup", {{"GroupName", "sg-web"}, {"Description", "d"}}),
            "InvalidParameterValue");
  EXPECT_EQ(
      ErrorOf("CreateSecurityGroup", {{"GroupName", std::string(256, 'w')}, {"Description", "d"}}),
      "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("CreateSecurityGroup",
                    {{"GroupName", "long"}, {"Description", std::string(256, 'd')}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("CreateSecurityGroup", {{"GroupName", "nodesc"}}), "MissingParameter");
  EXPECT_EQ(MessageOf("CreateSecurityGroup", {{"GroupName", "nodesc"}}),
            "The request must contain the parameter GroupDescription");
  EXPECT_EQ(ErrorOf("CreateSecurityGroup",
                    {{"GroupName", "x"}, {"Description", "d"}, {"VpcId", "vpc-0123456789abcdef0"}}),
            "InvalidVpcID.NotFound");
}

TEST_F(SecurityGroups, RegionQuotaIs2500Groups) {
  // The default group is the first of the 2500.
  for (int i = 1; i < 2500; ++i) {
    ASSERT_FALSE(CreateGroup("g" + std::to_string(i)).empty()) << i;
  }
  EXPECT_EQ(ErrorOf("CreateSecurityGroup", {{"GroupName", "last"}, {"Description", "d"}}),
            "SecurityGroupLimitExceeded");
}

TEST_F(SecurityGroups, DeleteReturnsTheIdAndRemovesTheGroup) {
  std::string id = CreateGroup("temp");
  json r = Call("DeleteSecurityGroup", {{"GroupId", id}});
  EXPECT_EQ(r, json::parse(R"({"Return":true,"GroupId":")" + id + R"("})"));
  EXPECT_EQ(ErrorOf("DescribeSecurityGroups", {{"GroupIds", {id}}}), "InvalidGroup.NotFound");
  EXPECT_EQ(ErrorOf("DeleteSecurityGroup", {{"GroupId", id}}), "InvalidGroup.NotFound");
  EXPECT_EQ(ErrorOf("DeleteSecurityGroup", {{"GroupId", "sg-nothex"}}), "InvalidGroupId.Malformed");
  CreateGroup("byname");
  EXPECT_EQ(Call("DeleteSecurityGroup", {{"GroupName", "byname"}})["Return"], true);
  EXPECT_EQ(ErrorOf("DeleteSecurityGroup", {{"GroupName", "byname"}}), "InvalidGroup.NotFound");
}

TEST_F(SecurityGroups, DefaultGroupCannotBeDeleted) {
  std::string id = DefaultGroup()["GroupId"];
  EXPECT_EQ(ErrorOf("DeleteSecurityGroup", {{"GroupId", id}}), "CannotDelete");
  EXPECT_EQ(MessageOf("DeleteSecurityGroup", {{"GroupName", "default"}}),
            "the specified group: \"" + id + "\" name: \"default\" cannot be deleted by a user");
}

TEST_F(SecurityGroups, GroupOnAnInstanceHasADependentObjectUntilTermination) {
  std::string id = CreateGroup("web");
  std::string instance = Launch({{"SecurityGroupIds", {id}}});
  EXPECT_EQ(ErrorOf("DeleteSecurityGroup", {{"GroupId", id}}), "DependencyViolation");
  EXPECT_EQ(MessageOf("DeleteSecurityGroup", {{"GroupId", id}}),
            "resource " + id + " has a dependent object");
  Call("TerminateInstances", {{"InstanceIds", {instance}}});
  WaitFor(instance, "terminated");
  EXPECT_EQ(Call("DeleteSecurityGroup", {{"GroupId", id}})["Return"], true);
}

TEST_F(SecurityGroups, GroupReferencedByAnotherGroupsRuleCannotBeDeleted) {
  std::string db = CreateGroup("db");
  std::string app = CreateGroup("app");
  json added = Ingress(db, {{{"IpProtocol", "tcp"},
                             {"FromPort", 5432},
                             {"ToPort", 5432},
                             {"UserIdGroupPairs", {{{"GroupId", app}}}}}});
  EXPECT_EQ(ErrorOf("DeleteSecurityGroup", {{"GroupId", app}}), "DependencyViolation");
  std::string rule = added["SecurityGroupRules"][0]["SecurityGroupRuleId"];
  Call("RevokeSecurityGroupIngress", {{"GroupId", db}, {"SecurityGroupRuleIds", {rule}}});
  EXPECT_EQ(Call("DeleteSecurityGroup", {{"GroupId", app}})["Return"], true);
}

TEST_F(SecurityGroups, DescribeByIdsNamesAndErrors) {
  std::string web = CreateGroup("web");
  std::string db = CreateGroup("db");
  json r = Call("DescribeSecurityGroups", {{"GroupIds", {db, web}}});
  ASSERT_EQ(r["SecurityGroups"].size(), 2u);
  EXPECT_EQ(r["SecurityGroups"][0]["GroupId"], web);  // creation order
  r = Call("DescribeSecurityGroups", {{"GroupNames", {"db"}}});
  ASSERT_EQ(r["SecurityGroups"].size(), 1u);
  EXPECT_EQ(r["SecurityGroups"][0]["GroupId"], db);
  EXPECT_EQ(Call("DescribeSecurityGroups")["SecurityGroups"].size(), 3u);
  EXPECT_EQ(ErrorOf("DescribeSecurityGroups", {{"GroupNames", {"nope"}}}), "InvalidGroup.NotFound");
  EXPECT_EQ(ErrorOf("DescribeSecurityGroups", {{"GroupIds", {"sg-1"}}}),
            "InvalidGroupId.Malformed");
  EXPECT_EQ(ErrorOf("DescribeSecurityGroups", {{"GroupIds", {web}}, {"MaxResults", 5}}),
            "InvalidParameterCombination");
  EXPECT_EQ(
      ErrorOf("DescribeSecurityGroups", {{"Filters", {{{"Name", "colour"}, {"Values", {"x"}}}}}}),
      "InvalidParameterValue");
}

TEST_F(SecurityGroups, DescribeFiltersMatchGroupAndRuleFields) {
  std::string web = CreateGroup(
      "web",
      {{"TagSpecifications",
        {{{"ResourceType", "security-group"}, {"Tags", {{{"Key", "Env"}, {"Value", "prod"}}}}}}}});
  std::string db = CreateGroup("db");
  Ingress(web, json::array({Tcp(443, 443, "0.0.0.0/0")}));
  Ingress(db, {{{"IpProtocol", "tcp"},
                {"FromPort", 5432},
                {"ToPort", 5432},
                {"UserIdGroupPairs", {{{"GroupId", web}}}}}});
  auto ids = [&](const std::string& name, const std::string& value) {
    json r = Call("DescribeSecurityGroups", {{"Filters", {{{"Name", name}, {"Values", {value}}}}}});
    std::vector<std::string> out;
    for (const json& g : r["SecurityGroups"]) out.push_back(g["GroupId"]);
    return out;
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(ids("group-name", "web"), Ids{web});
  EXPECT_EQ(ids("description", "db*"), Ids{db});
  EXPECT_EQ(ids("tag:Env", "prod"), Ids{web});
  EXPECT_EQ(ids("ip-permission.from-port", "443"), Ids{web});
  EXPECT_EQ(ids("ip-permission.to-port", "5432"), Ids{db});
  EXPECT_EQ(ids("ip-permission.cidr", "0.0.0.0/0"), Ids{web});
  EXPECT_EQ(ids("ip-permission.group-id", web), Ids{db});
  EXPECT_EQ(ids("ip-permission.group-name", "web"), Ids{db});
  EXPECT_EQ(ids("ip-permission.protocol", "tcp"), (Ids{web, db}));
  EXPECT_EQ(ids("egress.ip-permission.cidr", "0.0.0.0/0").size(), 3u);
  EXPECT_EQ(ids("owner-id", "123456789012").size(), 3u);
  EXPECT_EQ(ids("vpc-id", DefaultGroup()["VpcId"]).size(), 3u);
}

TEST_F(SecurityGroups, DescribePaginatesInCreationOrder) {
  for (int i = 0; i < 6; ++i) CreateGroup("g" + std::to_string(i));
  json first = Call("DescribeSecurityGroups", {{"MaxResults", 5}});
  ASSERT_EQ(first["SecurityGroups"].size(), 5u);
  EXPECT_EQ(first["SecurityGroups"][0]["GroupName"], "default");
  ASSERT_TRUE(first.contains("NextToken"));
  json rest =
      Call("DescribeSecurityGroups", {{"MaxResults", 5}, {"NextToken", first["NextToken"]}});
  ASSERT_EQ(rest["SecurityGroups"].size(), 2u);
  EXPECT_EQ(rest["SecurityGroups"][1]["GroupName"], "g5");
  EXPECT_FALSE(rest.contains("NextToken"));
}

TEST_F(SecurityGroups, ModifyInstanceAttributeGroupsTakesEffectAtOnce) {
  std::string web = CreateGroup("web");
  std::string admin = CreateGroup("admin");
  std::string instance = Launch({{"SecurityGroupIds", {web}}});
  EXPECT_EQ(Call("ModifyInstanceAttribute", {{"InstanceId", instance}, {"Groups", {admin, web}}}),
            json::object());
  json groups = Describe(instance)["SecurityGroups"];
  EXPECT_EQ(groups, json::parse(R"([{"GroupId":")" + admin + R"(","GroupName":"admin"},
      {"GroupId":")" + web + R"(","GroupName":"web"}])"));
  EXPECT_EQ(Describe(instance)["NetworkInterfaces"][0]["Groups"], groups);

  Call("ModifyInstanceAttribute", {{"InstanceId", instance}, {"Groups", {admin}}});
  EXPECT_EQ(Call("DeleteSecurityGroup", {{"GroupId", web}})["Return"], true);
}

TEST_F(SecurityGroups, ModifyInstanceAttributeGroupsIsValidated) {
  std::string instance = Launch();
  json six = json::array();
  for (int i = 0; i < 6; ++i) six.push_back(CreateGroup("g" + std::to_string(i)));
  auto modify = [&](const json& groups) {
    return ErrorOf("ModifyInstanceAttribute", {{"InstanceId", instance}, {"Groups", groups}});
  };
  EXPECT_EQ(modify(six), "SecurityGroupsPerInterfaceLimitExceeded");
  EXPECT_EQ(modify({"sg-0123456789abcdef0"}), "InvalidGroup.NotFound");
  EXPECT_EQ(modify({"web"}), "InvalidGroupId.Malformed");
  EXPECT_EQ(modify(json::array()), "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("ModifyInstanceAttribute", {{"InstanceId", instance}}), "MissingParameter");
  EXPECT_EQ(ErrorOf("ModifyInstanceAttribute",
                    {{"InstanceId", "i-0123456789abcdef0"}, {"Groups", {six[0]}}}),
            "InvalidInstanceID.NotFound");
  EXPECT_EQ(Describe(instance)["SecurityGroups"][0]["GroupName"], "default");
}

TEST_F(SecurityGroups, ModifyNetworkInterfaceAttributeChangesTheInstancesGroups) {
  std::string web = CreateGroup("web");
  std::string instance = Launch();
  std::string eni = Describe(instance)["NetworkInterfaces"][0]["NetworkInterfaceId"];
  EXPECT_EQ(
      Call("ModifyNetworkInterfaceAttribute", {{"NetworkInterfaceId", eni}, {"Groups", {web}}}),
      json::object());
  EXPECT_EQ(Describe(instance)["SecurityGroups"][0]["GroupId"], web);
  EXPECT_EQ(ErrorOf("ModifyNetworkInterfaceAttribute",
                    {{"NetworkInterfaceId", "eni-0123456789abcdef0"}, {"Groups", {web}}}),
            "InvalidNetworkInterfaceID.NotFound");
}

}  // namespace
}  // namespace ec2sim::testing
