// The teaching and verbose transcripts on a fake backend: saved values and key facts under each
// step, escaped for the terminal, shortened unless verbose, and what the scenario left behind.
#include <gtest/gtest.h>

#include <sstream>

#include "ec2sim/scenario.h"
#include "sim/scenario/document.h"
#include "sim/scenario/transcript_text.h"
#include "tests/scenario/fake_backend.h"

namespace ec2sim::scenario {
namespace {

struct TranscriptRun {
  ScenarioOutcome outcome;
  std::string transcript;
  size_t calls = 0;
};

TranscriptRun RunDemo(const std::string& steps, TranscriptDetail detail) {
  auto sc = ParseScenarioText(R"({"format": 1, "name": "demo", "region": "ap-northeast-2", )"
                              R"("steps": )" +
                                  steps + "}",
                              "demo.json", &FakeBackend::Knows);
  EXPECT_TRUE(sc.ok()) << sc.error().message;
  if (!sc.ok()) return {};
  FakeBackend backend(sc->options.start);
  std::ostringstream transcript;
  ScenarioOutcome outcome = RunScenario(*sc, backend, &transcript, detail);
  return {outcome, transcript.str(), backend.calls().size()};
}

constexpr char kRestart[] = R"([
  {"call": "RunInstances", "with": {"ImageId": "ami-1", "MinCount": 1, "MaxCount": 1},
   "save": {"web": "Instances[0].InstanceId"}},
  {"wait": {"instance": "${web}", "state": "running"}},
  {"call": "DescribeInstances", "with": {"InstanceIds": ["${web}"]},
   "save": {"ip1": "Reservations[0].Instances[0].PublicIpAddress"}},
  {"call": "StopInstances", "with": {"InstanceIds": ["${web}"]}},
  {"call": "Echo", "with": {"A": 1}}
])";

TEST(TeachingTranscript, ShowsSavedValuesKeyFactsAndWhatIsLeftAtTheEnd) {
  TranscriptRun run = RunDemo(kRestart, TranscriptDetail::kTeaching);
  EXPECT_TRUE(run.outcome.passed) << run.transcript;
  EXPECT_EQ(run.transcript,
            "== demo (demo.json)\n"
            "2026-01-01T00:00:00Z [1] call RunInstances: ok i-00000000000000001\n"
            "                         i-00000000000000001 pending, public IP 203.0.113.10\n"
            "                         web = i-00000000000000001\n"
            "2026-01-01T00:00:00Z [2] wait i-00000000000000001 running: ok after 10s\n"
            "2026-01-01T00:00:10Z [3] call DescribeInstances: ok i-00000000000000001\n"
            "                         i-00000000000000001 running, public IP 203.0.113.10\n"
            "                         ip1 = 203.0.113.10\n"
            "2026-01-01T00:00:10Z [4] call StopInstances: ok i-00000000000000001\n"
            "                         i-00000000000000001 running -> stopping\n"
            "2026-01-01T00:00:10Z [5] call Echo: ok\n"
            "-- left at the end\n"
            "    ap-northeast-2: 1 instance not terminated\n"
            "      i-00000000000000001 stopping, no public IP\n"
            "    ap-northeast-2: no Elastic IPs held\n"
            "    bill so far: cannot tell (Ec2sim.Unsupported: bill is not supported yet)\n"
            "PASS demo\n\n");
}

TEST(TeachingTranscript, QuietAddsNothingAndAsksTheBackendNothingMore) {
  TranscriptRun quiet = RunDemo(kRestart, TranscriptDetail::kQuiet);
  EXPECT_EQ(quiet.transcript,
            "== demo (demo.json)\n"
            "2026-01-01T00:00:00Z [1] call RunInstances: ok i-00000000000000001\n"
            "2026-01-01T00:00:00Z [2] wait i-00000000000000001 running: ok after 10s\n"
            "2026-01-01T00:00:10Z [3] call DescribeInstances: ok i-00000000000000001\n"
            "2026-01-01T00:00:10Z [4] call StopInstances: ok i-00000000000000001\n"
            "2026-01-01T00:00:10Z [5] call Echo: ok\n"
            "PASS demo\n\n");
  EXPECT_EQ(quiet.calls, 4u);
  // The summary reads the instances and the addresses of the one place the scenario used.
  EXPECT_EQ(RunDemo(kRestart, TranscriptDetail::kTeaching).calls, 6u);
}

TEST(TeachingTranscript, TheSummaryFollowsAScenarioThatFailedEarly) {
  TranscriptRun run = RunDemo(R"([{"call": "RunInstances", "with": {"MinCount": 1, "MaxCount": 1}},
                    {"call": "Fail"}, {"call": "Echo"}])",
                              TranscriptDetail::kTeaching);
  EXPECT_FALSE(run.outcome.passed);
  size_t not_run = run.transcript.find("[3] call Echo: not run\n");
  size_t summary = run.transcript.find("-- left at the end\n");
  size_t verdict = run.transcript.find("FAIL demo (step 2)\n");
  ASSERT_NE(summary, std::string::npos) << run.transcript;
  EXPECT_LT(not_run, summary);
  EXPECT_LT(summary, verdict);
  EXPECT_NE(run.transcript.find("1 instance not terminated\n      i-00000000000000001 pending"),
            std::string::npos)
      << run.transcript;
}

TEST(TeachingTranscript, SavedValuesAreEscapedForTheTerminal) {
  TranscriptRun run =
      RunDemo(R"([{"call": "Echo", "with": {"A": "\u001b[2Jred\u0007", "B": "a\\b\u009b"},
                     "save": {"a": "A", "b": "B"}}])",
              TranscriptDetail::kTeaching);
  EXPECT_NE(run.transcript.find("a = \\x1B[2Jred\\x07\n"), std::string::npos) << run.transcript;
  EXPECT_NE(run.transcript.find("b = a\\x5Cb\\xC2\\x9B\n"), std::string::npos) << run.transcript;
  EXPECT_EQ(run.transcript.find('\x1b'), std::string::npos);
  EXPECT_EQ(run.transcript.find('\x07'), std::string::npos);
}

TEST(TeachingTranscript, TheHeaderAndNarrationAreEscapedToo) {
  auto sc = ParseScenarioText(
      R"({"format": 1, "name": "demo", "title": "\u001b[31mred", "steps": [
          {"note": "bell\u0007"}]})",
      "demo.json", &FakeBackend::Knows);
  ASSERT_TRUE(sc.ok()) << sc.error().message;
  FakeBackend backend(sc->options.start);
  std::ostringstream transcript;
  RunScenario(*sc, backend, &transcript, TranscriptDetail::kTeaching);
  EXPECT_EQ(transcript.str().rfind("== demo: \\x1B[31mred (demo.json)\n", 0), 0u)
      << transcript.str();
  EXPECT_NE(transcript.str().find("[1] note: bell\\x07\n"), std::string::npos);
  EXPECT_EQ(transcript.str().find('\x1b'), std::string::npos);
}

TEST(TeachingTranscript, LongAndMultiLineValuesAreShortenedUnlessVerbose) {
  std::string long_value(150, 'x');
  std::string steps =
      R"([{"call": "Echo", "with": {"Key": "-----BEGIN KEY-----\nAAA\nBBB\n-----END KEY-----\n", "Long": ")" +
      long_value +
      R"(", "List": [1, 2]}, "save": {"key": "Key", "long": "Long", "list": "List"}}])";
  TranscriptRun teaching = RunDemo(steps, TranscriptDetail::kTeaching);
  EXPECT_NE(teaching.transcript.find("key = -----BEGIN KEY----- ... (4 lines)\n"),
            std::string::npos)
      << teaching.transcript;
  EXPECT_NE(teaching.transcript.find("long = " + std::string(100, 'x') + " ... (150 characters)\n"),
            std::string::npos)
      << teaching.transcript;
  EXPECT_NE(teaching.transcript.find("list = [1,2]\n"), std::string::npos);

  TranscriptRun verbose = RunDemo(steps, TranscriptDetail::kVerbose);
  const std::string under(25, ' ');
  EXPECT_NE(verbose.transcript.find(under + "key = -----BEGIN KEY-----\n" + under + "      AAA\n" +
                                    under + "      BBB\n" + under + "      -----END KEY-----\n"),
            std::string::npos)
      << verbose.transcript;
  EXPECT_NE(verbose.transcript.find("long = " + long_value + "\n"), std::string::npos);
}

TEST(VerboseTranscript, ShowsTheWholeResultAsJsonIndentedUnderTheStep) {
  TranscriptRun run = RunDemo(R"([{"call": "Echo", "with": {"A": 1, "B": {"C": "d\ne"}}}])",
                              TranscriptDetail::kVerbose);
  const std::string under(25, ' ');
  EXPECT_NE(run.transcript.find("[1] call Echo: ok\n" + under + "{\n" + under + "  \"A\": 1,\n" +
                                under + "  \"B\": {\n" + under + "    \"C\": \"d\\ne\"\n" + under +
                                "  }\n" + under + "}\n"),
            std::string::npos)
      << run.transcript;
}

TEST(VerboseTranscript, JsonKeepsControlsATerminalObeysEscapedAndStaysJson) {
  nlohmann::json value = {{"A", "x\x7fy\xc2\x9bz"}};
  std::string text = TerminalSafeJson(value, -1);
  EXPECT_EQ(text, "{\"A\":\"x\\u007fy\\u009bz\"}");
  EXPECT_EQ(nlohmann::json::parse(text), value);
}

}  // namespace
}  // namespace ec2sim::scenario
