// The "any" and "all" matchers of sim/scenario/matchers.h, added for lesson goals.
#include <gtest/gtest.h>

#include "sim/scenario/matchers.h"

namespace ec2sim::scenario {
namespace {

using nlohmann::json;

bool PassesAnyAll(const char* spec, const json& actual) {
  json s = json::parse(spec);
  EXPECT_TRUE(ValidateMatcher(s).ok()) << spec;
  return EvaluateMatcher(s, &actual, "").passed;
}

TEST(ScenarioMatchersAnyAll, AnyNeedsOneElementThatMatches) {
  EXPECT_TRUE(PassesAnyAll(R"({"any": {"between": [12, 1000]}})", json{1.5, 12.0}));
  EXPECT_FALSE(PassesAnyAll(R"({"any": {"between": [12, 1000]}})", json{1.5, 11.99}));
  EXPECT_TRUE(PassesAnyAll(R"({"any": "0.0.0.0/0"})", json{"10.0.0.0/8", "0.0.0.0/0"}));
  EXPECT_FALSE(PassesAnyAll(R"({"any": "x"})", json::array()));
}

TEST(ScenarioMatchersAnyAll, AllNeedsEveryElementAndHoldsForAnEmptyList) {
  EXPECT_TRUE(
      PassesAnyAll(R"({"all": {"matches": ".*/32"}})", json{"203.0.113.25/32", "1.2.3.4/32"}));
  EXPECT_FALSE(
      PassesAnyAll(R"({"all": {"matches": ".*/32"}})", json{"203.0.113.25/32", "0.0.0.0/0"}));
  EXPECT_TRUE(PassesAnyAll(R"({"all": {"ne": "0.0.0.0/0"}})", json::array()));
}

TEST(ScenarioMatchersAnyAll, ANonListFailsAndSaysWhatWasWanted) {
  json spec = {{"all", {{"eq", 1}}}};
  json one = 1;
  MatchOutcome m = EvaluateMatcher(spec, &one, "");
  EXPECT_FALSE(m.passed);
  EXPECT_EQ(m.expected, "a list whose every element is 1");
  MatchOutcome missing = EvaluateMatcher(spec, nullptr, "no key \"X\"");
  EXPECT_FALSE(missing.passed);
  EXPECT_EQ(missing.actual, "nothing (no key \"X\")");
}

TEST(ScenarioMatchersAnyAll, TheInnerMatcherIsValidated) {
  Status bad = ValidateMatcher(json::parse(R"({"any": {"between": [3, 1]}})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "matcher \"any\": matcher \"between\" needs LO <= HI");
  EXPECT_FALSE(ValidateMatcher(json::parse(R"({"all": {"eq": 1, "ne": 2}})")).ok());
}

}  // namespace
}  // namespace ec2sim::scenario
