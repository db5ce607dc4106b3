// Where the goal checker reads a learner's state: a local Sandbox after the learner's scenario
// ran, or one account on a running `ec2sim serve` (implemented by the server code and plugged
// in through SetRemoteConnector).
#ifndef EC2SIM_SIM_LESSONS_STATE_SOURCE_H_
#define EC2SIM_SIM_LESSONS_STATE_SOURCE_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/result.h"
#include "ec2sim/sandbox.h"

namespace ec2sim::lessons {

// One account's state, read through EC2's API and the simulator's verbs. Every member answers
// exactly as the Sandbox member of the same name would for that account and `region`: the same
// JSON on success, the same ErrorCode on failure (kSimUnsupported when the verb is not built,
// kInvalidAction for an unknown action). Implementations must not change state on purpose;
// reading may create what EC2 creates on first use of a region (the default VPC).
class StateSource {
 public:
  virtual ~StateSource() = default;

  // The 12-digit account whose state this is.
  virtual std::string Account() const = 0;
  virtual Result<nlohmann::json> Call(std::string_view action, const nlohmann::json& params,
                                      const std::string& region) = 0;
  virtual Result<nlohmann::json> Probe(const nlohmann::json& spec, const std::string& region) = 0;
  virtual Result<nlohmann::json> Bill(const nlohmann::json& spec, const std::string& region) = 0;
  virtual Result<nlohmann::json> Latency(const nlohmann::json& spec, const std::string& region) = 0;
};

// A StateSource over a Sandbox the caller keeps alive, for one account.
class SandboxStateSource final : public StateSource {
 public:
  SandboxStateSource(Sandbox& sandbox, std::string account)
      : sandbox_(sandbox), account_(std::move(account)) {}

  std::string Account() const override { return account_; }
  Result<nlohmann::json> Call(std::string_view action, const nlohmann::json& params,
                              const std::string& region) override;
  Result<nlohmann::json> Probe(const nlohmann::json& spec, const std::string& region) override;
  Result<nlohmann::json> Bill(const nlohmann::json& spec, const std::string& region) override;
  Result<nlohmann::json> Latency(const nlohmann::json& spec, const std::string& region) override;

 private:
  Sandbox& sandbox_;
  std::string account_;
};

// An account on a server, with the access keys the server has seen for it (possibly none).
struct RemoteAccount {
  std::string account;
  std::vector<std::string> access_keys;
};

// Reaches a running `ec2sim serve` at `endpoint` (e.g. "http://127.0.0.1:4566"). The server
// code implements it over the server's admin routes (see docs/lessons.md, "Checking a server").
// Errors are values: kSimInvalidInput for a malformed endpoint, key or account id, kSimNotFound
// when nothing answers at the endpoint (or ForAccount names an account the server does not
// have). As on the server's EC2 endpoint, any access key names an account: one the server has
// not seen yet is empty.
class RemoteConnector {
 public:
  virtual ~RemoteConnector() = default;

  // The account that owns `access_key`.
  virtual Result<std::unique_ptr<StateSource>> ForAccessKey(const std::string& endpoint,
                                                            const std::string& access_key) = 0;
  // Admin: one account by id.
  virtual Result<std::unique_ptr<StateSource>> ForAccount(const std::string& endpoint,
                                                          const std::string& account) = 0;
  // Admin: every account the server has seen, sorted.
  virtual Result<std::vector<std::string>> Accounts(const std::string& endpoint) = 0;
  // Admin: as Accounts, with each account's access keys (for a teacher who knows learners by
  // their keys). The default lists no keys.
  virtual Result<std::vector<RemoteAccount>> AccountsWithKeys(const std::string& endpoint);
};

// Installs the connector `lesson check --endpoint` and `lesson progress` use (the server code
// calls this while the CLI registers its commands). Replaces any earlier one.
void SetRemoteConnector(std::unique_ptr<RemoteConnector> connector);
// The installed connector, or null when this build has none.
RemoteConnector* GetRemoteConnector();

}  // namespace ec2sim::lessons

#endif  // EC2SIM_SIM_LESSONS_STATE_SOURCE_H_
