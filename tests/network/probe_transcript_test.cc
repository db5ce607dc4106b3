// The probe verb inside scenarios: its transcript line names the verdict, what blocked it and
// an allowed path's round trip, and saved values flow into probes.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "ec2sim/scenario.h"

namespace ec2sim {
namespace {

// Runs a scenario given as text in a fresh sandbox; the test fails at once if it does not parse.
ScenarioOutcome RunProbeText(const char* text, std::ostringstream& transcript) {
  Result<Scenario> scenario = ParseScenario(text, "t.json");
  EXPECT_TRUE(scenario.ok()) << scenario.error().message;
  if (!scenario.ok()) return ScenarioOutcome{};
  Sandbox sandbox(SandboxOptionsFor(*scenario));
  return RunScenario(*scenario, sandbox, &transcript);
}

constexpr const char* kScenario = R"({
  "format": 1, "name": "t", "region": "ap-northeast-2", "timing": "instant",
  "steps": [
    {"call": "CreateSecurityGroup", "with": {"GroupName": "ssh", "Description": "ssh"},
     "save": {"sg": "GroupId"}},
    {"call": "RunInstances", "with": {"ImageId": "ami-0c9c942bd7bf113a2", "MinCount": 1,
     "MaxCount": 1, "SecurityGroupIds": ["${sg}"]}, "save": {"web": "Instances[0].InstanceId"}},
    {"probe": {"from": "203.0.113.7", "to": "${web}", "protocol": "tcp", "port": 22,
               "open": "s"},
     "expect": {"Verdict": "blocked", "BlockedBy.Id": "${sg}"}},
    {"probe": {"from": "${web}", "to": "198.51.100.1", "protocol": "tcp", "port": 443},
     "expect": {"Verdict": "allowed"}}
  ]})";

TEST(ProbeTranscript, LinesNameTheVerdictAndTheBlockingComponent) {
  std::ostringstream transcript;
  ScenarioOutcome outcome = RunProbeText(kScenario, transcript);
  EXPECT_TRUE(outcome.passed) << transcript.str();
  ASSERT_EQ(outcome.steps.size(), 4u);
  const std::string& blocked = outcome.steps[2].summary;
  EXPECT_NE(blocked.find("probe: ok blocked by security-group sg-"), std::string::npos) << blocked;
  EXPECT_NE(blocked.find("(security-group-no-matching-rule), connection s refused"),
            std::string::npos)
      << blocked;
  // The allowed line carries the result's own RttMs; the blocked one has none.
  const nlohmann::json& allowed = outcome.steps[3].result;
  ASSERT_TRUE(allowed.contains("RttMs")) << allowed.dump();
  EXPECT_EQ(outcome.steps[3].summary,
            "probe: ok allowed, " + allowed["RttMs"].dump() + " ms round trip");
  EXPECT_EQ(blocked.find("round trip"), std::string::npos) << blocked;
}

// Two instances of one launch share a subnet, hence an AZ, whose round trip docs/latency.md
// puts at 0.3 ms (the AZ's fabric, sim/model/latency/same_region.cc).
constexpr const char* kTwoTiers = R"({
  "format": 1, "name": "t", "region": "ap-northeast-2", "timing": "instant",
  "steps": [
    {"call": "CreateSecurityGroup", "with": {"GroupName": "tier", "Description": "tier"},
     "save": {"sg": "GroupId"}},
    {"call": "AuthorizeSecurityGroupIngress", "with": {"GroupId": "${sg}", "IpPermissions": [
      {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432,
       "UserIdGroupPairs": [{"GroupId": "${sg}"}]}]}},
    {"call": "RunInstances", "with": {"ImageId": "ami-0c9c942bd7bf113a2", "MinCount": 2,
     "MaxCount": 2, "SecurityGroupIds": ["${sg}"]},
     "save": {"app": "Instances[0].InstanceId", "db": "Instances[1].InstanceId"}},
    {"probe": {"from": "${app}", "to": "${db}", "protocol": "tcp", "port": 5432, "open": "pg"},
     "expect": {"Verdict": "allowed", "RttMs": 0.3}},
    {"probe": {"from": "${app}", "to": "${db}", "protocol": "tcp", "port": 22},
     "expect": {"Verdict": "blocked"}}
  ]})";

TEST(ProbeTranscript, AnAllowedLineShowsTheRoundTripBeforeTheConnection) {
  std::ostringstream transcript;
  ScenarioOutcome outcome = RunProbeText(kTwoTiers, transcript);
  EXPECT_TRUE(outcome.passed) << transcript.str();
  ASSERT_EQ(outcome.steps.size(), 5u);
  EXPECT_EQ(outcome.steps[3].summary,
            "probe: ok allowed, 0.3 ms round trip, connection pg established");
  EXPECT_NE(transcript.str().find("allowed, 0.3 ms round trip"), std::string::npos)
      << transcript.str();
  const std::string& blocked = outcome.steps[4].summary;
  EXPECT_NE(blocked.find("probe: ok blocked by security-group "), std::string::npos) << blocked;
  EXPECT_EQ(blocked.find("round trip"), std::string::npos) << blocked;
}

}  // namespace
}  // namespace ec2sim
