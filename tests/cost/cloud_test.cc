#include "sim/model/cost/cloud.h"

#include <gtest/gtest.h>

namespace ec2sim::cost {
namespace {

LoadProfile CloudServers(std::vector<std::int64_t> demand, Duration step = kHour) {
  LoadProfile p;
  p.name = "test";
  p.step = step;
  p.demand = std::move(demand);
  return p;
}

CloudParams Simple() {
  CloudParams p;
  p.target_utilization_percent = 100;  // one instance per unit of demand
  p.evaluation_interval = kMinute;
  p.launch_delay = 5 * kMinute;
  p.pending_time = 12 * kSecond;
  p.scale_in_after = 15 * kMinute;
  p.min_instances = 1;
  return p;
}

constexpr std::int64_t kDollarAnHour = 1'000'000;

TEST(CloudCost, FleetFollowsTheLoadAfterTheLaunchDelayAndBillsPerSecond) {
  FleetResult r = SimulateCloud(CloudServers({1, 1, 3, 3, 1, 1}), Simple(), kDollarAnHour);
  // 2 h: two launches; billed from 2h0m12s, serving from 2h5m. 4 h: demand drops; they are
  // stopped after 15 quiet minutes, at 4h15m.
  EXPECT_EQ(r.serving_units,
            (Timeline{{0, 1}, {2 * kHour + 5 * kMinute, 3}, {4 * kHour + 15 * kMinute, 1}}));
  EXPECT_EQ(r.provisioned_units,
            (Timeline{{0, 1}, {2 * kHour + 12 * kSecond, 3}, {4 * kHour + 15 * kMinute, 1}}));
  EXPECT_EQ(r.launches, 2);
  EXPECT_EQ(r.stops, 2);
  // Unserved while the two warm up: 2 units x 5 min.
  EXPECT_EQ(r.usage.unserved, 2 * 5 * kMinute);
  EXPECT_EQ(r.usage.unserved_time, 5 * kMinute);
  // Billed: 6 h = 21,600 s for the first; 4h15m - 2h0m12s = 8,088 s for each of the others.
  // 21,600 + 2 x 8,088 = 37,776 s at USD 1/h = 10.493333... -> 10,493,333 micro-USD.
  EXPECT_EQ(r.total_micro_usd, 10'493'333);
  // Idle: 2 instances billed but warming 2h0m12s..2h5m (288 s each) and 2 surplus instances
  // 4h..4h15m (900 s each): 2 x 288 + 2 x 900 = 2,376 instance-seconds = USD 0.66.
  EXPECT_EQ(r.usage.idle, 2'376 * kSecond);
  EXPECT_EQ(r.idle_micro_usd, 660'000);
  EXPECT_EQ(r.cumulative.back().cash_micro_usd, r.total_micro_usd);
}

TEST(CloudCost, ShortRunsAreBilledTheOneMinuteMinimumAndLongerOnesExactly) {
  CloudParams p = Simple();
  p.evaluation_interval = kSecond;
  p.launch_delay = 0;
  p.pending_time = 0;
  p.scale_in_after = 0;
  const std::int64_t kTenthOfACentASecond = 3'600'000;  // USD 3.60/h = USD 0.001/s
  // 20-second steps: a second instance runs 20 s..40 s, billed as 60 s. The first runs 80 s.
  // 80 + 60 = 140 s x 0.001 = USD 0.14.
  FleetResult short_run =
      SimulateCloud(CloudServers({1, 2, 1, 1}, 20 * kSecond), p, kTenthOfACentASecond);
  EXPECT_EQ(short_run.total_micro_usd, 140'000);
  // 220-second steps: the second instance runs 3 min 40 s, billed as exactly that.
  // 660 + 220 = 880 s x 0.001 = USD 0.88.
  FleetResult long_run =
      SimulateCloud(CloudServers({1, 2, 1}, 220 * kSecond), p, kTenthOfACentASecond);
  EXPECT_EQ(long_run.total_micro_usd, 880'000);
}

TEST(CloudCost, TargetUtilizationLeavesHeadroom) {
  CloudParams p = Simple();
  p.target_utilization_percent = 70;
  // 10 units at 70 % of 1 unit per instance: ceil(10 / 0.7) = ceil(14.29) = 15 instances.
  FleetResult r = SimulateCloud(CloudServers({10, 10}), p, kDollarAnHour);
  EXPECT_EQ(r.provisioned_units, (Timeline{{0, 15}}));
  // 15 instances x 2 h = USD 30, a third of which (5 of 15) is headroom.
  EXPECT_EQ(r.total_micro_usd, 30'000'000);
  EXPECT_EQ(r.idle_micro_usd, 10'000'000);
}

TEST(CloudCost, ABriefDipDoesNotStopInstances) {
  CloudParams p = Simple();
  // Demand dips for 10 minutes, less than the 15 quiet minutes scale-in waits for.
  FleetResult r = SimulateCloud(CloudServers({3, 3, 1, 3, 3, 3}, 10 * kMinute), p, kDollarAnHour);
  EXPECT_EQ(r.stops, 0);
  EXPECT_EQ(r.provisioned_units, (Timeline{{0, 3}}));
}

TEST(CloudCost, PriceComesFromTheCatalogUnlessGiven) {
  CloudParams p;
  p.region = "us-east-1";
  p.instance_type = "m5.large";
  auto price = CloudHourlyPrice(p);
  ASSERT_TRUE(price.ok());
  EXPECT_EQ(*price, 96'000);  // USD 0.096/h, ec2-semantics.md §5.3
  p.price_micro_usd_per_hour = 123;
  EXPECT_EQ(*CloudHourlyPrice(p), 123);
  p.price_micro_usd_per_hour = 0;
  p.instance_type = "m5.huge";
  EXPECT_FALSE(CloudHourlyPrice(p).ok());
}

TEST(CloudCost, RejectsImpossibleParameters) {
  CloudParams p;
  p.target_utilization_percent = 0;
  EXPECT_FALSE(ValidateCloud(p).ok());
  p = {};
  p.launch_delay = -kSecond;
  EXPECT_FALSE(ValidateCloud(p).ok());
  p = {};
  p.pending_time = 10 * kMinute;  // longer than the launch delay
  EXPECT_FALSE(ValidateCloud(p).ok());
  p = {};
  p.min_instances = 5;
  p.max_instances = 2;
  EXPECT_FALSE(ValidateCloud(p).ok());
  EXPECT_TRUE(ValidateCloud(CloudParams{}).ok());
}

}  // namespace
}  // namespace ec2sim::cost
