#include "sim/model/billing/free_tier.h"

#include <gtest/gtest.h>

#include <vector>

namespace ec2sim::billing {
namespace {

// Units of one hour; a span accruing hours accrues kUnitsPerHourMs units per ms.
Int128 H(std::int64_t hours) { return Int128{hours} * kDenominator; }

PoolItem HourSpan(SimTime from, SimTime to, std::size_t line) {
  return PoolItem{from, to, kUnitsPerHourMs, 0, false, line};
}

TEST(BillingAllowance, UsageUnderTheAllowanceIsAllFree) {
  std::vector<PoolItem> items = {HourSpan(0, 100 * kHour, 0), HourSpan(0, 200 * kHour, 1)};
  std::vector<Int128> free(2);
  Int128 used = AllocateAllowance(items, H(750), 0, free);
  EXPECT_EQ(free[0], H(100));
  EXPECT_EQ(free[1], H(200));
  EXPECT_EQ(used, H(300));
}

TEST(BillingAllowance, ConcurrentInstancesShareThePoolInTimeOrder) {
  // Two instances from hour 0: one runs 744 h, the other 240 h. The pool drains at 2 h per hour
  // until hour 240 (480 h used), then at 1 h per hour: the last 270 h last until hour 510.
  std::vector<PoolItem> items = {HourSpan(0, 744 * kHour, 0), HourSpan(0, 240 * kHour, 1)};
  std::vector<Int128> free(2);
  Int128 used = AllocateAllowance(items, H(750), 0, free);
  EXPECT_EQ(used, H(750));
  EXPECT_EQ(free[0], H(510));
  EXPECT_EQ(free[1], H(240));
}

TEST(BillingAllowance, TheLastUnitsGoToTheSpansOpenWhenThePoolRunsOut) {
  // Two spans accrue together at 2x units per ms (x = kUnitsPerHourMs). An allowance of 3x + 5
  // covers the first ms (2x) and leaves x + 5 < 2x for the second: the first span in item order
  // gets a full ms' worth (x), the second the 5 units left.
  std::vector<PoolItem> items = {HourSpan(0, 10, 0), HourSpan(0, 10, 1)};
  std::vector<Int128> free(2);
  Int128 used = AllocateAllowance(items, 3 * Int128{kUnitsPerHourMs} + 5, 0, free);
  EXPECT_EQ(used, 3 * Int128{kUnitsPerHourMs} + 5);
  EXPECT_EQ(free[0], 2 * Int128{kUnitsPerHourMs});
  EXPECT_EQ(free[1], Int128{kUnitsPerHourMs} + 5);
}

TEST(BillingAllowance, PointsDrawInTimeOrderAndTheLastOneIsPartlyFree) {
  // 100 free remaps: 99 at t=1, then 3 at t=2 (the first of those is the 100th).
  std::vector<PoolItem> items;
  for (int i = 0; i < 99; ++i) items.push_back({1, 1, 0, kDenominator, true, 0});
  for (int i = 0; i < 3; ++i) items.push_back({2, 2, 0, kDenominator, true, 1});
  std::vector<Int128> free(2);
  Int128 used = AllocateAllowance(items, H(100), 0, free);
  EXPECT_EQ(used, H(100));
  EXPECT_EQ(free[0], H(99));
  EXPECT_EQ(free[1], H(1));
}

TEST(BillingAllowance, UsageBeforeThePeriodUsesTheAllowanceButIsNotCounted) {
  // 500 h before the period (hours 0-500) and 500 h inside it (500-1000): 250 h of the inside
  // part are free.
  std::vector<PoolItem> items = {HourSpan(0, 1000 * kHour, 0)};
  std::vector<Int128> free(1);
  Int128 used = AllocateAllowance(items, H(750), 500 * kHour, free);
  EXPECT_EQ(used, H(750));
  EXPECT_EQ(free[0], H(250));
}

TEST(BillingAllowance, CoversTheSignUpMonthAndElevenMore) {
  SimTime jan15 = *ParseIsoTime("2026-01-15T10:00:00Z");
  EXPECT_EQ(FreeTierEnd(jan15), *ParseIsoTime("2027-01-01T00:00:00Z"));
}

}  // namespace
}  // namespace ec2sim::billing
