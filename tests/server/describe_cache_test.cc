// The endpoint's Describe cache: an answer is reused only while the account's state version is
// unchanged (and, for DescribeInstanceStatus, while the simulated time is too, as long as a check
// is initializing), so a poll after any change sees the change, and cached answers equal fresh
// ones.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "sim/server/ec2_endpoint.h"
#include "sim/server/server_clock.h"
#include "sim/server/shared_world.h"

namespace ec2sim::server {
namespace {

constexpr const char* kAuth =
    "AWS4-HMAC-SHA256 Credential=111122223333/20260101/ap-northeast-2/ec2/aws4_request, "
    "SignedHeaders=host, Signature=0";

HttpRequest Form(const std::string& body) {
  HttpRequest r;
  r.method = "POST";
  r.path = "/";
  r.raw_path = "/";
  r.content_type = "application/x-www-form-urlencoded; charset=utf-8";
  r.authorization = kAuth;
  r.body = body + "&Version=2016-11-15";
  return r;
}

// The body without its request id, which differs on every answer.
std::string WithoutRequestId(std::string body) {
  std::size_t open = body.find("<requestId>");
  std::size_t close = body.find("</requestId>");
  if (open != std::string::npos && close != std::string::npos) body.erase(open, close - open);
  return body;
}

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class DescribeCache : public ::testing::TestWithParam<bool> {
 protected:
  DescribeCache()
      : clock_(1767225600000, ClockMode::kManual, 1),
        world_(options_, clock_),
        endpoint_(world_, "us-east-1") {
    endpoint_.set_response_cache(GetParam());
  }
  HttpResponse Send(const std::string& body) { return endpoint_.Handle(Form(body)); }
  std::string Describe() {
    HttpResponse r = Send("Action=DescribeInstances");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body;
  }
  void Launch() {
    HttpResponse r = Send(
        "Action=RunInstances&ImageId=ami-0c9c942bd7bf113a2&InstanceType=t2.micro&MinCount=1"
        "&MaxCount=1");
    ASSERT_EQ(r.status, 200) << r.body;
  }

  SandboxOptions options_{.timing = Timing::kInstant};
  ServerClock clock_;
  SharedWorld world_;
  Ec2Endpoint endpoint_;
};

TEST_P(DescribeCache, RepeatedPollsAnswerTheSameWithFreshRequestIds) {
  Launch();
  std::string first = Describe();
  std::string second = Describe();
  EXPECT_NE(first, second);  // request ids differ
  EXPECT_EQ(WithoutRequestId(first), WithoutRequestId(second));
  EXPECT_EQ(Count(first, "<instanceId>"), 1);
}

TEST_P(DescribeCache, APollAfterAChangeSeesTheChange) {
  Launch();
  EXPECT_EQ(Count(Describe(), "<instanceId>"), 1);
  Launch();
  EXPECT_EQ(Count(Describe(), "<instanceId>"), 2);
  std::string before = Describe();
  HttpResponse tag =
      Send("Action=CreateTags&ResourceId.1=" + before.substr(before.find("<instanceId>") + 12, 19) +
           "&Tag.1.Key=Name&Tag.1.Value=web");
  ASSERT_EQ(tag.status, 200) << tag.body;
  EXPECT_EQ(Count(Describe(), "<value>web</value>"), 1);
}

TEST_P(DescribeCache, OtherParametersAndAccountsAreNotConfused) {
  Launch();
  std::string all = Describe();
  std::string filtered = Send(
                             "Action=DescribeInstances&Filter.1.Name=instance-state-name"
                             "&Filter.1.Value.1=stopped")
                             .body;
  EXPECT_EQ(Count(all, "<instanceId>"), 1);
  EXPECT_EQ(Count(filtered, "<instanceId>"), 0);
  HttpRequest other = Form("Action=DescribeInstances");
  other.authorization =
      "AWS4-HMAC-SHA256 Credential=444455556666/20260101/ap-northeast-2/ec2/aws4_request, "
      "SignedHeaders=host, Signature=0";
  EXPECT_EQ(Count(endpoint_.Handle(other).body, "<instanceId>"), 0);
}

INSTANTIATE_TEST_SUITE_P(CacheOnAndOff, DescribeCache, ::testing::Bool());

// DescribeInstanceStatus under realistic timing (docs/model.md): a launched instance runs 12 s
// after RunInstances and its status checks report "initializing" for 2 minutes after that.
// Every answer is compared with one rendered by a second endpoint that never caches.
class StatusCache : public ::testing::TestWithParam<bool> {
 protected:
  static constexpr Duration kLaunch = 12 * kSecond;
  static constexpr Duration kChecks = 2 * kMinute;

  StatusCache()
      : clock_(options_.start, ClockMode::kManual, 1),
        world_(options_, clock_),
        endpoint_(world_, "us-east-1"),
        uncached_(world_, "us-east-1") {
    endpoint_.set_response_cache(GetParam());
    uncached_.set_response_cache(false);
  }

  // The endpoint's answer to DescribeInstanceStatus with `extra` parameters, after checking it
  // equals a fresh rendering at the same state and time.
  std::string Status(const std::string& extra = "") {
    const std::string body = "Action=DescribeInstanceStatus" + extra;
    HttpResponse r = endpoint_.Handle(Form(body));
    EXPECT_EQ(r.status, 200) << r.body;
    HttpResponse fresh = uncached_.Handle(Form(body));
    EXPECT_EQ(WithoutRequestId(r.body), WithoutRequestId(fresh.body));
    return r.body;
  }
  std::string Launch() {
    HttpResponse r = endpoint_.Handle(
        Form("Action=RunInstances&ImageId=ami-0c9c942bd7bf113a2&InstanceType=t2.micro"
             "&MinCount=1&MaxCount=1"));
    EXPECT_EQ(r.status, 200) << r.body;
    std::size_t at = r.body.find("<instanceId>");
    return at == std::string::npos ? "" : r.body.substr(at + 12, 19);
  }
  // The world's state version with the world caught up to the server clock, as a request sees.
  std::uint64_t Version() {
    return world_.With("111122223333", [](Sandbox& s) { return s.StateVersion(); });
  }

  SandboxOptions options_{.timing = Timing::kRealistic};
  ServerClock clock_;
  SharedWorld world_;
  Ec2Endpoint endpoint_;
  Ec2Endpoint uncached_;
};

TEST_P(StatusCache, ChecksMoveFromInitializingToOkWhenTimeAdvancesAtTheSameStateVersion) {
  Launch();
  clock_.Advance(kLaunch);  // the launch event runs: the instance is running, checks start
  std::string starting = Status();
  EXPECT_EQ(Count(starting, "<instanceId>"), 1);
  EXPECT_EQ(Count(starting, "<status>initializing</status>"), 4) << starting;  // 2 checks
  EXPECT_EQ(WithoutRequestId(Status()), WithoutRequestId(starting));  // same time: same answer
  const std::uint64_t version = Version();

  clock_.Advance(kChecks - 1);
  ASSERT_EQ(Version(), version);
  EXPECT_EQ(Count(Status(), "<status>initializing</status>"), 4) << "1 ms before the checks pass";

  clock_.Advance(1);
  ASSERT_EQ(Version(), version) << "no simulated event marks the checks passing";
  std::string ready = Status();
  EXPECT_EQ(Count(ready, "initializing"), 0) << ready;
  EXPECT_EQ(Count(ready, "<status>ok</status>"), 2) << ready;
  EXPECT_EQ(Count(ready, "<status>passed</status>"), 2) << ready;
}

TEST_P(StatusCache, PassedChecksStayPassedAndAStateChangeStillShows) {
  std::string id = Launch();
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(Count(Status(), "<instanceId>"), 0) << "pending instances are left out by default";
  std::string pending = Status("&IncludeAllInstances=true");
  EXPECT_EQ(Count(pending, "<name>pending</name>"), 1) << pending;
  EXPECT_EQ(Count(pending, "<status>not-applicable</status>"), 2) << pending;

  clock_.Advance(kLaunch + kChecks);
  std::string ready = Status();
  EXPECT_EQ(Count(ready, "<status>ok</status>"), 2) << ready;
  const std::uint64_t version = Version();
  clock_.Advance(kHour);  // later polls at the same version keep the passed checks
  ASSERT_EQ(Version(), version);
  EXPECT_EQ(WithoutRequestId(Status()), WithoutRequestId(ready));

  HttpResponse stop = endpoint_.Handle(Form("Action=StopInstances&InstanceId.1=" + id));
  ASSERT_EQ(stop.status, 200) << stop.body;
  EXPECT_EQ(Count(Status(), "<instanceId>"), 0) << "a stopping instance is left out by default";
  std::string stopping = Status("&IncludeAllInstances=true");
  EXPECT_EQ(Count(stopping, "<name>stopping</name>"), 1) << stopping;
  EXPECT_EQ(Count(stopping, "<status>ok</status>"), 0) << stopping;
}

INSTANTIATE_TEST_SUITE_P(CacheOnAndOff, StatusCache, ::testing::Bool());

}  // namespace
}  // namespace ec2sim::server
