// The `bill` verb's spec, errors and JSON shape, the cost series behind `ec2sim bill --svg`, and
// pricing-policy input checks of scenario files.
#include <gtest/gtest.h>

#include <numeric>

#include "ec2sim/scenario.h"
#include "tests/billing/billing_test_support.h"

namespace ec2sim::testing {
namespace {

class BillingVerb : public BillingTest {};

TEST_F(BillingVerb, AnAccountWithNoUsageGetsAnEmptyInvoice) {
  Advance(kDay);
  json bill = Bill();
  EXPECT_EQ(bill["AccountId"], "123456789012");
  EXPECT_EQ(bill["Period"]["Start"], "2026-01-01T00:00:00+00:00");
  EXPECT_EQ(bill["Period"]["End"], "2026-01-02T00:00:00+00:00");
  EXPECT_EQ(bill["PricingPolicy"], "public-ipv4-2024");
  EXPECT_EQ(bill["Currency"], "USD");
  EXPECT_TRUE(bill["Lines"].is_array());
  EXPECT_TRUE(bill["Lines"].empty());
  EXPECT_TRUE(bill["TotalUSD"].is_number());
  EXPECT_EQ(bill["TotalUSD"], 0.0);
  EXPECT_EQ(bill["FreeTierRemaining"]["Active"], false);
}

TEST_F(BillingVerb, LinesHaveEveryFieldAndASortedOrder) {
  std::string web = Launch();
  Advance(kHour);
  json bill = Bill();
  ASSERT_EQ(bill["Lines"].size(), 3u);
  // Sorted by usage type: BoxUsage, EBS, PublicIPv4.
  EXPECT_EQ(bill["Lines"][0]["UsageType"], "APN2-BoxUsage:t2.micro");
  EXPECT_EQ(bill["Lines"][1]["UsageType"], "APN2-EBS:VolumeUsage.gp3");
  EXPECT_EQ(bill["Lines"][2]["UsageType"], "APN2-PublicIPv4:InUseAddress");
  for (const char* key : {"UsageType", "ResourceId", "Region", "Description", "Quantity", "Unit",
                          "FreeQuantity", "RateUSD", "AmountUSD", "Estimated"}) {
    EXPECT_TRUE(bill["Lines"][0].contains(key)) << key;
  }
  EXPECT_TRUE(bill["Lines"][0]["AmountUSD"].is_number());
  EXPECT_EQ(bill["Lines"][0]["ResourceId"], web);
  EXPECT_EQ(bill["Lines"][0]["Region"], "ap-northeast-2");
}

TEST_F(BillingVerb, AMonthOrAnyPeriodCanBeBilled) {
  std::string web = Launch();
  Advance(kJanuary + 5 * kDay);  // to 2026-02-06
  EXPECT_EQ(Line(Bill({{"month", "2026-01"}}), "APN2-BoxUsage:t2.micro", web)["Quantity"], 744.0);
  // The current month runs until now: 5 days.
  EXPECT_EQ(Line(Bill({{"month", "2026-02"}}), "APN2-BoxUsage:t2.micro", web)["Quantity"], 120.0);
  json slice = Bill({{"from", "2026-01-10T00:00:00Z"}, {"to", "2026-01-10T06:30:00Z"}});
  EXPECT_EQ(Line(slice, "APN2-BoxUsage:t2.micro", web)["Quantity"], 6.5);
  // A month before anything existed is empty, not an error.
  EXPECT_TRUE(Bill({{"month", "2025-12"}})["Lines"].empty());
}

TEST_F(BillingVerb, BadSpecsGetClearErrors) {
  Advance(kDay);
  EXPECT_NE(BillError({{"from", "2026-01-01T12:00:00Z"}, {"to", "2026-01-01T06:00:00Z"}})
                .find("negative duration"),
            std::string::npos);
  EXPECT_NE(BillError({{"to", "2026-03-01T00:00:00Z"}}).find("after the simulated now"),
            std::string::npos);
  EXPECT_NE(BillError({{"month", "2026-13"}}).find("must look like \"2026-01\""),
            std::string::npos);
  EXPECT_NE(BillError({{"month", "2026-05"}}).find("has not started yet"), std::string::npos);
  EXPECT_NE(BillError({{"month", "2026-01"}, {"from", "2026-01-01T00:00:00Z"}}).find("not both"),
            std::string::npos);
  EXPECT_NE(BillError({{"form", "2026-01-01T00:00:00Z"}}).find("unknown key \"form\""),
            std::string::npos);
  EXPECT_NE(BillError({{"from", "yesterday"}}).find("\"from\""), std::string::npos);
  EXPECT_NE(BillError({{"pricing", "free-for-all"}}).find("unknown pricing policy"),
            std::string::npos);
  EXPECT_NE(BillError({{"region", "mars-north-1"}}).find("Unknown region"), std::string::npos);
  EXPECT_NE(BillError({{"series", 0}}).find("1 to 1000"), std::string::npos);
  EXPECT_EQ(BillError(json::array()).rfind("Ec2sim.InvalidInput", 0), 0u);
}

TEST_F(BillingVerb, TheCostSeriesAddsUpToTheInvoice) {
  std::string web = Launch({{"InstanceType", "r5.8xlarge"}});
  Advance(6 * kHour);
  Call("StopInstances", Ids(web));
  Advance(6 * kHour);
  json bill = Bill({{"series", 12}});
  const json& series = bill["Series"];
  ASSERT_EQ(series["Edges"].size(), 13u);  // 12 one-hour buckets
  EXPECT_EQ(series["Edges"][1], "2026-01-01T01:00:00+00:00");
  const json& compute = series["CostUSD"]["APN2-BoxUsage:r5.8xlarge"];
  ASSERT_EQ(compute.size(), 12u);
  // $2.432 in each of the six running hours, nothing after the stop.
  EXPECT_DOUBLE_EQ(compute[0].get<double>(), 2.432);
  EXPECT_DOUBLE_EQ(compute[5].get<double>(), 2.432);
  EXPECT_DOUBLE_EQ(compute[6].get<double>(), 0.0);
  double sum = 0;
  for (const auto& [type, column] : series["CostUSD"].items()) {
    for (const json& v : column) sum += v.get<double>();
  }
  // 6 x 2.432 + 6 h x $0.005 + 8 GiB x 12 h / 744 h x $0.0912 = 14.592 + 0.03 + 0.011768
  EXPECT_NEAR(sum, 14.633768, 2e-5);  // each bucket is rounded to the micro-USD
  EXPECT_EQ(bill["TotalUSD"], 14.63);
}

TEST_F(BillingVerb, TheSameStoryGivesTheSameBill) {
  auto story = [this] {
    Use(PricingPolicy::kLegacyEip, true);
    std::string a = Launch();
    std::string alloc = Call("AllocateAddress", json::object())["AllocationId"];
    Call("AssociateAddress", {{"AllocationId", alloc}, {"InstanceId", a}});
    Advance(3 * kDay);
    Call("StopInstances", Ids(a));
    Advance(kDay);
    return Bill({{"series", 4}}).dump();
  };
  EXPECT_EQ(story(), story());
}

TEST(BillingScenarioFile, UnknownPricingPolicyIsRejected) {
  auto parsed = ParseScenario(
      R"({"format": 1, "name": "x", "pricing": "free-for-all", "steps": [{"bill": {}}]})",
      "x.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("pricing"), std::string::npos) << parsed.error().message;
}

}  // namespace
}  // namespace ec2sim::testing
