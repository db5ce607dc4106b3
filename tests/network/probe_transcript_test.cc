// The probe verb inside scenarios: its transcript line names the verdict and what blocked it,
// and saved values flow into probes.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "ec2sim/scenario.h"

namespace ec2sim {
namespace {

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
  Result<Scenario> scenario = ParseScenario(kScenario, "t.json");
  ASSERT_TRUE(scenario.ok()) << scenario.error().message;
  Sandbox sandbox(SandboxOptionsFor(*scenario));
  std::ostringstream transcript;
  ScenarioOutcome outcome = RunScenario(*scenario, sandbox, &transcript);
  EXPECT_TRUE(outcome.passed) << transcript.str();
  ASSERT_EQ(outcome.steps.size(), 4u);
  const std::string& blocked = outcome.steps[2].summary;
  EXPECT_NE(blocked.find("probe: ok blocked by security-group sg-"), std::string::npos) << blocked;
  EXPECT_NE(blocked.find("(security-group-no-matching-rule), connection s refused"),
            std::string::npos)
      << blocked;
  EXPECT_EQ(outcome.steps[3].summary, "probe: ok allowed");
}

}  // namespace
}  // namespace ec2sim
