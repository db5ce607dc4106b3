// Scenarios against the real Sandbox, in the boto3 shapes the scenario format promises.
#include <gtest/gtest.h>

#include <sstream>

#include "ec2sim/sandbox.h"
#include "ec2sim/scenario.h"

namespace ec2sim {
namespace {

constexpr char kStopReleasesPublicIp[] = R"({
  "format": 1,
  "name": "stop-releases-public-ip",
  "title": "A stopped instance has no public IP",
  "region": "ap-northeast-2",
  "steps": [
    {"call": "RunInstances",
     "with": {"ImageId": "ami-0c9c942bd7bf113a2", "InstanceType": "t2.micro",
              "MinCount": 1, "MaxCount": 1},
     "save": {"web": "Instances[0].InstanceId"},
     "expect": {"Instances": {"len": 1},
                "Instances[0].InstanceId": {"matches": "i-[0-9a-f]{17}"},
                "Instances[0].State.Name": "pending"}},
    {"wait": {"instance": "${web}", "state": "running"}},
    {"call": "DescribeInstances", "with": {"InstanceIds": ["${web}"]},
     "expect": {"Reservations[0].Instances[0].InstanceId": {"eq": "${web}"},
                "Reservations[0].Instances[0].State.Name": "running",
                "Reservations[0].Instances[0].State.Code": 16,
                "Reservations[0].Instances[0].PublicIpAddress":
                    {"matches": "\\d+\\.\\d+\\.\\d+\\.\\d+"}}},
    {"call": "StopInstances", "with": {"InstanceIds": ["${web}"]},
     "expect": {"StoppingInstances[0].InstanceId": {"eq": "${web}"},
                "StoppingInstances[0].PreviousState.Name": "running",
                "StoppingInstances[0].CurrentState.Name": "stopping"}},
    {"wait": {"instance": "${web}", "state": "stopped"}},
    {"call": "DescribeInstances", "with": {"InstanceIds": ["${web}"]},
     "expect": {"Reservations[0].Instances[0].State.Name": "stopped",
                "Reservations[0].Instances[0].PublicIpAddress": {"exists": false}}},
    {"call": "StopInstances", "with": {"InstanceIds": ["i-0123456789abcdef0"]},
     "expect_error": "InvalidInstanceID.NotFound"}
  ]
})";

// The example of the scenario format's specification.
constexpr char kIpChangesOnRestart[] = R"({
  "format": 1,
  "name": "ip-changes-on-restart",
  "title": "A stopped server comes back with a new public IP",
  "region": "ap-northeast-2",
  "steps": [
    {"call": "RunInstances",
     "with": {"ImageId": "ami-0c9c942bd7bf113a2", "InstanceType": "t2.micro", "MinCount": 1, "MaxCount": 1,
              "TagSpecifications": [{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "web"}]}]},
     "save": {"web": "Instances[0].InstanceId"}},
    {"wait": {"instance": "${web}", "state": "running"}},
    {"call": "DescribeInstances", "with": {"InstanceIds": ["${web}"]},
     "save": {"ip1": "Reservations[0].Instances[0].PublicIpAddress"}},
    {"call": "StopInstances", "with": {"InstanceIds": ["${web}"]}},
    {"wait": {"instance": "${web}", "state": "stopped"}},
    {"call": "StartInstances", "with": {"InstanceIds": ["${web}"]}},
    {"wait": {"instance": "${web}", "state": "running"}},
    {"call": "DescribeInstances", "with": {"InstanceIds": ["${web}"]},
     "expect": {"Reservations[0].Instances[0].PublicIpAddress": {"ne": "${ip1}"}}}
  ]
})";

std::string RunText(const char* text, ScenarioOutcome* outcome_out = nullptr) {
  auto sc = ParseScenario(text, "inline.json");
  EXPECT_TRUE(sc.ok()) << sc.error().message;
  if (!sc.ok()) return "";
  Sandbox sandbox(SandboxOptionsFor(*sc));
  std::ostringstream transcript;
  ScenarioOutcome outcome = RunScenario(*sc, sandbox, &transcript);
  EXPECT_TRUE(outcome.passed) << transcript.str();
  if (outcome_out != nullptr) *outcome_out = outcome;
  return transcript.str();
}

TEST(ScenarioSandbox, StopReleasesThePublicIp) {
  ScenarioOutcome outcome;
  std::string transcript = RunText(kStopReleasesPublicIp, &outcome);
  ASSERT_EQ(outcome.steps.size(), 7u);
  // Realistic timing: the instance takes simulated time to reach running.
  EXPECT_GT(outcome.steps[2].time, outcome.steps[1].time);
  EXPECT_NE(transcript.find("PASS stop-releases-public-ip"), std::string::npos);
}

TEST(ScenarioSandbox, SpecExampleIpChangesOnRestart) {
  std::string transcript = RunText(kIpChangesOnRestart);
  EXPECT_NE(transcript.find("PASS ip-changes-on-restart"), std::string::npos) << transcript;
}

TEST(ScenarioSandbox, InstantTimingReachesRunningWithoutWaiting) {
  std::string text = kStopReleasesPublicIp;
  text.replace(text.find("\"region\""), 0, "\"timing\": \"instant\", ");
  ScenarioOutcome outcome;
  RunText(text.c_str(), &outcome);
  ASSERT_EQ(outcome.steps.size(), 7u);
  EXPECT_EQ(outcome.steps[2].time, outcome.steps[0].time);
}

TEST(ScenarioSandbox, SameFileGivesTheSameTranscript) {
  EXPECT_EQ(RunText(kIpChangesOnRestart), RunText(kIpChangesOnRestart));
}

TEST(ScenarioSandbox, LoaderKnowsTheSandboxActions) {
  auto sc = ParseScenario(R"({"format": 1, "name": "x", "steps": [{"call": "LaunchInstances"}]})",
                          "x.json");
  ASSERT_FALSE(sc.ok());
  EXPECT_EQ(sc.error().message,
            "x.json: step 1 (\"call\"): unknown action \"LaunchInstances\" (did you mean "
            "RunInstances?)");
}

// A made-up image id, as a learner's typo would give it.
constexpr char kMadeUpImage[] = R"({
  "format": 1,
  "name": "made-up-image",
  "region": "ap-northeast-2",
  "timing": "instant",
  "steps": [
    {"call": "RunInstances",
     "with": {"ImageId": "ami-0123456789abcdef0", "MinCount": 1, "MaxCount": 1},
     "expect": {"Instances": {"len": 1}}}
  ]
})";

TEST(ScenarioSandbox, AnUnknownImageIdStopsTheScenarioAsOnAws) {
  auto sc = ParseScenario(kMadeUpImage, "inline.json");
  ASSERT_TRUE(sc.ok()) << sc.error().message;
  Sandbox sandbox(SandboxOptionsFor(*sc));
  std::ostringstream transcript;
  EXPECT_FALSE(RunScenario(*sc, sandbox, &transcript).passed);
  EXPECT_NE(transcript.str().find("InvalidAMIID.NotFound"), std::string::npos) << transcript.str();
}

TEST(ScenarioSandbox, AcceptUnknownImagesLaunchesAMadeUpId) {
  std::string text = kMadeUpImage;
  text.replace(text.find("\"region\""), 0, "\"accept_unknown_images\": true, ");
  ScenarioOutcome outcome;
  std::string transcript = RunText(text.c_str(), &outcome);
  EXPECT_TRUE(outcome.passed) << transcript;
}

}  // namespace
}  // namespace ec2sim
