// The compiled matchers on their own, with hand-worked first-match and port-range cases.
#include "sim/model/network/compiled_rules.h"

#include <gtest/gtest.h>

namespace ec2sim::network {
namespace {

using model::NetworkAcl;
using model::NetworkAclEntry;

model::Ipv4 Ip(const char* text) { return *model::ParseIpv4(text); }

NetworkAclEntry AclEntry(int number, bool allow, const char* protocol, const char* cidr,
                         int from = -1, int to = -1) {
  NetworkAclEntry e;
  e.rule_number = number;
  e.allow = allow;
  e.protocol = protocol;
  e.cidr4 = model::ParseCidr4(cidr);
  e.port_from = from;
  e.port_to = to;
  return e;
}

// Inbound entries, deliberately stored out of order:
//   120 allow tcp 0-65535 from 0.0.0.0/0
//   100 allow tcp 1024-2000 from 0.0.0.0/0
//   110 deny  tcp 1500-3000 from 198.51.100.0/24
//   *   deny  all
NetworkAcl SampleAcl() {
  NetworkAcl acl;
  acl.entries = {AclEntry(120, true, "6", "0.0.0.0/0", 0, 65535),
                 AclEntry(32767, false, "-1", "0.0.0.0/0"),
                 AclEntry(100, true, "6", "0.0.0.0/0", 1024, 2000),
                 AclEntry(110, false, "6", "198.51.100.0/24", 1500, 3000)};
  return acl;
}

TEST(CompiledAcl, EntriesAreEvaluatedInRuleNumberOrder) {
  NetworkAcl acl = SampleAcl();
  CompiledAcl c = CompileAcl(acl);
  ASSERT_EQ(c.inbound.size(), 4u);
  EXPECT_TRUE(c.outbound.empty());
  int numbers[4];
  for (int i = 0; i < 4; ++i) numbers[i] = acl.entries[c.inbound[i].entry_index].rule_number;
  EXPECT_EQ(numbers[0], 100);
  EXPECT_EQ(numbers[1], 110);
  EXPECT_EQ(numbers[2], 120);
  EXPECT_EQ(numbers[3], 32767);
}

TEST(CompiledAcl, FirstMatchDecidesEachPacket) {
  NetworkAcl acl = SampleAcl();
  CompiledAcl c = CompileAcl(acl);
  // Port 1600 from 198.51.100.9: 100 (1024-2000) matches first and allows.
  AclDecision d = DecideAcl(c.inbound, Ip("198.51.100.9"), kProtoTcp, 1600, 0);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(acl.entries[c.inbound[d.matcher].entry_index].rule_number, 100);
  // Port 2500 from 198.51.100.9: 100 does not cover it, 110 denies.
  d = DecideAcl(c.inbound, Ip("198.51.100.9"), kProtoTcp, 2500, 0);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(acl.entries[c.inbound[d.matcher].entry_index].rule_number, 110);
  // Port 2500 from elsewhere: 110 does not match the address, 120 allows.
  EXPECT_TRUE(DecideAcl(c.inbound, Ip("203.0.113.1"), kProtoTcp, 2500, 0).allowed);
  // UDP matches no tcp entry: the * entry denies.
  d = DecideAcl(c.inbound, Ip("203.0.113.1"), kProtoUdp, 53, 0);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(acl.entries[c.inbound[d.matcher].entry_index].rule_number, 32767);
}

TEST(CompiledAcl, RangeIsAllowedOnlyIfEveryPortIsAllowed) {
  NetworkAcl acl = SampleAcl();
  CompiledAcl c = CompileAcl(acl);
  // 198.51.100.9, ports 1024-65535: 1024-2000 allowed by 100, 2001-3000 denied by 110.
  AclDecision d = DecideAclRange(c.inbound, Ip("198.51.100.9"), kProtoTcp, {1024, 65535});
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.port, 2001);
  EXPECT_EQ(acl.entries[c.inbound[d.matcher].entry_index].rule_number, 110);
  // 1024-1999 lies inside 100.
  d = DecideAclRange(c.inbound, Ip("198.51.100.9"), kProtoTcp, {1024, 1999});
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(acl.entries[c.inbound[d.matcher].entry_index].rule_number, 100);
  // From elsewhere 100 and 120 cover everything.
  EXPECT_TRUE(DecideAclRange(c.inbound, Ip("203.0.113.1"), kProtoTcp, {0, 65535}).allowed);
}

TEST(CompiledAcl, RangeFallsToTheStarEntryWhereNothingAllows) {
  NetworkAcl acl;
  acl.entries = {AclEntry(100, true, "6", "0.0.0.0/0", 32768, 65535),
                 AclEntry(32767, false, "-1", "0.0.0.0/0")};
  CompiledAcl c = CompileAcl(acl);
  AclDecision d = DecideAclRange(c.inbound, Ip("203.0.113.1"), kProtoTcp, {1024, 65535});
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.port, 1024);
  EXPECT_EQ(acl.entries[c.inbound[d.matcher].entry_index].rule_number, 32767);
  EXPECT_TRUE(DecideAclRange(c.inbound, Ip("203.0.113.1"), kProtoTcp, {32768, 60999}).allowed);
}

model::SgRule Rule(bool egress, const char* protocol, int from, int to, const char* cidr) {
  model::SgRule r;
  r.egress = egress;
  r.protocol = protocol;
  r.from_port = from;
  r.to_port = to;
  r.peer = model::SgRule::Peer::kCidr4;
  r.peer_value = cidr;
  return r;
}

TEST(CompiledGroup, SplitsDirectionsAndRecordsRulesOpenToEveryone) {
  model::SecurityGroup g;
  g.rules = {Rule(false, "tcp", 22, 22, "0.0.0.0/0"), Rule(false, "tcp", 80, 80, "10.0.0.0/8"),
             Rule(true, "-1", -1, -1, "0.0.0.0/0")};
  CompiledGroup c = CompileGroup(g, [](const std::string&) { return -1; });
  EXPECT_EQ(c.ingress.size(), 2u);
  EXPECT_EQ(c.egress.size(), 1u);
  EXPECT_EQ(c.ingress_open.size(), 1u);
  EXPECT_FALSE(c.ingress_open_all[0]);  // port 22 only
  EXPECT_TRUE(c.egress_open_all[0]);
  EXPECT_TRUE(c.egress_open_all[1]);
  SgPeer peer{Ip("10.1.2.3"), {}};
  EXPECT_EQ(FirstAllowingRule(c.ingress, peer, kProtoTcp, 80, 0), 1);
  EXPECT_EQ(FirstAllowingRule(c.ingress, peer, kProtoTcp, 81, 0), -1);
  EXPECT_TRUE(OpenRuleMatches(c.ingress_open, kProtoTcp, 22, 0));
  EXPECT_FALSE(OpenRuleMatches(c.ingress_open, kProtoTcp, 80, 0));
}

TEST(CompiledGroup, PortCoverageIsTheUnionOfRulesAcrossGroups) {
  model::SecurityGroup a, b;
  a.rules = {Rule(true, "tcp", 32768, 40000, "0.0.0.0/0")};
  b.rules = {Rule(true, "tcp", 40001, 60999, "203.0.113.0/24")};
  auto none = [](const std::string&) { return -1; };
  CompiledGroup ca = CompileGroup(a, none), cb = CompileGroup(b, none);
  const CompiledGroup* both[] = {&ca, &cb};
  SgPeer inside{Ip("203.0.113.5"), {}}, outside{Ip("198.51.100.5"), {}};
  EXPECT_TRUE(RulesCoverPorts(both, true, inside, kProtoTcp, {32768, 60999}, 0));
  EXPECT_FALSE(RulesCoverPorts(both, true, outside, kProtoTcp, {32768, 60999}, 0));
  EXPECT_FALSE(RulesCoverPorts(both, true, inside, kProtoTcp, {1024, 60999}, 0));
}

TEST(CompiledGroup, GroupReferencesMatchOnlyPeersCarryingTheGroup) {
  model::SecurityGroup g;
  model::SgRule r = Rule(false, "tcp", 5432, 5432, "");
  r.peer = model::SgRule::Peer::kGroup;
  r.peer_value = "sg-0123456789abcdef0";
  g.rules = {r};
  CompiledGroup c =
      CompileGroup(g, [](const std::string& id) { return id == "sg-0123456789abcdef0" ? 7 : -1; });
  std::uint32_t member[] = {3, 7};
  std::uint32_t stranger[] = {3};
  EXPECT_EQ(FirstAllowingRule(c.ingress, {Ip("172.31.0.9"), member}, kProtoTcp, 5432, 0), 0);
  EXPECT_EQ(FirstAllowingRule(c.ingress, {Ip("172.31.0.9"), stranger}, kProtoTcp, 5432, 0), -1);
  EXPECT_EQ(FirstAllowingRule(c.ingress, {Ip("172.31.0.9"), {}}, kProtoTcp, 5432, 0), -1);
}

}  // namespace
}  // namespace ec2sim::network
