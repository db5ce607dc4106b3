#include "sim/model/cost/profile.h"

#include <gtest/gtest.h>

namespace ec2sim::cost {
namespace {

TEST(BuiltinLoadProfiles, AreValidWeeksWithTheirPeaks) {
  ASSERT_EQ(BuiltinProfiles().size(), 4u);
  for (const LoadProfile& p : BuiltinProfiles()) {
    EXPECT_TRUE(ValidateProfile(p).ok()) << p.name;
    EXPECT_EQ(p.horizon(), 7 * kDay) << p.name;
  }
  EXPECT_EQ(FindBuiltinProfile("launch-day")->peak(), 5000);
  EXPECT_EQ(FindBuiltinProfile("nightly-batch")->peak(), 4000);
  EXPECT_EQ(FindBuiltinProfile("nope"), nullptr);
}

}  // namespace
}  // namespace ec2sim::cost
