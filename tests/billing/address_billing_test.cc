// Public IPv4 and Elastic IP charges under both pricing rules (ec2-semantics.md sections 3.2 and
// 3.3). Every public IPv4 hour costs $0.005 under public-ipv4-2024; under legacy-eip only an
// Elastic IP that is not on a running instance does, plus remaps beyond 100 a month.
#include <gtest/gtest.h>

#include "tests/billing/billing_test_support.h"

namespace ec2sim::testing {
namespace {

class BillingAddresses : public BillingTest {
 protected:
  std::string Allocate() { return Call("AllocateAddress", {{"Domain", "vpc"}})["AllocationId"]; }
  void Associate(const std::string& alloc, const std::string& instance) {
    Call("AssociateAddress", {{"AllocationId", alloc}, {"InstanceId", instance}});
  }
};

TEST_F(BillingAddresses, ForgottenElasticIpKeepsCostingAfterTheInstanceIsGone) {
  std::string web = Launch();
  std::string alloc = Allocate();
  Associate(alloc, web);
  Advance(kDay);
  Call("TerminateInstances", Ids(web));
  Advance(30 * kDay);  // to 2026-02-01
  json jan = Bill({{"month", "2026-01"}});
  // In use for the first day (24 IP-Hrs = $0.12), idle for the other 30 (720 IP-Hrs = $3.60).
  EXPECT_EQ(Line(jan, "APN2-PublicIPv4:InUseAddress", alloc)["Quantity"], 24.0);
  EXPECT_EQ(Line(jan, "APN2-PublicIPv4:InUseAddress", alloc)["AmountUSD"], 0.12);
  EXPECT_EQ(Line(jan, "APN2-PublicIPv4:IdleAddress", alloc)["Quantity"], 720.0);
  EXPECT_EQ(Line(jan, "APN2-PublicIPv4:IdleAddress", alloc)["AmountUSD"], 3.6);
  // Released on 2026-02-10: nine more idle days (216 h = $1.08), then nothing.
  Advance(9 * kDay);
  Call("ReleaseAddress", {{"AllocationId", alloc}});
  Advance(19 * kDay);  // to 2026-03-01
  json feb = Bill({{"month", "2026-02"}});
  EXPECT_EQ(Line(feb, "APN2-PublicIPv4:IdleAddress", alloc)["Quantity"], 216.0);
  EXPECT_EQ(feb["TotalUSD"], 1.08);
  Advance(10 * kDay);
  json march = Bill({{"from", "2026-03-01T00:00:00Z"}});
  EXPECT_EQ(march["Lines"].size(), 0u);
  EXPECT_EQ(march["TotalUSD"], 0.0);
}

TEST_F(BillingAddresses, AutoAssignedAddressesCostFrom2024AndAreBilledToTheirInstance) {
  std::string web = Launch();
  Advance(10 * kHour);
  Call("StopInstances", Ids(web));  // the address goes back to Amazon
  Advance(10 * kHour);
  json bill = Bill();
  // Held 10 h: 10 x $0.005 = $0.05. Legacy pricing charged nothing for it.
  EXPECT_EQ(Line(bill, "APN2-PublicIPv4:InUseAddress", web)["Quantity"], 10.0);
  EXPECT_EQ(Line(bill, "APN2-PublicIPv4:InUseAddress", web)["AmountUSD"], 0.05);
  json legacy = Bill({{"pricing", "legacy-eip"}});
  EXPECT_EQ(CountLines(legacy, "APN2-PublicIPv4:InUseAddress"), 0);
  EXPECT_EQ(CountLines(legacy, "APN2-ElasticIP:IdleAddress"), 0);
}

TEST_F(BillingAddresses, LegacyRuleChargesAnElasticIpOnlyWhileItsInstanceIsNotRunning) {
  Use(PricingPolicy::kLegacyEip, false);
  std::string web = Launch();
  std::string alloc = Allocate();
  Associate(alloc, web);
  Advance(10 * kDay);
  Call("StopInstances", Ids(web));
  Advance(5 * kDay);
  Call("StartInstances", Ids(web));
  Advance(16 * kDay);  // to 2026-02-01
  json legacy = Bill({{"month", "2026-01"}});
  // Stopped for 5 days: 120 h x $0.005 = $0.60. The association is one remap, inside the free 100.
  json idle = Line(legacy, "APN2-ElasticIP:IdleAddress", alloc);
  EXPECT_EQ(idle["Quantity"], 120.0);
  EXPECT_EQ(idle["AmountUSD"], 0.6);
  json remap = Line(legacy, "APN2-ElasticIP:Remap", alloc);
  EXPECT_EQ(remap["Quantity"], 1.0);
  EXPECT_EQ(remap["FreeQuantity"], 1.0);
  EXPECT_EQ(remap["AmountUSD"], 0.0);
  // The same month under the 2024 rule: associated all 744 h, so in use all month: $3.72.
  json now = Bill({{"month", "2026-01"}, {"pricing", "public-ipv4-2024"}});
  EXPECT_EQ(Line(now, "APN2-PublicIPv4:InUseAddress", alloc)["Quantity"], 744.0);
  EXPECT_EQ(Line(now, "APN2-PublicIPv4:InUseAddress", alloc)["AmountUSD"], 3.72);
  EXPECT_EQ(CountLines(now, "APN2-PublicIPv4:IdleAddress"), 0);
}

TEST_F(BillingAddresses, LegacyRuleChargesRemapsBeyondOneHundredAMonth) {
  Use(PricingPolicy::kLegacyEip, false);
  std::string web = Launch();
  std::string alloc = Allocate();
  for (int i = 0; i < 105; ++i) Associate(alloc, web);
  Advance(kHour);
  json bill = Bill();
  json remap = Line(bill, "APN2-ElasticIP:Remap", alloc);
  // 105 remaps, 100 free: 5 x $0.10 = $0.50.
  EXPECT_EQ(remap["Quantity"], 105.0);
  EXPECT_EQ(remap["FreeQuantity"], 100.0);
  EXPECT_EQ(remap["Unit"], "Count");
  EXPECT_EQ(remap["AmountUSD"], 0.5);
  // A new month brings 100 free remaps again.
  Advance(31 * kDay);
  for (int i = 0; i < 3; ++i) Associate(alloc, web);
  Advance(kHour);
  json feb = Bill({{"month", "2026-02"}});
  EXPECT_EQ(Line(feb, "APN2-ElasticIP:Remap", alloc)["AmountUSD"], 0.0);
}

TEST_F(BillingAddresses, AnIdleElasticIpIsChargedInEveryRegionWithItsPrefix) {
  std::string alloc = Call("AllocateAddress", {{"Domain", "vpc"}})["AllocationId"];
  ctx_.region = "eu-west-1";
  std::string dublin = Call("AllocateAddress", {{"Domain", "vpc"}})["AllocationId"];
  Advance(2 * kHour);
  json bill = Bill();
  EXPECT_EQ(Line(bill, "APN2-PublicIPv4:IdleAddress", alloc)["Quantity"], 2.0);
  EXPECT_EQ(Line(bill, "EU-PublicIPv4:IdleAddress", dublin)["Quantity"], 2.0);
  EXPECT_EQ(Bill({{"region", "eu-west-1"}})["Lines"].size(), 1u);
}

}  // namespace
}  // namespace ec2sim::testing
