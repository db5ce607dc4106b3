#include "sim/scenario/json_path.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace ec2sim::scenario {
namespace {

const nlohmann::json kResult = nlohmann::json::parse(R"({
  "Reservations": [
    {"Instances": [
      {"InstanceId": "i-1", "State": {"Name": "running"}, "Tags": []},
      {"InstanceId": "i-2", "State": {"Name": "stopped"}}
    ]}
  ],
  "Count": 2
})");

std::string Resolved(std::string_view path) {
  auto found = ResolveJsonPath(kResult, path);
  return found.ok() ? (*found)->dump() : "error: " + found.error().message;
}

TEST(ScenarioPath, ResolvesKeysAndIndexes) {
  EXPECT_EQ(Resolved("Reservations[0].Instances[1].InstanceId"), "\"i-2\"");
  EXPECT_EQ(Resolved("Reservations[0].Instances[0].State.Name"), "\"running\"");
  EXPECT_EQ(Resolved("Count"), "2");
}

TEST(ScenarioPath, NegativeIndexCountsFromTheEnd) {
  EXPECT_EQ(Resolved("Reservations[-1].Instances[-1].InstanceId"), "\"i-2\"");
  EXPECT_EQ(Resolved("Reservations[0].Instances[-2].InstanceId"), "\"i-1\"");
}

TEST(ScenarioPath, MissingKeyNamesTheKeyAndWhere) {
  auto found = ResolveJsonPath(kResult, "Reservations[0].Instances[0].PublicIpAddress");
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kSimNotFound);
  EXPECT_EQ(found.error().message, "no key \"PublicIpAddress\" in Reservations[0].Instances[0]");
}

TEST(ScenarioPath, MissingTopLevelKeySaysTheResult) {
  EXPECT_EQ(Resolved("Nope"), "error: no key \"Nope\" in the result");
}

TEST(ScenarioPath, IndexOutOfRangeSaysTheSize) {
  EXPECT_EQ(Resolved("Reservations[0].Instances[2]"),
            "error: index [2] out of range: Reservations[0].Instances has 2 elements");
  EXPECT_EQ(Resolved("Reservations[-2]"),
            "error: index [-2] out of range: Reservations has 1 element");
  EXPECT_EQ(Resolved("Reservations[0].Instances[0].Tags[0]"),
            "error: index [0] out of range: Reservations[0].Instances[0].Tags has 0 elements");
}

TEST(ScenarioPath, KeyIntoNonObjectIsAnError) {
  EXPECT_EQ(Resolved("Count.Value"),
            "error: Count is a number, not an object, so it has no key \"Value\"");
  EXPECT_EQ(Resolved("Reservations.Instances"),
            "error: Reservations is a list, not an object, so it has no key \"Instances\"");
}

TEST(ScenarioPath, IndexIntoNonListIsAnError) {
  EXPECT_EQ(Resolved("Reservations[0].Instances[0].State[0]"),
            "error: Reservations[0].Instances[0].State is an object, not a list, so it has no "
            "[0]");
}

TEST(ScenarioPath, LeadingIndexAppliesToAListRoot) {
  nlohmann::json root = nlohmann::json::parse(R"([{"a": 1}, {"a": 2}])");
  auto found = ResolveJsonPath(root, "[1].a");
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(**found, 2);
}

TEST(ScenarioPath, RejectsBadSyntax) {
  for (const char* bad :
       {"", ".", "a.", ".a", "a..b", "a.[0]", "a[", "a[x]", "a[]", "a[1]b", "a]", "a[+1]"}) {
    auto parsed = ParseJsonPath(bad);
    EXPECT_FALSE(parsed.ok()) << bad;
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.error().code, ErrorCode::kSimInvalidInput);
      EXPECT_NE(parsed.error().message.find("invalid path"), std::string::npos) << bad;
    }
  }
}

TEST(ScenarioPath, ParsesSegmentsInOrder) {
  auto parsed = ParseJsonPath("A[0][-1].B");
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->segments.size(), 4u);
  EXPECT_EQ(std::get<std::string>(parsed->segments[0]), "A");
  EXPECT_EQ(std::get<std::int64_t>(parsed->segments[1]), 0);
  EXPECT_EQ(std::get<std::int64_t>(parsed->segments[2]), -1);
  EXPECT_EQ(std::get<std::string>(parsed->segments[3]), "B");
}

std::string Selected(std::string_view path) {
  auto found = SelectJsonPath(kResult, path);
  return found.ok() ? found->dump() : "error: " + found.error().message;
}

TEST(ScenarioPath, PipeTakesOneElementOfAFilteredList) {
  EXPECT_EQ(Selected("Reservations[*].Instances[?State.Name == 'stopped'].InstanceId"),
            R"(["i-2"])");
  EXPECT_EQ(Selected("Reservations[*].Instances[?State.Name == 'stopped'].InstanceId | [0]"),
            R"("i-2")");
  EXPECT_EQ(Selected("Reservations[*].Instances[*].InstanceId|[-1]"), R"("i-2")");
  EXPECT_FALSE(IsMultiValued(*ParseJsonPath("Reservations[*].Instances[*] | [0]")));
  EXPECT_TRUE(IsMultiValued(*ParseJsonPath("Reservations[0] | Instances[*]")));
}

TEST(ScenarioPath, PipesChainAndTheRightSideIsAPath) {
  // [[i-1, i-2]] | [0] is the list of instances; | [-1].InstanceId its last one's id.
  EXPECT_EQ(Selected("Reservations[*].Instances | [0] | [-1].InstanceId"), R"("i-2")");
  EXPECT_EQ(Selected("Reservations[0] | Instances[0].State.Name"), R"("running")");
}

TEST(ScenarioPath, PipeOnAnEmptyListSaysWhatWasEmpty) {
  EXPECT_EQ(Selected("Reservations[*].Instances[?State.Name == 'pending'].InstanceId | [0]"),
            "error: index [0] out of range: the value before '|' has 0 elements");
  EXPECT_EQ(Selected("Count | [0]"),
            "error: the value before '|' is a number, not a list, so it has no [0]");
}

TEST(ScenarioPath, PipeSyntaxErrorsSayWhichSideIsWrong) {
  for (auto [bad, why] : std::vector<std::pair<std::string, std::string>>{
           {"A[*] |", "nothing after '|'"},
           {"| [0]", "nothing before '|'"},
           {"A[*] | [x]", "after '|': invalid path \"[x]\": list index must be an integer"},
           {"A[?B | [0] == 'x']", "must select one value"}}) {
    auto parsed = ParseJsonPath(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_NE(parsed.error().message.find(why), std::string::npos) << parsed.error().message;
  }
}

TEST(ScenarioPath, APathHasAtMostSixteenPipes) {
  std::string path = "A";
  for (int i = 0; i < 16; ++i) path += " | [0]";
  EXPECT_TRUE(ParseJsonPath(path).ok());
  auto parsed = ParseJsonPath(path + " | [0]");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("more than 16 '|' in one path"), std::string::npos);
}

TEST(ScenarioPath, PipeInsideQuotesOrBracketsDoesNotSplit) {
  auto parsed = ParseJsonPath("A[?B == 'x|y'].C");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->then, nullptr);
}

TEST(ScenarioPath, ResolveRefusesAPipeAndPointsAtSelect) {
  auto found = ResolveJsonPath(kResult, "Reservations | [0]");
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kSimInvalidInput);
}

}  // namespace
}  // namespace ec2sim::scenario
