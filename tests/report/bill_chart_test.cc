// The picture of `ec2sim bill --svg`, drawn from a ledger fed with the events the model emits.
#include "sim/report/bill_chart.h"

#include <gtest/gtest.h>

#include "sim/model/billing/ledger.h"
#include "tests/report/xml_check.h"

namespace ec2sim::billing {
namespace {

using report::ChartDataOf;
using report::CostChartData;
using report::RenderCostChart;

using Kind = model::ResourceEvent::Kind;

TEST(BillingCostChart, IsWellFormedSvgWithLabelledAxesAndOneBandPerUsageType) {
  model::World world(SandboxOptions{.timing = Timing::kInstant});
  Ledger ledger(world);
  const std::string account = "123456789012";
  auto emit = [&](Kind kind, const char* id, std::uint64_t serial, const char* detail,
                  const char* detail2, int size_gib = 0) {
    world.Emit({.kind = kind,
                .account = account,
                .region = "ap-northeast-2",
                .resource_id = id,
                .detail = detail,
                .detail2 = detail2,
                .serial = serial,
                .size_gib = size_gib});
  };
  emit(Kind::kVolumeCreated, "vol-1", 1, "gp3", "", 8);
  emit(Kind::kInstanceState, "i-1", 2, "running", "t2.micro");
  world.sim().Advance(6 * kHour);
  emit(Kind::kInstanceState, "i-1", 2, "stopped", "t2.micro");
  world.sim().Advance(6 * kHour);
  BillRequest request{account, world.options().start, world.now(), "", std::nullopt};
  auto series = ledger.Series(request, 12);
  auto invoice = ledger.Bill(request);
  ASSERT_TRUE(series.ok() && invoice.ok());
  CostChartData data = ChartDataOf(*series, account, invoice->total_cents());
  ASSERT_EQ(data.costs.size(), 2u);  // compute and storage
  // 6 h x $0.0144 = $0.0864 of compute, $0.0144 in each of the first six hourly buckets.
  EXPECT_DOUBLE_EQ(data.costs[0].second[0], 0.0144);
  std::string svg = RenderCostChart(data);
  EXPECT_EQ(testing::XmlWellFormednessError(svg), "");
  EXPECT_NE(svg.find("cumulative cost (USD)"), std::string::npos);
  EXPECT_NE(svg.find("cost per 1h (USD)"), std::string::npos);
  EXPECT_NE(svg.find("APN2-BoxUsage:t2.micro"), std::string::npos);
  EXPECT_NE(svg.find("APN2-EBS:VolumeUsage.gp3"), std::string::npos);
}

TEST(BillingCostChart, AnEmptyBillStillDrawsAValidPicture) {
  CostChartData empty;
  empty.account = "123456789012";
  EXPECT_EQ(testing::XmlWellFormednessError(RenderCostChart(empty)), "");
}

}  // namespace
}  // namespace ec2sim::billing
