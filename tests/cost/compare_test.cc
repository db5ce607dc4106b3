#include "sim/model/cost/compare.h"

#include <gtest/gtest.h>

#include "sim/report/cost_charts.h"
#include "tests/report/xml_check.h"

namespace ec2sim::cost {
namespace {

// One unit of demand all day: 1 server or 1 instance. The on-premises fleet costs only its
// purchase and a colocation fee of USD 0.10 an hour; the instance costs USD 1 an hour.
LoadProfile OneServerDay() {
  LoadProfile p;
  p.name = "one";
  p.step = kHour;
  p.demand = std::vector<std::int64_t>(24, 1);
  return p;
}

OnPremParams CheapToRun(std::int64_t purchase_micro_usd) {
  OnPremParams p;
  p.servers = 1;
  p.purchase_micro_usd = purchase_micro_usd;
  p.lifetime = 3650 * kDay;
  p.watts_idle = p.watts_busy = 0;
  p.colo_micro_usd_per_u_month = 73'000'000;  // USD 73 / 730 h = USD 0.10 an hour
  p.admin_minutes_per_server_month = 0;
  p.annual_failure_rate_bp = 0;
  return p;
}

CloudParams DollarAnHour() {
  CloudParams p;
  p.price_micro_usd_per_hour = 1'000'000;
  p.target_utilization_percent = 100;
  return p;
}

TEST(CostBreakEven, FoundWithinTheProfile) {
  // Cash: on-premises 10 + 0.1 t, cloud 1.0 t (t in hours): equal at t = 10 / 0.9 = 11.11 h
  // = 11 h 6 min 40 s.
  auto c = Compare(OneServerDay(), CheapToRun(10'000'000), DollarAnHour());
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->break_even.kind, BreakEven::Kind::kAt);
  EXPECT_EQ(c->break_even.at, 11 * kHour + 6 * kMinute + 40 * kSecond);
}

TEST(CostBreakEven, ExtrapolatedByRepeatingTheProfile) {
  // A USD 100 server: 100 + 0.1 t = t at t = 100 / 0.9 = 111.11 h = 111 h 6 min 40 s, in the
  // fifth repetition of the one-day profile.
  auto c = Compare(OneServerDay(), CheapToRun(100'000'000), DollarAnHour());
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->break_even.kind, BreakEven::Kind::kAt);
  EXPECT_EQ(c->break_even.at, 111 * kHour + 6 * kMinute + 40 * kSecond);
  // The cost chart runs past the break-even: to 1.25 x 111.1 h, rounded up to whole days (6).
  EXPECT_EQ(c->cumulative.back().at, 6 * kDay);
  EXPECT_EQ(c->cumulative.back().cloud_micro_usd, 6 * 24'000'000);
  EXPECT_EQ(c->cumulative.back().onprem_cash_micro_usd, 100'000'000 + 6 * 2'400'000);
}

TEST(CostBreakEven, NeverWhenTheCloudCostsLessThanRunningTheServers) {
  CloudParams cheap = DollarAnHour();
  cheap.price_micro_usd_per_hour = 50'000;  // USD 0.05/h < USD 0.10/h of colocation alone
  auto c = Compare(OneServerDay(), CheapToRun(100'000'000), cheap);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->break_even.kind, BreakEven::Kind::kNever);
}

TEST(CostBreakEven, BeyondTheLifetimeIsReportedAsSuch) {
  OnPremParams p = CheapToRun(100'000'000);
  p.lifetime = 4 * kDay;  // break-even at 111 h is after 96 h
  auto c = Compare(OneServerDay(), p, DollarAnHour());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->break_even.kind, BreakEven::Kind::kBeyondLifetime);
  EXPECT_EQ(c->break_even.at, 111 * kHour + 6 * kMinute + 40 * kSecond);
}

TEST(CostCompare, InvalidInputIsAnErrorNotACrash) {
  LoadProfile empty = OneServerDay();
  empty.demand.clear();
  EXPECT_FALSE(Compare(empty, OnPremParams{}, CloudParams{}).ok());
  LoadProfile negative = OneServerDay();
  negative.demand[3] = -1;
  auto r = Compare(negative, OnPremParams{}, CloudParams{});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("negative"), std::string::npos);
  CloudParams bad_type;
  bad_type.instance_type = "x9.nothing";
  EXPECT_FALSE(Compare(OneServerDay(), OnPremParams{}, bad_type).ok());
}

TEST(CostCompare, BuiltinProfilesRunAndDrawValidSvg) {
  for (const LoadProfile& p : BuiltinProfiles()) {
    auto c = Compare(p, OnPremParams{}, CloudParams{});
    ASSERT_TRUE(c.ok()) << p.name << ": " << c.error().message;
    EXPECT_GT(c->onprem.total_micro_usd, 0) << p.name;
    EXPECT_GT(c->cloud.total_micro_usd, 0) << p.name;
    std::string svg = report::RenderComparisonSvg(*c);
    EXPECT_EQ(ec2sim::testing::XmlWellFormednessError(svg), "") << p.name;
    EXPECT_NE(svg.find(">cost (USD)<"), std::string::npos);
    EXPECT_NE(svg.find(">" + p.unit + "<"), std::string::npos);
  }
}

TEST(CostCompare, LaunchDaySpikeIsCheaperInTheCloudThanAFleetSizedForIt) {
  auto c = Compare(*FindBuiltinProfile("launch-day"), OnPremParams{}, CloudParams{});
  ASSERT_TRUE(c.ok());
  EXPECT_LT(c->cloud.total_micro_usd, c->onprem.total_micro_usd);
  EXPECT_GT(c->onprem.idle_micro_usd * 2, c->onprem.total_micro_usd);  // mostly idle servers
  EXPECT_GT(c->cloud.usage.unserved, 0);  // the spike arrives faster than instances boot
}

}  // namespace
}  // namespace ec2sim::cost
