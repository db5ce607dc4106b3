// EBS snapshots on the bill: GB-months of the volume size at the standard tier's price, from
// creation to deletion, under the usage type EBS:SnapshotUsage. Worked by hand from the prices
// in sim/model/billing/rates.cc ($0.05 per GB-month in us-east-1 and Seoul).
#include "tests/billing/billing_test_support.h"

namespace ec2sim::testing {
namespace {

class BillingSnapshots : public BillingTest {
 protected:
  std::string SnapshotOfNewVolume(const std::string& az, int size) {
    json v = Call("CreateVolume", {{"AvailabilityZone", az}, {"Size", size}});
    return Call("CreateSnapshot", {{"VolumeId", v["VolumeId"]}})["SnapshotId"];
  }
};

TEST_F(BillingSnapshots, SeoulSnapshotKeptAllMonthBillsItsVolumeSize) {
  std::string id = SnapshotOfNewVolume("ap-northeast-2a", 10);
  Advance(kJanuary);
  json bill = Bill({{"month", "2026-01"}});
  // 10 GB-Mo x $0.05 = $0.50.
  json line = Line(bill, "APN2-EBS:SnapshotUsage", id);
  EXPECT_EQ(line["Quantity"], 10.0);
  EXPECT_EQ(line["Unit"], "GB-Mo");
  EXPECT_EQ(line["RateUSD"], 0.05);
  EXPECT_EQ(line["AmountUSD"], 0.5);
}

TEST_F(BillingSnapshots, DeletedSnapshotStopsBilling) {
  ctx_.region = "us-east-1";
  std::string id = SnapshotOfNewVolume("us-east-1a", 80);
  Advance(10 * kDay);
  Call("DeleteSnapshot", {{"SnapshotId", id}});
  Advance(kDay);
  json bill = Bill({{"month", "2026-01"}});
  // 10 of January's 31 days: 800/31 = 25.806452 GB-Mo x $0.05 = $1.290323 -> $1.29.
  json line = Line(bill, "EBS:SnapshotUsage", id);
  EXPECT_EQ(line["Quantity"], 25.806452);
  EXPECT_EQ(line["AmountUSD"], 1.29);
}

TEST_F(BillingSnapshots, CopyIsBilledInItsOwnRegion) {
  std::string id = SnapshotOfNewVolume("ap-northeast-2a", 10);
  Advance(kHour);
  ctx_.region = "us-east-1";
  std::string copy = Call(
      "CopySnapshot", {{"SourceRegion", "ap-northeast-2"}, {"SourceSnapshotId", id}})["SnapshotId"];
  Advance(kHour);
  json bill = Bill({{"month", "2026-01"}});
  EXPECT_FALSE(Line(bill, "EBS:SnapshotUsage", copy).is_null());
  EXPECT_FALSE(Line(bill, "APN2-EBS:SnapshotUsage", id).is_null());
}

}  // namespace
}  // namespace ec2sim::testing
