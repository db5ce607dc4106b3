// A confined probe (a classroom learner's) sees another account only as the internet does: its
// instance ids do not exist, its public addresses are internet hosts whose rules decide what
// gets in, and nothing of its insides (instances, groups, interfaces, subnets, ACLs, private
// addresses) appears in the answer. Connection names are per account.
#include <string>
#include <vector>

#include "tests/network/network_test_support.h"

namespace ec2sim::testing {
namespace {

constexpr char kLearner[] = "111111111111";
constexpr char kNeighbour[] = "222222222222";

class ConfinedProbe : public NetworkTest {
 protected:
  // The neighbour's web server: port 80 open to the world, 22 closed. Records what must never
  // show in the learner's answers.
  std::string NeighbourWebServer() {
    As(kNeighbour, /*sees_all=*/true);
    std::string g = CreateGroup("web");
    AllowIn(g, 80, "0.0.0.0/0");
    std::string id = LaunchWith({g});
    json d = Describe(id);
    secrets_ = {id,
                g,
                d.value("PrivateIpAddress", ""),
                d.value("SubnetId", ""),
                d.value("VpcId", ""),
                d["NetworkInterfaces"][0].value("NetworkInterfaceId", ""),
                DefaultAclId()};
    neighbour_ip_ = d.value("PublicIpAddress", "");
    neighbour_group_ = g;
    return id;
  }
  void As(const std::string& account, bool sees_all) {
    ctx_.account = account;
    ctx_.sees_other_accounts = sees_all;
  }
  // Fails for every neighbour detail found in `answer`.
  void ExpectNothingOfTheNeighbour(const json& answer) {
    std::string text = answer.dump();
    for (const std::string& secret : secrets_) {
      ASSERT_FALSE(secret.empty());
      EXPECT_EQ(text.find(secret), std::string::npos) << secret << " leaked in " << text;
    }
  }

  std::vector<std::string> secrets_;
  std::string neighbour_ip_;
  std::string neighbour_group_;
};

TEST_F(ConfinedProbe, AnotherAccountsInstanceIdReadsAsAnUnknownId) {
  std::string theirs = NeighbourWebServer();
  As(kLearner, false);
  std::string mine = LaunchWith({});
  const std::string unused = "i-0123456789abcdef0";
  // The whole answer, with the id written as ID, is the one for an id nobody has: it tells
  // nothing about the id beyond what the learner typed.
  auto anonymized = [](const json& answer, const std::string& id) {
    std::string text = answer.dump();
    for (std::size_t at = text.find(id); at != std::string::npos; at = text.find(id, at)) {
      text.replace(at, id.size(), "ID");
    }
    return text;
  };
  json to_theirs = Probe(Flow(mine, theirs, "tcp", 80));
  EXPECT_EQ(to_theirs["BlockedBy"]["Reason"], "unknown-instance");
  EXPECT_EQ(anonymized(to_theirs, theirs),
            anonymized(Probe(Flow(mine, unused, "tcp", 80)), unused));
  EXPECT_EQ(anonymized(Probe(Flow(theirs, mine, "tcp", 22)), theirs),
            anonymized(Probe(Flow(unused, mine, "tcp", 22)), unused));
}

TEST_F(ConfinedProbe, AnotherAccountsPublicIpIsAnInternetHostThatAnswers) {
  NeighbourWebServer();
  As(kLearner, false);
  std::string mine = LaunchWith({});
  json r = Probe(Flow(mine, neighbour_ip_, "tcp", 80));
  EXPECT_EQ(r["Verdict"], "allowed");
  const json& last = r["Components"].back();
  EXPECT_EQ(last["Type"], "internet");
  EXPECT_EQ(last["Address"], neighbour_ip_);
  EXPECT_FALSE(r["Tracking"].contains("Destination"));
  ExpectNothingOfTheNeighbour(r);
}

TEST_F(ConfinedProbe, TheNeighboursRulesStillDecideButAreNotShown) {
  NeighbourWebServer();
  As(kLearner, false);
  std::string mine = LaunchWith({});
  json r = Probe(Flow(mine, neighbour_ip_, "tcp", 22));
  EXPECT_EQ(r["Verdict"], "blocked");
  EXPECT_EQ(r["BlockedBy"]["Type"], "internet");
  EXPECT_EQ(r["BlockedBy"]["Reason"], "no-answer");
  EXPECT_NE(r["Explanation"].get<std::string>().find("did not answer"), std::string::npos);
  ExpectNothingOfTheNeighbour(r);
  // The teacher's view of the same flow names the group that blocks it.
  As(kLearner, true);
  json full = Probe(Flow(mine, neighbour_ip_, "tcp", 22));
  EXPECT_EQ(full["BlockedBy"]["Type"], "security-group");
  EXPECT_EQ(full["BlockedBy"]["Id"], neighbour_group_);
}

TEST_F(ConfinedProbe, AStoppedNeighbourLooksLikeOneThatDoesNotAnswer) {
  std::string theirs = NeighbourWebServer();
  As(kNeighbour, true);
  json eip = Call("AllocateAddress", {{"Domain", "vpc"}});
  Call("AssociateAddress", {{"AllocationId", eip["AllocationId"]}, {"InstanceId", theirs}});
  Call("StopInstances", {{"InstanceIds", {theirs}}});
  ASSERT_TRUE(sandbox_->AdvanceClock(5 * kMinute).ok());
  As(kLearner, false);
  std::string mine = LaunchWith({});
  json r = Probe(Flow(mine, eip["PublicIp"], "tcp", 80));
  EXPECT_EQ(r["Verdict"], "blocked");
  EXPECT_EQ(r["BlockedBy"]["Reason"], "no-answer");
  ExpectNothingOfTheNeighbour(r);
}

TEST_F(ConfinedProbe, TrafficFromANeighboursAddressIsInternetTraffic) {
  NeighbourWebServer();
  As(kNeighbour, true);
  // The neighbour may send nothing at all; a learner's probe must not find that out.
  Call("RevokeSecurityGroupEgress",
       {{"GroupId", neighbour_group_},
        {"IpPermissions",
         json::parse(R"([{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}])")}});
  As(kLearner, false);
  std::string g = CreateGroup("ssh");
  AllowIn(g, 22, "0.0.0.0/0");
  std::string mine = LaunchWith({g});
  json r = Probe(Flow(neighbour_ip_, mine, "tcp", 22));
  EXPECT_EQ(r["Verdict"], "allowed");
  EXPECT_EQ(r["Components"][0]["Type"], "internet");
  ExpectNothingOfTheNeighbour(r);
  As(kLearner, true);
  EXPECT_EQ(Verdict(neighbour_ip_, mine, "tcp", 22), "blocked");  // egress, seen in full
}

TEST_F(ConfinedProbe, AConnectionToANeighbourIsRecheckedWithoutShowingIt) {
  NeighbourWebServer();
  As(kLearner, false);
  std::string mine = LaunchWith({});
  json spec = Flow(mine, neighbour_ip_, "tcp", 80);
  spec["open"] = "web";
  EXPECT_EQ(Probe(spec)["Connection"]["State"], "established");
  As(kNeighbour, true);
  Call("RevokeSecurityGroupIngress",
       {{"GroupId", neighbour_group_}, {"IpPermissions", json::array({Tcp(80, 80, "0.0.0.0/0")})}});
  As(kLearner, false);
  json again = Probe({{"connection", "web"}});
  EXPECT_EQ(again["Verdict"], "blocked");
  EXPECT_EQ(again["Connection"]["State"], "cut");
  ExpectNothingOfTheNeighbour(again);
  ExpectNothingOfTheNeighbour(Probe({{"connection", "web"}}));  // closed: the stored words
}

TEST_F(ConfinedProbe, ARecheckKeepsTheConnectionsRealTracking) {
  NeighbourWebServer();  // port 80 open to the world, all egress: the flow is untracked there
  As(kLearner, false);
  std::string mine = LaunchWith({});
  json spec = Flow(mine, neighbour_ip_, "tcp", 80);
  spec["open"] = "web";
  Probe(spec);
  EXPECT_EQ(Probe({{"connection", "web"}})["Verdict"], "allowed");
  // Untracked at the neighbour, its reply is checked against its egress rules, so taking them
  // away cuts the connection: the hidden side still follows its own tracking.
  As(kNeighbour, true);
  Call("RevokeSecurityGroupEgress",
       {{"GroupId", neighbour_group_},
        {"IpPermissions",
         json::parse(R"([{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}])")}});
  As(kLearner, false);
  json again = Probe({{"connection", "web"}});
  EXPECT_EQ(again["Verdict"], "blocked");
  EXPECT_EQ(again["BlockedBy"]["Reason"], "no-answer");
  ExpectNothingOfTheNeighbour(again);
}

TEST_F(ConfinedProbe, ConnectionNamesArePerAccount) {
  NeighbourWebServer();
  As(kLearner, false);
  std::string mine = LaunchWith({});
  json spec = Flow(mine, neighbour_ip_, "tcp", 80);
  spec["open"] = "web";
  Probe(spec);
  As(kNeighbour, false);
  EXPECT_EQ(ProbeError({{"connection", "web"}}), "Ec2sim.NotFound");
}

}  // namespace
}  // namespace ec2sim::testing
