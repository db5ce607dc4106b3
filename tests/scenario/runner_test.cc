#include <gtest/gtest.h>

#include <sstream>

#include "ec2sim/scenario.h"
#include "sim/scenario/document.h"
#include "tests/scenario/fake_backend.h"

namespace ec2sim::scenario {
namespace {

Scenario Load(const std::string& steps, const std::string& extra = "") {
  auto sc = ParseScenarioText(
      R"({"format": 1, "name": "demo", "title": "Demo", "region": "ap-northeast-2")" + extra +
          R"(, "steps": )" + steps + "}",
      "demo.json", &FakeBackend::Knows);
  EXPECT_TRUE(sc.ok()) << sc.error().message;
  return sc.ok() ? *sc : Scenario{};
}

struct Ran {
  ScenarioOutcome outcome;
  std::string transcript;
  std::vector<FakeBackend::Recorded> calls;
};

// The terse transcript unless told otherwise: most tests here are about steps, not about what
// the teaching transcript adds (transcript_test.cc).
Ran RunSteps(const std::string& steps, const std::string& extra = "",
             TranscriptDetail detail = TranscriptDetail::kQuiet) {
  Scenario sc = Load(steps, extra);
  FakeBackend backend(sc.options.start);
  std::ostringstream transcript;
  Ran run{RunScenario(sc, backend, &transcript, detail), transcript.str(), backend.calls()};
  return run;
}

constexpr char kLifecycle[] = R"([
  {"call": "RunInstances", "with": {"ImageId": "ami-1", "MinCount": 1, "MaxCount": 1},
   "save": {"web": "Instances[0].InstanceId"}},
  {"wait": {"instance": "${web}", "state": "running"}},
  {"call": "DescribeInstances", "with": {"InstanceIds": ["${web}"]},
   "note": "The server is up.",
   "save": {"ip": "Reservations[0].Instances[0].PublicIpAddress"},
   "expect": {"Reservations[0].Instances[0].State.Name": "running",
              "Reservations[0].Instances[0].PublicIpAddress": {"matches": "203\\.0\\.113\\.\\d+"}}},
  {"note": "Now stop ${web}."},
  {"call": "StopInstances", "with": {"InstanceIds": ["${web}"]},
   "expect": {"StoppingInstances[0].PreviousState.Name": "running"}},
  {"wait": {"instance": "${web}", "state": "stopped", "timeout": "1m"}},
  {"call": "DescribeInstances", "with": {"InstanceIds": ["${web}"]},
   "expect": {"Reservations[0].Instances[0].PublicIpAddress": {"exists": false}}},
  {"advance": "1h"},
  {"latency": {"from": "Seoul", "to": "us-east-1"}, "expect": {"rtt_ms": {"between": [100, 200]}}}
])";

TEST(ScenarioRunner, QuietTranscriptIsOneLinePerStep) {
  Ran run = RunSteps(kLifecycle);
  EXPECT_TRUE(run.outcome.passed) << run.transcript;
  EXPECT_EQ(run.transcript,
            "== demo: Demo (demo.json)\n"
            "2026-01-01T00:00:00Z [1] call RunInstances: ok i-00000000000000001\n"
            "2026-01-01T00:00:00Z [2] wait i-00000000000000001 running: ok after 10s\n"
            "2026-01-01T00:00:10Z [3] note: The server is up.\n"
            "2026-01-01T00:00:10Z [3] call DescribeInstances: ok i-00000000000000001\n"
            "2026-01-01T00:00:10Z [4] note: Now stop i-00000000000000001.\n"
            "2026-01-01T00:00:10Z [5] call StopInstances: ok i-00000000000000001\n"
            "2026-01-01T00:00:10Z [6] wait i-00000000000000001 stopped: ok after 10s\n"
            "2026-01-01T00:00:20Z [7] call DescribeInstances: ok i-00000000000000001\n"
            "2026-01-01T00:00:20Z [8] advance 1h to 2026-01-01T01:00:20Z\n"
            "2026-01-01T01:00:20Z [9] latency: ok {\"from\":\"Seoul\",\"rtt_ms\":170}\n"
            "PASS demo\n\n");
}

TEST(ScenarioRunner, UsesScenarioContextUnlessTheStepOverrides) {
  Ran run = RunSteps(R"([{"call": "Echo"},
                         {"call": "Echo", "region": "us-west-2", "account": "111122223333"}])",
                     R"(, "account": "999988887777")");
  ASSERT_EQ(run.calls.size(), 2u);
  EXPECT_EQ(run.calls[0].ctx.region, "ap-northeast-2");
  EXPECT_EQ(run.calls[0].ctx.account, "999988887777");
  EXPECT_EQ(run.calls[1].ctx.region, "us-west-2");
  EXPECT_EQ(run.calls[1].ctx.account, "111122223333");
}

TEST(ScenarioRunner, SubstitutionIsTypedForWholeStringsAndSplicedOtherwise) {
  Ran run = RunSteps(R"([
    {"call": "Echo", "with": {"Port": 22, "Ids": ["i-1", "i-2"]},
     "save": {"port": "Port", "ids": "Ids"}},
    {"call": "Echo", "with": {"FromPort": "${port}", "Desc": "port ${port}", "All": "${ids}"},
     "expect": {"FromPort": {"eq": "${port}"}, "All": {"len": 2}}}])");
  ASSERT_TRUE(run.outcome.passed) << run.transcript;
  ASSERT_EQ(run.calls.size(), 2u);
  EXPECT_EQ(run.calls[1].params, (nlohmann::json{{"FromPort", 22},
                                                 {"Desc", "port 22"},
                                                 {"All", nlohmann::json::array({"i-1", "i-2"})}}));
  EXPECT_TRUE(run.calls[1].params["FromPort"].is_number_integer());
}

TEST(ScenarioRunner, FailedExpectationExplainsPathExpectedAndActual) {
  Ran run = RunSteps(R"([
    {"call": "Echo", "with": {"State": {"Name": "pending"}}, "expect": {"State.Name": "running"}},
    {"advance": "1m"},
    {"note": "never printed as run"}])");
  EXPECT_FALSE(run.outcome.passed);
  ASSERT_EQ(run.outcome.steps.size(), 3u);
  const StepOutcome& step = run.outcome.steps[0];
  EXPECT_EQ(step.status, StepStatus::kFailed);
  ASSERT_EQ(step.failures.size(), 1u);
  EXPECT_EQ(step.failures[0].path, "State.Name");
  EXPECT_EQ(step.failures[0].expected, "\"running\"");
  EXPECT_EQ(step.failures[0].actual, "\"pending\"");
  EXPECT_EQ(run.outcome.steps[1].status, StepStatus::kNotRun);
  EXPECT_EQ(run.outcome.steps[2].status, StepStatus::kNotRun);
  EXPECT_EQ(run.transcript,
            "== demo: Demo (demo.json)\n"
            "2026-01-01T00:00:00Z [1] call Echo: ok\n"
            "    State.Name: expected \"running\", got \"pending\"\n"
            "                     [2] advance 1m: not run\n"
            "                     [3] note: never printed as run: not run\n"
            "FAIL demo (step 1)\n\n");
}

TEST(ScenarioRunner, UnresolvedPathIsAStepFailureNotACrash) {
  Ran run = RunSteps(R"([{"call": "Echo", "with": {"A": [1]},
                          "expect": {"A[5]": 1, "B.C": {"exists": true}},
                          "save": {"x": "A[0].B"}}])");
  EXPECT_FALSE(run.outcome.passed);
  const auto& failures = run.outcome.steps[0].failures;
  ASSERT_EQ(failures.size(), 3u);
  EXPECT_EQ(failures[0].message,
            "A[5]: expected 1, got nothing (index [5] out of range: A has 1 element)");
  EXPECT_EQ(failures[1].message,
            "B.C: expected the path to exist, got nothing (no key \"B\" in the result)");
  EXPECT_EQ(failures[2].message,
            "cannot save \"x\": A[0].B does not resolve: A[0] is a number, not an object, so it "
            "has no key \"B\"");
}

TEST(ScenarioRunner, ExpectErrorPassesOnTheMatchingCode) {
  Ran run = RunSteps(R"([{"call": "StopInstances", "with": {"InstanceIds": ["i-0123"]},
                          "expect_error": "InvalidInstanceID.NotFound",
                          "expect": {"Error.Message": {"contains": "i-0123"}},
                          "save": {"code": "Error.Code"}},
                         {"call": "Echo", "with": {"Code": "${code}"},
                          "expect": {"Code": "InvalidInstanceID.NotFound"}}])");
  EXPECT_TRUE(run.outcome.passed) << run.transcript;
  const StepOutcome& step = run.outcome.steps[0];
  ASSERT_TRUE(step.error.has_value());
  EXPECT_EQ(step.error->code, ErrorCode::kInvalidInstanceIdNotFound);
  EXPECT_EQ(step.summary, "call StopInstances: InvalidInstanceID.NotFound (expected)");
}

TEST(ScenarioRunner, ExpectErrorFailsOnAnotherCode) {
  Ran run = RunSteps(R"([{"call": "Fail", "expect_error": "InvalidInstanceID.NotFound"}])");
  EXPECT_FALSE(run.outcome.passed);
  ASSERT_EQ(run.outcome.steps[0].failures.size(), 1u);
  EXPECT_EQ(run.outcome.steps[0].failures[0].message,
            "expected error InvalidInstanceID.NotFound, got InvalidParameterValue: Value (x) for "
            "parameter y is invalid");
}

TEST(ScenarioRunner, ExpectErrorFailsWhenTheCallSucceeds) {
  Ran run = RunSteps(R"([{"call": "Echo", "expect_error": "InvalidParameterValue"}])");
  EXPECT_FALSE(run.outcome.passed);
  ASSERT_EQ(run.outcome.steps[0].failures.size(), 1u);
  EXPECT_EQ(run.outcome.steps[0].failures[0].message,
            "expected error InvalidParameterValue, but the step succeeded");
}

TEST(ScenarioRunner, FailingCallWithoutExpectErrorFailsTheScenario) {
  Ran run = RunSteps(R"([{"call": "Fail"}, {"call": "Echo"}])");
  EXPECT_FALSE(run.outcome.passed);
  EXPECT_EQ(run.calls.size(), 1u);
  EXPECT_EQ(run.outcome.steps[0].summary, "call Fail: InvalidParameterValue");
  EXPECT_EQ(run.outcome.steps[0].failures[0].message,
            "InvalidParameterValue: Value (x) for parameter y is invalid");
  EXPECT_EQ(run.outcome.steps[1].status, StepStatus::kNotRun);
}

TEST(ScenarioRunner, UnsupportedVerbFailsWithItsMessage) {
  Ran run = RunSteps(R"([{"bill": {}}])");
  EXPECT_FALSE(run.outcome.passed);
  EXPECT_EQ(run.outcome.steps[0].summary, "bill: Ec2sim.Unsupported");
  EXPECT_EQ(run.outcome.steps[0].failures[0].message,
            "Ec2sim.Unsupported: bill is not supported yet");
}

TEST(ScenarioRunner, WaitTimeoutFailsTheStep) {
  Ran run = RunSteps(R"([
    {"call": "RunInstances", "save": {"web": "Instances[0].InstanceId"}},
    {"wait": {"instance": "${web}", "state": "stopped", "timeout": "30s"}}])");
  EXPECT_FALSE(run.outcome.passed);
  EXPECT_EQ(run.outcome.steps[1].summary,
            "wait i-00000000000000001 stopped: Ec2sim.ExpectationFailed");
}

TEST(ScenarioRunner, WaitResultCanBeChecked) {
  Ran run = RunSteps(R"([
    {"call": "RunInstances", "save": {"web": "Instances[0].InstanceId"}},
    {"wait": {"instance": "${web}", "state": "running"},
     "expect": {"waited": "10s", "waited_ms": 10000, "state": "running", "instance": "${web}"}}])");
  EXPECT_TRUE(run.outcome.passed) << run.transcript;
}

TEST(ScenarioRunner, TranscriptIsDeterministic) {
  Ran first = RunSteps(kLifecycle);
  Ran second = RunSteps(kLifecycle);
  EXPECT_FALSE(first.transcript.empty());
  EXPECT_EQ(first.transcript, second.transcript);
}

TEST(ScenarioRunner, StepsRecordTheirStartTimeAndResult) {
  Ran run = RunSteps(R"([{"advance": "90s"}, {"call": "Echo", "with": {"A": 1}}])",
                     R"(, "start": "2026-05-01T00:00:00.250Z")");
  ASSERT_EQ(run.outcome.steps.size(), 2u);
  EXPECT_EQ(run.outcome.steps[1].time, run.outcome.steps[0].time + 90 * kSecond);
  EXPECT_EQ(run.outcome.steps[1].result, (nlohmann::json{{"A", 1}}));
  EXPECT_NE(run.transcript.find("2026-05-01T00:01:30.250Z [2] call Echo: ok"), std::string::npos)
      << run.transcript;
}

// A backend that cannot move its clock, as a classroom server refuses a learner.
class FrozenClock final : public Backend {
 public:
  explicit FrozenClock(FakeBackend& inner) : inner_(inner) {}
  Result<nlohmann::json> Call(std::string_view action, const nlohmann::json& params,
                              const CallContext& ctx) override {
    return inner_.Call(action, params, ctx);
  }
  bool HasAction(std::string_view action) const override { return inner_.HasAction(action); }
  Result<nlohmann::json> Probe(const nlohmann::json& spec, const CallContext& ctx) override {
    return inner_.Probe(spec, ctx);
  }
  Result<nlohmann::json> Bill(const nlohmann::json& spec, const CallContext& ctx) override {
    return inner_.Bill(spec, ctx);
  }
  Result<nlohmann::json> Latency(const nlohmann::json& spec, const CallContext& ctx) override {
    return inner_.Latency(spec, ctx);
  }
  Result<SimTime> ReadClock() override {
    if (unreadable_) return MakeError(ErrorCode::kSimNotFound, "nothing answers");
    return inner_.ReadClock();
  }
  Status AdvanceClock(Duration) override {
    return MakeError(ErrorCode::kUnauthorizedOperation, "only admins move the clock");
  }
  Result<Duration> WaitForInstanceState(const CallContext& ctx, std::string_view id,
                                        std::string_view state, Duration timeout) override {
    return inner_.WaitForInstanceState(ctx, id, state, timeout);
  }
  void MakeUnreadable() { unreadable_ = true; }

 private:
  FakeBackend& inner_;
  bool unreadable_ = false;
};

TEST(ScenarioRunner, AClockTheBackendCannotMoveFailsTheAdvanceStep) {
  Scenario sc = Load(R"([{"call": "Echo", "with": {"A": 1}}, {"advance": "1h"},
                        {"call": "Echo", "with": {"A": 2}}])");
  FakeBackend fake(sc.options.start);
  FrozenClock backend(fake);
  std::ostringstream transcript;
  ScenarioOutcome outcome = RunScenario(sc, backend, &transcript, TranscriptDetail::kQuiet);
  EXPECT_FALSE(outcome.passed);
  ASSERT_EQ(outcome.steps.size(), 3u);
  EXPECT_EQ(outcome.steps[0].status, StepStatus::kPassed);
  EXPECT_EQ(outcome.steps[1].status, StepStatus::kFailed);
  ASSERT_TRUE(outcome.steps[1].error.has_value());
  EXPECT_EQ(outcome.steps[1].error->code, ErrorCode::kUnauthorizedOperation);
  ASSERT_EQ(outcome.steps[1].failures.size(), 1u);
  EXPECT_EQ(outcome.steps[1].failures[0].message,
            "UnauthorizedOperation: only admins move the clock");
  EXPECT_EQ(outcome.steps[2].status, StepStatus::kNotRun);
  EXPECT_EQ(fake.calls().size(), 1u);
}

TEST(ScenarioRunner, AClockTheBackendCannotReadFailsTheStepBeforeItActs) {
  Scenario sc = Load(R"([{"call": "Echo", "with": {"A": 1}}])");
  FakeBackend fake(sc.options.start);
  FrozenClock backend(fake);
  backend.MakeUnreadable();
  ScenarioOutcome outcome = RunScenario(sc, backend, nullptr);
  EXPECT_FALSE(outcome.passed);
  ASSERT_EQ(outcome.steps.size(), 1u);
  EXPECT_EQ(outcome.steps[0].status, StepStatus::kFailed);
  EXPECT_EQ(outcome.steps[0].error->code, ErrorCode::kSimNotFound);
  EXPECT_TRUE(fake.calls().empty()) << "the call must not be sent";
}

}  // namespace
}  // namespace ec2sim::scenario
