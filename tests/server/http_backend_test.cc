// The HTTP client's Backend and RemoteConnector against an in-process `ec2sim serve` on a free
// loopback port.
#include "sim/client/http_backend.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "sim/client/connector.h"
#include "sim/client/endpoint.h"
#include "sim/lessons/catalog.h"
#include "sim/lessons/checker.h"
#include "sim/server/api_server.h"
#include "tests/lessons/lesson_fixtures.h"

namespace ec2sim::client {
namespace {

using server::ApiServer;
using server::ClockMode;
using server::ServerOptions;

using nlohmann::json;

constexpr const char* kSeoul = "ap-northeast-2";

// A server for one test: bound before the constructor returns, stopped by the destructor.
class LiveServer {
 public:
  explicit LiveServer(Timing timing = Timing::kInstant) : api_(Options(timing)) {
    Result<int> port = api_.Bind();
    EXPECT_TRUE(port.ok());
    port_ = port.ok() ? *port : 0;
    thread_ = std::thread([this] { api_.Run(); });
    // Stop() before Run() has started listening would be lost, so wait until it answers.
    RemoteConnector probe({.connect_timeout_ms = 200});
    for (int i = 0; i < 500 && !probe.Accounts(url()).ok(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ~LiveServer() {
    api_.Stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  static ServerOptions Options(Timing timing) {
    ServerOptions o;
    o.sandbox.timing = timing;
    o.host = "127.0.0.1";
    o.port = 0;
    o.region = kSeoul;
    o.clock = ClockMode::kManual;
    o.quiet = true;
    o.threads = 4;
    return o;
  }

  ApiServer api_;
  int port_ = 0;
  std::thread thread_;
};

const lessons::Exercise& FirstServerExercise() {
  return lessons::FindLesson(lessons::fixtures::BuiltCourse(), 3)->exercises.front();
}

TEST(HttpBackend, CheckerGradesAnAccountOnARunningServer) {
  LiveServer server;
  RemoteConnector connector;
  auto learner = connector.ForAccessKey(server.url(), "AKIDLEARNER");
  ASSERT_TRUE(learner.ok()) << learner.error().message;
  auto idle = connector.ForAccessKey(server.url(), "AKIDIDLE");
  ASSERT_TRUE(idle.ok()) << idle.error().message;
  HttpBackend& s = **learner;
  // The call route writes as a scenario step does.
  Result<json> launched = lessons::fixtures::LaunchFirstServer(s, s.account(), kSeoul);
  ASSERT_TRUE(launched.ok()) << launched.error().message;
  EXPECT_EQ((*launched)["OwnerId"], s.account());

  lessons::ExerciseResult done = lessons::CheckExercise(FirstServerExercise(), s, s.account());
  EXPECT_TRUE(done.AllMet());
  lessons::ExerciseResult nothing =
      lessons::CheckExercise(FirstServerExercise(), **idle, (*idle)->account());
  EXPECT_EQ(nothing.MetCount(), 0);
  EXPECT_EQ(nothing.goals.front().status, lessons::GoalStatus::kMissed);
}

TEST(HttpBackend, ErrorsComeBackAsTheirErrorCodes) {
  LiveServer server;
  auto source = RemoteConnector().ForAccessKey(server.url(), "AKIDX");
  ASSERT_TRUE(source.ok());
  const CallContext seoul{(*source)->account(), kSeoul};
  auto stop = (*source)->Call("StopInstances", {{"InstanceIds", {"i-0123456789abcdef0"}}}, seoul);
  ASSERT_FALSE(stop.ok());
  EXPECT_EQ(stop.error().code, ErrorCode::kInvalidInstanceIdNotFound);
  auto unknown = (*source)->Call("LaunchRocket", json::object(), seoul);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidAction);
  auto region =
      (*source)->Call("DescribeInstances", json::object(), {(*source)->account(), "mars-1"});
  ASSERT_FALSE(region.ok());
  auto latency = (*source)->Latency({{"from", "Seoul"}, {"to", "us-east-1"}}, seoul);
  EXPECT_TRUE(latency.ok() || latency.error().code == ErrorCode::kSimUnsupported);
}

TEST(HttpBackend, AccountsAreListedSortedWithTheirKeys) {
  LiveServer server;
  RemoteConnector connector;
  for (const char* key : {"AKIDB", "AKIDA", "222222222222"}) {
    auto s = connector.ForAccessKey(server.url(), key);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->Call("DescribeKeyPairs", json::object(), {(*s)->account(), kSeoul}).ok());
  }
  auto listed = connector.AccountsWithKeys(server.url());
  ASSERT_TRUE(listed.ok()) << listed.error().message;
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_TRUE(std::is_sorted(listed->begin(), listed->end(),
                             [](const auto& a, const auto& b) { return a.account < b.account; }));
  auto ids = connector.Accounts(server.url());
  ASSERT_TRUE(ids.ok());
  EXPECT_NE(std::find(ids->begin(), ids->end(), "222222222222"), ids->end());
  for (const RemoteAccount& a : *listed) {
    ASSERT_EQ(a.access_keys.size(), 1u) << a.account;
    auto by_id = connector.ForAccount(server.url(), a.account);
    ASSERT_TRUE(by_id.ok());
    EXPECT_EQ((*by_id)->account(), a.account);
  }
  auto unknown = connector.ForAccount(server.url(), "999999999999");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kSimNotFound);
  EXPECT_EQ(connector.ForAccount(server.url(), "12").error().code, ErrorCode::kSimInvalidInput);
  EXPECT_EQ(connector.ForAccessKey(server.url(), "").error().code, ErrorCode::kSimInvalidInput);
}

TEST(HttpBackend, NothingListeningIsNotFoundNamingTheUrl) {
  std::string url;
  {
    LiveServer gone;
    url = gone.url();
  }
  auto source = RemoteConnector({.connect_timeout_ms = 1000}).ForAccessKey(url, "k");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().code, ErrorCode::kSimNotFound);
  EXPECT_NE(source.error().message.find(url), std::string::npos) << source.error().message;
}

TEST(HttpBackend, TheClockIsTheServersAndMovesWhenAdvanced) {
  LiveServer server;
  auto backend = RemoteConnector().ForAnyAccount(server.url());
  ASSERT_TRUE(backend.ok()) << backend.error().message;
  Result<SimTime> before = (*backend)->ReadClock();
  ASSERT_TRUE(before.ok()) << before.error().message;
  Status moved = (*backend)->AdvanceClock(90 * kSecond + 250);
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  Result<SimTime> after = (*backend)->ReadClock();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after - *before, 90 * kSecond + 250) << "the manual clock moves only when told";
}

TEST(HttpBackend, WaitingAdvancesTheServersClockUntilTheStateIsReached) {
  LiveServer server(Timing::kRealistic);
  auto backend = RemoteConnector().ForAnyAccount(server.url());
  ASSERT_TRUE(backend.ok()) << backend.error().message;
  EXPECT_EQ((*backend)->timing(), "realistic");
  const CallContext ctx{"111122223333", kSeoul};
  Result<json> run = (*backend)->Call("RunInstances",
                                      {{"ImageId", "ami-0c9c942bd7bf113a2"},
                                       {"InstanceType", "t2.micro"},
                                       {"MinCount", 1},
                                       {"MaxCount", 1}},
                                      ctx);
  ASSERT_TRUE(run.ok()) << run.error().message;
  std::string id = (*run)["Instances"][0]["InstanceId"];
  EXPECT_EQ((*run)["OwnerId"], ctx.account) << "the call names its account";
  SimTime began = *(*backend)->ReadClock();
  Result<Duration> waited = (*backend)->WaitForInstanceState(ctx, id, "running", 5 * kMinute);
  ASSERT_TRUE(waited.ok()) << waited.error().message;
  EXPECT_GT(*waited, 0);
  EXPECT_EQ(*waited % HttpBackend::kWaitStep, 0);
  EXPECT_EQ(*(*backend)->ReadClock() - began, *waited);
  // Already there: no wait at all.
  EXPECT_EQ(*(*backend)->WaitForInstanceState(ctx, id, "running", kMinute), 0);

  auto stuck = (*backend)->WaitForInstanceState(ctx, id, "stopped", 3 * kSecond);
  ASSERT_FALSE(stuck.ok());
  EXPECT_EQ(stuck.error().code, ErrorCode::kSimExpectationFailed);
  EXPECT_NE(stuck.error().message.find("(it is running)"), std::string::npos)
      << stuck.error().message;
  EXPECT_EQ((*backend)->WaitForInstanceState(ctx, id, "asleep", kMinute).error().code,
            ErrorCode::kInvalidParameterValue);
  EXPECT_EQ(
      (*backend)->WaitForInstanceState(ctx, "i-0123456789abcdef0", "running", kMinute).error().code,
      ErrorCode::kInvalidInstanceIdNotFound);
}

TEST(HttpBackend, KnowsTheServersActions) {
  LiveServer server;
  auto backend = RemoteConnector().ForAnyAccount(server.url());
  ASSERT_TRUE(backend.ok()) << backend.error().message;
  EXPECT_TRUE((*backend)->HasAction("RunInstances"));
  EXPECT_FALSE((*backend)->HasAction("LaunchRocket"));
}

TEST(HttpBackend, EndpointsAreSchemeHostAndPort) {
  EXPECT_EQ(*NormalizeEndpoint("http://127.0.0.1:4566/"), "http://127.0.0.1:4566");
  EXPECT_EQ(*NormalizeEndpoint("https://class.example"), "https://class.example");
  EXPECT_EQ(*NormalizeEndpoint("http://[::1]:4566"), "http://[::1]:4566");
  for (const char* bad : {"127.0.0.1:4566", "ftp://h", "http://", "http://h:0", "http://h:99999",
                          "http://h:x", "http://h/path", "http://u@h", "http://h?x=1"}) {
    auto r = NormalizeEndpoint(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kSimInvalidInput);
  }
}

TEST(HttpBackend, EveryAwsCodeMapsBackToItsErrorCode) {
  for (int i = 0; i <= static_cast<int>(ErrorCode::kSimUnsupported); ++i) {
    auto code = static_cast<ErrorCode>(i);
    EXPECT_EQ(ErrorCodeFromAws(AwsCode(code)), code) << AwsCode(code);
  }
  EXPECT_EQ(ErrorCodeFromAws("NoSuchCode"), std::nullopt);
}

}  // namespace
}  // namespace ec2sim::client
