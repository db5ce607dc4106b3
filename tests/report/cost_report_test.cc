#include "sim/report/cost_report.h"

#include <gtest/gtest.h>

namespace ec2sim::report {
namespace {

TEST(CostReport, UsdIsRoundedHalfUpToTheCentAndGrouped) {
  EXPECT_EQ(FormatUsd(0), "$0.00");
  EXPECT_EQ(FormatUsd(4'999), "$0.00");
  EXPECT_EQ(FormatUsd(5'000), "$0.01");  // half a cent rounds up
  EXPECT_EQ(FormatUsd(10'493'333), "$10.49");
  EXPECT_EQ(FormatUsd(1'234'567'890'000), "$1,234,567.89");
  EXPECT_EQ(FormatUsd(-2'500'000), "-$2.50");
}

// The hand-worked cloud fleet of CloudCost.FleetFollowsTheLoad... seen through the report.
cost::Comparison Example() {
  cost::LoadProfile p;
  p.name = "example";
  p.demand = {1, 1, 3, 3, 1, 1};
  cost::OnPremParams onprem;
  onprem.servers = 2;
  onprem.reorder = false;
  onprem.annual_failure_rate_bp = 0;
  cost::CloudParams cloud;
  cloud.price_micro_usd_per_hour = 1'000'000;
  cloud.target_utilization_percent = 100;
  auto c = cost::Compare(p, onprem, cloud);
  EXPECT_TRUE(c.ok());
  return *c;
}

TEST(CostReport, TableShowsTotalsIdleCostAndUnservedDemand) {
  cost::CloudParams cloud;
  ComparisonTable t = MakeComparisonTable(Example(), cloud);
  EXPECT_NE(t.heading.find("profile example (6h, demand in servers, peak 3)"), std::string::npos);
  auto row = [&](const std::string& name) {
    for (const auto& r : t.rows) {
      if (r[0] == name) return r;
    }
    ADD_FAILURE() << "no row " << name;
    return std::vector<std::string>{"", "", ""};
  };
  EXPECT_EQ(row("total cost")[2], "$10.49");  // 37,776 s at USD 1/h
  EXPECT_EQ(row("cost of idle capacity")[2], "$0.66 (6.3%)");
  // Demand: 1 + 1 + 3 + 3 + 1 + 1 = 10 server-hours.
  // On-premises: 2 servers for demand 3 during 2 h -> 1 x 2 h = 2 unserved, 2 / 10 = 20.0 %.
  EXPECT_EQ(row("unserved demand")[1], "2.00 servers x h (20.0%)");
  // Cloud: 2 units during the 5 min warm-up = 1/6 = 0.17 server-hours, 1.67 % -> 1.7 %.
  EXPECT_EQ(row("unserved demand")[2], "0.17 servers x h (1.7%)");
  EXPECT_EQ(row("events")[2], "2 launches, 2 stops");
  ASSERT_FALSE(t.notes.empty());
  EXPECT_EQ(t.notes[0].rfind("break-even: ", 0), 0u);
}

TEST(CostReport, JsonCarriesTheSameFigures) {
  cost::CloudParams cloud;
  nlohmann::json j = ComparisonJson(Example(), cloud);
  EXPECT_EQ(j["Cloud"]["TotalUSD"], 10.49);
  EXPECT_EQ(j["Cloud"]["IdleCapacityUSD"], 0.66);
  EXPECT_EQ(j["Cloud"]["Launches"], 2);
  EXPECT_EQ(j["OnPremises"]["Servers"], 2);
  EXPECT_EQ(j["OnPremises"]["UnservedUnitHours"], 2.0);
  EXPECT_EQ(j["Profile"]["HorizonHours"], 6);
  EXPECT_TRUE(j["BreakEven"].contains("Kind"));
}

}  // namespace
}  // namespace ec2sim::report
