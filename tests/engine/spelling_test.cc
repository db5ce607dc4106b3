#include "sim/engine/spelling.h"

#include <gtest/gtest.h>

namespace ec2sim::engine {
namespace {

TEST(Spelling, EditDistanceCountsSingleCharacterEdits) {
  EXPECT_EQ(EditDistance("", ""), 0);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3);
  EXPECT_EQ(EditDistance("RunInstance", "RunInstances"), 1);
  EXPECT_EQ(EditDistance("abc", ""), 3);
}

TEST(Spelling, SuggestsOnlyCloseNamesNearestFirst) {
  std::vector<std::string> actions = {"StopInstances", "StartInstances", "RunInstances"};
  EXPECT_EQ(ClosestMatches("RunInstance", actions), std::vector<std::string>{"RunInstances"});
  EXPECT_EQ(ClosestMatches("StarInstances", actions)[0], "StartInstances");
  EXPECT_TRUE(ClosestMatches("Frobnicate", actions).empty());
  EXPECT_EQ(DidYouMean("RunInstance", actions), " (did you mean RunInstances?)");
  EXPECT_EQ(DidYouMean("zzz", actions), "");
}

}  // namespace
}  // namespace ec2sim::engine
