// Sandbox: one simulated EC2 world (every account and region) behind EC2's own API.
//
// This is the embeddable entry point of ec2sim. A Sandbox owns its simulated clock, its event
// queue and its seeded random source; two Sandboxes built with the same options and fed the same
// calls produce the same ids, addresses and results. Nothing in it reads the wall clock.
//
// Requests and results are JSON in the shapes boto3 uses (for example RunInstances takes
// {"ImageId": ..., "MinCount": 1, "MaxCount": 1} and returns {"Instances": [...], ...}), without
// ResponseMetadata. Timestamps are ISO 8601 strings. Errors are Error values whose code maps to
// AWS's error code string (see result.h).
//
// A Sandbox is a Backend (backend.h) whose members never fail for reasons of their own: no
// network, no refusals. It is not thread-safe; callers that share one serialise access.
#ifndef EC2SIM_SANDBOX_H_
#define EC2SIM_SANDBOX_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/backend.h"
#include "ec2sim/options.h"
#include "ec2sim/result.h"
#include "ec2sim/sim_time.h"

namespace ec2sim {

class Sandbox final : public Backend {
 public:
  explicit Sandbox(const SandboxOptions& options = {});
  ~Sandbox() override;
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  // Runs one EC2 API action (its AWS name, e.g. "RunInstances") with boto3-shaped parameters.
  // Events due at the current simulated time run first, so in kInstant timing every state
  // change of an earlier call is complete. Errors: the AWS error of the action, or
  // kInvalidAction for an action the sandbox does not implement; kInvalidRegion-style input
  // (an unknown region) is kInvalidParameterValue.
  Result<nlohmann::json> Call(std::string_view action, const nlohmann::json& params,
                              const CallContext& ctx) override;

  // True when Call() implements the action.
  bool HasAction(std::string_view action) const override;
  // Every implemented action name, sorted.
  std::vector<std::string> Actions() const;

  // The simulated clock.
  SimTime Now() const;
  // Moves the clock forward by d (>= 0) ms, running every event that falls due on the way.
  void Advance(Duration d);
  // Backend's clock: Now() and Advance(d), which never fail.
  Result<SimTime> ReadClock() override { return Now(); }
  Status AdvanceClock(Duration d) override;
  // Advances the clock until the instance is in `state` (an InstanceStateName such as
  // "running"), at most `timeout` ms. Returns the time waited. Errors:
  // kInvalidInstanceIdNotFound / kInvalidInstanceIdMalformed, kInvalidParameterValue for an
  // unknown state name, kSimExpectationFailed when the timeout passes first.
  Result<Duration> WaitForInstanceState(const CallContext& ctx, std::string_view instance_id,
                                        std::string_view state, Duration timeout) override;

  // Would this traffic get through, and why (scenario verb `probe`; fields in
  // docs/network.md). `ctx` anchors private addresses named without an instance. Errors: AWS
  // codes for malformed input (kInvalidParameterValue, kMissingParameter,
  // kInvalidInstanceIdMalformed, ...), kSimNotFound for a connection name never opened.
  Result<nlohmann::json> Probe(const nlohmann::json& spec, const CallContext& ctx) override;
  // The account's bill from the start until now (scenario verb `bill`).
  Result<nlohmann::json> Bill(const nlohmann::json& spec, const CallContext& ctx) override;
  // Modelled round-trip time (scenario verb `latency`).
  Result<nlohmann::json> Latency(const nlohmann::json& spec, const CallContext& ctx) override;
  // Sends data along a path and meters its data transfer (scenario verb `traffic`).
  Result<nlohmann::json> Traffic(const nlohmann::json& spec, const CallContext& ctx) override;
  // Declares an instance's CPU utilization (scenario verb `cpu`).
  Result<nlohmann::json> Cpu(const nlohmann::json& spec, const CallContext& ctx) override;

  const SandboxOptions& options() const;

  // A number that changes whenever what a Describe* action shows may have changed: after every
  // Call of another action (successful or not), every Probe, and every simulated event that
  // runs. While it stays the same, a Describe* call with the same parameters, account and region
  // answers the same, except DescribeInstanceStatus, whose status checks follow the clock.
  // Values are unique across the Sandboxes of one process, so a cache keyed on them survives a
  // Sandbox being replaced.
  std::uint64_t StateVersion() const;

  // Every account that has made a call (or been waited on), sorted.
  std::vector<std::string> Accounts() const;
  // A snapshot of one account's resources for inspection (the API server's admin route):
  // {"account": ID, "time": ISO, "regions": {REGION: {"Instances": [...], "Addresses": [...],
  // "KeyPairs": [...], "SecurityGroups": [...], "Vpcs": [...], "Subnets": [...],
  // "NetworkInterfaces": [...], ...}}}, each list in its Describe action's boto3 shape, for every
  // region the account has used. An account that never called has no regions. Never fails.
  nlohmann::json Snapshot(const std::string& account);

  // Forgets one account: its resources in every region, the public addresses they held (back to
  // the pool shared by all accounts), its meters and bill, and the connections probes opened
  // that touch it. Other accounts keep everything. Returns whether the account had any resource
  // (a region it had used).
  bool ResetAccount(const std::string& account);

  // Durability support (the API server's journal). Every call that changed, or may have
  // changed, the sandbox is described as one JSON operation:
  //   {"op": "call", "account", "region", "action", "params"}   Call(), except a Describe*
  //                                                             call on an existing scope;
  //                                                             "keys": the key pairs it
  //                                                             generated, so Replay() does
  //                                                             not generate them again
  //   {"op": "probe", "account", "region", "spec"}              Probe()
  //   {"op": "traffic", "account", "region", "spec"}            Traffic()
  //   {"op": "cpu", "account", "region", "spec"}                Cpu()
  //   {"op": "reset_account", "account"}                        ResetAccount()
  // and handed to the recorder, with its outcome, before the method returns. Calls rejected
  // before they reach the account (unknown action, malformed account, unknown region) change
  // nothing and are not recorded. An empty recorder turns recording off.
  using Recorder =
      std::function<void(const nlohmann::json& op, const Result<nlohmann::json>& outcome)>;
  void SetRecorder(Recorder recorder);
  // Runs a recorded operation again, without recording it. Sandboxes built with the same options
  // that replay the same operations at the same simulated times reach the same state and the
  // same outcomes. Returns the operation's outcome; kSimInvalidInput for a malformed operation.
  Result<nlohmann::json> Replay(const nlohmann::json& op);

  // The value the world's seeded random stream gives next, without taking it. CreateKeyPair
  // derives its key from that value, so a server can make the key (slow for RSA) outside its
  // lock before the call, which then finds it ready (sim/model/key_cache.h); if anything draws
  // first, the call makes its own key, the same it always would.
  std::uint64_t PeekRandom() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ec2sim

#endif  // EC2SIM_SANDBOX_H_
