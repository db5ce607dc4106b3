// StepTarget: what the scenario runner drives. Sandbox is the real one (SandboxTarget); tests
// substitute small fakes. Each member has the contract of the Sandbox member of the same name.
#ifndef EC2SIM_SIM_SCENARIO_STEP_TARGET_H_
#define EC2SIM_SIM_SCENARIO_STEP_TARGET_H_

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

#include "ec2sim/result.h"
#include "ec2sim/sandbox.h"
#include "ec2sim/sim_time.h"

namespace ec2sim::scenario {

class StepTarget {
 public:
  virtual ~StepTarget() = default;

  virtual Result<nlohmann::json> Call(std::string_view action, const nlohmann::json& params,
                                      const CallContext& ctx) = 0;
  virtual bool HasAction(std::string_view action) const = 0;
  virtual SimTime Now() const = 0;
  virtual void Advance(Duration d) = 0;
  virtual Result<Duration> WaitForInstanceState(const CallContext& ctx,
                                                std::string_view instance_id,
                                                std::string_view state, Duration timeout) = 0;
  virtual Result<nlohmann::json> Probe(const nlohmann::json& spec, const CallContext& ctx) = 0;
  virtual Result<nlohmann::json> Bill(const nlohmann::json& spec, const CallContext& ctx) = 0;
  virtual Result<nlohmann::json> Latency(const nlohmann::json& spec, const CallContext& ctx) = 0;
};

// Forwards every member to a Sandbox, borrowed or owned.
class SandboxTarget final : public StepTarget {
 public:
  explicit SandboxTarget(Sandbox& sandbox) : sandbox_(sandbox) {}
  // Precondition: `owned` is not null.
  explicit SandboxTarget(std::unique_ptr<Sandbox> owned)
      : owned_(std::move(owned)), sandbox_(*owned_) {}

  Result<nlohmann::json> Call(std::string_view action, const nlohmann::json& params,
                              const CallContext& ctx) override;
  bool HasAction(std::string_view action) const override;
  SimTime Now() const override;
  void Advance(Duration d) override;
  Result<Duration> WaitForInstanceState(const CallContext& ctx, std::string_view instance_id,
                                        std::string_view state, Duration timeout) override;
  Result<nlohmann::json> Probe(const nlohmann::json& spec, const CallContext& ctx) override;
  Result<nlohmann::json> Bill(const nlohmann::json& spec, const CallContext& ctx) override;
  Result<nlohmann::json> Latency(const nlohmann::json& spec, const CallContext& ctx) override;

 private:
  std::unique_ptr<Sandbox> owned_;  // null when borrowed
  Sandbox& sandbox_;
};

// Builds a fresh target for one scenario run.
using TargetFactory = std::function<std::unique_ptr<StepTarget>(const SandboxOptions&)>;

// True when a call step may name the action.
using ActionPredicate = std::function<bool(std::string_view action)>;

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_STEP_TARGET_H_
