#include "sim/scenario/document.h"

#include <gtest/gtest.h>

#include "tests/scenario/fake_backend.h"

namespace ec2sim::scenario {
namespace {

Result<Scenario> Parse(std::string_view text) {
  return ParseScenarioText(text, "x.json", &FakeBackend::Knows);
}

// The loader's message for a scenario whose steps are `steps` (a JSON list).
std::string StepsError(const std::string& steps) {
  auto sc = Parse(R"({"format": 1, "name": "t", "steps": )" + steps + "}");
  return sc.ok() ? "loaded" : sc.error().message;
}

std::string TopError(const std::string& members) {
  auto sc = Parse(R"({"format": 1, "name": "t", "steps": [])" + members + "}");
  return sc.ok() ? "loaded" : sc.error().message;
}

TEST(ScenarioLoader, MinimalScenarioGetsTheDocumentedDefaults) {
  auto sc = Parse(R"({"format": 1, "name": "min", "steps": []})");
  ASSERT_TRUE(sc.ok()) << sc.error().message;
  EXPECT_EQ(sc->file, "x.json");
  EXPECT_EQ(sc->region, "us-east-1");
  EXPECT_EQ(sc->account, "123456789012");
  EXPECT_EQ(sc->options.seed, 1u);
  EXPECT_EQ(sc->options.start, 1767225600000);
  EXPECT_EQ(sc->options.timing, Timing::kRealistic);
  EXPECT_EQ(sc->options.pricing, PricingPolicy::kPublicIpv4_2024);
  EXPECT_FALSE(sc->options.free_tier);
}

TEST(ScenarioLoader, ReadsEveryTopLevelOption) {
  auto sc = Parse(R"({"format": 1, "name": "all-options-2", "title": "T", "description": "D",
    "region": "ap-northeast-2", "account": "111122223333", "start": "2026-03-01T12:00:00Z",
    "seed": 42, "timing": "instant", "pricing": "legacy-eip", "free_tier": true, "steps": []})");
  ASSERT_TRUE(sc.ok()) << sc.error().message;
  EXPECT_EQ(sc->title, "T");
  EXPECT_EQ(sc->description, "D");
  EXPECT_EQ(sc->region, "ap-northeast-2");
  EXPECT_EQ(sc->account, "111122223333");
  EXPECT_EQ(sc->options.start, 1772366400000);
  EXPECT_EQ(sc->options.seed, 42u);
  EXPECT_EQ(sc->options.timing, Timing::kInstant);
  EXPECT_EQ(sc->options.pricing, PricingPolicy::kLegacyEip);
  EXPECT_TRUE(sc->options.free_tier);
  SandboxOptions options = SandboxOptionsFor(*sc);
  EXPECT_EQ(options.seed, 42u);
  EXPECT_EQ(options.timing, Timing::kInstant);
}

TEST(ScenarioLoader, SyntaxErrorGivesFileLineAndColumn) {
  // The comma after "t" is missing: the parser stops at the quote on line 4, column 3.
  auto sc = Parse("{\n  \"format\": 1,\n  \"name\": \"t\"\n  \"steps\": []\n}");
  ASSERT_FALSE(sc.ok());
  EXPECT_EQ(sc.error().code, ErrorCode::kSimInvalidInput);
  EXPECT_EQ(sc.error().message.rfind("x.json:4:3: syntax error", 0), 0u) << sc.error().message;
}

TEST(ScenarioLoader, SyntaxErrorPointsAtTheStartOfAnUnexpectedToken) {
  auto sc = Parse("{\"steps\": [1 234]}");
  ASSERT_FALSE(sc.ok());
  EXPECT_EQ(sc.error().message.rfind("x.json:1:14: ", 0), 0u) << sc.error().message;
  sc = Parse("{\"name\": \"a\\\"b\" \"c\\\\\"}");
  ASSERT_FALSE(sc.ok());
  EXPECT_EQ(sc.error().message.rfind("x.json:1:17: ", 0), 0u) << sc.error().message;
}

TEST(ScenarioLoader, SyntaxErrorColumnCountsCharactersNotBytes) {
  auto sc = Parse("{\"title\": \"\xc3\xa9\xc3\xa9\", ]");
  ASSERT_FALSE(sc.ok());
  EXPECT_EQ(sc.error().message.rfind("x.json:1:17: ", 0), 0u) << sc.error().message;
}

TEST(ScenarioLoader, UnknownVerbNamesFileAndStep) {
  EXPECT_EQ(StepsError(R"([{"note": "hi"}, {"cal": "RunInstances"}])"),
            "x.json: step 2: unknown verb \"cal\"");
}

TEST(ScenarioLoader, TwoVerbsInOneStepAreRejected) {
  EXPECT_EQ(StepsError(R"([{"call": "Echo", "advance": "1m"}])"),
            "x.json: step 1: one verb per step, got \"call\" and \"advance\"");
}

TEST(ScenarioLoader, StepWithoutVerbIsRejected) {
  EXPECT_EQ(
      StepsError(R"([{"save": {}}])"),
      "x.json: step 1: no verb (one of call, advance, wait, probe, bill, latency, traffic, cpu, "
      "note)");
  EXPECT_EQ(StepsError(R"([5])"), "x.json: step 1: a step must be a JSON object, got a number");
}

TEST(ScenarioLoader, CpuStepsAreCheckedWhenTheFileLoads) {
  EXPECT_EQ(StepsError(R"([{"cpu": {"instance": "i-1", "percent": 60}}])"), "loaded");
  EXPECT_EQ(StepsError(R"([{"cpu": {"instance": "i-1", "percent": 101}}])"),
            "x.json: step 1 (\"cpu\"): \"percent\" must be a whole number from 0 to 100, got 101");
  EXPECT_EQ(StepsError(R"([{"cpu": {"instance": "i-1", "percent": "60"}}])"),
            "x.json: step 1 (\"cpu\"): \"percent\" must be a whole number from 0 to 100, got "
            "\"60\"");
  EXPECT_EQ(StepsError(R"([{"cpu": {"percent": 5}}])"),
            "x.json: step 1 (\"cpu\"): needs \"instance\": an instance id or \"${name}\"");
  EXPECT_EQ(StepsError(R"([{"cpu": {"instance": "i-1", "percent": 5, "core": 1}}])"),
            "x.json: step 1 (\"cpu\"): unknown key \"core\" (use instance and percent)");
  EXPECT_EQ(StepsError(R"([{"cpu": 60}])"),
            "x.json: step 1 (\"cpu\"): must be an object, got a number");
}

TEST(ScenarioLoader, UnknownStepKeyIsRejected) {
  EXPECT_EQ(StepsError(R"([{"call": "Echo", "sav": {}}])"), "x.json: step 1: unknown key \"sav\"");
  EXPECT_EQ(StepsError(R"([{"advance": "1m", "with": {}}])"),
            "x.json: step 1 (\"with\"): \"with\" only goes with \"call\"");
}

TEST(ScenarioLoader, UnknownTopLevelKeyIsRejected) {
  EXPECT_EQ(TopError(R"(, "sed": 3)"), "x.json: unknown top-level key \"sed\"");
}

TEST(ScenarioLoader, BadDurationNamesStepAndKey) {
  std::string message = StepsError(R"([{"note": "a"}, {"note": "b"}, {"advance": "3x"}])");
  EXPECT_EQ(message.rfind("x.json: step 3 (\"advance\"): duration needs a unit", 0), 0u) << message;
  message = StepsError(R"([{"wait": {"instance": "i-1", "state": "running", "timeout": "soon"}}])");
  EXPECT_EQ(message.rfind("x.json: step 1 (\"wait\"): timeout: ", 0), 0u) << message;
}

TEST(ScenarioLoader, BadRegexNamesStepKeyAndPath) {
  std::string message =
      StepsError(R"([{"call": "Echo", "expect": {"Name": {"matches": "web-("}}}])");
  EXPECT_EQ(
      message.rfind(
          "x.json: step 1 (\"expect\"): Name: matcher \"matches\": invalid regex \"web-(\"", 0),
      0u)
      << message;
}

TEST(ScenarioLoader, MalformedMatcherNamesStepKeyAndPath) {
  EXPECT_EQ(StepsError(R"([{"call": "Echo", "expect": {"Cost": {"approx": "cheap"}}}])"),
            "x.json: step 1 (\"expect\"): Cost: matcher \"approx\" needs a number");
}

TEST(ScenarioLoader, UnknownActionIsRejected) {
  EXPECT_EQ(StepsError(R"([{"call": "RunInstance"}])"),
            "x.json: step 1 (\"call\"): unknown action \"RunInstance\" (did you mean "
            "RunInstances?)");
}

TEST(ScenarioLoader, BadPathsInSaveAndExpectAreRejected) {
  EXPECT_EQ(StepsError(R"([{"call": "Echo", "save": {"web": "Instances[x]"}}])"),
            "x.json: step 1 (\"save\"): invalid path \"Instances[x]\": list index must be an "
            "integer, got [x]");
  EXPECT_EQ(StepsError(R"([{"call": "Echo", "expect": {"a..b": 1}}])"),
            "x.json: step 1 (\"expect\"): invalid path \"a..b\": empty key at position 3");
  EXPECT_EQ(StepsError(R"([{"call": "Echo", "save": {"my web": "A"}}])"),
            "x.json: step 1 (\"save\"): \"my web\" is not a valid name (letters, digits, '_' and "
            "'-', starting with a letter or '_')");
}

TEST(ScenarioLoader, ReferenceMustBeSavedByAnEarlierStep) {
  EXPECT_EQ(StepsError(R"([{"call": "Echo", "with": {"Id": "${web}"}}])"),
            "x.json: step 1 (\"with\"): \"${web}\" is not saved by an earlier step");
  // A step cannot use what it saves itself.
  EXPECT_EQ(StepsError(R"([{"call": "Echo", "save": {"web": "A"},
                             "expect": {"A": {"eq": "${web}"}}}])"),
            "x.json: step 1 (\"expect\"): \"${web}\" is not saved by an earlier step");
  EXPECT_EQ(StepsError(R"([{"call": "Echo", "save": {"web": "A"}},
                           {"note": "stopping ${web}"},
                           {"wait": {"instance": "${web}", "state": "running"}},
                           {"call": "Echo", "with": {"Ids": ["${web}"]},
                            "expect": {"Ids[0]": {"eq": "${web}"}}}])"),
            "loaded");
  EXPECT_EQ(StepsError(R"([{"note": "use ${later}"}])"),
            "x.json: step 1 (\"note\"): \"${later}\" is not saved by an earlier step");
}

TEST(ScenarioLoader, TopLevelValuesAreChecked) {
  EXPECT_EQ(TopError(R"(, "timing": "fast")"),
            "x.json: \"timing\" must be \"realistic\" or \"instant\", got \"fast\"");
  EXPECT_EQ(TopError(R"(, "pricing": "free")"),
            "x.json: \"pricing\" must be \"public-ipv4-2024\" or \"legacy-eip\", got \"free\"");
  EXPECT_EQ(TopError(R"(, "account": "1234")"),
            "x.json: \"account\" must be a 12-digit account id, got \"1234\"");
  EXPECT_EQ(TopError(R"(, "region": "Seoul")"),
            "x.json: \"region\" must be a region code such as \"us-east-1\", got \"Seoul\"");
  EXPECT_EQ(TopError(R"(, "seed": -1)"), "x.json: \"seed\" must be a whole number >= 0, got -1");
  EXPECT_EQ(TopError(R"(, "free_tier": "yes")"),
            "x.json: \"free_tier\" must be true or false, got \"yes\"");
  EXPECT_EQ(TopError(R"(, "accept_unknown_images": 1)"),
            "x.json: \"accept_unknown_images\" must be true or false, got 1");
  EXPECT_EQ(TopError(R"(, "quotas": 64)"),
            "x.json: \"quotas\" must be an object {\"vcpus\": N, \"elastic_ips\": N}, got 64");
  EXPECT_EQ(TopError(R"(, "quotas": {"cpus": 64})"),
            "x.json: \"quotas\" has an unknown key \"cpus\" (only \"vcpus\", \"elastic_ips\")");
  EXPECT_EQ(TopError(R"(, "quotas": {"vcpus": -2})"),
            "x.json: \"quotas\".vcpus must be a whole number from 0 to 1000000, got -2");
  EXPECT_EQ(TopError(R"(, "quotas": {"vcpus": 64, "elastic_ips": 9})"), "loaded");
  EXPECT_EQ(TopError(R"(, "opt_in_regions": "ap-east-1")"),
            "x.json: \"opt_in_regions\" must be a list of region codes, got \"ap-east-1\"");
  EXPECT_EQ(TopError(R"(, "opt_in_regions": ["ap-northeast-2"])")
                .rfind("x.json: \"opt_in_regions\": \"ap-northeast-2\" is not an opt-in region "
                       "(opt-in ones: af-south-1, ap-east-1,",
                       0),
            0u);
  EXPECT_EQ(TopError(R"(, "title": 5)"),
            "x.json: \"title\" must be a string or {\"en\": TEXT, \"ko\": TEXT}, got 5");
  EXPECT_EQ(TopError(R"(, "start": "2026-01-01")").rfind("x.json: \"start\": ", 0), 0u);
  auto sc = Parse(R"({"format": 2, "name": "Bad Name", "steps": {}})");
  ASSERT_FALSE(sc.ok());
  EXPECT_EQ(sc.error().message,
            "x.json: \"format\" must be 1 (the only format this version reads), got 2\n"
            "x.json: \"name\" must match [a-z0-9-]+, got \"Bad Name\"\n"
            "x.json: \"steps\" must be a list of steps, got {}");
  sc = Parse(R"([1, 2])");
  ASSERT_FALSE(sc.ok());
  EXPECT_EQ(sc.error().message, "x.json: a scenario must be a JSON object, got [1,2]");
  sc = Parse(R"({})");
  ASSERT_FALSE(sc.ok());
  EXPECT_EQ(sc.error().message,
            "x.json: missing \"format\" (must be 1)\nx.json: missing \"name\"\n"
            "x.json: missing \"steps\"");
}

TEST(ScenarioLoader, RegionShapes) {
  EXPECT_TRUE(IsRegionShaped("us-east-1"));
  EXPECT_TRUE(IsRegionShaped("ap-northeast-2"));
  EXPECT_TRUE(IsRegionShaped("us-gov-west-1"));
  EXPECT_FALSE(IsRegionShaped("us-east"));
  EXPECT_FALSE(IsRegionShaped("useast-1"));
  EXPECT_FALSE(IsRegionShaped("US-east-1"));
  EXPECT_FALSE(IsRegionShaped("us-east-1a"));
}

TEST(ScenarioLoader, EveryStepProblemIsReported) {
  std::string message = StepsError(R"([{"cal": "X"}, {"advance": 5}, {"note": "ok"},
                                       {"call": "Echo", "region": "mars"}])");
  EXPECT_EQ(message,
            "x.json: step 1: unknown verb \"cal\"\n"
            "x.json: step 2 (\"advance\"): needs a duration such as \"90s\", \"2h\" or \"30d\"\n"
            "x.json: step 4 (\"region\"): must be a region code such as \"us-east-1\", got "
            "\"mars\"");
}

TEST(ScenarioLoader, StepsWithoutResultsRejectChecks) {
  EXPECT_EQ(StepsError(R"([{"advance": "1m", "expect": {"A": 1}}])"),
            "x.json: step 1 (\"expect\"): \"advance\" steps have no result to check");
  EXPECT_EQ(StepsError(R"([{"note": "x", "expect_error": "Foo"}])"),
            "x.json: step 1 (\"expect_error\"): \"note\" steps have no result to check");
}

TEST(ScenarioLoader, WaitIsValidated) {
  EXPECT_EQ(StepsError(R"([{"wait": {"instance": "i-1", "state": "runing"}}])"),
            "x.json: step 1 (\"wait\"): unknown instance state \"runing\" (one of pending, "
            "running, stopping, stopped, shutting-down, terminated)");
  EXPECT_EQ(StepsError(R"([{"wait": {"instance": "i-1", "state": "running", "for": 1}}])"),
            "x.json: step 1 (\"wait\"): unknown key \"for\" (use instance, state and timeout)");
  EXPECT_EQ(StepsError(R"([{"wait": {"state": "running"}}])"),
            "x.json: step 1 (\"wait\"): needs \"instance\": an instance id or \"${name}\"");
}

TEST(ScenarioLoader, StepsKeepTheirFieldsAndFileOrder) {
  auto sc = Parse(R"({"format": 1, "name": "t", "steps": [
    {"call": "Echo", "with": {"A": 1}, "region": "eu-west-1", "account": "111122223333",
     "note": "first", "save": {"z": "A", "a": "A"},
     "expect": {"Z": {"exists": false}, "A": 1}, "expect_error": "Foo.Bar"},
    {"wait": {"instance": "i-1", "state": "stopped"}},
    {"wait": {"instance": "i-1", "state": "stopped", "timeout": "2m"}},
    {"advance": "1d12h"},
    {"note": "just words"},
    {"bill": {}}]})");
  ASSERT_TRUE(sc.ok()) << sc.error().message;
  ASSERT_EQ(sc->steps.size(), 6u);
  const ScenarioStep& call = sc->steps[0];
  EXPECT_EQ(call.index, 1);
  EXPECT_EQ(call.verb, StepVerb::kCall);
  EXPECT_EQ(call.action, "Echo");
  EXPECT_EQ(call.args, (nlohmann::json{{"A", 1}}));
  EXPECT_EQ(call.region, "eu-west-1");
  EXPECT_EQ(call.account, "111122223333");
  EXPECT_EQ(call.note, "first");
  ASSERT_EQ(call.save.size(), 2u);
  EXPECT_EQ(call.save[0].name, "z");
  EXPECT_EQ(call.save[1].name, "a");
  ASSERT_EQ(call.expect.size(), 2u);
  EXPECT_EQ(call.expect[0].path, "Z");
  EXPECT_EQ(call.expect[1].path, "A");
  EXPECT_EQ(call.expect_error, "Foo.Bar");
  EXPECT_EQ(sc->steps[1].duration, 15 * kMinute);
  EXPECT_EQ(sc->steps[2].duration, 2 * kMinute);
  EXPECT_EQ(sc->steps[3].duration, 36 * kHour);
  EXPECT_EQ(sc->steps[4].verb, StepVerb::kNote);
  EXPECT_EQ(sc->steps[4].text, "just words");
  EXPECT_EQ(sc->steps[5].verb, StepVerb::kBill);
}

TEST(ScenarioLoader, MissingFileIsReportedWithItsPath) {
  auto sc = LoadScenarioFileWith("/nonexistent/dir/x.json", &FakeBackend::Knows);
  ASSERT_FALSE(sc.ok());
  EXPECT_EQ(sc.error().message, "/nonexistent/dir/x.json: cannot read: no such file");
}

TEST(ScenarioLoader, NestingBeyondTheDepthLimitGivesFileLineAndColumn) {
  // 64 levels load (the steps list is level 2); the bracket opening level 65 is refused.
  std::string deep = std::string(200000, '[') + std::string(200000, ']');
  auto sc = Parse("{\"format\": 1, \"name\": \"t\",\n \"steps\": [], \"x\": " + deep + "}");
  ASSERT_FALSE(sc.ok());
  EXPECT_EQ(sc.error().message, "x.json:2:83: JSON nested deeper than 64 levels");
  std::string ok = std::string(62, '[') + std::string(62, ']');
  EXPECT_EQ(TopError(", \"vars\": {\"v\": " + ok + "}").find("deeper"), std::string::npos);
}

}  // namespace
}  // namespace ec2sim::scenario
