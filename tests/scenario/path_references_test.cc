// "${name}" inside a path's filter and "| [0]", as scenario files use them: in `save` and
// `expect`, checked when the file loads and applied when the step runs.
#include <gtest/gtest.h>

#include "ec2sim/scenario.h"
#include "sim/scenario/document.h"
#include "sim/scenario/substitute.h"
#include "tests/scenario/fake_backend.h"

namespace ec2sim::scenario {
namespace {

Result<Scenario> LoadWithPaths(const std::string& steps) {
  return ParseScenarioText(
      R"({"format": 1, "name": "acl", "region": "ap-northeast-2", "steps": )" + steps + "}",
      "acl.json", &FakeBackend::Knows);
}

ScenarioOutcome RunStepsWithPaths(const std::string& steps) {
  auto sc = LoadWithPaths(steps);
  EXPECT_TRUE(sc.ok()) << sc.error().message;
  if (!sc.ok()) return {};
  FakeBackend backend(sc->options.start);
  return RunScenario(*sc, backend, nullptr);
}

// An ACL associated with two subnets, ours listed second: "Associations[0]" would be wrong.
constexpr char kAcl[] = R"({"call": "Echo", "with": {"NetworkAcls": [{"NetworkAclId": "acl-1",
  "Associations": [{"SubnetId": "subnet-a", "NetworkAclAssociationId": "aclassoc-a"},
                   {"SubnetId": "subnet-b", "NetworkAclAssociationId": "aclassoc-b"}]}]},
  "save": {"assoc": "NetworkAcls[*].Associations[?SubnetId == '${subnet}'].NetworkAclAssociationId | [0]"}})";

TEST(ScenarioPathReferences, AFilterValueUsesASavedValueAndThePipeTakesOneString) {
  ScenarioOutcome out = RunStepsWithPaths(std::string(R"([
    {"call": "Echo", "with": {"SubnetId": "subnet-b"}, "save": {"subnet": "SubnetId"}},
    )") + kAcl + R"(,
    {"call": "Echo", "with": {"AssociationId": "${assoc}"},
     "expect": {"AssociationId": "aclassoc-b"}}
  ])");
  EXPECT_TRUE(out.passed) << (out.steps.empty() ? "" : out.steps.back().summary);
  EXPECT_EQ(out.saved.at("assoc"), "aclassoc-b");
}

TEST(ScenarioPathReferences, ExpectPathsTakeReferencesToo) {
  ScenarioOutcome out = RunStepsWithPaths(R"([
    {"call": "Echo", "with": {"Ip": "203.0.113.25"}, "save": {"home": "Ip"}},
    {"call": "Echo", "with": {"Rules": [{"Cidr": "203.0.113.25/32", "Port": 22},
                                        {"Cidr": "0.0.0.0/0", "Port": 80}]},
     "expect": {"Rules[?Cidr == '${home}/32'].Port": [22]}}
  ])");
  EXPECT_TRUE(out.passed);
}

TEST(ScenarioPathReferences, ABareReferenceKeepsTheSavedType) {
  ScenarioOutcome out = RunStepsWithPaths(R"([
    {"call": "Echo", "with": {"Port": 22}, "save": {"port": "Port"}},
    {"call": "Echo", "with": {"Rules": [{"Port": 22, "Id": "r-1"}, {"Port": 80, "Id": "r-2"}]},
     "save": {"rule": "Rules[?Port == ${port}].Id | [0]"}},
    {"call": "Echo", "with": {"Rule": "${rule}"}, "expect": {"Rule": "r-1"}}
  ])");
  EXPECT_TRUE(out.passed);
}

TEST(ScenarioPathReferences, AnUnsavedNameInAFilterIsALoadErrorNamingFileStepAndKey) {
  auto sc = LoadWithPaths(std::string("[") + kAcl + "]");
  ASSERT_FALSE(sc.ok());
  EXPECT_EQ(sc.error().message,
            "acl.json: step 1 (\"save\"): \"${subnet}\" is not saved by an earlier step");
}

TEST(ScenarioPathReferences, AReferenceOutsideAFilterValueIsALoadError) {
  auto sc = LoadWithPaths(R"([
    {"call": "Echo", "with": {"K": "Reservations"}, "save": {"k": "K"}},
    {"call": "Echo", "with": {}, "expect": {"${k}[0]": {"exists": true}}}
  ])");
  ASSERT_FALSE(sc.ok());
  EXPECT_NE(sc.error().message.find("acl.json: step 2 (\"expect\"): \"${k}\": a \"${name}\" in a "
                                    "path is allowed only as a filter's value"),
            std::string::npos)
      << sc.error().message;
}

TEST(ScenarioPathReferences, APipeOnAnEmptySelectionFailsTheStepSayingWhy) {
  ScenarioOutcome out = RunStepsWithPaths(std::string(R"([
    {"call": "Echo", "with": {"SubnetId": "subnet-c"}, "save": {"subnet": "SubnetId"}},
    )") + kAcl + "]");
  ASSERT_FALSE(out.passed);
  ASSERT_EQ(out.steps.size(), 2u);
  ASSERT_FALSE(out.steps[1].failures.empty());
  EXPECT_NE(out.steps[1].failures[0].message.find(
                "cannot save \"assoc\": NetworkAcls[*].Associations[?SubnetId == '${subnet}']."
                "NetworkAclAssociationId | [0] does not resolve: index [0] out of range: the "
                "value before '|' has 0 elements"),
            std::string::npos)
      << out.steps[1].failures[0].message;
}

TEST(ScenarioPathReferences, BindingLeavesTheParsedPathUntouched) {
  auto path = ParseJsonPath("A[?B == '${x}'] | [0]");
  ASSERT_TRUE(path.ok());
  std::vector<std::string> names;
  ASSERT_TRUE(CollectPathReferences(*path, names).ok());
  EXPECT_EQ(names, std::vector<std::string>{"x"});
  auto bound = BindJsonPath(*path, {{"x", "y"}});
  ASSERT_TRUE(bound.ok());
  auto picked = SelectJsonPath(nlohmann::json::parse(R"({"A": [{"B": "y"}, {"B": "z"}]})"), *bound);
  ASSERT_TRUE(picked.ok()) << picked.error().message;
  EXPECT_EQ(*picked, nlohmann::json::parse(R"({"B": "y"})"));
  auto missing = BindJsonPath(*path, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "nothing was saved as \"x\"");
}

}  // namespace
}  // namespace ec2sim::scenario
