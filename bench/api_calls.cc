// One EC2 call through the action table, without HTTP:
//   BM_DescribeInstances/<n>: DescribeInstances over an account with n running instances.
//   BM_DescribeInstancesXml/<n>: the same, then encoded as the Query API's XML response.
//   BM_StopStart/<n>: StopInstances then StartInstances of n instances (instant timing).
//   BM_RunTerminate: RunInstances of one instance, then TerminateInstances of it.
// These are the per-request costs behind bench/server_load.py's figures.
#include <benchmark/benchmark.h>

#include <string>

#include "ec2sim/sandbox.h"
#include "sim/wire/service_model.h"
#include "sim/wire/xml_encoder.h"

namespace {

using nlohmann::json;

const ec2sim::CallContext kCtx{"123456789012", "ap-northeast-2"};

// Launches n t2.nano instances tagged Name=web; the last batch of up to 32 stays running.
json Launch(ec2sim::Sandbox& sandbox, int n, benchmark::State& state) {
  json ids = json::array();
  for (int launched = 0; launched < n; launched += 32) {
    int batch = std::min(32, n - launched);
    auto r = sandbox.Call(
        "RunInstances",
        {{"ImageId", "ami-0c9c942bd7bf113a2"},
         {"InstanceType", "t2.nano"},
         {"MinCount", batch},
         {"MaxCount", batch},
         {"TagSpecifications",
          {{{"ResourceType", "instance"}, {"Tags", {{{"Key", "Name"}, {"Value", "web"}}}}}}}},
        kCtx);
    if (!r.ok()) {
      state.SkipWithError(r.error().message.c_str());
      return ids;
    }
    json batch_ids = json::array();
    for (const json& inst : (*r)["Instances"]) batch_ids.push_back(inst["InstanceId"]);
    // The vCPU quota (32) counts only pending and running instances: stop every full batch so
    // the next one fits, as bench/server_load.py does.
    if (launched + batch < n) sandbox.Call("StopInstances", {{"InstanceIds", batch_ids}}, kCtx);
    ids.insert(ids.end(), batch_ids.begin(), batch_ids.end());
  }
  return ids;
}

ec2sim::SandboxOptions Options() { return {.timing = ec2sim::Timing::kInstant}; }

void BM_DescribeInstances(benchmark::State& state) {
  ec2sim::Sandbox sandbox(Options());
  Launch(sandbox, static_cast<int>(state.range(0)), state);
  for (auto _ : state) {
    auto r = sandbox.Call("DescribeInstances", json::object(), kCtx);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_DescribeInstancesXml(benchmark::State& state) {
  ec2sim::Sandbox sandbox(Options());
  Launch(sandbox, static_cast<int>(state.range(0)), state);
  const auto& model = ec2sim::wire::ServiceModel::Ec2();
  const auto* op = model.FindOperation("DescribeInstances");
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto r = sandbox.Call("DescribeInstances", json::object(), kCtx);
    std::string xml = ec2sim::wire::EncodeResult(model, *op, *r, "req");
    bytes = xml.size();
    benchmark::DoNotOptimize(xml);
  }
  state.counters["xml_bytes"] = static_cast<double>(bytes);
  state.SetItemsProcessed(state.iterations());
}

void BM_StopStart(benchmark::State& state) {
  ec2sim::Sandbox sandbox(Options());
  json ids = Launch(sandbox, static_cast<int>(state.range(0)), state);
  json batch = {{"InstanceIds", ids}};
  for (auto _ : state) {
    benchmark::DoNotOptimize(sandbox.Call("StopInstances", batch, kCtx));
    benchmark::DoNotOptimize(sandbox.Call("StartInstances", batch, kCtx));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0) * 2);
}

void BM_RunTerminate(benchmark::State& state) {
  ec2sim::Sandbox sandbox(Options());
  for (auto _ : state) {
    json ids = Launch(sandbox, 1, state);
    benchmark::DoNotOptimize(sandbox.Call("TerminateInstances", {{"InstanceIds", ids}}, kCtx));
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_DescribeInstances)->Arg(100)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DescribeInstancesXml)->Arg(100)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StopStart)->Arg(32)->Unit(benchmark::kMicrosecond);
// Terminated instances stay describable for an hour of simulated time that this loop never
// advances, and launching counts every instance record for the quotas, so a call's cost grows
// with the iterations run so far: a fixed count keeps runs of different speeds comparable.
BENCHMARK(BM_RunTerminate)->Iterations(4000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
