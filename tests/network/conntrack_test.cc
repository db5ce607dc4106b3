// Named connections: tracked flows survive security-group changes, untracked ones are cut at
// once, network ACL changes and stopped instances cut both (ec2-semantics.md §6.4).
#include <string>

#include "tests/network/network_test_support.h"

namespace ec2sim::testing {
namespace {

using ConnectionTracking = NetworkTest;

json Open(const std::string& name, const std::string& to, int port = 22) {
  return {{"from", kClient}, {"to", to}, {"protocol", "tcp"}, {"port", port}, {"open", name}};
}
json Again(const std::string& name) { return {{"connection", name}}; }

TEST_F(ConnectionTracking, FlowAllowedByANarrowRuleIsTrackedAndSurvivesItsRemoval) {
  std::string g = CreateGroup("ssh");
  AllowIn(g, 22, "203.0.113.7/32");
  std::string id = LaunchWith({g});
  json opened = Probe(Open("ssh1", id));
  EXPECT_EQ(opened["Verdict"], "allowed");
  EXPECT_EQ(opened["Connection"], json::parse(R"({"Name":"ssh1","State":"established"})"));
  EXPECT_EQ(opened["Tracking"]["Destination"], "tracked");
  Call("RevokeSecurityGroupIngress",
       {{"GroupId", g}, {"IpPermissions", json::array({Tcp(22, 22, "203.0.113.7/32")})}});
  json again = Probe(Again("ssh1"));
  EXPECT_EQ(again["Verdict"], "allowed");
  EXPECT_EQ(again["Connection"]["State"], "established");
  EXPECT_EQ(again["Components"][3]["Decision"], "tracked-connection");
  EXPECT_EQ(again["Flow"]["From"], kClient);
  EXPECT_EQ(Verdict(kClient, id, "tcp", 22), "blocked");  // new connections are refused
}

TEST_F(ConnectionTracking, FlowAllowedByAnOpenRuleIsUntrackedAndCutAtOnce) {
  std::string g = CreateGroup("ssh");
  AllowIn(g, 22, "0.0.0.0/0");  // with the default allow-all egress: untracked (§6.4)
  std::string id = LaunchWith({g});
  json opened = Probe(Open("ssh1", id));
  EXPECT_EQ(opened["Tracking"]["Destination"], "untracked");
  Call("RevokeSecurityGroupIngress",
       {{"GroupId", g}, {"IpPermissions", json::array({Tcp(22, 22, "0.0.0.0/0")})}});
  json again = Probe(Again("ssh1"));
  EXPECT_EQ(again["Verdict"], "blocked");
  EXPECT_EQ(again["Connection"]["State"], "cut");
  EXPECT_EQ(again["BlockedBy"]["Type"], "security-group");
  // A cut connection stays closed even when the rule comes back.
  AllowIn(g, 22, "0.0.0.0/0");
  json later = Probe(Again("ssh1"));
  EXPECT_EQ(later["Verdict"], "blocked");
  EXPECT_EQ(later["Connection"]["State"], "closed");
  EXPECT_EQ(later["BlockedBy"]["Reason"], "connection-closed");
}

TEST_F(ConnectionTracking, UntrackedNeedsTheReverseDirectionOpenOnEveryPort) {
  std::string g = CreateGroup("ssh");
  AllowIn(g, 22, "0.0.0.0/0");
  Call("RevokeSecurityGroupEgress",
       {{"GroupId", g},
        {"IpPermissions",
         json::parse(R"([{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}])")}});
  std::string id = LaunchWith({g});
  EXPECT_EQ(Probe(Open("ssh1", id))["Tracking"]["Destination"], "tracked");
}

TEST_F(ConnectionTracking, NaclChangeCutsEvenATrackedConnection) {
  std::string g = CreateGroup("ssh");
  AllowIn(g, 22, "203.0.113.7/32");
  std::string id = LaunchWith({g});
  EXPECT_EQ(Probe(Open("ssh1", id))["Tracking"]["Destination"], "tracked");
  std::string acl = DefaultAclId();
  AddEntry(Entry(acl, 50, false, "tcp", "deny", "203.0.113.0/24", 22, 22));
  json again = Probe(Again("ssh1"));
  EXPECT_EQ(again["Verdict"], "blocked");
  EXPECT_EQ(again["Connection"]["State"], "cut");
  EXPECT_EQ(again["BlockedBy"]["Type"], "network-acl");
  EXPECT_EQ(again["BlockedBy"]["RuleNumber"], 50);
}

TEST_F(ConnectionTracking, StoppingTheInstanceCutsItsConnections) {
  std::string g = CreateGroup("ssh");
  AllowIn(g, 22, "203.0.113.7/32");
  std::string id = LaunchWith({g});
  Probe(Open("ssh1", id));
  Call("StopInstances", {{"InstanceIds", {id}}});
  json again = Probe(Again("ssh1"));
  EXPECT_EQ(again["Verdict"], "blocked");
  EXPECT_EQ(again["BlockedBy"]["Reason"], "instance-not-running");
  EXPECT_EQ(again["Connection"]["State"], "cut");
}

TEST_F(ConnectionTracking, ANewPublicAddressEndsConnectionsToTheOldOne) {
  std::string g = CreateGroup("ssh");
  AllowIn(g, 22, "203.0.113.7/32");
  std::string id = LaunchWith({g});
  Probe(Open("ssh1", id));
  json eip = Call("AllocateAddress", {{"Domain", "vpc"}});
  Call("AssociateAddress", {{"AllocationId", eip["AllocationId"]}, {"InstanceId", id}});
  EXPECT_EQ(Probe(Again("ssh1"))["BlockedBy"]["Reason"], "address-changed");
}

TEST_F(ConnectionTracking, BlockedFlowOpensNoConnection) {
  std::string id = LaunchWith({CreateGroup("closed")});
  json r = Probe(Open("ssh1", id));
  EXPECT_EQ(r["Verdict"], "blocked");
  EXPECT_EQ(r["Connection"]["State"], "refused");
  EXPECT_EQ(ProbeError(Again("ssh1")), "Ec2sim.NotFound");
}

TEST_F(ConnectionTracking, ConnectionProbesNameOnlyTheConnection) {
  std::string g = CreateGroup("ssh");
  AllowIn(g, 22, "0.0.0.0/0");
  std::string id = LaunchWith({g});
  Probe(Open("ssh1", id));
  json mixed = Again("ssh1");
  mixed["port"] = 22;
  EXPECT_EQ(ProbeError(mixed), "InvalidParameterCombination");
  EXPECT_EQ(ProbeError(Again("nope")), "Ec2sim.NotFound");
}

TEST_F(ConnectionTracking, IcmpIsAlwaysTracked) {
  std::string g = CreateGroup("ping");
  Ingress(g, json::parse(R"([{"IpProtocol":"icmp","FromPort":-1,"ToPort":-1,
                               "IpRanges":[{"CidrIp":"0.0.0.0/0"}]}])"));
  std::string id = LaunchWith({g});
  json r = Probe({{"from", kClient}, {"to", id}, {"protocol", "icmp"}, {"port", 8}, {"open", "p"}});
  EXPECT_EQ(r["Tracking"]["Destination"], "tracked");
  Call("RevokeSecurityGroupIngress",
       {{"GroupId", g},
        {"IpPermissions", json::parse(R"([{"IpProtocol":"icmp","FromPort":-1,"ToPort":-1,
                                           "IpRanges":[{"CidrIp":"0.0.0.0/0"}]}])")}});
  EXPECT_EQ(Probe(Again("p"))["Verdict"], "allowed");
}

}  // namespace
}  // namespace ec2sim::testing
