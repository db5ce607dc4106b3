// The teaching transcript of the seed walkthrough (scenarios/seed-walkthrough.json) on a real
// Sandbox tells the blog post's story: the public IP before and after the restart, the Elastic
// IP's address, the private key shown once, and at the end what is left and the bill.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "ec2sim/sandbox.h"
#include "ec2sim/scenario.h"

namespace ec2sim {
namespace {

std::string RunFile(const std::string& path, TranscriptDetail detail) {
  Result<Scenario> sc = LoadScenarioFile(path);
  EXPECT_TRUE(sc.ok()) << sc.error().message;
  if (!sc.ok()) return "";
  Sandbox sandbox(SandboxOptionsFor(*sc));
  std::ostringstream transcript;
  ScenarioOutcome outcome = RunScenario(*sc, sandbox, &transcript, detail);
  EXPECT_TRUE(outcome.passed) << transcript.str();
  return transcript.str();
}

std::string RunWalkthroughText(const std::string& text, TranscriptDetail detail) {
  Result<Scenario> sc = ParseScenario(text, "t.json");
  EXPECT_TRUE(sc.ok()) << sc.error().message;
  if (!sc.ok()) return "";
  Sandbox sandbox(SandboxOptionsFor(*sc));
  std::ostringstream transcript;
  RunScenario(*sc, sandbox, &transcript, detail);
  return transcript.str();
}

const std::string kWalkthrough =
    std::string(EC2SIM_SOURCE_DIR) + "/scenarios/seed-walkthrough.json";

// The value of the saved `name` as the transcript shows it ("" when absent).
std::string Shown(const std::string& transcript, const std::string& name) {
  std::smatch m;
  std::regex line("\n +" + name + " = ([^\n]*)\n");
  return std::regex_search(transcript, m, line) ? m[1].str() : "";
}

const std::regex kIpv4("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

TEST(WalkthroughTranscript, ShowsBothPublicIpsAndTheElasticIpAndEndsWithWhatIsLeft) {
  std::string t = RunFile(kWalkthrough, TranscriptDetail::kTeaching);
  std::string ip1 = Shown(t, "ip1");
  std::string ip2 = Shown(t, "ip2");
  std::string eip = Shown(t, "eip");
  EXPECT_TRUE(std::regex_match(ip1, kIpv4)) << t;
  EXPECT_TRUE(std::regex_match(ip2, kIpv4)) << t;
  EXPECT_TRUE(std::regex_match(eip, kIpv4)) << t;
  EXPECT_NE(ip1, ip2) << "a restart draws a new public IP";
  std::smatch launched;
  ASSERT_TRUE(std::regex_search(
      t, launched, std::regex("\\(web\\) pending, t2\\.micro in (ap-northeast-2[a-d]), ")))
      << t;
  std::string zone = launched[1].str();
  // The facts under the Describe calls say the same: an address from Amazon's pool, then the
  // Elastic IP once it is attached.
  EXPECT_NE(t.find("running, t2.micro in " + zone + ", public IP " + ip1 + "\n"),
            std::string::npos);
  EXPECT_NE(t.find("running, t2.micro in " + zone + ", public IP " + ip2 + "\n"),
            std::string::npos);
  EXPECT_NE(t.find("Elastic IP " + eip + ", allocation eipalloc-"), std::string::npos) << t;
  EXPECT_NE(t.find("(web) stopped, t2.micro in " + zone + ", Elastic IP " + eip + "\n"),
            std::string::npos)
      << t;
  // The private key is shown once, shortened to its first line.
  EXPECT_NE(t.find("private key shown once"), std::string::npos);
  EXPECT_TRUE(std::regex_search(
      t, std::regex(
             "\n +private_key = -----BEGIN RSA PRIVATE KEY----- \\.\\.\\. \\([0-9]+ lines\\)\n")))
      << t;
  // Everything was cleaned up, and the summary says so right before the verdict.
  std::string end =
      "-- left at the end\n"
      "    ap-northeast-2: no instances left (none launched, or all terminated)\n"
      "    ap-northeast-2: no Elastic IPs held\n";
  size_t summary = t.find(end);
  ASSERT_NE(summary, std::string::npos) << t;
  EXPECT_GT(summary, t.find("call DeleteKeyPair: ok"));
  EXPECT_TRUE(std::regex_search(
      t.substr(summary + end.size()),
      std::regex("^    bill so far: total \\$[0-9]+\\.[0-9]{2} \\(public-ipv4-2024 pricing\\)\n"
                 "PASS seed-walkthrough\n\n$")))
      << t.substr(summary);
}

TEST(WalkthroughTranscript, IsTheSameEveryRun) {
  EXPECT_EQ(RunFile(kWalkthrough, TranscriptDetail::kTeaching),
            RunFile(kWalkthrough, TranscriptDetail::kTeaching));
}

TEST(WalkthroughTranscript, VerboseShowsWholeResultsAndTheWholePrivateKey) {
  std::string t = RunFile(kWalkthrough, TranscriptDetail::kVerbose);
  std::string ip1 = Shown(t, "ip1");
  EXPECT_NE(t.find("\"PublicIpAddress\": \"" + ip1 + "\","), std::string::npos) << t;
  EXPECT_NE(t.find("-----END RSA PRIVATE KEY-----\n"), std::string::npos);
  EXPECT_EQ(t.find(" lines)\n"), std::string::npos) << "nothing is shortened";
  EXPECT_NE(t.find("-- left at the end\n"), std::string::npos);
}

TEST(WalkthroughTranscript, QuietIsOneLinePerStep) {
  std::string t = RunFile(kWalkthrough, TranscriptDetail::kQuiet);
  std::istringstream lines(t);
  std::string line;
  int steps = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line.rfind("== ", 0) == 0 || line == "PASS seed-walkthrough") continue;
    EXPECT_TRUE(std::regex_search(line, std::regex("^2026-[0-9-]+T[0-9:.]+Z \\[[0-9]+\\] ")))
        << line;
    ++steps;
  }
  EXPECT_GE(steps, 30);
  EXPECT_EQ(t.find(" = "), std::string::npos);
  EXPECT_EQ(t.find("-- left at the end"), std::string::npos);
}

TEST(WalkthroughTranscript, WhatIsLeftIsListedWithItsPrice) {
  std::string t = RunWalkthroughText(R"({"format": 1, "name": "t", "region": "ap-northeast-2",
    "timing": "instant", "steps": [
    {"call": "RunInstances", "with": {"ImageId": "ami-0c9c942bd7bf113a2",
      "InstanceType": "t2.micro", "MinCount": 1, "MaxCount": 1}, "save": {"web": "Instances[0].InstanceId"}},
    {"call": "AllocateAddress", "with": {"Domain": "vpc"}, "save": {"alloc": "AllocationId"}},
    {"call": "AllocateAddress", "with": {"Domain": "vpc"}, "save": {"alloc2": "AllocationId"}},
    {"call": "AssociateAddress", "with": {"AllocationId": "${alloc}", "InstanceId": "${web}"}},
    {"call": "DescribeImages", "region": "us-east-1",
     "with": {"Filters": [{"Name": "name", "Values": ["al2023-ami-*"]}]},
     "save": {"ami_va": "Images[0].ImageId"}},
    {"call": "RunInstances", "region": "us-east-1", "with": {"ImageId": "${ami_va}",
      "InstanceType": "t3.micro", "MinCount": 1, "MaxCount": 1}},
    {"advance": "10h"}]})",
                                     TranscriptDetail::kTeaching);
  EXPECT_TRUE(std::regex_search(
      t,
      std::regex("-- left at the end\n"
                 "    ap-northeast-2: 1 instance not terminated\n"
                 "      i-[0-9a-f]+ running, t2.micro in ap-northeast-2[a-d], Elastic IP [0-9.]+\n"
                 "    ap-northeast-2: 2 Elastic IPs held, \\$0.01/h in all\n"
                 "      [0-9.]+ \\(eipalloc-[0-9a-f]+\\) on i-[0-9a-f]+, \\$0.005/h\n"
                 "      [0-9.]+ \\(eipalloc-[0-9a-f]+\\) idle, \\$0.005/h\n"
                 "    us-east-1: 1 instance not terminated\n"
                 "      i-[0-9a-f]+ running, t3.micro in us-east-1[a-f], public IP [0-9.]+\n"
                 "    us-east-1: no Elastic IPs held\n"
                 "    bill so far: total \\$0.[0-9]{2} \\(public-ipv4-2024 pricing\\)\n")))
      << t;
}

TEST(WalkthroughTranscript, UnderTheLegacyRuleAnAttachedElasticIpIsFree) {
  std::string t = RunWalkthroughText(R"({"format": 1, "name": "t", "region": "ap-northeast-2",
    "timing": "instant", "pricing": "legacy-eip", "steps": [
    {"call": "RunInstances", "with": {"ImageId": "ami-0c9c942bd7bf113a2",
      "InstanceType": "t2.micro", "MinCount": 1, "MaxCount": 1}, "save": {"web": "Instances[0].InstanceId"}},
    {"call": "AllocateAddress", "with": {"Domain": "vpc"}, "save": {"alloc": "AllocationId"}},
    {"call": "AssociateAddress", "with": {"AllocationId": "${alloc}", "InstanceId": "${web}"}}]})",
                                     TranscriptDetail::kTeaching);
  EXPECT_NE(t.find("    ap-northeast-2: 1 Elastic IP held, $0.00/h in all\n"), std::string::npos)
      << t;
  EXPECT_NE(t.find("(legacy-eip pricing)"), std::string::npos) << t;
}

}  // namespace
}  // namespace ec2sim
