// The endpoint's Describe cache: an answer is reused only while the account's state version is
// unchanged, so a poll after any change sees the change, and cached answers equal fresh ones.
#include <gtest/gtest.h>

#include <string>

#include "sim/server/account_pool.h"
#include "sim/server/ec2_endpoint.h"
#include "sim/server/server_clock.h"

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
        pool_(options_, clock_),
        endpoint_(pool_, "us-east-1") {
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
  AccountPool pool_;
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

}  // namespace
}  // namespace ec2sim::server
