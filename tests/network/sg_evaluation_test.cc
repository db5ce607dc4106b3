// Security-group rules deciding traffic: every rule kind (protocols, ports, ICMP type/code,
// CIDRs, IPv6, prefix lists, group references), unions of groups and group changes.
#include <string>

#include "tests/network/network_test_support.h"

namespace ec2sim::testing {
namespace {

using SecurityGroupEvaluation = NetworkTest;

TEST_F(SecurityGroupEvaluation, NewGroupAdmitsNothingAndSendsEverywhere) {
  std::string web = CreateGroup("web");
  std::string id = LaunchWith({web});
  json r = Probe(Flow(kClient, id, "tcp", 22));
  EXPECT_EQ(r["Verdict"], "blocked");
  EXPECT_EQ(r["BlockedBy"]["Type"], "security-group");
  EXPECT_EQ(r["BlockedBy"]["Id"], web);
  EXPECT_EQ(r["BlockedBy"]["Direction"], "ingress");
  EXPECT_EQ(r["BlockedBy"]["Path"], "forward");
  EXPECT_EQ(r["BlockedBy"]["Reason"], "security-group-no-matching-rule");
  EXPECT_NE(r["Explanation"].get<std::string>().find("inbound rule"), std::string::npos);
  EXPECT_EQ(Verdict(id, "198.51.100.1", "tcp", 443), "allowed");
  EXPECT_EQ(Verdict(id, "198.51.100.1", "udp", 53), "allowed");
}

TEST_F(SecurityGroupEvaluation, TcpPortRangeIsInclusiveAtBothEnds) {
  std::string web = CreateGroup("web");
  Ingress(web, json::array({Tcp(8000, 8080, "0.0.0.0/0")}));
  std::string id = LaunchWith({web});
  EXPECT_EQ(Verdict(kClient, id, "tcp", 7999), "blocked");
  EXPECT_EQ(Verdict(kClient, id, "tcp", 8000), "allowed");
  EXPECT_EQ(Verdict(kClient, id, "tcp", 8080), "allowed");
  EXPECT_EQ(Verdict(kClient, id, "tcp", 8081), "blocked");
}

TEST_F(SecurityGroupEvaluation, UdpRuleDoesNotAdmitTcpOnTheSamePort) {
  std::string dns = CreateGroup("dns");
  AllowIn(dns, 53, "0.0.0.0/0", "udp");
  std::string id = LaunchWith({dns});
  EXPECT_EQ(Verdict(kClient, id, "udp", 53), "allowed");
  EXPECT_EQ(Verdict(kClient, id, "tcp", 53), "blocked");
}

TEST_F(SecurityGroupEvaluation, IcmpRulesMatchTypeAndCode) {
  std::string g = CreateGroup("ping");
  Ingress(g, json::parse(R"([{"IpProtocol":"icmp","FromPort":8,"ToPort":-1,
                               "IpRanges":[{"CidrIp":"0.0.0.0/0"}]},
                              {"IpProtocol":"icmp","FromPort":3,"ToPort":4,
                               "IpRanges":[{"CidrIp":"0.0.0.0/0"}]}])"));
  std::string id = LaunchWith({g});
  EXPECT_EQ(Verdict(kClient, id, "icmp", 8), "allowed");  // echo request, any code
  EXPECT_EQ(Verdict(kClient, id, "icmp", 13), "blocked");
  json frag = {{"from", kClient}, {"to", id}, {"protocol", "icmp"}, {"port", 3}, {"code", 4}};
  EXPECT_EQ(Probe(frag)["Verdict"], "allowed");
  frag["code"] = 1;
  EXPECT_EQ(Probe(frag)["Verdict"], "blocked");
  EXPECT_EQ(Verdict(kClient, id, "tcp", 8), "blocked");
}

TEST_F(SecurityGroupEvaluation, AllTrafficRuleAdmitsEveryProtocolAndPort) {
  std::string g = CreateGroup("trusted");
  Ingress(g, json::parse(R"([{"IpProtocol":"-1","IpRanges":[{"CidrIp":"203.0.113.0/24"}]}])"));
  std::string id = LaunchWith({g});
  EXPECT_EQ(Verdict(kClient, id, "tcp", 5), "allowed");
  EXPECT_EQ(Verdict(kClient, id, "udp", 65535), "allowed");
  EXPECT_EQ(Verdict(kClient, id, "icmp", 8), "allowed");
  EXPECT_EQ(Probe({{"from", kClient}, {"to", id}, {"protocol", "50"}})["Verdict"], "allowed");
}

TEST_F(SecurityGroupEvaluation, ProtocolNumberRuleAdmitsOnlyThatProtocol) {
  std::string g = CreateGroup("esp");
  Ingress(g, json::parse(R"([{"IpProtocol":"50","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}])"));
  std::string id = LaunchWith({g});
  EXPECT_EQ(Probe({{"from", kClient}, {"to", id}, {"protocol", "50"}})["Verdict"], "allowed");
  EXPECT_EQ(Probe({{"from", kClient}, {"to", id}, {"protocol", "51"}})["Verdict"], "blocked");
  EXPECT_EQ(Verdict(kClient, id, "tcp", 50), "blocked");
}

TEST_F(SecurityGroupEvaluation, CidrPrefixDecidesWhichSourcesMatch) {
  std::string g = CreateGroup("office");
  AllowIn(g, 22, "203.0.113.0/24");
  AllowIn(g, 443, "198.51.100.9/32");
  std::string id = LaunchWith({g});
  EXPECT_EQ(Verdict("203.0.113.200", id, "tcp", 22), "allowed");
  EXPECT_EQ(Verdict("203.0.114.7", id, "tcp", 22), "blocked");
  EXPECT_EQ(Verdict("198.51.100.9", id, "tcp", 443), "allowed");
  EXPECT_EQ(Verdict("198.51.100.10", id, "tcp", 443), "blocked");
}

TEST_F(SecurityGroupEvaluation, Ipv6AndPrefixListRulesNeverAdmitIpv4Traffic) {
  std::string g = CreateGroup("v6");
  Ingress(g, json::parse(R"([{"IpProtocol":"tcp","FromPort":22,"ToPort":22,
      "Ipv6Ranges":[{"CidrIpv6":"::/0"}],"PrefixListIds":[{"PrefixListId":"pl-12345678"}]}])"));
  std::string id = LaunchWith({g});
  EXPECT_EQ(Verdict(kClient, id, "tcp", 22), "blocked");
}

TEST_F(SecurityGroupEvaluation, GroupReferenceMatchesPrivateAddressesOfMembersOnly) {
  std::string web = CreateGroup("web");
  std::string app = CreateGroup("app");
  std::string other = CreateGroup("other");
  Ingress(app, json::array({{{"IpProtocol", "tcp"},
                             {"FromPort", 8080},
                             {"ToPort", 8080},
                             {"UserIdGroupPairs", {{{"GroupId", web}}}}}}));
  std::string w = LaunchWith({web});
  std::string a = LaunchWith({app});
  std::string o = LaunchWith({other});
  json r = Probe(Flow(w, a, "tcp", 8080));
  EXPECT_EQ(r["Verdict"], "allowed");
  EXPECT_EQ(r["Flow"]["SourceAddress"], PrivateIp(w));
  EXPECT_EQ(Verdict(PrivateIp(w), a, "tcp", 8080), "allowed");
  EXPECT_EQ(Verdict(o, a, "tcp", 8080), "blocked");
  // Through the public address the source is w's public IP, which no group reference matches.
  json via_public = Probe(Flow(w, PublicIp(a), "tcp", 8080));
  EXPECT_EQ(via_public["Verdict"], "blocked");
  EXPECT_EQ(via_public["BlockedBy"]["Peer"], PublicIp(w));
}

TEST_F(SecurityGroupEvaluation, RulesOfAllGroupsOnAnInterfaceAreUnited) {
  std::string ssh = CreateGroup("ssh");
  std::string web = CreateGroup("web");
  AllowIn(ssh, 22, "203.0.113.0/24");
  AllowIn(web, 443, "0.0.0.0/0");
  std::string id = LaunchWith({ssh, web});
  EXPECT_EQ(Verdict(kClient, id, "tcp", 22), "allowed");
  json r = Probe(Flow(kClient, id, "tcp", 443));
  EXPECT_EQ(r["Verdict"], "allowed");
  EXPECT_EQ(r["Components"][3]["Id"], web);  // the group whose rule allowed it
  EXPECT_EQ(Verdict(kClient, id, "tcp", 80), "blocked");
}

TEST_F(SecurityGroupEvaluation, ChangingAnInstancesGroupsAppliesToTheNextProbe) {
  std::string closed = CreateGroup("closed");
  std::string open = CreateGroup("open");
  AllowIn(open, 80, "0.0.0.0/0");
  std::string id = LaunchWith({closed});
  EXPECT_EQ(Verdict(kClient, id, "tcp", 80), "blocked");
  Call("ModifyInstanceAttribute", {{"InstanceId", id}, {"Groups", {open}}});
  EXPECT_EQ(Verdict(kClient, id, "tcp", 80), "allowed");
  std::string eni = Describe(id)["NetworkInterfaces"][0]["NetworkInterfaceId"];
  Call("ModifyNetworkInterfaceAttribute", {{"NetworkInterfaceId", eni}, {"Groups", {closed}}});
  EXPECT_EQ(Verdict(kClient, id, "tcp", 80), "blocked");
}

TEST_F(SecurityGroupEvaluation, RemovingEveryOutboundRuleBlocksAllOutboundTraffic) {
  std::string g = CreateGroup("locked");
  Call("RevokeSecurityGroupEgress",
       {{"GroupId", g},
        {"IpPermissions",
         json::parse(R"([{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}])")}});
  std::string id = LaunchWith({g});
  json r = Probe(Flow(id, "198.51.100.1", "tcp", 443));
  EXPECT_EQ(r["Verdict"], "blocked");
  EXPECT_EQ(r["BlockedBy"]["Direction"], "egress");
  EXPECT_EQ(r["BlockedBy"]["Type"], "security-group");
  Call("AuthorizeSecurityGroupEgress",
       {{"GroupId", g}, {"IpPermissions", json::array({Tcp(443, 443, "0.0.0.0/0")})}});
  EXPECT_EQ(Verdict(id, "198.51.100.1", "tcp", 443), "allowed");
  EXPECT_EQ(Verdict(id, "198.51.100.1", "tcp", 80), "blocked");
}

TEST_F(SecurityGroupEvaluation, DefaultGroupMembersReachEachOtherOnlyPrivately) {
  std::string a = LaunchWith({});
  std::string b = LaunchWith({});
  EXPECT_EQ(Verdict(a, b, "tcp", 5432), "allowed");
  EXPECT_EQ(Verdict(kClient, b, "tcp", 5432), "blocked");
}

}  // namespace
}  // namespace ec2sim::testing
