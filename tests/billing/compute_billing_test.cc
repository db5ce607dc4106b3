// Instance-hours: per-second billing with a 60 s minimum per start, hourly images, and the states
// that are never billed. Expected amounts are worked out by hand in the comments.
#include <gtest/gtest.h>

#include "tests/billing/billing_test_support.h"

namespace ec2sim::testing {
namespace {

// Seoul on-demand r5.8xlarge: $2.432 per hour (prices.csv), large enough to show in cents.
constexpr const char* kBig = "r5.8xlarge";
constexpr const char* kBigUsage = "APN2-BoxUsage:r5.8xlarge";

class BillingCompute : public BillingTest {};

TEST_F(BillingCompute, TwentySecondRunIsBilledAsSixtySeconds) {
  std::string id = Launch({{"InstanceType", kBig}});
  Advance(20 * kSecond);
  Call("StopInstances", Ids(id));
  json line = Line(Bill(), kBigUsage, id);
  ASSERT_FALSE(line.is_null());
  // 60 s = 1/60 h = 0.016667 h; 2.432 x 60 / 3600 = $0.040533 -> $0.04 (20 s would be $0.01).
  EXPECT_EQ(line["Quantity"], 0.016667);
  EXPECT_EQ(line["Unit"], "Hrs");
  EXPECT_EQ(line["RateUSD"], 2.432);
  EXPECT_EQ(line["AmountUSD"], 0.04);
}

TEST_F(BillingCompute, ThreeMinutesFortySecondsAreBilledExactly) {
  std::string id = Launch({{"InstanceType", kBig}});
  Advance(3 * kMinute + 40 * kSecond);
  Call("StopInstances", Ids(id));
  json line = Line(Bill(), kBigUsage, id);
  ASSERT_FALSE(line.is_null());
  // 220 s = 0.061111 h; 2.432 x 220 / 3600 = $0.148622 -> $0.15.
  EXPECT_EQ(line["Quantity"], 0.061111);
  EXPECT_EQ(line["AmountUSD"], 0.15);
}

TEST_F(BillingCompute, ARunningInstanceOwesItsMinimumAtOnce) {
  std::string id = Launch({{"InstanceType", kBig}});
  Advance(5 * kSecond);
  // Still running after 5 s: the bill already holds the 60 s the start committed to.
  EXPECT_EQ(Line(Bill(), kBigUsage, id)["Quantity"], 0.016667);
}

TEST_F(BillingCompute, RebootStartsNoNewMinimumButStopStartDoes) {
  std::string rebooted = Launch({{"InstanceType", "t3.micro"}});
  Advance(10 * kSecond);
  Call("RebootInstances", Ids(rebooted));
  Advance(20 * kSecond);
  Call("StopInstances", Ids(rebooted));
  std::string restarted = Launch({{"InstanceType", "t3.micro"}});
  Advance(10 * kSecond);
  Call("StopInstances", Ids(restarted));
  Call("StartInstances", Ids(restarted));
  Advance(20 * kSecond);
  Call("StopInstances", Ids(restarted));
  json bill = Bill();
  // One start of 30 s: 60 s. Two starts of 10 s and 20 s: 60 s + 60 s = 120 s = 0.033333 h.
  EXPECT_EQ(Line(bill, "APN2-BoxUsage:t3.micro", rebooted)["Quantity"], 0.016667);
  EXPECT_EQ(Line(bill, "APN2-BoxUsage:t3.micro", restarted)["Quantity"], 0.033333);
}

TEST_F(BillingCompute, PendingStoppingAndShuttingDownAreNotBilled) {
  // Realistic timing: pending lasts 12 s after a launch and 10 s after a start, stopping 20 s,
  // shutting-down 15 s (docs/model.md).
  Reset(SandboxOptions{.seed = 3, .timing = Timing::kRealistic});
  std::string id = Launch({{"InstanceType", kBig}});  // waits through pending
  Advance(100 * kSecond);
  Call("StopInstances", Ids(id));
  WaitFor(id, "stopped");
  Call("StartInstances", Ids(id));
  WaitFor(id, "running");
  Advance(100 * kSecond);
  Call("TerminateInstances", Ids(id));
  WaitFor(id, "terminated");
  json line = Line(Bill(), kBigUsage, id);
  // Two runs of exactly 100 s: 200 s = 0.055556 h; 2.432 x 200 / 3600 = $0.135111 -> $0.14.
  EXPECT_EQ(line["Quantity"], 0.055556);
  EXPECT_EQ(line["AmountUSD"], 0.14);
}

TEST_F(BillingCompute, WindowsImagesAreBilledPerStartedHour) {
  json images = Call("DescribeImages", {{"Filters", {Filter("platform", {"windows"})}}});
  ASSERT_EQ(images["Images"].size(), 1u);
  std::string id = Launch({{"ImageId", images["Images"][0]["ImageId"]}});
  Advance(90 * kMinute);
  Call("StopInstances", Ids(id));
  json bill = Bill();
  json line = Line(bill, "APN2-BoxUsage:t2.micro", id);
  // 90 minutes are two started hours. No Windows price is sourced for Seoul, so the Linux
  // $0.0144 applies, marked estimated: 2 x 0.0144 = $0.0288 -> $0.03.
  EXPECT_EQ(line["Quantity"], 2.0);
  EXPECT_EQ(line["AmountUSD"], 0.03);
  EXPECT_EQ(line["Estimated"], true);
  EXPECT_EQ(line["PriceRule"], "linux-price");
  // Windows boots from 30 GiB: 30 GiB for 90 min of a 31-day month = 30 x 1.5 / 744 GB-Mo.
  json volume = Line(bill, "APN2-EBS:VolumeUsage.gp3", RootVolume(id));
  EXPECT_EQ(volume["Quantity"], 0.060484);  // 45 / 744 = 0.0604839
}

TEST_F(BillingCompute, AStoppedInstancePaysOnlyForItsVolume) {
  std::string id = Launch({{"InstanceType", kBig}});
  Advance(kHour);
  Call("StopInstances", Ids(id));
  Advance(10 * kDay);
  json bill = Bill({{"from", "2026-01-01T01:00:00Z"}});
  ASSERT_EQ(bill["Lines"].size(), 1u) << bill.dump(2);
  json line = bill["Lines"][0];
  EXPECT_EQ(line["UsageType"], "APN2-EBS:VolumeUsage.gp3");
  // 8 GiB for 10 of January's 31 days: 80/31 = 2.580645 GB-Mo; x $0.0912 = $0.235355 -> $0.24.
  EXPECT_EQ(line["Quantity"], 2.580645);
  EXPECT_EQ(line["Unit"], "GB-Mo");
  EXPECT_EQ(line["AmountUSD"], 0.24);
  EXPECT_EQ(bill["TotalUSD"], 0.24);
}

TEST_F(BillingCompute, TerminationDeletesTheRootVolumeUnlessToldToKeepIt) {
  std::string gone = Launch();
  json keep_spec = {{"DeviceName", "/dev/xvda"}, {"Ebs", {{"DeleteOnTermination", false}}}};
  std::string kept = Launch({{"BlockDeviceMappings", json::array({keep_spec})}});
  std::string gone_volume = RootVolume(gone);
  std::string kept_volume = RootVolume(kept);
  Call("TerminateInstances", {{"InstanceIds", {gone, kept}}});
  Advance(31 * kDay);
  json bill = Bill({{"month", "2026-01"}});
  // Deleted at t=0: no storage. Kept: the whole month, 8 GB-Mo x $0.0912 = $0.7296 -> $0.73.
  EXPECT_TRUE(Line(bill, "APN2-EBS:VolumeUsage.gp3", gone_volume).is_null());
  EXPECT_EQ(Line(bill, "APN2-EBS:VolumeUsage.gp3", kept_volume)["Quantity"], 8.0);
  EXPECT_EQ(Line(bill, "APN2-EBS:VolumeUsage.gp3", kept_volume)["AmountUSD"], 0.73);
}

TEST_F(BillingCompute, UsEast1UsageTypesHaveNoRegionPrefix) {
  ctx_.region = "us-east-1";
  std::string id = Launch({{"ImageId", kVirginiaAl2023}});
  Advance(kHour);
  json bill = Bill();
  // One hour of t2.micro at $0.0116.
  EXPECT_EQ(Line(bill, "BoxUsage:t2.micro", id)["Quantity"], 1.0);
  EXPECT_EQ(Line(bill, "BoxUsage:t2.micro", id)["RateUSD"], 0.0116);
  EXPECT_EQ(Line(bill, "PublicIPv4:InUseAddress", id)["Quantity"], 1.0);
}

TEST_F(BillingCompute, ACreatedVolumeBillsFromCreationToDeletion) {
  json vol = Call("CreateVolume",
                  {{"AvailabilityZone", "ap-northeast-2a"}, {"Size", 100}, {"VolumeType", "gp3"}});
  std::string id = vol["VolumeId"];
  Advance(10 * kDay);
  Call("DeleteVolume", {{"VolumeId", id}});
  Advance(kDay);
  json bill = Bill({{"month", "2026-01"}});
  json line = Line(bill, "APN2-EBS:VolumeUsage.gp3", id);
  // 100 GiB for 10 of January's 31 days: 1000/31 = 32.258065 GB-Mo; x $0.0912 = $2.941935 ->
  // $2.94.
  EXPECT_EQ(line["Quantity"], 32.258065);
  EXPECT_EQ(line["AmountUSD"], 2.94);
}

}  // namespace
}  // namespace ec2sim::testing
