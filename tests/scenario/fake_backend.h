// A tiny in-memory Backend for runner tests: a few instance actions with fixed timings, a
// DescribeAddresses that finds none, an "Echo" action that returns its parameters, and a "Fail"
// action that always fails.
#ifndef EC2SIM_TESTS_SCENARIO_FAKE_BACKEND_H_
#define EC2SIM_TESTS_SCENARIO_FAKE_BACKEND_H_

#include <map>
#include <string>
#include <vector>

#include "ec2sim/backend.h"

namespace ec2sim::scenario {

class FakeBackend final : public Backend {
 public:
  struct Recorded {
    std::string action;
    nlohmann::json params;
    CallContext ctx;
  };

  explicit FakeBackend(SimTime start = 1767225600000) : now_(start) {}

  // Actions Call() knows.
  static bool Knows(std::string_view action);

  Result<nlohmann::json> Call(std::string_view action, const nlohmann::json& params,
                              const CallContext& ctx) override;
  bool HasAction(std::string_view action) const override { return Knows(action); }
  Result<SimTime> ReadClock() override { return now_; }
  Status AdvanceClock(Duration d) override {
    now_ += d;
    return OkStatus();
  }
  Result<Duration> WaitForInstanceState(const CallContext& ctx, std::string_view instance_id,
                                        std::string_view state, Duration timeout) override;
  Result<nlohmann::json> Probe(const nlohmann::json& spec, const CallContext& ctx) override;
  Result<nlohmann::json> Bill(const nlohmann::json& spec, const CallContext& ctx) override;
  Result<nlohmann::json> Latency(const nlohmann::json& spec, const CallContext& ctx) override;

  const std::vector<Recorded>& calls() const { return calls_; }

 private:
  struct Instance {
    std::string from_state;  // state before the current transition
    std::string to_state;    // state once `settles_at` is reached
    SimTime settles_at = 0;
    int ip_serial = 0;
  };

  std::string StateOf(const Instance& instance) const;
  nlohmann::json Describe(const std::string& id, const Instance& instance) const;

  SimTime now_;
  int next_instance_ = 1;
  int next_ip_ = 10;
  std::map<std::string, Instance> instances_;
  std::vector<Recorded> calls_;
};

}  // namespace ec2sim::scenario

#endif  // EC2SIM_TESTS_SCENARIO_FAKE_BACKEND_H_
