// The path a probe walks: components in order, network ACLs (stateless, first match, ephemeral
// reply ports, same-subnet traffic), gateways and public addresses, unreachable ends and input
// errors.
#include <string>

#include "tests/network/network_test_support.h"

namespace ec2sim::testing {
namespace {

using ProbePath = NetworkTest;

std::vector<std::string> Types(const json& components) {
  std::vector<std::string> out;
  for (const json& c : components) out.push_back(c.value("Type", ""));
  return out;
}

TEST_F(ProbePath, InternetToInstanceCrossesGatewayAclAndGroupAndTheReplyComesBack) {
  std::string web = CreateGroup("web");
  AllowIn(web, 22, "203.0.113.0/24");
  std::string id = LaunchWith({web});
  json r = Probe(Flow(kClient, id, "tcp", 22));
  EXPECT_EQ(r["Verdict"], "allowed");
  EXPECT_FALSE(r.contains("BlockedBy"));
  EXPECT_EQ(Types(r["Components"]),
            (std::vector<std::string>{"internet", "internet-gateway", "network-acl",
                                      "security-group", "instance"}));
  EXPECT_EQ(Types(r["ReturnComponents"]),
            (std::vector<std::string>{"security-group", "network-acl", "internet-gateway"}));
  EXPECT_EQ(r["Components"][1]["PublicIpAddress"], PublicIp(id));
  EXPECT_EQ(r["Components"][1]["PrivateIpAddress"], PrivateIp(id));
  EXPECT_EQ(r["Components"][2]["Id"], DefaultAclId());
  EXPECT_EQ(r["Components"][2]["RuleNumber"], 100);
  EXPECT_EQ(r["Components"][3]["Decision"], "allowed");
  EXPECT_EQ(r["ReturnComponents"][0]["Decision"], "stateful-reply");
  EXPECT_EQ(r["Flow"]["DestinationAddress"], PublicIp(id));
  EXPECT_EQ(r["Flow"]["ReplyPorts"], json::parse(R"({"From":1024,"To":65535})"));
  EXPECT_EQ(r["Explanation"].get<std::string>().rfind("Allowed:", 0), 0u);
}

TEST_F(ProbePath, StoppedInstanceIsUnreachableAndSendsNothing) {
  std::string id = LaunchWith({});
  Call("StopInstances", {{"InstanceIds", {id}}});
  WaitFor(id, "stopped");
  json r = Probe(Flow(kClient, id, "tcp", 22));
  EXPECT_EQ(r["Verdict"], "blocked");
  EXPECT_EQ(r["BlockedBy"]["Reason"], "instance-not-running");
  EXPECT_EQ(r["BlockedBy"]["Id"], id);
  EXPECT_EQ(r["BlockedBy"]["State"], "stopped");
  EXPECT_EQ(Probe(Flow(id, kClient, "tcp", 443))["BlockedBy"]["Reason"], "instance-not-running");
}

TEST_F(ProbePath, InstanceWithoutPublicIpIsOutOfTheInternetsReach) {
  std::string web = CreateGroup("web");
  AllowIn(web, 80, "0.0.0.0/0");
  json nic =
      json::array({{{"DeviceIndex", 0}, {"AssociatePublicIpAddress", false}, {"Groups", {web}}}});
  std::string id = Launch({{"NetworkInterfaces", nic}});
  ASSERT_EQ(PublicIp(id), "");
  json in = Probe(Flow(kClient, id, "tcp", 80));
  EXPECT_EQ(in["BlockedBy"]["Reason"], "no-public-ip");
  EXPECT_EQ(in["BlockedBy"]["Type"], "internet-gateway");
  json out = Probe(Flow(id, "198.51.100.1", "tcp", 443));
  EXPECT_EQ(out["BlockedBy"]["Reason"], "no-public-ip");
  EXPECT_EQ(out["BlockedBy"]["Path"], "forward");
  // Inside the VPC its private address still works; through the internet there is none.
  std::string peer = LaunchWith({web});
  EXPECT_EQ(Verdict(peer, id, "tcp", 80), "allowed");
  ctx_.region = "us-east-1";
  std::string far = Launch({{"ImageId", kVirginiaAl2023}});
  json across = Probe(Flow(far, id, "tcp", 80));
  EXPECT_EQ(across["BlockedBy"]["Reason"], "no-public-ip");
  EXPECT_EQ(across["Components"].size(), 2u);  // the source, then the gateway that has no address
}

TEST_F(ProbePath, PrivateAddressesAreNotReachableFromTheInternet) {
  std::string web = CreateGroup("web");
  AllowIn(web, 80, "0.0.0.0/0");
  std::string id = LaunchWith({web});
  json r = Probe(Flow(kClient, PrivateIp(id), "tcp", 80));
  EXPECT_EQ(r["Verdict"], "blocked");
  EXPECT_EQ(r["BlockedBy"]["Reason"], "private-address-from-internet");
  EXPECT_EQ(r["BlockedBy"]["End"], "destination");
  EXPECT_EQ(r["BlockedBy"]["Type"], "address");
  EXPECT_EQ(r["BlockedBy"]["Address"], PrivateIp(id));
  EXPECT_EQ(r["BlockedBy"]["InstanceId"], id);
  EXPECT_EQ(Verdict(kClient, PublicIp(id), "tcp", 80), "allowed");
}

TEST_F(ProbePath, UnknownEndsAreBlockedWithTheirReason) {
  std::string id = LaunchWith({});
  EXPECT_EQ(Probe(Flow(kClient, "i-0123456789abcdef0", "tcp", 22))["BlockedBy"]["Reason"],
            "unknown-instance");
  EXPECT_EQ(Probe(Flow(id, "172.31.255.250", "tcp", 22))["BlockedBy"]["Reason"], "unknown-address");
  EXPECT_EQ(Probe(Flow(id, "10.9.9.9", "tcp", 22))["BlockedBy"]["Reason"], "no-route");
  EXPECT_EQ(Probe(Flow("172.31.255.250", id, "tcp", 22))["BlockedBy"]["End"], "source");
  EXPECT_EQ(Probe(Flow(kClient, "198.51.100.1", "tcp", 22))["BlockedBy"]["Reason"],
            "outside-simulation");
}

TEST_F(ProbePath, MalformedProbesAreErrorsWithAwsCodes) {
  std::string id = LaunchWith({});
  EXPECT_EQ(ProbeError(Flow(kClient, "i-xyz", "tcp", 22)), "InvalidInstanceID.Malformed");
  EXPECT_EQ(ProbeError(Flow(kClient, "300.1.1.1", "tcp", 22)), "InvalidParameterValue");
  EXPECT_EQ(ProbeError(Flow(kClient, "::1", "tcp", 22)), "InvalidParameterValue");
  EXPECT_EQ(ProbeError(Flow("127.0.0.1", id, "tcp", 22)), "InvalidParameterValue");
  EXPECT_EQ(ProbeError(Flow(kClient, id, "bogus", 22)), "InvalidParameterValue");
  EXPECT_EQ(ProbeError(Flow(kClient, id, "all", 22)), "InvalidParameterValue");
  EXPECT_EQ(ProbeError(Flow(kClient, id, "-1", 22)), "InvalidParameterValue");
  EXPECT_EQ(ProbeError(Flow(kClient, id, "tcp", 70000)), "InvalidParameterValue");
  EXPECT_EQ(ProbeError(Flow(kClient, id, "icmp", 300)), "InvalidParameterValue");
  EXPECT_EQ(ProbeError({{"from", kClient}, {"to", id}, {"protocol", "tcp"}}), "MissingParameter");
  EXPECT_EQ(ProbeError({{"to", id}, {"protocol", "tcp"}, {"port", 22}}), "MissingParameter");
  EXPECT_EQ(ProbeError({{"to", id}, {"protocol", "tcp"}, {"port", "22"}, {"from", kClient}}),
            "InvalidParameterValue");
  json typo = Flow(kClient, id, "tcp", 22);
  typo["prot"] = 1;
  EXPECT_EQ(ProbeError(typo), "UnknownParameter");
  EXPECT_EQ(ProbeError(Flow(id, id, "tcp", 22)), "InvalidParameterValue");
}

TEST_F(ProbePath, TrafficWithinOneSubnetCrossesNoNetworkAcl) {
  std::string a = LaunchWith({}, "ap-northeast-2a");
  std::string b = LaunchWith({}, "ap-northeast-2a");
  std::string c = LaunchWith({}, "ap-northeast-2b");
  std::string acl = CreateAcl();  // denies everything
  Associate(acl, SubnetOf(a));
  json r = Probe(Flow(a, b, "tcp", 5432));
  EXPECT_EQ(r["Verdict"], "allowed");
  for (const char* list : {"Components", "ReturnComponents"}) {
    for (const std::string& type : Types(r[list])) EXPECT_NE(type, "network-acl");
  }
  json across = Probe(Flow(c, a, "tcp", 5432));
  EXPECT_EQ(across["Verdict"], "blocked");
  EXPECT_EQ(across["BlockedBy"]["Id"], acl);
  EXPECT_EQ(across["BlockedBy"]["Direction"], "inbound");
  EXPECT_EQ(across["BlockedBy"]["RuleNumber"], 32767);
  EXPECT_EQ(across["BlockedBy"]["Reason"], "network-acl-default-deny");
}

TEST_F(ProbePath, NaclDenyEntryWinsOverAHigherNumberedAllow) {
  std::string web = CreateGroup("web");
  AllowIn(web, 22, "0.0.0.0/0");
  std::string id = LaunchWith({web});
  std::string acl = CreateAcl();
  AddEntry(Entry(acl, 90, false, "tcp", "deny", "198.51.100.0/24", 22, 22));
  AddEntry(Entry(acl, 100, false, "-1", "allow", "0.0.0.0/0"));
  AddEntry(Entry(acl, 100, true, "-1", "allow", "0.0.0.0/0"));
  Associate(acl, SubnetOf(id));
  json r = Probe(Flow("198.51.100.7", id, "tcp", 22));
  EXPECT_EQ(r["Verdict"], "blocked");
  EXPECT_EQ(r["BlockedBy"]["RuleNumber"], 90);
  EXPECT_EQ(r["BlockedBy"]["RuleAction"], "deny");
  EXPECT_EQ(r["BlockedBy"]["Reason"], "network-acl-deny-entry");
  json ok = Probe(Flow(kClient, id, "tcp", 22));
  EXPECT_EQ(ok["Verdict"], "allowed");
  EXPECT_EQ(ok["Components"][2]["RuleNumber"], 100);
  // A deny numbered after the allow never gets a say.
  AddEntry(Entry(acl, 200, false, "tcp", "deny", "203.0.113.0/24", 22, 22));
  EXPECT_EQ(Verdict(kClient, id, "tcp", 22), "allowed");
}

TEST_F(ProbePath, NaclsAreStatelessSoTheReplyNeedsTheClientsEphemeralPorts) {
  std::string web = CreateGroup("web");
  AllowIn(web, 22, "0.0.0.0/0");
  std::string id = LaunchWith({web});
  std::string acl = CreateAcl();
  AddEntry(Entry(acl, 100, false, "tcp", "allow", "0.0.0.0/0", 22, 22));
  AddEntry(Entry(acl, 100, true, "tcp", "allow", "0.0.0.0/0", 32768, 65535));
  Associate(acl, SubnetOf(id));
  json r = Probe(Flow(kClient, id, "tcp", 22));
  EXPECT_EQ(r["Verdict"], "blocked");
  EXPECT_EQ(r["BlockedBy"]["Path"], "return");
  EXPECT_EQ(r["BlockedBy"]["Direction"], "outbound");
  EXPECT_EQ(r["BlockedBy"]["Port"], 1024);  // internet clients may use 1024-65535
  EXPECT_NE(r["Explanation"].get<std::string>().find("stateless"), std::string::npos);
  json pinned = Flow(kClient, id, "tcp", 22);
  pinned["source_port"] = 40000;
  EXPECT_EQ(Probe(pinned)["Verdict"], "allowed");
  Call("ReplaceNetworkAclEntry", Entry(acl, 100, true, "tcp", "allow", "0.0.0.0/0", 1024, 65535));
  EXPECT_EQ(Verdict(kClient, id, "tcp", 22), "allowed");
}

TEST_F(ProbePath, InstanceRepliesUseLinuxEphemeralPorts) {
  std::string id = LaunchWith({});
  std::string acl = CreateAcl();
  AddEntry(Entry(acl, 100, true, "tcp", "allow", "0.0.0.0/0", 443, 443));
  AddEntry(Entry(acl, 100, false, "tcp", "allow", "0.0.0.0/0", 32768, 60999));
  Associate(acl, SubnetOf(id));
  json r = Probe(Flow(id, "198.51.100.1", "tcp", 443));
  EXPECT_EQ(r["Verdict"], "allowed");
  EXPECT_EQ(r["Flow"]["ReplyPorts"], json::parse(R"({"From":32768,"To":60999})"));
  Call("ReplaceNetworkAclEntry", Entry(acl, 100, false, "tcp", "allow", "0.0.0.0/0", 32768, 50000));
  json cut = Probe(Flow(id, "198.51.100.1", "tcp", 443));
  EXPECT_EQ(cut["BlockedBy"]["Port"], 50001);
  EXPECT_EQ(cut["BlockedBy"]["Direction"], "inbound");
}

TEST_F(ProbePath, InstancesInDifferentRegionsTalkThroughPublicAddresses) {
  std::string db_group = CreateGroup("db");
  std::string db = LaunchWith({db_group});
  ctx_.region = "us-east-1";
  std::string app = Launch({{"ImageId", kVirginiaAl2023}});
  std::string app_public = PublicIp(app);
  std::string app_private = PrivateIp(app);
  ctx_.region = "ap-northeast-2";
  AllowIn(db_group, 5432, app_private + "/32");
  json r = Probe(Flow(app, db, "tcp", 5432));
  EXPECT_EQ(r["Verdict"], "blocked");  // the rules see the public address, not the private one
  EXPECT_EQ(r["Flow"]["SourceAddress"], app_public);
  EXPECT_EQ(r["Flow"]["DestinationAddress"], PublicIp(db));
  AllowIn(db_group, 5432, app_public + "/32");
  json ok = Probe(Flow(app, db, "tcp", 5432));
  EXPECT_EQ(ok["Verdict"], "allowed");
  int gateways = 0;
  for (const std::string& t : Types(ok["Components"])) gateways += t == "internet-gateway";
  EXPECT_EQ(gateways, 2);
}

}  // namespace
}  // namespace ec2sim::testing
