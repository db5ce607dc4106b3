#include "sim/model/billing/rates.h"

#include <gtest/gtest.h>

#include "sim/model/regions.h"

namespace ec2sim::billing {
namespace {

TEST(BillingRates, EveryRegionHasABillingCodeAndOnlyUsEast1HasNone) {
  for (const model::RegionInfo& r : model::Regions()) {
    if (r.code == "us-east-1") {
      EXPECT_EQ(BillingCode(r.code), "");
    } else {
      EXPECT_FALSE(BillingCode(r.code).empty()) << r.code;
    }
  }
}

TEST(BillingRates, UsageTypesCarryTheRegionPrefixAsTheCostAndUsageReportDoes) {
  EXPECT_EQ(UsageType("us-east-1", "BoxUsage:t2.micro"), "BoxUsage:t2.micro");
  EXPECT_EQ(UsageType("ap-northeast-2", "BoxUsage:t2.micro"), "APN2-BoxUsage:t2.micro");
  EXPECT_EQ(UsageType("eu-west-1", "PublicIPv4:IdleAddress"), "EU-PublicIPv4:IdleAddress");
  EXPECT_EQ(UsageType("us-east-2", VolumeUsageBase("gp3")), "USE2-EBS:VolumeUsage.gp3");
  EXPECT_EQ(VolumeUsageBase("io1"), "EBS:VolumeUsage.piops");
  EXPECT_EQ(VolumeUsageBase("standard"), "EBS:VolumeUsage");
}

TEST(BillingRates, VolumePricesAreSourcedOrMarkedEstimated) {
  Rate use1 = VolumeRate("us-east-1", "gp3");
  EXPECT_EQ(use1.micro_usd, 80000);
  EXPECT_FALSE(use1.estimated);
  EXPECT_EQ(VolumeRate("ap-northeast-2", "gp3").micro_usd, 91200);
  // Seoul magnetic has no sourced price: us-east-1's 0.05 x 0.0912 / 0.08 = 0.057.
  Rate scaled = VolumeRate("ap-northeast-2", "standard");
  EXPECT_EQ(scaled.micro_usd, 57000);
  EXPECT_TRUE(scaled.estimated);
  EXPECT_EQ(scaled.rule, "ebs-scaled-by-gp3");
  // No EBS price at all in Zurich: us-east-1's.
  Rate fallback = VolumeRate("eu-central-2", "gp3");
  EXPECT_EQ(fallback.micro_usd, 80000);
  EXPECT_EQ(fallback.rule, "ebs-us-east-1-price");
}

TEST(BillingRates, InstanceRatesComeFromTheCatalog) {
  EXPECT_EQ(InstanceRate("us-east-1", "t2.micro", model::OsFamily::kLinux).micro_usd, 11600);
  EXPECT_EQ(InstanceRate("ap-northeast-2", "t2.micro", model::OsFamily::kLinux).micro_usd, 14400);
  Rate windows = InstanceRate("us-east-1", "m5.large", model::OsFamily::kWindows);
  EXPECT_TRUE(windows.estimated);
  EXPECT_EQ(windows.rule, "linux-price");
}

TEST(BillingRates, FreeTierCoversT2MicroWhereItIsSoldElseT3Micro) {
  EXPECT_EQ(FreeTierInstanceType("us-east-1"), "t2.micro");
  // Cape Town has no t2 (docs/catalog.md).
  EXPECT_EQ(FreeTierInstanceType("af-south-1"), "t3.micro");
  EXPECT_TRUE(FreeTierVolumeType("gp3"));
  EXPECT_FALSE(FreeTierVolumeType("io2"));
}

}  // namespace
}  // namespace ec2sim::billing
