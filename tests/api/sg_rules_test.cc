// Security-group rules through the API: authorize, revoke, duplicates, quotas, the wire shapes
// of rules and their grouping into IpPermissions.
#include <string>

#include "tests/api/sg_test_support.h"

namespace ec2sim::testing {
namespace {

using SecurityGroupRules = SecurityGroupTest;

TEST_F(SecurityGroupRules, EveryRuleKindIsStoredAsOneRulePerPeer) {
  std::string web = CreateGroup("web");
  std::string lb = CreateGroup("lb");
  json r = Ingress(web, json::parse(R"([
      {"IpProtocol":"tcp","FromPort":8000,"ToPort":8080,
       "IpRanges":[{"CidrIp":"10.0.0.0/8","Description":"app ports"}]},
      {"IpProtocol":"udp","FromPort":53,"ToPort":53,"IpRanges":[{"CidrIp":"10.0.0.0/8"}]},
      {"IpProtocol":"icmp","FromPort":8,"ToPort":-1,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]},
      {"IpProtocol":"-1","UserIdGroupPairs":[{"GroupId":")" +
                                    lb + R"("}]},
      {"IpProtocol":"50","FromPort":1,"ToPort":2,"IpRanges":[{"CidrIp":"192.0.2.0/24"}]},
      {"IpProtocol":"6","FromPort":443,"ToPort":443,"Ipv6Ranges":[{"CidrIpv6":"::/0"}],
       "PrefixListIds":[{"PrefixListId":"pl-12345678"}]}])"));
  EXPECT_EQ(r["Return"], true);
  json rules = r["SecurityGroupRules"];
  ASSERT_EQ(rules.size(), 7u) << r.dump();
  for (const json& rule : rules) {
    EXPECT_EQ(rule["SecurityGroupRuleId"].get<std::string>().rfind("sgr-", 0), 0u);
    EXPECT_EQ(rule["GroupId"], web);
    EXPECT_EQ(rule["GroupOwnerId"], "123456789012");
    EXPECT_EQ(rule["IsEgress"], false);
  }
  EXPECT_EQ(rules[0]["FromPort"], 8000);
  EXPECT_EQ(rules[0]["ToPort"], 8080);
  EXPECT_EQ(rules[0]["CidrIpv4"], "10.0.0.0/8");
  EXPECT_EQ(rules[0]["Description"], "app ports");
  EXPECT_EQ(rules[1]["IpProtocol"], "udp");
  EXPECT_EQ(rules[2]["IpProtocol"], "icmp");
  EXPECT_EQ(rules[2]["FromPort"], 8);
  EXPECT_EQ(rules[2]["ToPort"], -1);
  EXPECT_EQ(rules[3]["IpProtocol"], "-1");
  EXPECT_EQ(rules[3]["ReferencedGroupInfo"],
            json::parse(R"({"GroupId":")" + lb + R"(","UserId":"123456789012"})"));
  EXPECT_EQ(rules[4]["IpProtocol"], "50");
  EXPECT_EQ(rules[4]["FromPort"], -1);  // ports mean nothing for other protocols
  EXPECT_EQ(rules[5]["IpProtocol"], "tcp");
  EXPECT_EQ(rules[5]["CidrIpv6"], "::/0");
  EXPECT_EQ(rules[6]["PrefixListId"], "pl-12345678");
}

TEST_F(SecurityGroupRules, DescribeGroupsRulesIntoIpPermissionsByProtocolAndPorts) {
  std::string web = CreateGroup("web");
  std::string lb = CreateGroup("lb");
  Ingress(web, json::parse(R"([
      {"IpProtocol":"tcp","FromPort":22,"ToPort":22,
       "IpRanges":[{"CidrIp":"10.0.0.0/8"},{"CidrIp":"192.168.0.0/16","Description":"vpn"}]},
      {"IpProtocol":"tcp","FromPort":80,"ToPort":80,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]}])"));
  Ingress(web, json::parse(R"([{"IpProtocol":"tcp","FromPort":22,"ToPort":22,
      "Ipv6Ranges":[{"CidrIpv6":"2001:db8::/32"}],
      "UserIdGroupPairs":[{"GroupId":")" +
                           lb + R"(","Description":"from lb"}]}])"));
  json expected = json::parse(R"([
      {"IpProtocol":"tcp","FromPort":22,"ToPort":22,
       "IpRanges":[{"CidrIp":"10.0.0.0/8"},{"CidrIp":"192.168.0.0/16","Description":"vpn"}],
       "Ipv6Ranges":[{"CidrIpv6":"2001:db8::/32"}],"PrefixListIds":[],
       "UserIdGroupPairs":[{"Description":"from lb","GroupId":")" +
                              lb +
                              R"(","UserId":"123456789012"}]},
      {"IpProtocol":"tcp","FromPort":80,"ToPort":80,"IpRanges":[{"CidrIp":"0.0.0.0/0"}],
       "Ipv6Ranges":[],"PrefixListIds":[],"UserIdGroupPairs":[]}])");
  EXPECT_EQ(Group(web)["IpPermissions"], expected);
}

TEST_F(SecurityGroupRules, DescribeSecurityGroupRulesListsEveryRuleWithItsFields) {
  std::string web = CreateGroup("web");
  Ingress(web, json::array({Tcp(22, 22, "10.0.0.0/8")}));
  json r = Call("DescribeSecurityGroupRules",
                {{"Filters", {{{"Name", "group-id"}, {"Values", {web}}}}}});
  json rules = r["SecurityGroupRules"];
  ASSERT_EQ(rules.size(), 2u);
  json egress = rules[0];  // created with the group, before the ingress rule
  EXPECT_EQ(egress["IsEgress"], true);
  EXPECT_EQ(egress["IpProtocol"], "-1");
  EXPECT_EQ(egress["FromPort"], -1);
  EXPECT_EQ(egress["ToPort"], -1);
  EXPECT_EQ(egress["CidrIpv4"], "0.0.0.0/0");
  EXPECT_EQ(egress["Tags"], json::array());
  EXPECT_EQ(rules[1]["IsEgress"], false);
  std::string id = rules[1]["SecurityGroupRuleId"];
  json one = Call("DescribeSecurityGroupRules", {{"SecurityGroupRuleIds", {id}}});
  EXPECT_EQ(one["SecurityGroupRules"], json::array({rules[1]}));
  EXPECT_EQ(
      ErrorOf("DescribeSecurityGroupRules", {{"SecurityGroupRuleIds", {"sgr-0123456789abcdef0"}}}),
      "InvalidSecurityGroupRuleId.NotFound");
}

TEST_F(SecurityGroupRules, RuleTagsComeFromTagSpecificationsAndFilter) {
  std::string web = CreateGroup("web");
  json r = Call("AuthorizeSecurityGroupIngress",
                {{"GroupId", web},
                 {"IpPermissions", json::array({Tcp(22, 22, "10.0.0.0/8")})},
                 {"TagSpecifications",
                  {{{"ResourceType", "security-group-rule"},
                    {"Tags", {{{"Key", "Purpose"}, {"Value", "ssh"}}}}}}}});
  EXPECT_EQ(r["SecurityGroupRules"][0]["Tags"][0]["Value"], "ssh");
  json tagged = Call("DescribeSecurityGroupRules",
                     {{"Filters", {{{"Name", "tag:Purpose"}, {"Values", {"ssh"}}}}}});
  ASSERT_EQ(tagged["SecurityGroupRules"].size(), 1u);
  EXPECT_EQ(tagged["SecurityGroupRules"][0]["SecurityGroupRuleId"],
            r["SecurityGroupRules"][0]["SecurityGroupRuleId"]);
}

TEST_F(SecurityGroupRules, InvalidRulesAreRejectedWithAwsCodes) {
  std::string web = CreateGroup("web");
  auto with = [](const json& perm) { return json::array({perm}); };
  json xyz = {{"IpProtocol", "xyz"}, {"IpRanges", {{{"CidrIp", "0.0.0.0/0"}}}}};
  EXPECT_EQ(IngressError(web, with(xyz)), "InvalidParameterValue");
  EXPECT_EQ(
      MessageOf("AuthorizeSecurityGroupIngress", {{"GroupId", web}, {"IpPermissions", with(xyz)}}),
      "Invalid value 'xyz' for IP protocol. Unknown protocol.");
  json all = xyz;
  all["IpProtocol"] = "all";
  EXPECT_EQ(IngressError(web, with(all)), "InvalidParameterValue");
  EXPECT_EQ(IngressError(web, with(Tcp(22, 21, "0.0.0.0/0"))), "InvalidParameterValue");
  EXPECT_EQ(IngressError(web, with(Tcp(22, 70000, "0.0.0.0/0"))), "InvalidParameterValue");
  json no_ports = {{"IpProtocol", "udp"}, {"IpRanges", {{{"CidrIp", "0.0.0.0/0"}}}}};
  EXPECT_EQ(IngressError(web, with(no_ports)), "InvalidParameterValue");
  json icmp = {{"IpProtocol", "icmp"},
               {"FromPort", -1},
               {"ToPort", 0},
               {"IpRanges", {{{"CidrIp", "0.0.0.0/0"}}}}};
  EXPECT_EQ(IngressError(web, with(icmp)), "InvalidParameterValue");
  icmp["FromPort"] = 256;
  EXPECT_EQ(IngressError(web, with(icmp)), "InvalidParameterValue");
  EXPECT_EQ(IngressError(web, with(Tcp(22, 22, "10.0.0.300/8"))), "InvalidParameterValue");
  EXPECT_EQ(MessageOf("AuthorizeSecurityGroupIngress",
                      {{"GroupId", web}, {"IpPermissions", with(Tcp(22, 22, "nonsense"))}}),
            "Value (nonsense) for parameter cidrIp is invalid. This is not a valid CIDR block.");
  json v6 = {{"IpProtocol", "tcp"},
             {"FromPort", 1},
             {"ToPort", 1},
             {"Ipv6Ranges", {{{"CidrIpv6", "10.0.0.0/8"}}}}};
  EXPECT_EQ(IngressError(web, with(v6)), "InvalidParameterValue");
  json ref = {{"IpProtocol", "tcp"},
              {"FromPort", 1},
              {"ToPort", 1},
              {"UserIdGroupPairs", {{{"GroupId", "sg-0123456789abcdef0"}}}}};
  EXPECT_EQ(IngressError(web, with(ref)), "InvalidGroup.NotFound");
  ref["UserIdGroupPairs"][0]["GroupId"] = "sg-xyz";
  EXPECT_EQ(IngressError(web, with(ref)), "InvalidGroupId.Malformed");
  json no_peer = {{"IpProtocol", "tcp"}, {"FromPort", 1}, {"ToPort", 1}};
  EXPECT_EQ(IngressError(web, with(no_peer)), "MissingParameter");
  EXPECT_EQ(IngressError("sg-0123456789abcdef0", with(Tcp(1, 1, "0.0.0.0/0"))),
            "InvalidGroup.NotFound");
  EXPECT_EQ(IngressError(web, with(json{{"IpProtocol", "tcp"}, {"Ports", 1}})), "UnknownParameter");
  EXPECT_EQ(Group(web)["IpPermissions"], json::array());
}

TEST_F(SecurityGroupRules, DuplicatesAreRejectedWithAwsMessage) {
  std::string web = CreateGroup("web");
  Ingress(web, json::array({Tcp(22, 22, "0.0.0.0/0")}));
  EXPECT_EQ(IngressError(web, json::array({Tcp(22, 22, "0.0.0.0/0")})),
            "InvalidPermission.Duplicate");
  EXPECT_EQ(
      MessageOf("AuthorizeSecurityGroupIngress",
                {{"GroupId", web}, {"IpPermissions", json::array({Tcp(22, 22, "0.0.0.0/0")})}}),
      "the specified rule \"peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW\" "
      "already exists");
  // The default egress rule is a rule like any other.
  json all_out = {{"IpProtocol", "-1"}, {"IpRanges", {{{"CidrIp", "0.0.0.0/0"}}}}};
  EXPECT_EQ(MessageOf("AuthorizeSecurityGroupEgress",
                      {{"GroupId", web}, {"IpPermissions", json::array({all_out})}}),
            "the specified rule \"peer: 0.0.0.0/0, ALL, ALLOW\" already exists");
  // The same rule twice in one request.
  EXPECT_EQ(IngressError(web, {Tcp(80, 80, "10.0.0.0/8"), Tcp(80, 80, "10.0.0.0/8")}),
            "InvalidParameterValue");
}

TEST_F(SecurityGroupRules, FailedAuthorizeAddsNothing) {
  std::string web = CreateGroup("web");
  EXPECT_EQ(IngressError(web, {Tcp(22, 22, "10.0.0.0/8"), Tcp(80, 80, "10.0.0.0/8"),
                               Tcp(443, 443, "not-a-cidr")}),
            "InvalidParameterValue");
  EXPECT_EQ(Group(web)["IpPermissions"], json::array());
  Ingress(web, json::array({Tcp(22, 22, "10.0.0.0/8")}));
  EXPECT_EQ(IngressError(web, {Tcp(80, 80, "10.0.0.0/8"), Tcp(22, 22, "10.0.0.0/8")}),
            "InvalidPermission.Duplicate");
  json perms = Group(web)["IpPermissions"];
  ASSERT_EQ(perms.size(), 1u);
  EXPECT_EQ(perms[0]["FromPort"], 22);
}

TEST_F(SecurityGroupRules, QuotaIsSixtyRulesPerDirectionPerIpFamily) {
  std::string web = CreateGroup("web");
  std::string lb = CreateGroup("lb");
  json ranges = json::array();
  for (int i = 0; i < 60; ++i)
    ranges.push_back({{"CidrIp", "10.0." + std::to_string(i) + ".0/24"}});
  Ingress(web, {{{"IpProtocol", "tcp"}, {"FromPort", 22}, {"ToPort", 22}, {"IpRanges", ranges}}});
  EXPECT_EQ(IngressError(web, json::array({Tcp(22, 22, "10.1.0.0/24")})),
            "RulesPerSecurityGroupLimitExceeded");
  EXPECT_EQ(
      MessageOf("AuthorizeSecurityGroupIngress",
                {{"GroupId", web}, {"IpPermissions", json::array({Tcp(22, 22, "10.1.0.0/24")})}}),
      "The maximum number of rules per security group has been reached.");
  // A group reference counts for IPv4 as well as IPv6 (VPC quotas).
  json ref = {{"IpProtocol", "tcp"},
              {"FromPort", 1},
              {"ToPort", 1},
              {"UserIdGroupPairs", {{{"GroupId", lb}}}}};
  EXPECT_EQ(IngressError(web, json::array({ref})), "RulesPerSecurityGroupLimitExceeded");
  json v6 = {{"IpProtocol", "tcp"},
             {"FromPort", 22},
             {"ToPort", 22},
             {"Ipv6Ranges", {{{"CidrIpv6", "::/0"}}}}};
  EXPECT_EQ(Ingress(web, json::array({v6}))["Return"], true);
  // Egress has its own 60.
  EXPECT_EQ(Call("AuthorizeSecurityGroupEgress",
                 {{"GroupId", web},
                  {"IpPermissions", json::array({Tcp(22, 22, "10.1.0.0/24")})}})["Return"],
            true);
}

TEST_F(SecurityGroupRules, RevokeByAttributesIgnoresTheDescription) {
  std::string web = CreateGroup("web");
  json perm = Tcp(22, 22, "10.0.0.0/8");
  perm["IpRanges"][0]["Description"] = "ssh";
  std::string id =
      Ingress(web, json::array({perm}))["SecurityGroupRules"][0]["SecurityGroupRuleId"];
  json r = Call("RevokeSecurityGroupIngress",
                {{"GroupId", web}, {"IpPermissions", json::array({Tcp(22, 22, "10.0.0.0/8")})}});
  EXPECT_EQ(r["Return"], true);
  ASSERT_EQ(r["RevokedSecurityGroupRules"].size(), 1u);
  EXPECT_EQ(r["RevokedSecurityGroupRules"][0]["SecurityGroupRuleId"], id);
  EXPECT_FALSE(r.contains("UnknownIpPermissions"));
  EXPECT_EQ(Group(web)["IpPermissions"], json::array());
}

TEST_F(SecurityGroupRules, RevokeByRuleIdRemovesExactlyThatRule) {
  std::string web = CreateGroup("web");
  json added = Ingress(web, {Tcp(22, 22, "10.0.0.0/8"), Tcp(80, 80, "10.0.0.0/8")});
  std::string ssh = added["SecurityGroupRules"][0]["SecurityGroupRuleId"];
  Call("RevokeSecurityGroupIngress", {{"GroupId", web}, {"SecurityGroupRuleIds", {ssh}}});
  json perms = Group(web)["IpPermissions"];
  ASSERT_EQ(perms.size(), 1u);
  EXPECT_EQ(perms[0]["FromPort"], 80);
  EXPECT_EQ(
      ErrorOf("RevokeSecurityGroupIngress", {{"GroupId", web}, {"SecurityGroupRuleIds", {ssh}}}),
      "InvalidSecurityGroupRuleId.NotFound");
  json out = Call("DescribeSecurityGroupRules",
                  {{"Filters", {{{"Name", "group-id"}, {"Values", {web}}}}}});
  std::string egress_rule = out["SecurityGroupRules"][0]["SecurityGroupRuleId"];
  Call("RevokeSecurityGroupEgress", {{"GroupId", web}, {"SecurityGroupRuleIds", {egress_rule}}});
  EXPECT_EQ(Group(web)["IpPermissionsEgress"], json::array());
}

TEST_F(SecurityGroupRules, RevokeOfAMissingRuleInTheDefaultVpcReportsItInsteadOfFailing) {
  std::string web = CreateGroup("web");
  json r = Call("RevokeSecurityGroupIngress",
                {{"GroupId", web}, {"IpPermissions", json::array({Tcp(22, 22, "10.0.0.0/8")})}});
  EXPECT_EQ(r["Return"], true);
  EXPECT_EQ(r["RevokedSecurityGroupRules"], json::array());
  ASSERT_EQ(r["UnknownIpPermissions"].size(), 1u);
  EXPECT_EQ(r["UnknownIpPermissions"][0]["IpRanges"][0]["CidrIp"], "10.0.0.0/8");
}

TEST_F(SecurityGroupRules, SingleRuleFormAndGroupNamesWorkForIngress) {
  CreateGroup("web");
  std::string lb = CreateGroup("lb");
  json r = Call("AuthorizeSecurityGroupIngress", {{"GroupName", "web"},
                                                  {"IpProtocol", "tcp"},
                                                  {"FromPort", 22},
                                                  {"ToPort", 22},
                                                  {"CidrIp", "203.0.113.0/24"}});
  ASSERT_EQ(r["SecurityGroupRules"].size(), 1u);
  EXPECT_EQ(r["SecurityGroupRules"][0]["CidrIpv4"], "203.0.113.0/24");
  // A source group by name grants all ICMP, TCP and UDP from it.
  r = Call("AuthorizeSecurityGroupIngress",
           {{"GroupName", "web"}, {"SourceSecurityGroupName", "lb"}});
  ASSERT_EQ(r["SecurityGroupRules"].size(), 3u);
  EXPECT_EQ(r["SecurityGroupRules"][0]["IpProtocol"], "icmp");
  EXPECT_EQ(r["SecurityGroupRules"][1]["ToPort"], 65535);
  EXPECT_EQ(r["SecurityGroupRules"][2]["ReferencedGroupInfo"]["GroupId"], lb);
  EXPECT_EQ(
      ErrorOf("AuthorizeSecurityGroupIngress",
              {{"GroupName", "web"}, {"SourceSecurityGroupName", "lb"}, {"CidrIp", "1.2.3.4/32"}}),
      "InvalidParameterCombination");
  EXPECT_EQ(
      ErrorOf("AuthorizeSecurityGroupEgress",
              {{"GroupName", "web"}, {"IpPermissions", json::array({Tcp(1, 1, "0.0.0.0/0")})}}),
      "MissingParameter");
}

}  // namespace
}  // namespace ec2sim::testing
