#include "sim/model/cost/timeline.h"

#include <gtest/gtest.h>

namespace ec2sim::cost {
namespace {

TEST(CostTimeline, SetFromKeepsTimelinesMinimal) {
  Timeline t;
  SetFrom(t, 0, 2);
  SetFrom(t, 5, 2);  // no change: dropped
  SetFrom(t, 7, 3);
  SetFrom(t, 7, 4);  // same time: replaces
  EXPECT_EQ(t, (Timeline{{0, 2}, {7, 4}}));
  EXPECT_EQ(ValueAt(t, 6), 2);
  EXPECT_EQ(ValueAt(t, 7), 4);
  EXPECT_EQ(ValueAt(Timeline{{5, 1}}, 4), 0);
}

TEST(CostTimeline, SweepVisitsEachConstantStretchOnce) {
  Timeline a{{0, 1}, {10, 2}};
  Timeline b{{0, 5}, {4, 6}, {10, 7}};
  std::vector<std::tuple<Duration, Duration, std::int64_t, std::int64_t>> seen;
  Sweep({&a, &b}, 12, [&](Duration from, Duration to, const std::vector<std::int64_t>& v) {
    seen.emplace_back(from, to, v[0], v[1]);
  });
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0], std::make_tuple(0, 4, 1, 5));
  EXPECT_EQ(seen[1], std::make_tuple(4, 10, 1, 6));
  EXPECT_EQ(seen[2], std::make_tuple(10, 12, 2, 7));
}

TEST(CostTimeline, SampleIntervalIsAWholeNumberOfSteps) {
  EXPECT_EQ(SampleInterval(24 * kHour, kHour, 2000), kHour);
  EXPECT_EQ(SampleInterval(365 * kDay, kHour, 2000), 5 * kHour);  // 8760 / 2000 -> 5 steps
  EXPECT_EQ(SampleTimeline(10, 4), (Timeline{{0, 0}, {4, 1}, {8, 2}, {10, 3}}));
}

}  // namespace
}  // namespace ec2sim::cost
