// CreateVpc, DeleteVpc, CreateDefaultVpc, the VPC attributes and CIDR block associations.
#include <algorithm>
#include <regex>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

class VpcTest : public SandboxTest {
 protected:
  std::string Vpc(const std::string& cidr = "10.0.0.0/16") {
    json r = Call("CreateVpc", {{"CidrBlock", cidr}});
    return r.contains("Vpc") ? r["Vpc"]["VpcId"].get<std::string>() : "";
  }
  json DescribeVpc(const std::string& id) {
    json r = Call("DescribeVpcs", {{"VpcIds", {id}}});
    return r.contains("Vpcs") && !r["Vpcs"].empty() ? r["Vpcs"][0] : json::object();
  }
  // The resources DescribeX lists with filter vpc-id = id.
  json InVpc(const std::string& action, const std::string& member, const std::string& id) {
    json r = Call(action, {{"Filters", json::array({Filter("vpc-id", {id})})}});
    return r.contains(member) ? r[member] : json::array();
  }
};

TEST_F(VpcTest, CreateVpcAnswersAvailableVpcInAwsShape) {
  json tag = json{{"Key", "Name"}, {"Value", "main"}};
  json r = Call("CreateVpc",
                {{"CidrBlock", "10.0.0.0/16"},
                 {"TagSpecifications",
                  json::array({json{{"ResourceType", "vpc"}, {"Tags", json::array({tag})}}})}});
  json vpc = r["Vpc"];
  EXPECT_TRUE(std::regex_match(vpc["VpcId"].get<std::string>(), std::regex("vpc-[0-9a-f]{17}")));
  EXPECT_EQ(vpc["State"], "available");
  EXPECT_EQ(vpc["CidrBlock"], "10.0.0.0/16");
  EXPECT_EQ(vpc["IsDefault"], false);
  EXPECT_EQ(vpc["InstanceTenancy"], "default");
  EXPECT_EQ(vpc["OwnerId"], "123456789012");
  EXPECT_EQ(vpc["CidrBlockAssociationSet"][0]["CidrBlock"], "10.0.0.0/16");
  EXPECT_EQ(vpc["CidrBlockAssociationSet"][0]["CidrBlockState"]["State"], "associated");
  EXPECT_FALSE(vpc.contains("Ipv6CidrBlockAssociationSet"));
  EXPECT_EQ(vpc["Tags"][0]["Value"], "main");
  // The region's default DHCP options set is reused, as AWS does.
  json def = Call("DescribeVpcs", {{"Filters", json::array({Filter("is-default", {"true"})})}});
  EXPECT_EQ(vpc["DhcpOptionsId"], def["Vpcs"][0]["DhcpOptionsId"]);
}

TEST_F(VpcTest, NewVpcHasMainRouteTableDefaultAclAndDefaultGroup) {
  std::string id = Vpc();
  json groups = InVpc("DescribeSecurityGroups", "SecurityGroups", id);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0]["GroupName"], "default");
  EXPECT_EQ(groups[0]["IpPermissions"][0]["UserIdGroupPairs"][0]["GroupId"], groups[0]["GroupId"]);
  json acls = InVpc("DescribeNetworkAcls", "NetworkAcls", id);
  ASSERT_EQ(acls.size(), 1u);
  EXPECT_EQ(acls[0]["IsDefault"], true);
  EXPECT_EQ(acls[0]["Entries"].size(), 4u);  // allow all and "*" deny, each direction
}

TEST_F(VpcTest, CidrOutsideSixteenToTwentyEightIsInvalidVpcRange) {
  EXPECT_EQ(ErrorOf("CreateVpc", {{"CidrBlock", "10.0.0.0/15"}}), "InvalidVpc.Range");
  EXPECT_EQ(ErrorOf("CreateVpc", {{"CidrBlock", "10.0.0.0/29"}}), "InvalidVpc.Range");
  EXPECT_EQ(ErrorOf("CreateVpc", {{"CidrBlock", "10.0.0/16"}}), "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("CreateVpc", json::object()), "MissingParameter");
  EXPECT_FALSE(Vpc("10.0.0.0/28").empty());
}

TEST_F(VpcTest, FifthVpcIncludingDefaultIsTheLastOne) {
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(Vpc("10." + std::to_string(i) + ".0.0/16").empty());
  EXPECT_EQ(ErrorOf("CreateVpc", {{"CidrBlock", "10.9.0.0/16"}}), "VpcLimitExceeded");
}

TEST_F(VpcTest, AmazonIpv6BlockIsASlash56AndAddsLocalRoute) {
  json vpc = Call("CreateVpc",
                  {{"CidrBlock", "10.0.0.0/16"}, {"AmazonProvidedIpv6CidrBlock", true}})["Vpc"];
  std::string block = vpc["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"];
  EXPECT_TRUE(block.ends_with("00::/56")) << block;
  json acls = InVpc("DescribeNetworkAcls", "NetworkAcls", vpc["VpcId"]);
  EXPECT_EQ(acls[0]["Entries"].size(), 8u);
  json group = InVpc("DescribeSecurityGroups", "SecurityGroups", vpc["VpcId"])[0];
  EXPECT_EQ(group["IpPermissionsEgress"][0]["Ipv6Ranges"][0]["CidrIpv6"], "::/0");
  json f = Call(
      "DescribeVpcs",
      {{"Filters", json::array({Filter("ipv6-cidr-block-association.ipv6-cidr-block", {block})})}});
  EXPECT_EQ(f["Vpcs"].size(), 1u);
}

TEST_F(VpcTest, Ipv6BlockGivesDefaultAclAndGroupIpv6RulesButNoAllowWhereTheAclChanged) {
  std::string id = Vpc();
  std::string acl = InVpc("DescribeNetworkAcls", "NetworkAcls", id)[0]["NetworkAclId"];
  Call("CreateNetworkAclEntry", {{"NetworkAclId", acl},
                                 {"RuleNumber", 200},
                                 {"Protocol", "-1"},
                                 {"RuleAction", "deny"},
                                 {"Egress", false},
                                 {"CidrBlock", "198.51.100.0/24"}});
  Call("AssociateVpcCidrBlock", {{"VpcId", id}, {"AmazonProvidedIpv6CidrBlock", true}});
  std::vector<std::pair<bool, int>> v6;  // (egress, rule number) of the IPv6 entries
  json acls = InVpc("DescribeNetworkAcls", "NetworkAcls", id);
  for (const json& e : acls[0]["Entries"]) {
    if (e.contains("Ipv6CidrBlock")) v6.emplace_back(e["Egress"], e["RuleNumber"]);
  }
  // Inbound was changed: only the "*" deny; outbound untouched: 101 allows all IPv6 too.
  EXPECT_EQ(v6.size(), 3u);
  EXPECT_EQ(std::count(v6.begin(), v6.end(), std::make_pair(true, 101)), 1);
  EXPECT_EQ(std::count(v6.begin(), v6.end(), std::make_pair(false, 101)), 0);
  json group = InVpc("DescribeSecurityGroups", "SecurityGroups", id)[0];
  EXPECT_EQ(group["IpPermissionsEgress"][0]["Ipv6Ranges"][0]["CidrIpv6"], "::/0");
}

TEST_F(VpcTest, SameCallsGiveSameIdsAndIpv6Block) {
  json a = Call("CreateVpc", {{"CidrBlock", "10.0.0.0/16"}, {"AmazonProvidedIpv6CidrBlock", true}});
  Reset(SandboxOptions{});
  json b = Call("CreateVpc", {{"CidrBlock", "10.0.0.0/16"}, {"AmazonProvidedIpv6CidrBlock", true}});
  EXPECT_EQ(a, b);
}

TEST_F(VpcTest, DeleteVpcRefusesWhileSubnetsOrGroupsRemain) {
  std::string id = Vpc();
  json subnet = Call("CreateSubnet", {{"VpcId", id}, {"CidrBlock", "10.0.1.0/24"}});
  EXPECT_EQ(ErrorOf("DeleteVpc", {{"VpcId", id}}), "DependencyViolation");
  Call("DeleteSubnet", {{"SubnetId", subnet["Subnet"]["SubnetId"]}});
  json sg =
      Call("CreateSecurityGroup", {{"GroupName", "web"}, {"Description", "web"}, {"VpcId", id}});
  EXPECT_EQ(ErrorOf("DeleteVpc", {{"VpcId", id}}), "DependencyViolation");
  Call("DeleteSecurityGroup", {{"GroupId", sg["GroupId"]}});
  Call("DeleteVpc", {{"VpcId", id}});
  EXPECT_EQ(ErrorOf("DescribeVpcs", {{"VpcIds", {id}}}), "InvalidVpcID.NotFound");
  // Its default group, ACL and main route table went with it.
  EXPECT_TRUE(InVpc("DescribeSecurityGroups", "SecurityGroups", id).empty());
  EXPECT_TRUE(InVpc("DescribeNetworkAcls", "NetworkAcls", id).empty());
}

TEST_F(VpcTest, DefaultVpcIsNotDeletedWhileItsGatewayIsAttached) {
  json def = Call("DescribeVpcs", {{"Filters", json::array({Filter("is-default", {"true"})})}});
  std::string id = def["Vpcs"][0]["VpcId"];
  EXPECT_EQ(ErrorOf("CreateDefaultVpc"), "DefaultVpcAlreadyExists");
  for (const json& s : InVpc("DescribeSubnets", "Subnets", id)) {
    Call("DeleteSubnet", {{"SubnetId", s["SubnetId"]}});
  }
  // Its internet gateway is still attached (tests/model/vpcs_test.cc deletes one without it).
  EXPECT_EQ(ErrorOf("DeleteVpc", {{"VpcId", id}}), "DependencyViolation");
}

TEST_F(VpcTest, DnsHostnamesDefaultOffForNewVpcOnForDefault) {
  std::string id = Vpc();
  json r = Call("DescribeVpcAttribute", {{"VpcId", id}, {"Attribute", "enableDnsHostnames"}});
  EXPECT_EQ(r["EnableDnsHostnames"]["Value"], false);
  EXPECT_EQ(r["VpcId"], id);
  r = Call("DescribeVpcAttribute", {{"VpcId", id}, {"Attribute", "enableDnsSupport"}});
  EXPECT_EQ(r["EnableDnsSupport"]["Value"], true);
  Call("ModifyVpcAttribute", {{"VpcId", id}, {"EnableDnsHostnames", {{"Value", true}}}});
  r = Call("DescribeVpcAttribute", {{"VpcId", id}, {"Attribute", "enableDnsHostnames"}});
  EXPECT_EQ(r["EnableDnsHostnames"]["Value"], true);
  EXPECT_EQ(ErrorOf("DescribeVpcAttribute", {{"VpcId", id}, {"Attribute", "bogus"}}),
            "InvalidParameterValue");
}

TEST_F(VpcTest, ModifyVpcAttributeTakesOneAttributeAndHostnamesNeedDnsSupport) {
  std::string id = Vpc();
  EXPECT_EQ(ErrorOf("ModifyVpcAttribute", {{"VpcId", id},
                                           {"EnableDnsHostnames", {{"Value", true}}},
                                           {"EnableDnsSupport", {{"Value", true}}}}),
            "InvalidParameterCombination");
  Call("ModifyVpcAttribute", {{"VpcId", id}, {"EnableDnsSupport", {{"Value", false}}}});
  EXPECT_EQ(
      ErrorOf("ModifyVpcAttribute", {{"VpcId", id}, {"EnableDnsHostnames", {{"Value", true}}}}),
      "InvalidParameterValue");
  Call("ModifyVpcAttribute",
       {{"VpcId", id}, {"EnableNetworkAddressUsageMetrics", {{"Value", true}}}});
  json r = Call("DescribeVpcAttribute",
                {{"VpcId", id}, {"Attribute", "enableNetworkAddressUsageMetrics"}});
  EXPECT_EQ(r["EnableNetworkAddressUsageMetrics"]["Value"], true);
}

TEST_F(VpcTest, SecondaryCidrMustNotOverlapAndStayInThePrimarysPrivateRange) {
  std::string id = Vpc();
  EXPECT_EQ(ErrorOf("AssociateVpcCidrBlock", {{"VpcId", id}, {"CidrBlock", "10.0.128.0/17"}}),
            "InvalidVpc.Range");
  EXPECT_EQ(ErrorOf("AssociateVpcCidrBlock", {{"VpcId", id}, {"CidrBlock", "192.168.0.0/16"}}),
            "InvalidVpc.Range");
  json r = Call("AssociateVpcCidrBlock", {{"VpcId", id}, {"CidrBlock", "10.1.0.0/16"}});
  EXPECT_EQ(r["VpcId"], id);
  EXPECT_EQ(r["CidrBlockAssociation"]["CidrBlock"], "10.1.0.0/16");
  json f = Call(
      "DescribeVpcs",
      {{"Filters", json::array({Filter("cidr-block-association.cidr-block", {"10.1.0.0/16"})})}});
  EXPECT_EQ(f["Vpcs"].size(), 1u);
  for (int i = 2; i < 5; ++i) {
    Call("AssociateVpcCidrBlock",
         {{"VpcId", id}, {"CidrBlock", "10." + std::to_string(i) + ".0.0/16"}});
  }
  EXPECT_EQ(ErrorOf("AssociateVpcCidrBlock", {{"VpcId", id}, {"CidrBlock", "10.9.0.0/16"}}),
            "InvalidVpc.Range");
}

TEST_F(VpcTest, DisassociateRefusesThePrimaryAndABlockInUse) {
  std::string id = Vpc();
  json vpc = DescribeVpc(id);
  std::string primary = vpc["CidrBlockAssociationSet"][0]["AssociationId"];
  EXPECT_EQ(ErrorOf("DisassociateVpcCidrBlock", {{"AssociationId", primary}}),
            "InvalidParameterValue");
  json r = Call("AssociateVpcCidrBlock", {{"VpcId", id}, {"CidrBlock", "10.1.0.0/16"}});
  std::string assoc = r["CidrBlockAssociation"]["AssociationId"];
  json subnet = Call("CreateSubnet", {{"VpcId", id}, {"CidrBlock", "10.1.0.0/24"}});
  EXPECT_EQ(ErrorOf("DisassociateVpcCidrBlock", {{"AssociationId", assoc}}), "DependencyViolation");
  Call("DeleteSubnet", {{"SubnetId", subnet["Subnet"]["SubnetId"]}});
  r = Call("DisassociateVpcCidrBlock", {{"AssociationId", assoc}});
  EXPECT_EQ(r["CidrBlockAssociation"]["CidrBlock"], "10.1.0.0/16");
  EXPECT_EQ(DescribeVpc(id)["CidrBlockAssociationSet"].size(), 1u);
  EXPECT_EQ(ErrorOf("DisassociateVpcCidrBlock", {{"AssociationId", "vpc-cidr-assoc-0123"}}),
            "InvalidVpcCidrBlockAssociationID.NotFound");
}

TEST_F(VpcTest, DescribeVpcsFiltersByDocumentedNames) {
  std::string id = Vpc();
  auto count = [&](const std::string& name, const std::string& value) {
    json r = Call("DescribeVpcs", {{"Filters", json::array({Filter(name, {value})})}});
    return r["Vpcs"].size();
  };
  EXPECT_EQ(count("cidr", "10.0.0.0/16"), 1u);
  EXPECT_EQ(count("is-default", "false"), 1u);
  EXPECT_EQ(count("state", "available"), 2u);
  EXPECT_EQ(count("owner-id", "123456789012"), 2u);
  EXPECT_EQ(count("vpc-id", id), 1u);
  EXPECT_EQ(count("cidr-block-association.state", "associated"), 2u);
  EXPECT_EQ(count("dhcp-options-id", DescribeVpc(id)["DhcpOptionsId"]), 2u);
  EXPECT_EQ(count("ipv6-cidr-block-association.state", "associated"), 0u);
}

}  // namespace
}  // namespace ec2sim::testing
