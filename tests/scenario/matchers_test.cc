#include "sim/scenario/matchers.h"

#include <gtest/gtest.h>

namespace ec2sim::scenario {
namespace {

using nlohmann::json;

MatchOutcome Match(const char* spec, const json& actual) {
  json parsed = json::parse(spec);
  EXPECT_TRUE(ValidateMatcher(parsed).ok()) << spec;
  return EvaluateMatcher(parsed, &actual, "");
}

bool Passes(const char* spec, const json& actual) { return Match(spec, actual).passed; }

std::string Invalid(const char* spec) {
  Status s = ValidateMatcher(json::parse(spec));
  return s.ok() ? "valid" : s.error().message;
}

TEST(ScenarioMatchers, PlainValueMustBeEqual) {
  EXPECT_TRUE(Passes(R"("running")", "running"));
  EXPECT_FALSE(Passes(R"("running")", "pending"));
  EXPECT_TRUE(Passes("1", 1.0));
  EXPECT_TRUE(Passes(R"({"Name": "web"})", json{{"Name", "web"}}));
  EXPECT_FALSE(Passes(R"({"Name": "web"})", json{{"Name", "web"}, {"Extra", 1}}));
  MatchOutcome m = Match(R"("running")", "pending");
  EXPECT_EQ(m.expected, "\"running\"");
  EXPECT_EQ(m.actual, "\"pending\"");
}

TEST(ScenarioMatchers, EqAndNe) {
  EXPECT_TRUE(Passes(R"({"eq": [1, 2]})", json::array({1, 2})));
  EXPECT_FALSE(Passes(R"({"eq": [1, 2]})", json::array({2, 1})));
  EXPECT_TRUE(Passes(R"({"ne": "1.2.3.4"})", "5.6.7.8"));
  EXPECT_FALSE(Passes(R"({"ne": "1.2.3.4"})", "1.2.3.4"));
  EXPECT_EQ(Match(R"({"ne": "1.2.3.4"})", "1.2.3.4").expected, "not \"1.2.3.4\"");
}

TEST(ScenarioMatchers, ApproxUsesDefaultOrGivenTolerance) {
  EXPECT_TRUE(Passes(R"({"approx": 3.6})", 3.604));
  EXPECT_FALSE(Passes(R"({"approx": 3.6})", 3.61));
  EXPECT_TRUE(Passes(R"({"approx": 3.6, "tol": 0.1})", 3.69));
  EXPECT_FALSE(Passes(R"({"approx": 3.6, "tol": 0.1})", 3.71));
  EXPECT_FALSE(Passes(R"({"approx": 3.6})", "3.6"));
}

TEST(ScenarioMatchers, BetweenIsInclusive) {
  EXPECT_TRUE(Passes(R"({"between": [1, 2]})", 1));
  EXPECT_TRUE(Passes(R"({"between": [1, 2]})", 2));
  EXPECT_TRUE(Passes(R"({"between": [1, 2]})", 1.5));
  EXPECT_FALSE(Passes(R"({"between": [1, 2]})", 2.01));
  EXPECT_FALSE(Passes(R"({"between": [1, 2]})", "1.5"));
}

TEST(ScenarioMatchers, MatchesWholeString) {
  EXPECT_TRUE(Passes(R"({"matches": "i-[0-9a-f]{17}"})", "i-0123456789abcdef0"));
  EXPECT_FALSE(Passes(R"({"matches": "i-[0-9a-f]{17}"})", "xi-0123456789abcdef0"));
  EXPECT_FALSE(Passes(R"({"matches": "i-"})", "i-0123"));
  EXPECT_FALSE(Passes(R"({"matches": ".*"})", 5));
}

TEST(ScenarioMatchers, ExistsChecksWhetherThePathResolved) {
  json value = "x";
  EXPECT_TRUE(EvaluateMatcher(json::parse(R"({"exists": true})"), &value, "").passed);
  EXPECT_FALSE(EvaluateMatcher(json::parse(R"({"exists": false})"), &value, "").passed);
  EXPECT_TRUE(EvaluateMatcher(json::parse(R"({"exists": false})"), nullptr, "no key").passed);
  MatchOutcome m = EvaluateMatcher(json::parse(R"({"exists": true})"), nullptr, "no key \"A\"");
  EXPECT_FALSE(m.passed);
  EXPECT_EQ(m.actual, "nothing (no key \"A\")");
}

TEST(ScenarioMatchers, LenCountsListElementsAndCharacters) {
  EXPECT_TRUE(Passes(R"({"len": 2})", json::array({1, 2})));
  EXPECT_FALSE(Passes(R"({"len": 3})", json::array({1, 2})));
  EXPECT_TRUE(Passes(R"({"len": 5})", "hello"));
  EXPECT_TRUE(Passes(R"({"len": 2})", "\xc3\xa9\xc3\xa9"));  // two characters, four bytes
  EXPECT_FALSE(Passes(R"({"len": 1})", json{{"a", 1}}));
  EXPECT_EQ(Match(R"({"len": 3})", json::array({1})).actual, "length 1: [1]");
}

TEST(ScenarioMatchers, ContainsListElementOrSubstring) {
  EXPECT_TRUE(Passes(R"({"contains": {"Key": "Name"}})", json::parse(R"([{"Key": "Name"}])")));
  EXPECT_FALSE(Passes(R"({"contains": "c"})", json::array({"a", "b"})));
  EXPECT_TRUE(Passes(R"({"contains": "amazonaws"})", "ec2-3-3.compute.amazonaws.com"));
  EXPECT_FALSE(Passes(R"({"contains": "x"})", "abc"));
  EXPECT_FALSE(Passes(R"({"contains": 1})", 1));
}

TEST(ScenarioMatchers, UnresolvedPathFailsEveryMatcherButExistsFalse) {
  for (const char* spec :
       {R"("x")", R"({"eq": null})", R"({"ne": 1})", R"({"approx": 1})", R"({"between": [0, 1]})",
        R"({"matches": ".*"})", R"({"len": 0})", R"({"contains": 1})"}) {
    MatchOutcome m = EvaluateMatcher(json::parse(spec), nullptr, "no key \"A\" in the result");
    EXPECT_FALSE(m.passed) << spec;
    EXPECT_EQ(m.actual, "nothing (no key \"A\" in the result)") << spec;
  }
}

TEST(ScenarioMatchers, MalformedMatchersAreRejected) {
  EXPECT_EQ(Invalid(R"({"approx": "x"})"), "matcher \"approx\" needs a number");
  EXPECT_EQ(Invalid(R"({"approx": 1, "tol": -1})"), "\"tol\" needs a number >= 0");
  EXPECT_EQ(Invalid(R"({"tol": 1})"), "\"tol\" only goes with \"approx\"");
  EXPECT_EQ(Invalid(R"({"between": [2, 1]})"), "matcher \"between\" needs LO <= HI");
  EXPECT_EQ(Invalid(R"({"between": [1]})"), "matcher \"between\" needs [LO, HI] with two numbers");
  EXPECT_EQ(Invalid(R"({"matches": 5})"), "matcher \"matches\" needs a string");
  EXPECT_EQ(Invalid(R"({"exists": "yes"})"), "matcher \"exists\" needs true or false");
  EXPECT_EQ(Invalid(R"({"len": -1})"), "matcher \"len\" needs a whole number >= 0");
  EXPECT_EQ(Invalid(R"({"len": 1.5})"), "matcher \"len\" needs a whole number >= 0");
  EXPECT_NE(Invalid(R"({"eq": 1, "ne": 2})").find("exactly one of"), std::string::npos);
  EXPECT_NE(Invalid(R"({"eq": 1, "Name": 2})").find("exactly one of"), std::string::npos);
  EXPECT_NE(Invalid(R"({"matches": "a("})").find("invalid regex \"a(\""), std::string::npos);
}

TEST(ScenarioMatchers, ReferencesAreAcceptedWhereNumbersGo) {
  EXPECT_EQ(Invalid(R"({"approx": "${cost}", "tol": "${tol}"})"), "valid");
  EXPECT_EQ(Invalid(R"({"between": ["${lo}", 5]})"), "valid");
  EXPECT_EQ(Invalid(R"({"len": "${n}"})"), "valid");
  EXPECT_EQ(Invalid(R"({"matches": "${prefix}.*"})"), "valid");
}

TEST(ScenarioMatchers, ObjectsWithoutMatcherKeysArePlainValues) {
  EXPECT_FALSE(IsMatcherObject(json::parse(R"({"Name": "running"})")));
  EXPECT_TRUE(IsMatcherObject(json::parse(R"({"len": 1})")));
  EXPECT_EQ(Invalid(R"({"Name": "running", "Code": 16})"), "valid");
}

}  // namespace
}  // namespace ec2sim::scenario
