// Classroom-mode cost per request: reading and verifying a SigV4 signature (header and query
// forms), and signing one, for a RunInstances-sized form body.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "sim/server/sigv4.h"
#include "sim/server/users.h"

namespace ec2sim::server {
namespace {

constexpr std::int64_t kNow = 1772355600000;  // 2026-03-01T09:00:00Z

sigv4::Outgoing Body() {
  sigv4::Outgoing out;
  out.host = "127.0.0.1:4566";
  out.body =
      "Action=RunInstances&Version=2016-11-15&ImageId=ami-0c9c942bd7bf113a2&InstanceType=t2."
      "micro&MinCount=1&MaxCount=1&KeyName=lab&SecurityGroupId.1=sg-0123456789abcdef0";
  out.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  out.access_key_id = "AKIAALICE0000001";
  out.secret_access_key = "alice-secret";
  out.region = "ap-northeast-2";
  out.time_ms = kNow;
  return out;
}

UserDirectory Users() {
  return UserDirectory({{"AKIAALICE0000001", "alice-secret", "111111111111", "alice", false}});
}

void BM_AuthenticateHeaderForm(benchmark::State& state) {
  sigv4::Outgoing out = Body();
  std::vector<sigv4::Header> headers = {
      {"Host", out.host}, out.headers[0], {"User-Agent", "aws-cli/2"}};
  for (const auto& h : sigv4::SignRequest(out)) headers.push_back(h);
  UserDirectory users = Users();
  sigv4::Request request{"POST", "/", "", out.body, &headers};
  for (auto _ : state) {
    Result<AuthenticatedCaller> caller = Authenticate(users, request, kNow);
    if (!caller.ok()) state.SkipWithError(caller.error().message.c_str());
    benchmark::DoNotOptimize(caller);
  }
}
BENCHMARK(BM_AuthenticateHeaderForm);

void BM_AuthenticatePresignedQuery(benchmark::State& state) {
  sigv4::Outgoing out = Body();
  out.method = "GET";
  out.query = out.body;
  out.body.clear();
  std::string query = sigv4::Presign(out, 300);
  std::vector<sigv4::Header> headers = {{"Host", out.host}};
  UserDirectory users = Users();
  sigv4::Request request{"GET", "/", query, "", &headers};
  for (auto _ : state) {
    Result<AuthenticatedCaller> caller = Authenticate(users, request, kNow);
    if (!caller.ok()) state.SkipWithError(caller.error().message.c_str());
    benchmark::DoNotOptimize(caller);
  }
}
BENCHMARK(BM_AuthenticatePresignedQuery);

void BM_SignRequest(benchmark::State& state) {
  sigv4::Outgoing out = Body();
  for (auto _ : state) benchmark::DoNotOptimize(sigv4::SignRequest(out));
}
BENCHMARK(BM_SignRequest);

}  // namespace
}  // namespace ec2sim::server

BENCHMARK_MAIN();
