#include "sim/model/security_groups.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/model/sg_rules.h"

namespace ec2sim::model {
namespace {

class SecurityGroupModelTest : public ::testing::Test {
 protected:
  SecurityGroupModelTest() : world_(SandboxOptions{}) {
    scope_ = world_.GetScope("123456789012", "ap-northeast-2").value();
  }

  SecurityGroup& Create(const std::string& name, const std::string& vpc_id = "") {
    Result<SecurityGroup*> g =
        CreateSecurityGroup(world_, *scope_, Spec(name, "test group", vpc_id));
    EXPECT_TRUE(g.ok()) << g.error().message;
    return *g.value();
  }

  // A nondefault VPC added directly to the scope (no CreateVpc action exists yet).
  std::string AddVpc() {
    Vpc vpc;
    vpc.id = world_.NewId("vpc");
    vpc.cidr = *ParseCidr4("10.0.0.0/16");
    std::string id = vpc.id;
    scope_->vpcs.Insert(id, std::move(vpc));
    return id;
  }

  static GroupSpec Spec(const std::string& name, const std::string& description,
                        const std::string& vpc_id) {
    GroupSpec spec;
    spec.name = name;
    spec.description = description;
    spec.vpc_id = vpc_id;
    return spec;
  }
  static PermissionSpec Tcp(int from, int to, std::vector<PeerSpec> peers) {
    return PermissionSpec{"tcp", from, to, std::move(peers)};
  }
  static PeerSpec V4(const std::string& cidr) { return {SgRule::Peer::kCidr4, cidr, "", "", ""}; }
  static PeerSpec V6(const std::string& cidr) { return {SgRule::Peer::kCidr6, cidr, "", "", ""}; }
  static PeerSpec Group(const std::string& id) { return {SgRule::Peer::kGroup, id, "", "", ""}; }

  World world_;
  Scope* scope_ = nullptr;
};

TEST(SgProtocol, NamesAndWellKnownNumbersBecomeNames) {
  EXPECT_EQ(CanonicalProtocol("tcp").value(), "tcp");
  EXPECT_EQ(CanonicalProtocol("UDP").value(), "udp");
  EXPECT_EQ(CanonicalProtocol("6").value(), "tcp");
  EXPECT_EQ(CanonicalProtocol("17").value(), "udp");
  EXPECT_EQ(CanonicalProtocol("1").value(), "icmp");
  EXPECT_EQ(CanonicalProtocol("58").value(), "icmpv6");
  EXPECT_EQ(CanonicalProtocol("-1").value(), "-1");
  EXPECT_EQ(CanonicalProtocol("50").value(), "50");
  EXPECT_EQ(CanonicalProtocol("050").value(), "50");
}

TEST(SgProtocol, UnknownNamesAndNumbersAreRejectedInAwsWording) {
  for (const char* bad : {"all", "xyz", "256", "-2", "", "1000"}) {
    Result<std::string> r = CanonicalProtocol(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidParameterValue);
  }
  EXPECT_EQ(CanonicalProtocol("xyz").error().message,
            "Invalid value 'xyz' for IP protocol. Unknown protocol.");
}

TEST(SgRuleText, MatchesTheDuplicateMessageShapes) {
  SgRule ssh{"sgr-1", false, "tcp", 22, 22, SgRule::Peer::kCidr4, "0.0.0.0/0", "", "", {}};
  EXPECT_EQ(RuleText(ssh), "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW");
  SgRule all{"sgr-2", true, "-1", -1, -1, SgRule::Peer::kGroup, "sg-12345678", "", "", {}};
  EXPECT_EQ(RuleText(all), "peer: sg-12345678, ALL, ALLOW");
}

TEST_F(SecurityGroupModelTest, NewGroupHasOnlyTheAllowAllEgressRule) {
  SecurityGroup& g = Create("web");
  ASSERT_EQ(g.rules.size(), 1u);
  EXPECT_TRUE(g.rules[0].egress);
  EXPECT_EQ(g.rules[0].protocol, "-1");
  EXPECT_EQ(g.rules[0].peer_value, "0.0.0.0/0");
  EXPECT_EQ(g.rules[0].rule_id.rfind("sgr-", 0), 0u);
  EXPECT_EQ(g.vpc_id, scope_->default_vpc_id);
}

TEST_F(SecurityGroupModelTest, NameTrailingSpacesAreDropped) {
  EXPECT_EQ(Create("web  ").name, "web");
}

TEST_F(SecurityGroupModelTest, CreateRejectsBadNamesAndDescriptions) {
  auto code = [&](const GroupSpec& spec) {
    Result<SecurityGroup*> r = CreateSecurityGroup(world_, *scope_, spec);
    return r.ok() ? std::string("ok") : std::string(AwsCode(r.error().code));
  };
  EXPECT_EQ(code(Spec("sg-web", "d", "")), "InvalidParameterValue");
  EXPECT_EQ(code(Spec(std::string(256, 'a'), "d", "")), "InvalidParameterValue");
  EXPECT_EQ(code(Spec(std::string(255, 'a'), "d", "")), "ok");
  EXPECT_EQ(code(Spec("web", std::string(256, 'd'), "")), "InvalidParameterValue");
  EXPECT_EQ(code(Spec("caf\xc3\xa9", "d", "")), "InvalidParameterValue");
  EXPECT_EQ(code(Spec("web", "tab\there", "")), "InvalidParameterValue");
  EXPECT_EQ(code(Spec("", "d", "")), "MissingParameter");
  EXPECT_EQ(code(Spec("web", "", "")), "MissingParameter");
  EXPECT_EQ(code(Spec("web", "d", "vpc-0123456789abcdef0")), "InvalidVpcID.NotFound");
}

TEST_F(SecurityGroupModelTest, SameNameIsAllowedInAnotherVpc) {
  std::string vpc = AddVpc();
  Create("web");
  SecurityGroup& other = Create("web", vpc);
  EXPECT_EQ(other.vpc_id, vpc);
  Result<SecurityGroup*> dup = CreateSecurityGroup(world_, *scope_, Spec("web", "d", vpc));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kInvalidGroupDuplicate);
  EXPECT_EQ(dup.error().message, "The security group 'web' already exists for VPC '" + vpc + "'");
}

TEST_F(SecurityGroupModelTest, RegionQuotaIs2500GroupsIncludingTheDefault) {
  for (int i = 1; i < kGroupsPerRegion; ++i) {
    ASSERT_TRUE(CreateSecurityGroup(world_, *scope_, Spec("g" + std::to_string(i), "d", "")).ok());
  }
  Result<SecurityGroup*> over = CreateSecurityGroup(world_, *scope_, Spec("one-more", "d", ""));
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, ErrorCode::kSecurityGroupLimitExceeded);
}

TEST_F(SecurityGroupModelTest, CidrsAreCanonicalised) {
  SecurityGroup& g = Create("web");
  auto added = AuthorizeRules(world_, *scope_, g, false,
                              {Tcp(22, 22, {V4("10.1.2.3/8"), V6("2001:DB8::1/32")})}, {});
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added.value()[0].peer_value, "10.0.0.0/8");
  EXPECT_EQ(added.value()[1].peer_value, "2001:db8::/32");
}

TEST_F(SecurityGroupModelTest, PortsAreIgnoredForAllAndNumberedProtocols) {
  SecurityGroup& g = Create("web");
  auto added = AuthorizeRules(world_, *scope_, g, false,
                              {PermissionSpec{"-1", 5, 9, {V4("10.0.0.0/8")}},
                               PermissionSpec{"50", 1, 2, {V4("10.0.0.0/8")}}},
                              {});
  ASSERT_TRUE(added.ok()) << added.error().message;
  for (const SgRule& r : added.value()) {
    EXPECT_EQ(r.from_port, -1) << r.protocol;
    EXPECT_EQ(r.to_port, -1) << r.protocol;
  }
}

TEST_F(SecurityGroupModelTest, IcmpV6WithoutPortsMeansAllTypesButIcmpNeedsThem) {
  SecurityGroup& g = Create("web");
  auto v6 =
      AuthorizeRules(world_, *scope_, g, false,
                     {PermissionSpec{"icmpv6", std::nullopt, std::nullopt, {V6("::/0")}}}, {});
  ASSERT_TRUE(v6.ok()) << v6.error().message;
  EXPECT_EQ(v6.value()[0].from_port, -1);
  auto v4 =
      AuthorizeRules(world_, *scope_, g, false,
                     {PermissionSpec{"icmp", std::nullopt, std::nullopt, {V4("0.0.0.0/0")}}}, {});
  ASSERT_FALSE(v4.ok());
  EXPECT_EQ(v4.error().code, ErrorCode::kInvalidParameterValue);
}

TEST_F(SecurityGroupModelTest, GroupReferencesMustStayInTheVpc) {
  std::string vpc = AddVpc();
  SecurityGroup& web = Create("web");
  std::string other_id = Create("db", vpc).id;
  auto r = AuthorizeRules(world_, *scope_, web, false, {Tcp(5432, 5432, {Group(other_id)})}, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidGroupNotFound);
  EXPECT_EQ(r.error().message,
            "You have specified two resources that belong to different networks.");
}

TEST_F(SecurityGroupModelTest, GroupReferenceCountsForBothFamilies) {
  SecurityGroup& g = Create("web");
  std::string self = g.id;
  ASSERT_TRUE(AuthorizeRules(world_, *scope_, g, false, {Tcp(1, 1, {Group(self)})}, {}).ok());
  RuleCounts counts = CountRules(g.rules, false);
  EXPECT_EQ(counts.ipv4, 1);
  EXPECT_EQ(counts.ipv6, 1);
  RuleCounts egress = CountRules(g.rules, true);
  EXPECT_EQ(egress.ipv4, 1);
  EXPECT_EQ(egress.ipv6, 0);
}

TEST_F(SecurityGroupModelTest, RevokeOfMissingRuleFailsWholeCallOutsideDefaultVpc) {
  SecurityGroup& g = Create("app", AddVpc());
  ASSERT_TRUE(
      AuthorizeRules(world_, *scope_, g, false, {Tcp(22, 22, {V4("10.0.0.0/8")})}, {}).ok());
  size_t before = g.rules.size();
  auto r = RevokeRules(*scope_, g, false,
                       {Tcp(22, 22, {V4("10.0.0.0/8")}), Tcp(80, 80, {V4("10.0.0.0/8")})});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidPermissionNotFound);
  EXPECT_EQ(r.error().message, "The specified rule does not exist in this security group.");
  EXPECT_EQ(g.rules.size(), before);
}

TEST_F(SecurityGroupModelTest, RevokeInDefaultVpcRemovesWhatExistsAndReportsTheRest) {
  SecurityGroup& g = Create("web");
  ASSERT_TRUE(
      AuthorizeRules(world_, *scope_, g, false, {Tcp(22, 22, {V4("10.0.0.0/8")})}, {}).ok());
  auto r = RevokeRules(*scope_, g, false,
                       {Tcp(22, 22, {V4("10.0.0.0/8")}), Tcp(80, 80, {V4("10.0.0.0/8")})});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r.value().revoked.size(), 1u);
  ASSERT_EQ(r.value().unknown.size(), 1u);
  EXPECT_EQ(r.value().unknown[0].from_port, 80);
  EXPECT_EQ(CountRules(g.rules, false).ipv4, 0);
}

TEST_F(SecurityGroupModelTest, RevokeByIdChecksDirection) {
  SecurityGroup& g = Create("web");
  std::string egress_id = g.rules[0].rule_id;
  auto wrong = RevokeRulesById(g, false, {egress_id});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalidSecurityGroupRuleIdNotFound);
  auto right = RevokeRulesById(g, true, {egress_id});
  ASSERT_TRUE(right.ok());
  EXPECT_TRUE(g.rules.empty());
}

TEST_F(SecurityGroupModelTest, SelfReferenceDoesNotBlockDeletion) {
  SecurityGroup& g = Create("web");
  std::string id = g.id;
  ASSERT_TRUE(AuthorizeRules(world_, *scope_, g, false, {Tcp(1, 1, {Group(id)})}, {}).ok());
  ASSERT_TRUE(DeleteSecurityGroup(*scope_, g).ok());
  EXPECT_EQ(scope_->groups.Find(id), nullptr);
}

TEST_F(SecurityGroupModelTest, InterfaceGroupsAreValidatedAndDeduplicated) {
  std::string vpc = AddVpc();
  NetworkInterface eni;
  eni.vpc_id = scope_->default_vpc_id;
  std::vector<std::string> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(Create("g" + std::to_string(i)).id);
  auto code = [&](const std::vector<std::string>& groups) {
    Status s = SetInterfaceGroups(*scope_, eni, groups);
    return s.ok() ? std::string("ok") : std::string(AwsCode(s.error().code));
  };
  EXPECT_EQ(code({}), "InvalidParameterValue");
  EXPECT_EQ(code(ids), "SecurityGroupsPerInterfaceLimitExceeded");
  EXPECT_EQ(code({"sg-zz"}), "InvalidGroupId.Malformed");
  EXPECT_EQ(code({"sg-0123456789abcdef0"}), "InvalidGroup.NotFound");
  EXPECT_EQ(code({Create("elsewhere", vpc).id}), "InvalidGroup.NotFound");
  EXPECT_EQ(code({ids[0], ids[1], ids[0]}), "ok");
  EXPECT_EQ(eni.group_ids, (std::vector<std::string>{ids[0], ids[1]}));
}

TEST_F(SecurityGroupModelTest, TagsAreFoundForGroupsAndRules) {
  SecurityGroup& g = Create("web");
  EXPECT_EQ(FindGroupOrRuleTags(*scope_, g.id), &g.tags);
  EXPECT_EQ(FindGroupOrRuleTags(*scope_, g.rules[0].rule_id), &g.rules[0].tags);
  EXPECT_EQ(FindGroupOrRuleTags(*scope_, "sg-0123456789abcdef0"), nullptr);
  EXPECT_EQ(FindGroupOrRuleTags(*scope_, "sgr-0123456789abcdef0"), nullptr);
  EXPECT_EQ(FindGroupOrRuleTags(*scope_, "i-0123456789abcdef0"), nullptr);
}

}  // namespace
}  // namespace ec2sim::model
