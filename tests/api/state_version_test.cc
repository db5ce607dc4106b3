// Sandbox::StateVersion: the number a Describe cache keys on must move with every possible state
// change and stay put while nothing can have changed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ec2sim/sandbox.h"

namespace ec2sim {
namespace {

using nlohmann::json;

const CallContext kVersionCtx{"123456789012", "ap-northeast-2"};

json RunOne(Sandbox& sandbox) {
  auto r = sandbox.Call("RunInstances",
                        {{"ImageId", "ami-0c9c942bd7bf113a2"},
                         {"InstanceType", "t2.micro"},
                         {"MinCount", 1},
                         {"MaxCount", 1}},
                        kVersionCtx);
  EXPECT_TRUE(r.ok());
  return r.ok() ? (*r)["Instances"][0] : json();
}

TEST(StateVersion, DescribeCallsLeaveItUnchanged) {
  Sandbox sandbox({.timing = Timing::kInstant});
  RunOne(sandbox);
  std::uint64_t before = sandbox.StateVersion();
  ASSERT_TRUE(sandbox.Call("DescribeInstances", json::object(), kVersionCtx).ok());
  ASSERT_TRUE(sandbox.Call("DescribeAddresses", json::object(), kVersionCtx).ok());
  EXPECT_EQ(sandbox.StateVersion(), before);
}

TEST(StateVersion, EveryMutatingCallChangesItEvenWhenItFails) {
  Sandbox sandbox({.timing = Timing::kInstant});
  std::uint64_t v0 = sandbox.StateVersion();
  RunOne(sandbox);
  std::uint64_t v1 = sandbox.StateVersion();
  EXPECT_NE(v1, v0);
  auto bad =
      sandbox.Call("TerminateInstances", {{"InstanceIds", {"i-0000000000000000f"}}}, kVersionCtx);
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(sandbox.StateVersion(), v1);
}

TEST(StateVersion, SimulatedEventsChangeIt) {
  Sandbox sandbox({.timing = Timing::kRealistic});
  RunOne(sandbox);  // pending: the move to running is a scheduled event
  std::uint64_t pending = sandbox.StateVersion();
  sandbox.Advance(kMinute);
  EXPECT_NE(sandbox.StateVersion(), pending);
  // Nothing left to run: time alone changes nothing a Describe shows.
  std::uint64_t settled = sandbox.StateVersion();
  sandbox.Advance(kMinute);
  EXPECT_EQ(sandbox.StateVersion(), settled);
}

TEST(StateVersion, ProbesChangeIt) {
  Sandbox sandbox({.timing = Timing::kInstant});
  json inst = RunOne(sandbox);
  std::uint64_t before = sandbox.StateVersion();
  auto r = sandbox.Probe(
      {{"from", "203.0.113.7"}, {"to", inst["InstanceId"]}, {"protocol", "tcp"}, {"port", 22}},
      kVersionCtx);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  EXPECT_NE(sandbox.StateVersion(), before);
}

TEST(StateVersion, TwoSandboxesNeverShareAValue) {
  Sandbox a({.timing = Timing::kInstant});
  Sandbox b({.timing = Timing::kInstant});
  EXPECT_NE(a.StateVersion(), b.StateVersion());
  RunOne(a);
  RunOne(b);
  EXPECT_NE(a.StateVersion(), b.StateVersion());
}

}  // namespace
}  // namespace ec2sim
