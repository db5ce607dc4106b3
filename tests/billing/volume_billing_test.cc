// EBS volumes on the bill beyond storage: gp3 IOPS above 3,000 and throughput above 125 MiB/s,
// io1's provisioned IOPS, io2's IOPS tiers, and a ModifyVolume that changes what is billed.
// Every amount is worked by hand from the rates in sim/model/billing/data/.
#include "tests/billing/billing_test_support.h"

namespace ec2sim::testing {
namespace {

class BillingVolumes : public BillingTest {
 protected:
  std::string CreateVolume(const json& params) { return Call("CreateVolume", params)["VolumeId"]; }
};

TEST_F(BillingVolumes, Gp3BillsIopsAndThroughputAboveTheIncludedBaseline) {
  std::string id = CreateVolume({{"AvailabilityZone", "ap-northeast-2a"},
                                 {"Size", 100},
                                 {"VolumeType", "gp3"},
                                 {"Iops", 6000},
                                 {"Throughput", 500}});
  Advance(kJanuary);
  json bill = Bill({{"month", "2026-01"}});
  // The whole of January: 100 GB-Mo x $0.0912 = $9.12.
  EXPECT_EQ(Line(bill, "APN2-EBS:VolumeUsage.gp3", id)["AmountUSD"], 9.12);
  // 6,000 - 3,000 = 3,000 IOPS-Mo x $0.0057 = $17.10.
  json iops = Line(bill, "APN2-EBS:VolumeP-IOPS.gp3", id);
  EXPECT_EQ(iops["Quantity"], 3000.0);
  EXPECT_EQ(iops["Unit"], "IOPS-Mo");
  EXPECT_EQ(iops["AmountUSD"], 17.1);
  // 500 - 125 = 375 MiBps-Mo x $0.0456 (us-east-1's $0.04 scaled by Seoul's gp3 storage,
  // 0.0912 / 0.08) = $17.10.
  json throughput = Line(bill, "APN2-EBS:VolumeP-Throughput.gp3", id);
  EXPECT_EQ(throughput["Quantity"], 375.0);
  EXPECT_EQ(throughput["RateUSD"], 0.0456);
  EXPECT_EQ(throughput["AmountUSD"], 17.1);
}

TEST_F(BillingVolumes, Gp3AtItsBaselineAndGp2HaveNoPerformanceLines) {
  CreateVolume({{"AvailabilityZone", "ap-northeast-2a"}, {"Size", 100}, {"VolumeType", "gp3"}});
  CreateVolume({{"AvailabilityZone", "ap-northeast-2a"}, {"Size", 2000}});
  Launch();
  Advance(kDay);
  json bill = Bill({{"month", "2026-01"}});
  EXPECT_EQ(CountLines(bill, "APN2-EBS:VolumeP-IOPS.gp3"), 0);
  EXPECT_EQ(CountLines(bill, "APN2-EBS:VolumeP-Throughput.gp3"), 0);
  EXPECT_EQ(CountLines(bill, "APN2-EBS:VolumeUsage.gp2"), 1);
}

TEST_F(BillingVolumes, Io1BillsEveryProvisionedIops) {
  std::string id = CreateVolume({{"AvailabilityZone", "ap-northeast-2a"},
                                 {"Size", 100},
                                 {"VolumeType", "io1"},
                                 {"Iops", 5000}});
  Advance(kJanuary);
  json bill = Bill({{"month", "2026-01"}});
  // 100 GB-Mo x $0.1278 = $12.78; 5,000 IOPS-Mo x $0.0666 = $333.00.
  EXPECT_EQ(Line(bill, "APN2-EBS:VolumeUsage.piops", id)["AmountUSD"], 12.78);
  json iops = Line(bill, "APN2-EBS:VolumeP-IOPS.piops", id);
  EXPECT_EQ(iops["Quantity"], 5000.0);
  EXPECT_EQ(iops["AmountUSD"], 333.0);
}

TEST_F(BillingVolumes, Io2IopsAreBilledInTiersInUsEast1) {
  ctx_.region = "us-east-1";
  std::string id = CreateVolume(
      {{"AvailabilityZone", "us-east-1a"}, {"Size", 100}, {"VolumeType", "io2"}, {"Iops", 40000}});
  Advance(10 * kDay);
  Call("DeleteVolume", {{"VolumeId", id}});
  json bill = Bill({{"month", "2026-01"}});
  // 10 of January's 31 days. Storage: 1,000/31 = 32.258065 GB-Mo x $0.125 = $4.032258 -> $4.03.
  EXPECT_EQ(Line(bill, "EBS:VolumeUsage.io2", id)["AmountUSD"], 4.03);
  // The first 32,000 IOPS: 320,000/31 = 10,322.580645 IOPS-Mo x $0.065 = $670.967742 -> $670.97.
  json tier1 = Line(bill, "EBS:VolumeP-IOPS.io2", id);
  EXPECT_EQ(tier1["Quantity"], 10322.580645);
  EXPECT_EQ(tier1["AmountUSD"], 670.97);
  // The next 8,000: 80,000/31 = 2,580.645161 IOPS-Mo x $0.046 = $118.709677 -> $118.71.
  json tier2 = Line(bill, "EBS:VolumeP-IOPS.io2.tier2", id);
  EXPECT_EQ(tier2["Quantity"], 2580.645161);
  EXPECT_EQ(tier2["AmountUSD"], 118.71);
  EXPECT_TRUE(Line(bill, "EBS:VolumeP-IOPS.io2.tier3", id).is_null());
}

TEST_F(BillingVolumes, AGrownVolumeBillsTheNewSizeFromItsModification) {
  std::string id =
      CreateVolume({{"AvailabilityZone", "ap-northeast-2a"}, {"Size", 100}, {"VolumeType", "gp3"}});
  Advance(10 * kDay);
  Call("ModifyVolume", {{"VolumeId", id}, {"Size", 200}});
  Advance(21 * kDay);
  json bill = Bill({{"month", "2026-01"}});
  // One line: 100 GiB for 10 days and 200 GiB for 21 (instant timing: the new size applies at
  // once). (1,000 + 4,200)/31 = 167.741935 GB-Mo x $0.0912 = $15.298065 -> $15.30.
  json line = Line(bill, "APN2-EBS:VolumeUsage.gp3", id);
  EXPECT_EQ(line["Quantity"], 167.741935);
  EXPECT_EQ(line["AmountUSD"], 15.3);
  EXPECT_EQ(CountLines(bill, "APN2-EBS:VolumeUsage.gp3"), 1);
}

}  // namespace
}  // namespace ec2sim::testing
