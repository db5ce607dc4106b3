// CPU credits of burstable instances under the load the `cpu` verb declares, and the surplus
// credits unlimited mode bills, against hand-worked amounts. One CPU credit is one vCPU at 100%
// for one minute; surplus credits cost $0.05 per vCPU-hour (60 credits) for T2, T3 and T3a.
// Figures per type: sim/model/data/burstable_credits.csv (EC2 User Guide, "CPU credits and
// baseline utilization"). The sandbox starts 2026-01-01T00:00:00Z, on an hour, in instant timing.
#include <gtest/gtest.h>

#include "tests/billing/billing_test_support.h"

namespace ec2sim::testing {
namespace {

constexpr const char* kCredits = "APN2-CPUCredits:t3";

class CpuCreditBilling : public BillingTest {
 protected:
  json Cpu(const std::string& id, int percent) {
    Result<json> r = sandbox_->Cpu({{"instance", id}, {"percent", percent}}, ctx_);
    if (!r.ok()) {
      ADD_FAILURE() << "cpu failed: " << r.error().message;
      return json::object();
    }
    return *r;
  }
  std::string CpuError(const json& spec) {
    Result<json> r = sandbox_->Cpu(spec, ctx_);
    if (r.ok()) return "ok";
    return std::string(AwsCode(r.error().code));
  }
  std::string Busy(const std::string& type, int percent) {
    std::string id = Launch({{"InstanceType", type}});
    Cpu(id, percent);
    return id;
  }
};

TEST_F(CpuCreditBilling, ABusyT3MicroForADayPaysTwentyFourVcpuHoursOfSurplus) {
  std::string id = Busy("t3.micro", 60);
  Advance(24 * kHour);
  Call("TerminateInstances", Ids(id));
  json bill = Bill();
  json line = Line(bill, kCredits, id);
  ASSERT_FALSE(line.is_null()) << bill.dump(1);
  // t3.micro: 2 vCPUs, baseline 10% each, earns 12 credits an hour, holds at most 288 (24 h).
  // At 60% it spends 2 x 0.60 x 60 = 72 credits an hour: 12 earned, 60 surplus. Launched in
  // unlimited mode (T3's default) with no credits, so after 24 h it spent 24 x 60 = 1,440
  // surplus credits: 1,152 beyond the 288 it may owe were charged at the hours' ends, the 288
  // it still owed when it terminated. 1,440 vCPU-minutes = 24 vCPU-hours x $0.05 = $1.20, almost
  // four times the instance's own 24 h x $0.013 = $0.312.
  EXPECT_EQ(line["Quantity"], 24);
  EXPECT_EQ(line["Unit"], "vCPU-Hours");
  EXPECT_EQ(line["RateUSD"], 0.05);
  EXPECT_EQ(line["AmountUSD"], 1.2);
  EXPECT_EQ(Line(bill, "APN2-BoxUsage:t3.micro", id)["AmountUSD"], 0.31);
}

TEST_F(CpuCreditBilling, SurplusBeyondADaysEarningsIsChargedHourlyTheRestWhenItStops) {
  std::string id = Busy("t3.micro", 60);
  Advance(24 * kHour);
  json now = Cpu(id, 60);
  // The 288 credits it may owe stay owed while it runs; the 1,152 beyond them were charged
  // (19.2 vCPU-hours, $0.96).
  EXPECT_EQ(now["CpuCredits"], "unlimited");
  EXPECT_EQ(now["CPUCreditBalance"], 0);
  EXPECT_EQ(now["CPUSurplusCreditBalance"], 288);
  EXPECT_EQ(now["CPUSurplusCreditsCharged"], 1152);
  EXPECT_EQ(Line(Bill(), kCredits, id)["AmountUSD"], 0.96);
}

TEST_F(CpuCreditBilling, StandardModeIsThrottledAtTheBaselineAndNeverCharged) {
  std::string id =
      Launch({{"InstanceType", "t3.micro"}, {"CreditSpecification", {{"CpuCredits", "standard"}}}});
  json now = Cpu(id, 100);
  EXPECT_EQ(now["CpuCredits"], "standard");
  Advance(24 * kHour);
  Call("StopInstances", Ids(id));
  EXPECT_EQ(CountLines(Bill(), kCredits), 0);
}

TEST_F(CpuCreditBilling, EarningsBelowTheBaselineAccrueUpToADaysWorth) {
  std::string id = Busy("t3.micro", 5);
  Advance(10 * kHour);
  // 12 earned - 2 x 0.05 x 60 = 6 spent: 6 credits an hour, 60 after 10 h.
  EXPECT_EQ(Cpu(id, 0)["CPUCreditBalance"], 60);
  Advance(48 * kHour);
  // At 0% it earns 12 an hour but holds at most 24 h of earnings: 288.
  EXPECT_EQ(Cpu(id, 0)["CPUCreditBalance"], 288);
}

TEST_F(CpuCreditBilling, T2StandardSpendsItsLaunchCreditsFirst) {
  std::string id = Busy("t2.micro", 100);
  Advance(20 * kMinute);
  // t2.micro: 1 vCPU, 30 launch credits, earns 6 an hour. 20 minutes at 100% spent 20 of the
  // launch credits while it earned 2: 10 + 2 = 12.
  json now = Cpu(id, 100);
  EXPECT_EQ(now["CpuCredits"], "standard");
  EXPECT_EQ(now["CPUCreditBalance"], 12);
  EXPECT_EQ(now["BaselinePercent"], 10);
  EXPECT_EQ(now["CreditsEarnedPerHour"], 6);
}

TEST_F(CpuCreditBilling, EarningsPayBackSurplusBeforeItIsCharged) {
  std::string id = Busy("t3.micro", 60);
  Advance(2 * kHour);  // 120 surplus credits
  Cpu(id, 0);
  Advance(10 * kHour);  // 12 an hour pay them back
  EXPECT_EQ(Cpu(id, 0)["CPUSurplusCreditBalance"], 0);
  Call("TerminateInstances", Ids(id));
  EXPECT_EQ(CountLines(Bill(), kCredits), 0);
}

TEST_F(CpuCreditBilling, SwitchingToStandardChargesTheSurplusOwed) {
  std::string id = Busy("t3.micro", 60);
  Advance(2 * kHour);  // 120 surplus credits = 2 vCPU-hours
  Call("ModifyInstanceCreditSpecification",
       {{"InstanceCreditSpecifications", {{{"InstanceId", id}, {"CpuCredits", "standard"}}}}});
  Advance(kHour);
  json line = Line(Bill(), kCredits, id);
  ASSERT_FALSE(line.is_null());
  EXPECT_EQ(line["Quantity"], 2);
  EXPECT_EQ(line["AmountUSD"], 0.1);
}

TEST_F(CpuCreditBilling, BadCpuStepsAreRefused) {
  std::string id = Launch({{"InstanceType", "t3.micro"}});
  EXPECT_EQ(CpuError({{"instance", id}, {"percent", 101}}), "InvalidParameterValue");
  EXPECT_EQ(CpuError({{"instance", id}, {"percent", 12.5}}), "InvalidParameterValue");
  EXPECT_EQ(CpuError({{"instance", id}}), "MissingParameter");
  EXPECT_EQ(CpuError({{"percent", 5}}), "MissingParameter");
  EXPECT_EQ(CpuError({{"instance", id}, {"percent", 5}, {"cores", 2}}), "UnknownParameter");
  EXPECT_EQ(CpuError({{"instance", "i-0123456789abcdef0"}, {"percent", 5}}),
            "InvalidInstanceID.NotFound");
  Call("TerminateInstances", Ids(id));
  EXPECT_EQ(CpuError({{"instance", id}, {"percent", 5}}), "IncorrectInstanceState");
}

TEST_F(CpuCreditBilling, ALoadAndItsBillSurviveReplay) {
  // Record every operation with the time it ran, replay them on a fresh sandbox: same bill.
  std::vector<std::pair<SimTime, json>> ops;
  sandbox_->SetRecorder(
      [&](const json& op, const Result<json>&) { ops.emplace_back(sandbox_->Now(), op); });
  std::string id = Busy("t3.micro", 60);
  Advance(30 * kHour);
  Call("StopInstances", Ids(id));
  json before = Bill();
  ASSERT_FALSE(Line(before, kCredits, id).is_null());
  EXPECT_EQ(Line(before, kCredits, id)["AmountUSD"], 1.5);  // 30 h x 60 credits = 30 vCPU-h

  Sandbox again(sandbox_->options());
  for (const auto& [at, op] : ops) {
    if (at > again.Now()) again.Advance(at - again.Now());
    ASSERT_TRUE(again.Replay(op).ok()) << op.dump();
  }
  again.Advance(sandbox_->Now() - again.Now());
  Result<json> after = again.Bill(json::object(), ctx_);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after, before);
}

}  // namespace
}  // namespace ec2sim::testing
