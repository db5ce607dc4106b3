#include "sim/lessons/state_source.h"

#include <utility>

namespace ec2sim::lessons {
namespace {

std::unique_ptr<RemoteConnector>& Slot() {
  static std::unique_ptr<RemoteConnector> connector;
  return connector;
}

}  // namespace

Result<nlohmann::json> SandboxStateSource::Call(std::string_view action,
                                                const nlohmann::json& params,
                                                const std::string& region) {
  return sandbox_.Call(action, params, CallContext{account_, region});
}

Result<nlohmann::json> SandboxStateSource::Probe(const nlohmann::json& spec,
                                                 const std::string& region) {
  return sandbox_.Probe(spec, CallContext{account_, region});
}

Result<nlohmann::json> SandboxStateSource::Bill(const nlohmann::json& spec,
                                                const std::string& region) {
  return sandbox_.Bill(spec, CallContext{account_, region});
}

Result<nlohmann::json> SandboxStateSource::Latency(const nlohmann::json& spec,
                                                   const std::string& region) {
  return sandbox_.Latency(spec, CallContext{account_, region});
}

Result<std::vector<RemoteAccount>> RemoteConnector::AccountsWithKeys(const std::string& endpoint) {
  EC2SIM_ASSIGN_OR_RETURN(std::vector<std::string> ids, Accounts(endpoint));
  std::vector<RemoteAccount> out;
  for (std::string& id : ids) out.push_back({std::move(id), {}});
  return out;
}

void SetRemoteConnector(std::unique_ptr<RemoteConnector> connector) {
  Slot() = std::move(connector);
}

RemoteConnector* GetRemoteConnector() { return Slot().get(); }

}  // namespace ec2sim::lessons
