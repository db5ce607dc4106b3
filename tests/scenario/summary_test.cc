#include "sim/scenario/summary.h"

#include <gtest/gtest.h>

namespace ec2sim::scenario {
namespace {

using nlohmann::json;

TEST(ScenarioSummary, TouchedIdsPreferTheResourcesNearestTheRoot) {
  json result = json::parse(R"({"Instances": [
    {"InstanceId": "i-1", "NetworkInterfaces": [{"NetworkInterfaceId": "eni-1",
                                                 "Groups": [{"GroupId": "sg-1"}]}]},
    {"InstanceId": "i-2", "SecurityGroups": [{"GroupId": "sg-1"}]}]})");
  EXPECT_EQ(TouchedIds(result, json::object()), (std::vector<std::string>{"i-1", "i-2"}));
}

TEST(ScenarioSummary, TouchedIdsFallBackToTheRequest) {
  json params = {{"AllocationId", "eipalloc-1"}, {"InstanceIds", {"i-1", "i-2"}}};
  EXPECT_EQ(TouchedIds(json::object(), params),
            (std::vector<std::string>{"i-1", "i-2", "eipalloc-1"}));
  EXPECT_TRUE(TouchedIds(json{{"Return", true}}, json::object()).empty());
}

TEST(ScenarioSummary, JoinIdsShowsAFewAndCountsTheRest) {
  EXPECT_EQ(JoinIds({}), "");
  EXPECT_EQ(JoinIds({"a", "b"}), "a, b");
  EXPECT_EQ(JoinIds({"a", "b", "c", "d", "e", "f"}), "a, b, c, d +2 more");
}

TEST(ScenarioSummary, TranscriptTimeOmitsZeroMilliseconds) {
  EXPECT_EQ(TranscriptTime(1767225605000), "2026-01-01T00:00:05Z");
  EXPECT_EQ(TranscriptTime(1767225605250), "2026-01-01T00:00:05.250Z");
}

TEST(ScenarioSummary, OneLineReplacesLineBreaks) { EXPECT_EQ(OneLine("a\nb\r\nc"), "a b  c"); }

}  // namespace
}  // namespace ec2sim::scenario
