#include "sim/engine/json_depth.h"

#include <gtest/gtest.h>

#include <string>

namespace ec2sim::engine {
namespace {

// `depth` arrays inside one another: "[[[]]]" for 3.
std::string Nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(JsonDepth, TheLimitItselfIsAccepted) {
  EXPECT_FALSE(FindJsonTooDeep(Nested(kMaxJsonDepth)).has_value());
  EXPECT_FALSE(FindJsonTooDeep(R"({"a": {"b": [1, {"c": []}]}})", 5).has_value());  // 5 levels
}

TEST(JsonDepth, OneLevelOverIsRefusedAtItsBracket) {
  std::optional<JsonTooDeep> deep = FindJsonTooDeep(Nested(kMaxJsonDepth + 1));
  ASSERT_TRUE(deep.has_value());
  EXPECT_EQ(deep->offset, static_cast<std::size_t>(kMaxJsonDepth));
  EXPECT_EQ(deep->reason, "JSON nested deeper than 64 levels");
  deep = FindJsonTooDeep(R"({"a": {"b": [1, {"c": []}]}})", 3);
  ASSERT_TRUE(deep.has_value());
  EXPECT_EQ(deep->offset, 16u);  // the '{' before "c"
}

TEST(JsonDepth, TwoHundredThousandLevelsAreRefusedWithoutRecursion) {
  std::string body = R"({"Action":"DescribeRegions","Params":{"X":)" + Nested(200000) + "}}";
  std::optional<JsonTooDeep> deep = FindJsonTooDeep(body);
  ASSERT_TRUE(deep.has_value());
  EXPECT_EQ(body[deep->offset], '[');
}

TEST(JsonDepth, BracketsInsideStringsDoNotCount) {
  std::string text = R"({"a": "[[[[{{{{", "b\"[[[": "\\", "c": ["]]]]"]})";
  EXPECT_FALSE(FindJsonTooDeep(text, 2).has_value());
  EXPECT_TRUE(FindJsonTooDeep(text, 1).has_value());
}

TEST(JsonDepth, ClosersOnlyEverReturnToTheTopLevel) {
  // Unmatched closers are a syntax error for the parser; they must not buy extra depth.
  EXPECT_TRUE(FindJsonTooDeep("]]]]" + Nested(3), 2).has_value());
  EXPECT_FALSE(FindJsonTooDeep("", 0).has_value());
}

}  // namespace
}  // namespace ec2sim::engine
