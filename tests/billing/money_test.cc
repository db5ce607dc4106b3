#include "sim/model/billing/money.h"

#include <gtest/gtest.h>

namespace ec2sim::billing {
namespace {

TEST(BillingMoney, EveryMonthLengthAndTheHourDivideTheDenominator) {
  for (int days : {28, 29, 30, 31}) EXPECT_EQ(kDenominator % (days * kDay), 0) << days;
  EXPECT_EQ(kDenominator % kHour, 0);
  EXPECT_EQ(kUnitsPerHourMs * kHour, kDenominator);
}

TEST(BillingMoney, HoursAndGbMonthsAreExact) {
  // 90 minutes are exactly 1.5 hours.
  EXPECT_EQ(Exact::Hours(90 * kMinute).units() * 2, Exact::Whole(3).units());
  // 8 GiB for 10 days of a 31-day month: 80/31 GB-months = 2.580645...
  Exact q = Exact::GbMonths(8, 10 * kDay, 31 * kDay);
  EXPECT_EQ(q.units() * 31, Exact::Whole(80).units());
  EXPECT_EQ(q.ScaledHalfUp(6), 2580645);
  // The same GiB-days in February (28 days) are more GB-months: 80/28 = 2.857143.
  EXPECT_EQ(Exact::GbMonths(8, 10 * kDay, 28 * kDay).ScaledHalfUp(6), 2857143);
}

TEST(BillingMoney, CentsRoundHalfUpOnlyAtTheEnd) {
  // Half a cent (5000 micro-USD) rounds up; one micro-USD less rounds down.
  EXPECT_EQ(Exact::Whole(5000).CentsHalfUp(), 1);
  EXPECT_EQ(Exact::Whole(4999).CentsHalfUp(), 0);
  // 20 s at $0.0116/h: 0.0116 * 20 / 3600 = 0.0000644... USD, exactly 64.444... micro-USD.
  Exact twenty_seconds = Exact::Hours(20 * kSecond).Times(11600);
  EXPECT_EQ(twenty_seconds.ScaledHalfUp(0), 64);
  EXPECT_EQ(twenty_seconds.CentsHalfUp(), 0);
  // 1000 of those: 0.0644444 USD -> 6 cents, which rounding each first (0 cents) would lose.
  Exact sum;
  for (int i = 0; i < 1000; ++i) sum += twenty_seconds;
  EXPECT_EQ(sum.CentsHalfUp(), 6);
}

TEST(BillingMoney, ToDoubleGivesTheNearestDoubleOfTheRoundedDecimal) {
  EXPECT_EQ(Exact::Hours(60 * kSecond).ToDouble(6), 0.016667);   // 1/60 h
  EXPECT_EQ(Exact::Hours(220 * kSecond).ToDouble(6), 0.061111);  // 220/3600 h
  EXPECT_EQ(Exact::Whole(750).ToDouble(6), 750.0);
}

TEST(BillingMoney, FormatsDecimals) {
  EXPECT_EQ(FormatMicroUsd(11600), "0.0116");
  EXPECT_EQ(FormatMicroUsd(5000), "0.005");
  EXPECT_EQ(FormatMicroUsd(2432000), "2.432");
  EXPECT_EQ(FormatMicroUsd(100000), "0.10");
  EXPECT_EQ(FormatCents(409), "4.09");
  EXPECT_EQ(FormatCents(5), "0.05");
}

}  // namespace
}  // namespace ec2sim::billing
