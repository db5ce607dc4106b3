// Flow verdicts per second (issue 3 target: at least 1,000,000 on one core without
// explanations). Both ends carry 5 groups x (60 ingress + 60 egress) rules and sit in different
// subnets behind a network ACL of 20 entries per direction; only the last rule and the last
// entry match, so each verdict scans about 300 rules per group check and 20 entries per ACL
// check, forward and back.
//
//   BM_VerdictInstanceToInstance: private path, 2 group checks and 4 ACL checks (2 of them on
//     the reply's port range).
//   BM_VerdictInternetToInstance: internet gateway path, 1 group check and 2 ACL checks.
//   BM_ProbeWithExplanation: what one `probe` verb costs end to end: a fresh view (compiling
//     the groups and ACLs), resolving both ends, the verdict, the trace and the explanation.
#include <benchmark/benchmark.h>

#include "bench/network_world.h"
#include "sim/model/network/evaluator.h"
#include "sim/model/network/probe.h"
#include "sim/model/network/resolve.h"

namespace {

using namespace netbench;

constexpr const char* kAccount = "123456789012";

struct BenchWorld {
  BenchWorld() : world(ec2sim::SandboxOptions{.timing = ec2sim::Timing::kInstant}) {
    scope = Must(world.GetScope(kAccount, "us-east-1"));
    std::vector<std::string> groups = MakeGroups(world, *scope);
    a = Launch(world, *scope, groups, 1, 0)[0];
    b = Launch(world, *scope, groups, 1, 1)[0];
    model::NetworkAcl* acl =
        Must(network::CreateNetworkAcl(world, *scope, scope->default_vpc_id, {}));
    FillAcl(*acl);
    for (const std::string& id : {a, b}) {
      const model::Instance* inst = scope->instances.Find(id);
      model::NetworkAcl* current = network::AclOfSubnet(*scope, inst->subnet_id);
      Must(network::ReplaceAclAssociation(world, *scope, current->associations[inst->subnet_id],
                                          *acl));
    }
  }
  model::World world;
  model::Scope* scope = nullptr;
  std::string a, b;
};

// Evaluates one resolved flow over and over: from instance a (or an internet host) to b.
void RunVerdicts(benchmark::State& state, bool from_internet, int port) {
  BenchWorld w;
  network::EndRef from{w.a, w.a, 0};
  if (from_internet) from = {"203.0.113.7", "", *model::ParseIpv4("203.0.113.7")};
  network::EndRef to{w.b, w.b, 0};
  network::NetworkView view(w.world);
  auto resolved = Must(network::ResolveEnds(view, *w.scope, from, to));
  network::Traffic traffic{network::kProtoTcp, port, 0, -1};
  std::int64_t allowed = 0;
  for (auto _ : state) {
    network::Verdict v = network::Evaluate(resolved.source, resolved.destination, traffic);
    allowed += v.allowed ? 1 : 0;
    benchmark::DoNotOptimize(v);
  }
  if (allowed != state.iterations()) state.SkipWithError("the benchmark flow must be allowed");
  state.SetItemsProcessed(state.iterations());
}

void BM_VerdictInstanceToInstance(benchmark::State& state) { RunVerdicts(state, false, 5432); }
BENCHMARK(BM_VerdictInstanceToInstance);

void BM_VerdictInternetToInstance(benchmark::State& state) { RunVerdicts(state, true, 443); }
BENCHMARK(BM_VerdictInternetToInstance);

void BM_ProbeWithExplanation(benchmark::State& state) {
  BenchWorld w;
  network::ProbeRequest request;
  request.from = w.a;
  request.to = w.b;
  request.traffic = {network::kProtoTcp, 5432, 0, -1};
  std::size_t chars = 0;
  for (auto _ : state) {
    auto outcome = Must(network::RunProbe(w.world, request, kAccount, "us-east-1"));
    chars += outcome.explanation.size();
    benchmark::DoNotOptimize(outcome);
  }
  state.counters["explanation_chars"] =
      static_cast<double>(chars) / static_cast<double>(state.iterations());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ProbeWithExplanation);

}  // namespace

BENCHMARK_MAIN();
