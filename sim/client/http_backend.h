// A Backend over HTTP: the accounts of a running `ec2sim serve`, driven through its admin routes
// (/_ec2sim/call, probe, bill, latency, clock; see docs/server.md). This is what
// `ec2sim run --endpoint`, `ec2sim lesson check --endpoint` and `ec2sim lesson progress` use.
#ifndef EC2SIM_SIM_CLIENT_HTTP_BACKEND_H_
#define EC2SIM_SIM_CLIENT_HTTP_BACKEND_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "ec2sim/backend.h"
#include "ec2sim/result.h"
#include "sim/client/admin_client.h"

namespace ec2sim::client {

// Every member answers as the same member of the server's Sandbox would, for ctx's account and
// region, plus the errors of AdminClient (kSimNotFound when the server cannot be reached, 401/403
// codes when it refuses the caller). Specifics of a remote world:
//   - The account: calls in `account()` are named by `who` (e.g. "access_key=KEY", so that the
//     server maps the key as its EC2 endpoint does and lists it under the account); calls in any
//     other account name it by id ("account=ID"), which a classroom server refuses a learner.
//   - The clock: ReadClock asks /_ec2sim/clock and AdvanceClock posts to it, naming `account()`
//     as calls do. On a classroom server each account has a clock of its own, which its learner
//     (or an admin) moves without moving any other account's; without an account (and on an
//     open server, whose accounts share one clock) it is the server clock. A server that refuses
//     a learner the clock route (older versions) is read from /_ec2sim/health, to the second.
//   - WaitForInstanceState reads the instance (DescribeInstances) and advances the server's
//     clock in steps of kWaitStep until the state is reached, so the time waited is a whole
//     number of steps; with instant timing it returns 0 without moving the clock.
class HttpBackend final : public Backend {
 public:
  static constexpr Duration kWaitStep = kSecond;

  // `client` must be verified. `account` may be empty (every call then names its account by
  // id), as may `who` when `account` is.
  HttpBackend(std::shared_ptr<AdminClient> client, std::string account, std::string who);

  // The account this backend was opened for (empty when opened for none).
  const std::string& account() const { return account_; }
  // The server's timing as /_ec2sim/health reports it: "instant" or "realistic".
  const std::string& timing() const { return client_->timing(); }
  const std::string& endpoint() const { return client_->endpoint(); }

  Result<nlohmann::json> Call(std::string_view action, const nlohmann::json& params,
                              const CallContext& ctx) override;
  bool HasAction(std::string_view action) const override;
  Result<nlohmann::json> Probe(const nlohmann::json& spec, const CallContext& ctx) override;
  Result<nlohmann::json> Bill(const nlohmann::json& spec, const CallContext& ctx) override;
  Result<nlohmann::json> Latency(const nlohmann::json& spec, const CallContext& ctx) override;
  Result<nlohmann::json> Traffic(const nlohmann::json& spec, const CallContext& ctx) override;
  Result<nlohmann::json> Cpu(const nlohmann::json& spec, const CallContext& ctx) override;
  Result<SimTime> ReadClock() override;
  Status AdvanceClock(Duration d) override;
  Result<Duration> WaitForInstanceState(const CallContext& ctx, std::string_view instance_id,
                                        std::string_view state, Duration timeout) override;

 private:
  std::string Target(std::string_view route, const CallContext& ctx) const;
  std::string ClockTarget() const;
  Result<std::string> InstanceState(const CallContext& ctx, std::string_view instance_id);

  std::shared_ptr<AdminClient> client_;
  std::string account_;
  std::string who_;
};

}  // namespace ec2sim::client

#endif  // EC2SIM_SIM_CLIENT_HTTP_BACKEND_H_
