// The legacy 12-month free tier: 750 instance-hours of t2.micro (t3.micro where t2 is not sold),
// 30 GB-months of EBS and 750 hours of in-use public IPv4 per calendar month, shared by every
// instance and region of the account and handed out in the order the usage happens.
#include <gtest/gtest.h>

#include "tests/billing/billing_test_support.h"

namespace ec2sim::testing {
namespace {

class BillingFreeTier : public BillingTest {
 protected:
  BillingFreeTier() { Use(PricingPolicy::kPublicIpv4_2024, true); }
};

TEST_F(BillingFreeTier, SevenHundredFiftyHoursAreSharedByEveryMicroInstance) {
  std::string web = Launch();
  std::string worker = Launch();
  Advance(10 * kDay);
  Call("StopInstances", Ids(worker));
  Advance(21 * kDay);  // to 2026-02-01
  json jan = Bill({{"month", "2026-01"}});
  // 744 h + 240 h = 984 h, 750 free. Both draw 2 h per hour until day 10 (480 h), then web alone
  // draws the last 270 h: web has 510 h free and 234 h charged x $0.0144 = $3.3696 -> $3.37.
  json w = Line(jan, "APN2-BoxUsage:t2.micro", web);
  EXPECT_EQ(w["Quantity"], 744.0);
  EXPECT_EQ(w["FreeQuantity"], 510.0);
  EXPECT_EQ(w["AmountUSD"], 3.37);
  EXPECT_EQ(Line(jan, "APN2-BoxUsage:t2.micro", worker)["FreeQuantity"], 240.0);
  EXPECT_EQ(Line(jan, "APN2-BoxUsage:t2.micro", worker)["AmountUSD"], 0.0);
  // The addresses follow the same hours: 234 h x $0.005 = $1.17 on web's address. The two 8 GiB
  // volumes (16 GB-Mo) fit in 30 GB-Mo. Total 3.3696 + 1.17 = 4.5396 -> $4.54.
  EXPECT_EQ(Line(jan, "APN2-PublicIPv4:InUseAddress", web)["AmountUSD"], 1.17);
  EXPECT_EQ(jan["TotalUSD"], 4.54);
  EXPECT_EQ(jan["FreeTierRemaining"]["Active"], true);
  EXPECT_EQ(jan["FreeTierRemaining"]["Ec2InstanceHours"], 0.0);
  EXPECT_EQ(jan["FreeTierRemaining"]["EbsGbMonths"], 14.0);
}

TEST_F(BillingFreeTier, EachCalendarMonthStartsAFreshAllowance) {
  std::string web = Launch();
  Advance(31 * kDay + 10 * kDay);  // to 2026-02-11
  json feb = Bill({{"month", "2026-02"}});
  // 240 h in February so far, all free: 510 h left; 8 GiB x 10/28 month = 2.857143 GB-Mo used.
  EXPECT_EQ(Line(feb, "APN2-BoxUsage:t2.micro", web)["Quantity"], 240.0);
  EXPECT_EQ(feb["TotalUSD"], 0.0);
  EXPECT_EQ(feb["FreeTierRemaining"]["Month"], "2026-02");
  EXPECT_EQ(feb["FreeTierRemaining"]["Ec2InstanceHours"], 510.0);
  EXPECT_EQ(feb["FreeTierRemaining"]["EbsGbMonths"], 27.142857);
  EXPECT_EQ(feb["FreeTierRemaining"]["PublicIpv4Hours"], 510.0);
}

TEST_F(BillingFreeTier, UsageEarlierInTheMonthCountsForALaterPeriod) {
  std::string web = Launch();
  Advance(30 * kDay + 12 * kHour);  // 732 h, to 2026-01-31T12:00
  // Bill only the last 12 hours: 720 h used before them leave 30 h, so those 12 h are free.
  json tail = Bill({{"from", "2026-01-31T00:00:00Z"}});
  EXPECT_EQ(Line(tail, "APN2-BoxUsage:t2.micro", web)["Quantity"], 12.0);
  EXPECT_EQ(Line(tail, "APN2-BoxUsage:t2.micro", web)["FreeQuantity"], 12.0);
  EXPECT_EQ(tail["FreeTierRemaining"]["Ec2InstanceHours"], 18.0);
}

TEST_F(BillingFreeTier, OtherTypesAreNotCovered) {
  std::string small = Launch({{"InstanceType", "t3.micro"}});  // Seoul sells t2.micro
  Advance(10 * kHour);
  json bill = Bill();
  // 10 h x $0.013 = $0.13, nothing free; its address and volume are still free-tier usage.
  EXPECT_EQ(Line(bill, "APN2-BoxUsage:t3.micro", small)["FreeQuantity"], 0.0);
  EXPECT_EQ(Line(bill, "APN2-BoxUsage:t3.micro", small)["AmountUSD"], 0.13);
  EXPECT_EQ(bill["TotalUSD"], 0.13);
}

TEST_F(BillingFreeTier, ThirtyGbMonthsOfVolumesAreSharedAndTheTotalIsRoundedOnce) {
  std::vector<std::string> volumes;
  for (int i = 0; i < 4; ++i) {
    std::string id = Launch();
    Call("StopInstances", Ids(id));
    volumes.push_back(RootVolume(id));
  }
  Advance(kJanuary);
  json jan = Bill({{"month", "2026-01"}});
  // 4 x 8 GiB all month = 32 GB-Mo; the 30 free run out 15/16 into the month, each volume
  // having had 7.5. Each pays 0.5 x $0.0912 = $0.0456 -> $0.05 a line, but the total is
  // 4 x 0.0456 = $0.1824 -> $0.18 (the four 60 s minimums are free instance-hours).
  for (const std::string& v : volumes) {
    json line = Line(jan, "APN2-EBS:VolumeUsage.gp3", v);
    EXPECT_EQ(line["FreeQuantity"], 7.5);
    EXPECT_EQ(line["AmountUSD"], 0.05);
  }
  EXPECT_EQ(jan["TotalUSD"], 0.18);
}

TEST_F(BillingFreeTier, EndsAfterTwelveCalendarMonths) {
  std::string web = Launch();
  Advance(365 * kDay + 31 * kDay);  // to 2027-02-01
  json dec = Bill({{"month", "2026-12"}});
  EXPECT_EQ(Line(dec, "APN2-BoxUsage:t2.micro", web)["AmountUSD"], 0.0);  // 744 h < 750 h
  json jan27 = Bill({{"month", "2027-01"}});
  // 744 h x $0.0144 = $10.7136 -> $10.71.
  EXPECT_EQ(Line(jan27, "APN2-BoxUsage:t2.micro", web)["AmountUSD"], 10.71);
  EXPECT_EQ(jan27["FreeTierRemaining"]["Active"], false);
}

TEST_F(BillingFreeTier, IdleElasticIpsAreNotCoveredByThePublicIpv4Allowance) {
  std::string alloc = Call("AllocateAddress", {{"Domain", "vpc"}})["AllocationId"];
  Advance(10 * kHour);
  // Only in-use addresses draw from the 750 h: 10 h x $0.005 = $0.05.
  EXPECT_EQ(Line(Bill(), "APN2-PublicIPv4:IdleAddress", alloc)["AmountUSD"], 0.05);
}

}  // namespace
}  // namespace ec2sim::testing
