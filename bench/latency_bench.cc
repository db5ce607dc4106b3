// Cost of the latency model's queries: what the `latency` verb, the CLI and the network probe
// pay per call. Each query runs one Dijkstra over the backbone from the region end.
#include <benchmark/benchmark.h>

#include "sim/model/latency/latency.h"

namespace {

using ec2sim::latency::ParsePlace;
using ec2sim::latency::RegionMatrixMicros;
using ec2sim::latency::RoundTrip;

void BM_ClientToRegion(benchmark::State& state) {
  auto from = ParsePlace("Seoul");
  auto to = ParsePlace("us-east-1");
  for (auto _ : state) benchmark::DoNotOptimize(RoundTrip(*from, *to));
}
BENCHMARK(BM_ClientToRegion);

void BM_RegionToRegion(benchmark::State& state) {
  auto from = ParsePlace("ap-northeast-2");
  auto to = ParsePlace("eu-central-1");
  for (auto _ : state) benchmark::DoNotOptimize(RoundTrip(*from, *to));
}
BENCHMARK(BM_RegionToRegion);

void BM_ParseCity(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ParsePlace("Daejeon"));
}
BENCHMARK(BM_ParseCity);

void BM_RegionMatrix(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(RegionMatrixMicros());
}
BENCHMARK(BM_RegionMatrix);

}  // namespace

BENCHMARK_MAIN();
