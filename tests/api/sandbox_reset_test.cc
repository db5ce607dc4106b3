// Sandbox::ResetAccount and the recording of operations for replay (the API server's reset
// route and journal).
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

constexpr const char* kAlice = "123456789012";  // the fixture's account
constexpr const char* kBob = "222233334444";

class ResetAccountTest : public SandboxTest {
 protected:
  // Runs `fn` as Bob, then switches back to Alice.
  template <typename Fn>
  auto AsBob(Fn&& fn) {
    ctx_.account = kBob;
    auto result = fn();
    ctx_.account = kAlice;
    return result;
  }
  std::string PublicIp(const std::string& instance_id) {
    return Describe(instance_id).value("PublicIpAddress", "");
  }
};

TEST_F(ResetAccountTest, ForgetsEveryResourceOfTheAccountAndNothingOfAnother) {
  std::string web = Launch();
  Call("CreateKeyPair", {{"KeyName", "mine"}});
  json eip = Call("AllocateAddress", {{"Domain", "vpc"}});
  Call("AssociateAddress", {{"AllocationId", eip["AllocationId"]}, {"InstanceId", web}});
  std::string bobs = AsBob([&] { return Launch(); });
  std::string bobs_ip = AsBob([&] { return PublicIp(bobs); });

  EXPECT_TRUE(sandbox_->ResetAccount(kAlice));
  EXPECT_EQ(Call("DescribeInstances")["Reservations"], json::array());
  EXPECT_EQ(Call("DescribeKeyPairs")["KeyPairs"], json::array());
  EXPECT_EQ(Call("DescribeAddresses")["Addresses"], json::array());
  EXPECT_EQ(ErrorOf("TerminateInstances", {{"InstanceIds", {web}}}), "InvalidInstanceID.NotFound");
  AsBob([&] {
    EXPECT_EQ(Describe(bobs)["State"]["Name"], "running");
    EXPECT_EQ(PublicIp(bobs), bobs_ip);
    return 0;
  });
  EXPECT_FALSE(sandbox_->ResetAccount("999999999999"));
}

TEST_F(ResetAccountTest, GivesTheAccountsPublicAddressesBackToThePool) {
  std::string web = Launch();
  std::string auto_ip = PublicIp(web);
  std::string eip = Call("AllocateAddress", {{"Domain", "vpc"}})["PublicIp"];
  // Held by Alice, neither can be recovered by anyone else.
  AsBob([&] {
    EXPECT_EQ(ErrorOf("AllocateAddress", {{"Domain", "vpc"}, {"Address", eip}}),
              "InvalidAddress.NotFound");
    EXPECT_EQ(ErrorOf("AllocateAddress", {{"Domain", "vpc"}, {"Address", auto_ip}}),
              "InvalidAddress.NotFound");
    return 0;
  });
  ASSERT_TRUE(sandbox_->ResetAccount(kAlice));
  AsBob([&] {
    EXPECT_EQ(Call("AllocateAddress", {{"Domain", "vpc"}, {"Address", eip}})["PublicIp"], eip);
    EXPECT_EQ(Call("AllocateAddress", {{"Domain", "vpc"}, {"Address", auto_ip}})["PublicIp"],
              auto_ip);
    return 0;
  });
}

TEST_F(ResetAccountTest, ForgetsTheAccountsBill) {
  Launch();
  sandbox_->Advance(3 * kHour);
  Result<json> before = sandbox_->Bill(json::object(), ctx_);
  ASSERT_TRUE(before.ok());
  EXPECT_GT((*before)["TotalUSD"].get<double>(), 0.0);
  ASSERT_TRUE(sandbox_->ResetAccount(kAlice));
  Result<json> after = sandbox_->Bill(json::object(), ctx_);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ((*after)["TotalUSD"], 0.0);
  EXPECT_EQ((*after)["Lines"], json::array());
}

TEST_F(ResetAccountTest, PendingTransitionsOfADroppedAccountComeToNothing) {
  Reset({.seed = 3, .timing = Timing::kRealistic});
  std::string starting = Launch(json::object(), /*wait_running=*/false);
  std::string ending = Launch();
  Call("TerminateInstances", {{"InstanceIds", {ending}}});
  sandbox_->Advance(30 * kSecond);  // terminated; its purge is an hour away
  ASSERT_TRUE(sandbox_->ResetAccount(kAlice));
  sandbox_->Advance(2 * kHour);  // the launch completion and the purge fall due
  EXPECT_EQ(Call("DescribeInstances")["Reservations"], json::array());
  EXPECT_EQ(ErrorOf("DescribeInstances", {{"InstanceIds", {starting}}}),
            "InvalidInstanceID.NotFound");
}

TEST_F(ResetAccountTest, StopAndStartTransitionsOfADroppedAccountComeToNothing) {
  Reset({.seed = 4, .timing = Timing::kRealistic});
  std::string stopping = Launch();
  std::string starting = Launch();
  Call("StopInstances", {{"InstanceIds", {starting}}});
  sandbox_->Advance(kMinute);  // stopped
  Call("StartInstances", {{"InstanceIds", {starting}}});
  Call("StopInstances", {{"InstanceIds", {stopping}}});
  ASSERT_TRUE(sandbox_->ResetAccount(kAlice));
  sandbox_->Advance(kMinute);  // both transitions would have fallen due
  EXPECT_EQ(Call("DescribeInstances")["Reservations"], json::array());
  // The account starts over: a new instance is billed alone, from its own launch.
  std::string fresh = Launch();
  sandbox_->Advance(kHour);
  Result<json> bill = sandbox_->Bill(json::object(), ctx_);
  ASSERT_TRUE(bill.ok());
  int compute_lines = 0;
  for (const json& line : (*bill)["Lines"]) {
    if (line["UsageType"].get<std::string>().find("BoxUsage") == std::string::npos) continue;
    ++compute_lines;
    EXPECT_EQ(line["ResourceId"], fresh);
  }
  EXPECT_EQ(compute_lines, 1);
}

TEST_F(ResetAccountTest, ReplayingTheRecordedOperationsRebuildsTheSameState) {
  Reset({.seed = 11, .timing = Timing::kRealistic});
  std::vector<std::pair<SimTime, json>> log;
  sandbox_->SetRecorder(
      [&](const json& op, const Result<json>&) { log.emplace_back(sandbox_->Now(), op); });
  std::string web = Launch();
  Call("DescribeInstances");                    // an existing scope: not recorded
  AsBob([&] { return Call("DescribeVpcs"); });  // opens Bob's region: recorded
  Call("CreateKeyPair", {{"KeyName", "k"}});
  Call("StopInstances", {{"InstanceIds", {web}}});
  sandbox_->Advance(kMinute);
  EXPECT_EQ(ErrorOf("StartInstances", {{"InstanceIds", {"i-0123456789abcdef0"}}}),
            "InvalidInstanceID.NotFound");
  ASSERT_TRUE(sandbox_->ResetAccount(kBob));

  std::vector<std::string> ops;
  for (const auto& [t, op] : log) ops.push_back(op.value("action", op["op"].get<std::string>()));
  EXPECT_EQ(ops, (std::vector<std::string>{"RunInstances", "DescribeVpcs", "CreateKeyPair",
                                           "StopInstances", "StartInstances", "reset_account"}));

  Sandbox copy(sandbox_->options());
  for (const auto& [t, op] : log) {
    if (t > copy.Now()) copy.Advance(t - copy.Now());
    (void)copy.Replay(op);
  }
  copy.Advance(sandbox_->Now() - copy.Now());
  EXPECT_EQ(copy.Snapshot(kAlice), sandbox_->Snapshot(kAlice));
  EXPECT_EQ(copy.Accounts(), sandbox_->Accounts());
  EXPECT_EQ(copy.Replay(json{{"op", "unknown"}, {"account", kAlice}}).error().code,
            ErrorCode::kSimInvalidInput);
}

}  // namespace
}  // namespace ec2sim::testing
