#include "sim/model/cost/onprem.h"

#include <gtest/gtest.h>

namespace ec2sim::cost {
namespace {

// One server-sized unit of demand per step; the hand-worked figures below use round numbers.
LoadProfile Servers(std::vector<std::int64_t> hourly) {
  LoadProfile p;
  p.name = "test";
  p.unit = "servers";
  p.step = kHour;
  p.demand = std::move(hourly);
  return p;
}

OnPremParams RoundNumbers() {
  OnPremParams p;
  p.servers = 1;
  p.purchase_micro_usd = 7'300'000'000;  // USD 7,300
  p.lifetime = 730 * kDay;               // -> USD 10 a day
  p.watts_idle = 100;
  p.watts_busy = 300;
  p.pue_milli = 1500;
  p.electricity_micro_usd_per_kwh = 200'000;  // USD 0.20
  p.rack_units = 1;
  p.colo_micro_usd_per_u_month = 73'000'000;  // USD 73 per 730 h -> USD 0.10 an hour
  p.admin_minutes_per_server_month = 60;
  p.admin_micro_usd_per_hour = 73'000'000;  // 1 h x USD 73 per 730 h -> USD 0.10 an hour
  p.annual_failure_rate_bp = 0;
  p.reorder = false;
  return p;
}

std::int64_t Line(const FleetResult& r, const std::string& name) {
  for (const CostLine& l : r.costs) {
    if (l.name == name) return l.micro_usd;
  }
  ADD_FAILURE() << "no cost line " << name;
  return -1;
}

TEST(OnPremCost, OneBusyServerForADayCostsWhatTheArithmeticSays) {
  FleetResult r = SimulateOnPrem(Servers(std::vector<std::int64_t>(24, 1)), RoundNumbers());
  // depreciation: 7,300 x 1 d / 730 d                       = 10.00
  EXPECT_EQ(Line(r, "depreciation"), 10'000'000);
  // power: 300 W x 24 h = 7.2 kWh; x 1.5 PUE = 10.8 kWh; x 0.20 = 2.16
  EXPECT_EQ(Line(r, "power and cooling"), 2'160'000);
  // colocation: 73 x 24 h / 730 h                           =  2.40
  EXPECT_EQ(Line(r, "colocation"), 2'400'000);
  // admin: 1 h x 73 x 24 h / 730 h                          =  2.40
  EXPECT_EQ(Line(r, "admin"), 2'400'000);
  EXPECT_EQ(Line(r, "repairs"), 0);
  // total                                                   = 16.96
  EXPECT_EQ(r.total_micro_usd, 16'960'000);
  EXPECT_EQ(r.idle_micro_usd, 0);  // busy all day
  EXPECT_EQ(r.cumulative.back().amortized_micro_usd, r.total_micro_usd);
  // Cash: the whole server at the start, then the running costs (6.96).
  EXPECT_EQ(r.cumulative.front().cash_micro_usd, 7'300'000'000);
  EXPECT_EQ(r.cumulative.back().cash_micro_usd, 7'306'960'000);
}

TEST(OnPremCost, AnIdleServerDrawsLessPowerButCostsTheSameOtherwise) {
  std::vector<std::int64_t> half(24, 0);
  for (int h = 0; h < 12; ++h) half[h] = 1;
  FleetResult r = SimulateOnPrem(Servers(half), RoundNumbers());
  // power: 12 h x 300 W + 12 h x 100 W = 4.8 kWh; x 1.5 = 7.2 kWh; x 0.20 = 1.44
  EXPECT_EQ(Line(r, "power and cooling"), 1'440'000);
  // total: 10 + 1.44 + 2.40 + 2.40 = 16.24; idle half the time -> 8.12 paid for nothing
  EXPECT_EQ(r.total_micro_usd, 16'240'000);
  EXPECT_EQ(r.idle_micro_usd, 8'120'000);
}

TEST(OnPremCost, DemandAboveTheFixedFleetGoesUnserved) {
  OnPremParams p = RoundNumbers();
  p.servers = 2;
  FleetResult r = SimulateOnPrem(Servers({1, 3, 3, 1}), p);
  // Hours 1 and 2 need 3 servers and have 2: 1 unit unserved for 2 h.
  EXPECT_EQ(r.usage.unserved, 2 * kHour);
  EXPECT_EQ(r.usage.peak_unserved_units, 1);
  EXPECT_EQ(r.usage.unserved_time, 2 * kHour);
  EXPECT_EQ(r.usage.demand, 8 * kHour);
  EXPECT_EQ(r.servers_ordered, 0);  // reordering is off
}

TEST(OnPremCost, AFailureTakesAServerAwayUntilItIsRepaired) {
  OnPremParams p = RoundNumbers();
  p.servers = 2;
  p.repair_micro_usd = 100'000'000;
  LoadProfile profile = Servers(std::vector<std::int64_t>(10, 2));
  profile.failures = {{3 * kHour, 4 * kHour}};
  FleetResult r = SimulateOnPrem(profile, p);
  EXPECT_EQ(r.serving_units, (Timeline{{0, 2}, {3 * kHour, 1}, {7 * kHour, 2}}));
  EXPECT_EQ(r.provisioned_units, (Timeline{{0, 2}}));  // the broken server is still paid for
  EXPECT_EQ(r.usage.unserved, 4 * kHour);              // 1 unit for the 4 h of repair
  EXPECT_EQ(r.failures, 1);
  EXPECT_EQ(Line(r, "repairs"), 100'000'000);
}

TEST(OnPremCost, OrderedServersArriveOnlyAfterTheLeadTime) {
  OnPremParams p = RoundNumbers();
  p.reorder = true;
  p.lead_time = 10 * kHour;
  std::vector<std::int64_t> demand(48, 3);
  demand[0] = demand[1] = 1;
  FleetResult r = SimulateOnPrem(Servers(demand), p);
  // At 2 h demand needs 3 servers: 2 are ordered and serve from 12 h; until then 2 units go
  // unserved for 10 h.
  EXPECT_EQ(r.servers_ordered, 2);
  EXPECT_EQ(r.provisioned_units, (Timeline{{0, 1}, {12 * kHour, 3}}));
  EXPECT_EQ(r.usage.unserved, 20 * kHour);
  EXPECT_EQ(r.purchases_micro_usd, 3 * 7'300'000'000);
  // Bought at 2 h (cash), depreciated only from 12 h on (amortized).
  EXPECT_EQ(r.cumulative[2].purchases_micro_usd, 3 * 7'300'000'000);
  EXPECT_EQ(r.cumulative[1].purchases_micro_usd, 7'300'000'000);
}

TEST(OnPremCost, RandomFailuresDependOnlyOnTheSeed) {
  OnPremParams p = RoundNumbers();
  p.servers = 20;
  p.annual_failure_rate_bp = 10'000;  // 100 % a year: about 20 x 90 / 365 = 4.9 in 90 days
  p.seed = 42;
  LoadProfile profile = Servers(std::vector<std::int64_t>(24 * 90, 20));
  FleetResult a = SimulateOnPrem(profile, p);
  FleetResult b = SimulateOnPrem(profile, p);
  EXPECT_EQ(a.serving_units, b.serving_units);
  EXPECT_GT(a.failures, 0);
  EXPECT_GT(a.usage.unserved, 0);  // sized exactly for the load, so any failure shows
  p.seed = 43;
  FleetResult c = SimulateOnPrem(profile, p);
  EXPECT_NE(a.serving_units, c.serving_units);
}

TEST(OnPremCost, RejectsImpossibleParameters) {
  OnPremParams p;
  p.watts_busy = 50;  // below idle
  EXPECT_FALSE(ValidateOnPrem(p).ok());
  p = {};
  p.pue_milli = 900;
  EXPECT_FALSE(ValidateOnPrem(p).ok());
  p = {};
  p.lifetime = 0;
  EXPECT_FALSE(ValidateOnPrem(p).ok());
  p = {};
  p.annual_failure_rate_bp = 10'001;
  EXPECT_FALSE(ValidateOnPrem(p).ok());
  EXPECT_TRUE(ValidateOnPrem(OnPremParams{}).ok());
}

}  // namespace
}  // namespace ec2sim::cost
