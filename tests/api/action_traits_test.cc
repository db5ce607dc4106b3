// Action traits: every action in the table says what its answer depends on, and the sandbox's
// versioning and journaling follow that classification.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "ec2sim/sandbox.h"
#include "sim/api/action_table.h"

namespace ec2sim::api {
namespace {

// EC2's reads are named Describe* or Get* (GetConsoleOutput, GetDefaultCreditSpecification).
bool IsReadName(const std::string& name) {
  return name.rfind("Describe", 0) == 0 || name.rfind("Get", 0) == 0;
}

TEST(ActionTraits, EveryRegisteredActionHasExactlyOneKind) {
  const ActionTable& table = ActionTable::Get();
  ASSERT_FALSE(table.Names().empty());
  for (const std::string& name : table.Names()) {
    std::optional<ActionTraits> traits = table.Traits(name);
    ASSERT_TRUE(traits.has_value()) << name;
    EXPECT_TRUE(traits->valid()) << name << " was registered without a kind";
    int kinds = int{traits->catalog()} + int{traits->state_describe()} + int{traits->clocked()} +
                int{traits->mutating()};
    EXPECT_EQ(kinds, 1) << name;
  }
}

TEST(ActionTraits, DescribeAndGetActionsReadAndEveryOtherActionMutates) {
  const ActionTable& table = ActionTable::Get();
  for (const std::string& name : table.Names()) {
    EXPECT_EQ(table.Traits(name)->mutating(), !IsReadName(name)) << name;
  }
}

TEST(ActionTraits, CatalogAndClockedActionsAreTheKnownOnes) {
  const ActionTable& table = ActionTable::Get();
  for (const char* name :
       {"DescribeRegions", "DescribeAvailabilityZones", "DescribeInstanceTypes"}) {
    EXPECT_TRUE(table.Traits(name)->catalog()) << name;
  }
  // Own images and shares change what DescribeImages answers.
  EXPECT_TRUE(table.Traits("DescribeImages")->state_describe());
  EXPECT_TRUE(table.Traits("DescribeInstanceStatus")->clocked());
  EXPECT_TRUE(table.Traits("DescribeInstances")->state_describe());
  EXPECT_TRUE(table.Traits("RunInstances")->mutating());
}

TEST(ActionTraits, UnknownActionsHaveNone) {
  EXPECT_EQ(ActionTable::Get().Traits("LaunchRocket"), std::nullopt);
  EXPECT_EQ(ActionTable::Get().Find("LaunchRocket"), nullptr);
}

Result<json> NoOp(ApiContext&, Params&) { return json::object(); }

TEST(ActionTraits, UnsetTraitsAreNotValid) {
  ActionTable table;
  table.Add("Unclassified", NoOp, ActionTraits{});
  table.Add("Classified", NoOp, kStateDescribe);
  EXPECT_FALSE(table.Traits("Unclassified")->valid());
  EXPECT_TRUE(table.Traits("Classified")->valid());
}

const CallContext kCtx{"123456789012", "ap-northeast-2"};

// Non-mutating calls move no state version and are not journaled; mutating ones do both, even
// when they fail (the version may only over-approximate a change).
TEST(ActionTraits, SandboxVersionsAndRecordsExactlyTheMutatingActions) {
  Sandbox sandbox({.timing = Timing::kInstant});
  int recorded = 0;
  sandbox.SetRecorder([&](const json&, const Result<json>&) { ++recorded; });
  ASSERT_TRUE(sandbox.Call("DescribeInstances", json::object(), kCtx).ok());  // opens the region
  for (const std::string& name : ActionTable::Get().Names()) {
    std::uint64_t before = sandbox.StateVersion();
    int records_before = recorded;
    (void)sandbox.Call(name, json::object(), kCtx);
    bool mutating = ActionTable::Get().Traits(name)->mutating();
    EXPECT_EQ(sandbox.StateVersion() != before, mutating) << name;
    EXPECT_EQ(recorded - records_before, mutating ? 1 : 0) << name;
  }
}

}  // namespace
}  // namespace ec2sim::api
