// Backend: a simulated EC2 world that scenarios and lesson checks drive.
//
// Two implement it: Sandbox (in this process, see sandbox.h) and the HTTP client of a running
// `ec2sim serve` (sim/client/). Code written against a Backend runs the same on both: scenario
// steps, lesson goals, anything that calls EC2 actions and the simulator's verbs and moves the
// simulated clock.
//
// Requests and results are JSON in the shapes boto3 uses, without ResponseMetadata. Errors are
// values: an Error whose code maps to AWS's error code string (see result.h). A remote backend
// adds its own failures to every member that can reach the network: kSimNotFound when nothing
// answers (or the answer is not ec2sim's), and the 401/403 codes (AuthFailure,
// SignatureDoesNotMatch, UnauthorizedOperation) when the server refuses the caller.
//
// A Backend is not thread-safe; callers that share one serialise access.
#ifndef EC2SIM_BACKEND_H_
#define EC2SIM_BACKEND_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "ec2sim/options.h"
#include "ec2sim/result.h"
#include "ec2sim/sim_time.h"

namespace ec2sim {

class Backend {
 public:
  virtual ~Backend() = default;

  // Runs one EC2 API action (its AWS name, e.g. "RunInstances") with boto3-shaped parameters
  // in ctx's account and region. Errors: the AWS error of the action, kInvalidAction for an
  // action the backend does not implement, kInvalidParameterValue for an unknown region.
  virtual Result<nlohmann::json> Call(std::string_view action, const nlohmann::json& params,
                                      const CallContext& ctx) = 0;
  // True when Call() implements the action. Never fails: a remote backend answers from the
  // action list it read when it connected.
  virtual bool HasAction(std::string_view action) const = 0;

  // Would this traffic get through, and why (scenario verb `probe`; fields in docs/network.md).
  // Errors: AWS codes for malformed input, kSimNotFound for a connection name never opened.
  virtual Result<nlohmann::json> Probe(const nlohmann::json& spec, const CallContext& ctx) = 0;
  // The account's bill from the start until now (scenario verb `bill`; docs/billing.md).
  virtual Result<nlohmann::json> Bill(const nlohmann::json& spec, const CallContext& ctx) = 0;
  // Modelled round-trip time (scenario verb `latency`; docs/latency.md).
  virtual Result<nlohmann::json> Latency(const nlohmann::json& spec, const CallContext& ctx) = 0;
  // Sends data along a path and meters what AWS bills for it (scenario verb `traffic`;
  // docs/network.md). Errors: as Probe, and kSimExpectationFailed when the path is blocked.
  // Backends that must not change the world (a lesson's goal checks) keep this default.
  virtual Result<nlohmann::json> Traffic(const nlohmann::json& spec, const CallContext& ctx) {
    (void)spec;
    (void)ctx;
    return MakeError(ErrorCode::kSimUnsupported, "This backend does not move traffic");
  }
  // Declares an instance's CPU utilization from now on (scenario verb `cpu`; docs/billing.md,
  // "CPU credits"). Errors: kMissingParameter, kInvalidParameterValue, kUnknownParameter,
  // kInvalidInstanceIdNotFound, kIncorrectInstanceState. Backends that must not change the world
  // keep this default.
  virtual Result<nlohmann::json> Cpu(const nlohmann::json& spec, const CallContext& ctx) {
    (void)spec;
    (void)ctx;
    return MakeError(ErrorCode::kSimUnsupported, "This backend does not set CPU load");
  }

  // The simulated clock, in ms since the Unix epoch. A local backend never fails.
  virtual Result<SimTime> ReadClock() = 0;
  // Moves the simulated clock forward by d (>= 0) ms, running every event that falls due on the
  // way. A remote backend may refuse (a classroom server lets only its admins move the clock).
  virtual Status AdvanceClock(Duration d) = 0;
  // Advances the clock until the instance is in `state` (an InstanceStateName such as
  // "running"), at most `timeout` ms. Returns the simulated time waited, in ms. Errors:
  // kInvalidInstanceIdNotFound / kInvalidInstanceIdMalformed, kInvalidParameterValue for an
  // unknown state name, kSimExpectationFailed when the timeout passes first.
  virtual Result<Duration> WaitForInstanceState(const CallContext& ctx,
                                                std::string_view instance_id,
                                                std::string_view state, Duration timeout) = 0;
};

}  // namespace ec2sim

#endif  // EC2SIM_BACKEND_H_
