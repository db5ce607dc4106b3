// A reachability sweep of 10,000 instances (issue 3 target: under a second): which instances
// of a classroom can an internet host reach on HTTPS? 313 accounts (the default vCPU quota
// allows 32 t2.micro per account and region) each hold 32 instances (16 in the last) with 5
// groups x (60 + 60) rules, behind the default network ACL refilled with 20 entries per
// direction. One sweep builds a fresh view, compiles every interface, group and ACL it meets
// and decides one flow per instance, forward and back.
//
//   BM_Sweep: verdicts only.
//   BM_SweepWithExplanations: a full probe (trace, explanation text) for every instance.
#include <benchmark/benchmark.h>

#include "bench/network_world.h"
#include "sim/model/network/evaluator.h"
#include "sim/model/network/probe.h"

namespace {

using namespace netbench;

constexpr int kInstances = 10000;
constexpr int kPerAccount = 32;

struct Classroom {
  Classroom() : world(ec2sim::SandboxOptions{.timing = ec2sim::Timing::kInstant}) {
    for (int n = 0, account = 0; n < kInstances; ++account) {
      char id[16];
      std::snprintf(id, sizeof id, "%012d", 100000000 + account);
      model::Scope* scope = Must(world.GetScope(id, "us-east-1"));
      std::vector<std::string> groups = MakeGroups(world, *scope);
      model::NetworkAcl* acl = nullptr;
      for (model::NetworkAcl& a : scope->acls.values()) acl = a.is_default ? &a : acl;
      Must(network::DeleteAclEntry(*acl, 100, false));
      Must(network::DeleteAclEntry(*acl, 100, true));
      FillAcl(*acl);
      int count = std::min(kPerAccount, kInstances - n);
      Launch(world, *scope, groups, count, account % scope->region->az_count);
      n += count;
    }
  }
  model::World world;
};

Classroom& World() {
  static Classroom* classroom = new Classroom();  // built once, outside the timed loops
  return *classroom;
}

const network::Traffic kHttps{network::kProtoTcp, 443, 0, -1};
const model::Ipv4 kClient = *model::ParseIpv4("203.0.113.7");

void BM_Sweep(benchmark::State& state) {
  Classroom& c = World();
  int reachable = 0, instances = 0;
  for (auto _ : state) {
    network::NetworkView view(c.world);
    reachable = instances = 0;
    network::Endpoint client{nullptr, kClient, false};
    for (model::Scope* scope : c.world.AllScopes()) {
      for (const model::NetworkInterface& eni : scope->interfaces.values()) {
        network::Endpoint server{&view.Interface(*scope, eni), eni.public_ip, true};
        reachable += network::Evaluate(client, server, kHttps).allowed ? 1 : 0;
        ++instances;
      }
    }
  }
  if (instances != kInstances || reachable != kInstances) {
    state.SkipWithError("every instance must be reached");
  }
  state.counters["instances"] = instances;
  state.SetItemsProcessed(state.iterations() * instances);
}
BENCHMARK(BM_Sweep)->Unit(benchmark::kMillisecond);

void BM_SweepWithExplanations(benchmark::State& state) {
  Classroom& c = World();
  std::vector<std::pair<std::string, std::string>> targets;  // (account, instance id)
  for (model::Scope* scope : c.world.AllScopes()) {
    for (const model::Instance& inst : scope->instances.values()) {
      targets.emplace_back(scope->account, inst.id);
    }
  }
  int reachable = 0;
  for (auto _ : state) {
    reachable = 0;
    for (const auto& [account, id] : targets) {
      network::ProbeRequest request{"203.0.113.7", id, kHttps, "", ""};
      auto outcome = Must(network::RunProbe(c.world, request, account, "us-east-1"));
      reachable += outcome.verdict.allowed ? 1 : 0;
    }
  }
  if (reachable != kInstances) state.SkipWithError("every instance must be reached");
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(targets.size()));
}
BENCHMARK(BM_SweepWithExplanations)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
