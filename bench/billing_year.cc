// Billing at scale: 10,000 instances, one stop/start a simulated day for a year, billed to
// invoices. The same number of state changes over one simulated day must cost about the same
// (billing works from intervals, so its work follows state changes, not simulated time).
//
//   BM_LedgerYear/<instances>/<days spread>: the billing layer alone. Events are emitted into a
//     World exactly as the model emits them for a stop/start (address detached, stopping,
//     stopped, pending, running, address attached), then one invoice prices the account.
//   BM_ModelYear/<instances>/<days spread>: the model's own state machine (model::StopInstances
//     and StartInstances: addresses released and drawn again, transitions as simulated events,
//     every resource event to the ledger), without the JSON action layer, then one invoice per
//     account.
//   BM_SandboxYear/<instances>/<days spread>: end to end through Sandbox::Call
//     (StopInstances/StartInstances in batches of 32, the default vCPU quota of t2.micro per
//     account and region), then one invoice per account.
// In both, <days spread> 365 puts one cycle in each day of 2026, 1 squeezes the 365 cycles into
// the first day. peak_rss_MB is the process's high-water mark so far (getrusage); invoice_ms is
// the wall time of the final invoice alone.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "ec2sim/sandbox.h"
#include "sim/model/billing/ledger.h"
#include "sim/model/instances.h"
#include "sim/model/world.h"

namespace {

using ec2sim::Duration;
using ec2sim::kDay;
using ec2sim::SimTime;
using Kind = ec2sim::model::ResourceEvent::Kind;

constexpr int kCycles = 365;
constexpr const char* kAccount = "123456789012";
constexpr ec2sim::model::Ipv4 kAddress1 = 0xC6336407;  // 198.51.100.7
constexpr ec2sim::model::Ipv4 kAddress2 = 0xC6336408;  // 198.51.100.8

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

std::string Hex17(int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%017x", n);
  return buf;
}

void BM_LedgerYear(benchmark::State& state) {
  const int instances = static_cast<int>(state.range(0));
  const Duration spread = state.range(1) * kDay;
  const Duration cycle = spread / kCycles;
  std::uint64_t events = 0;
  std::size_t lines = 0;
  std::int64_t cents = 0;
  double bill_ms = 0;
  for (auto _ : state) {
    ec2sim::model::World world(ec2sim::SandboxOptions{.timing = ec2sim::Timing::kInstant});
    ec2sim::billing::Ledger ledger(world);
    std::vector<std::string> ids, enis, vols;
    for (int i = 0; i < instances; ++i) {
      ids.push_back("i-" + Hex17(i));
      enis.push_back("eni-" + Hex17(i));
      vols.push_back("vol-" + Hex17(i));
    }
    // World serials as the model would number them: volume, instance, interface per instance.
    auto serial = [](int i, int which) { return static_cast<std::uint64_t>(3 * i + which); };
    auto emit = [&world](Kind kind, const std::string& id, std::uint64_t serial, const char* detail,
                         ec2sim::model::Ipv4 address, int size_gib = 0) {
      world.Emit({.kind = kind,
                  .account = kAccount,
                  .region = "us-east-1",
                  .resource_id = id,
                  .detail = detail,
                  .detail2 = kind == Kind::kInstanceState ? "t3.micro" : "",
                  .serial = serial,
                  .address = address,
                  .size_gib = size_gib});
    };
    for (int i = 0; i < instances; ++i) {
      emit(Kind::kVolumeCreated, vols[i], serial(i, 1), "gp3", 0, 8);
      emit(Kind::kInstanceState, ids[i], serial(i, 2), "pending", 0);
      emit(Kind::kInstanceState, ids[i], serial(i, 2), "running", 0);
      emit(Kind::kPublicIpAttached, enis[i], serial(i, 3), "", kAddress1);
    }
    SimTime start = world.now();
    for (int c = 0; c < kCycles; ++c) {
      // Stopped for the last third of each cycle.
      world.sim().AdvanceTo(start + c * cycle + 2 * cycle / 3);
      for (int i = 0; i < instances; ++i) {
        emit(Kind::kPublicIpDetached, enis[i], serial(i, 3), "", kAddress1);
        emit(Kind::kInstanceState, ids[i], serial(i, 2), "stopping", 0);
        emit(Kind::kInstanceState, ids[i], serial(i, 2), "stopped", 0);
      }
      world.sim().AdvanceTo(start + (c + 1) * cycle);
      for (int i = 0; i < instances; ++i) {
        emit(Kind::kInstanceState, ids[i], serial(i, 2), "pending", 0);
        emit(Kind::kInstanceState, ids[i], serial(i, 2), "running", 0);
        emit(Kind::kPublicIpAttached, enis[i], serial(i, 3), "", kAddress2);
      }
    }
    auto bill_begin = std::chrono::steady_clock::now();
    auto invoice = ledger.Bill({kAccount, start, world.now(), "", std::nullopt});
    bill_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - bill_begin)
            .count();
    if (!invoice.ok()) state.SkipWithError(invoice.error().message.c_str());
    events = ledger.events();
    lines = invoice->lines.size();
    cents = invoice->total_cents();
    benchmark::DoNotOptimize(cents);
  }
  state.counters["events"] = static_cast<double>(events);
  state.counters["lines"] = static_cast<double>(lines);
  state.counters["invoice_ms"] = bill_ms;
  state.counters["total_usd"] = static_cast<double>(cents) / 100.0;
  state.counters["peak_rss_MB"] = PeakRssMb();
}

std::string AccountId(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "1000%08d", n);
  return buf;
}

void BM_ModelYear(benchmark::State& state) {
  namespace model = ec2sim::model;
  const int instances = static_cast<int>(state.range(0));
  const Duration spread = state.range(1) * kDay;
  const Duration cycle = spread / kCycles;
  constexpr int kPerAccount = 32;  // as BM_SandboxYear: the default vCPU quota of t2.micro
  std::int64_t cents = 0;
  std::uint64_t events = 0;
  for (auto _ : state) {
    model::World world(ec2sim::SandboxOptions{.timing = ec2sim::Timing::kInstant});
    ec2sim::billing::Ledger ledger(world);
    struct Group {
      model::Scope* scope;
      std::vector<std::string> ids;
    };
    std::vector<Group> groups;
    for (int launched = 0; launched < instances; launched += kPerAccount) {
      int n = std::min(kPerAccount, instances - launched);
      auto scope = world.GetScope(AccountId(static_cast<int>(groups.size())), "ap-northeast-2");
      if (!scope.ok()) state.SkipWithError(scope.error().message.c_str());
      model::LaunchSpec spec;
      spec.image_id = "ami-0c9c942bd7bf113a2";
      spec.min_count = n;
      spec.max_count = n;
      auto r = model::RunInstances(world, **scope, spec);
      if (!r.ok()) state.SkipWithError(r.error().message.c_str());
      Group g{*scope, {}};
      for (const model::Instance& inst : (*scope)->instances.values()) g.ids.push_back(inst.id);
      groups.push_back(std::move(g));
    }
    world.sim().RunDue();
    SimTime start = world.now();
    for (int c = 0; c < kCycles; ++c) {
      world.sim().AdvanceTo(start + c * cycle + 2 * cycle / 3);
      for (Group& g : groups)
        benchmark::DoNotOptimize(model::StopInstances(world, *g.scope, g.ids));
      world.sim().RunDue();
      world.sim().AdvanceTo(start + (c + 1) * cycle);
      for (Group& g : groups)
        benchmark::DoNotOptimize(model::StartInstances(world, *g.scope, g.ids));
      world.sim().RunDue();
    }
    cents = 0;
    for (const Group& g : groups) {
      auto invoice = ledger.Bill({g.scope->account, start, world.now(), "", std::nullopt});
      if (!invoice.ok()) state.SkipWithError(invoice.error().message.c_str());
      cents += invoice->total_cents();
    }
    events = ledger.events();
  }
  state.counters["events"] = static_cast<double>(events);
  state.counters["total_usd"] = static_cast<double>(cents) / 100.0;
  state.counters["peak_rss_MB"] = PeakRssMb();
}

void BM_SandboxYear(benchmark::State& state) {
  using nlohmann::json;
  const int instances = static_cast<int>(state.range(0));
  const Duration spread = state.range(1) * kDay;
  const Duration cycle = spread / kCycles;
  constexpr int kPerAccount = 32;  // t2.micro: 1 vCPU each, 32 vCPUs per account and region
  std::int64_t cents = 0;
  for (auto _ : state) {
    ec2sim::Sandbox sandbox({.timing = ec2sim::Timing::kInstant});
    std::vector<ec2sim::CallContext> accounts;
    std::vector<json> batches;  // {"InstanceIds": [...]} per account
    for (int launched = 0; launched < instances; launched += kPerAccount) {
      int n = std::min(kPerAccount, instances - launched);
      ec2sim::CallContext ctx{AccountId(static_cast<int>(accounts.size())), "ap-northeast-2"};
      auto r = sandbox.Call("RunInstances",
                            {{"ImageId", "ami-0c9c942bd7bf113a2"},
                             {"InstanceType", "t2.micro"},
                             {"MinCount", n},
                             {"MaxCount", n}},
                            ctx);
      if (!r.ok()) state.SkipWithError(r.error().message.c_str());
      json ids = json::array();
      for (const json& inst : (*r)["Instances"]) ids.push_back(inst["InstanceId"]);
      accounts.push_back(ctx);
      batches.push_back({{"InstanceIds", ids}});
    }
    SimTime start = sandbox.Now();
    for (int c = 0; c < kCycles; ++c) {
      sandbox.Advance(start + c * cycle + 2 * cycle / 3 - sandbox.Now());
      for (std::size_t a = 0; a < accounts.size(); ++a) {
        benchmark::DoNotOptimize(sandbox.Call("StopInstances", batches[a], accounts[a]));
      }
      sandbox.Advance(start + (c + 1) * cycle - sandbox.Now());
      for (std::size_t a = 0; a < accounts.size(); ++a) {
        benchmark::DoNotOptimize(sandbox.Call("StartInstances", batches[a], accounts[a]));
      }
    }
    cents = 0;
    for (const auto& ctx : accounts) {
      auto bill = sandbox.Bill(json::object(), ctx);
      if (!bill.ok()) state.SkipWithError(bill.error().message.c_str());
      cents += static_cast<std::int64_t>((*bill)["TotalUSD"].get<double>() * 100 + 0.5);
    }
  }
  state.counters["total_usd"] = static_cast<double>(cents) / 100.0;
  state.counters["peak_rss_MB"] = PeakRssMb();
}

BENCHMARK(BM_LedgerYear)
    ->Args({10'000, 365})
    ->Args({10'000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(5);
BENCHMARK(BM_ModelYear)
    ->Args({10'000, 365})
    ->Args({10'000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3);
BENCHMARK(BM_SandboxYear)
    ->Args({10'000, 365})
    ->Args({10'000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3);

}  // namespace

BENCHMARK_MAIN();
