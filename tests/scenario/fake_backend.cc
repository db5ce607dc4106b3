#include "tests/scenario/fake_backend.h"

#include <cstdio>

namespace ec2sim::scenario {
namespace {

constexpr Duration kTransition = 10 * kSecond;

Error NotFound(const std::string& id) {
  return MakeError(ErrorCode::kInvalidInstanceIdNotFound,
                   "The instance ID '" + id + "' does not exist");
}

}  // namespace

bool FakeBackend::Knows(std::string_view action) {
  return action == "RunInstances" || action == "DescribeInstances" || action == "StopInstances" ||
         action == "DescribeAddresses" || action == "Echo" || action == "Fail";
}

std::string FakeBackend::StateOf(const Instance& instance) const {
  return now_ >= instance.settles_at ? instance.to_state : instance.from_state;
}

nlohmann::json FakeBackend::Describe(const std::string& id, const Instance& instance) const {
  nlohmann::json out = {{"InstanceId", id}, {"State", {{"Name", StateOf(instance)}}}};
  if (StateOf(instance) == "running" || StateOf(instance) == "pending") {
    out["PublicIpAddress"] = "203.0.113." + std::to_string(instance.ip_serial);
  }
  return out;
}

Result<nlohmann::json> FakeBackend::Call(std::string_view action, const nlohmann::json& params,
                                         const CallContext& ctx) {
  calls_.push_back({std::string(action), params, ctx});
  if (action == "Echo") return params;
  if (action == "Fail") {
    return MakeError(ErrorCode::kInvalidParameterValue, "Value (x) for parameter y is invalid");
  }
  if (action == "RunInstances") {
    char id[24];
    std::snprintf(id, sizeof id, "i-%017x", next_instance_++);
    Instance& instance = instances_[id];
    instance = {"pending", "running", now_ + kTransition, next_ip_++};
    return nlohmann::json{{"Instances", {Describe(id, instance)}}};
  }
  if (action == "DescribeAddresses") return nlohmann::json{{"Addresses", nlohmann::json::array()}};
  std::vector<std::string> ids;
  if (params.contains("InstanceIds")) ids = params["InstanceIds"].get<std::vector<std::string>>();
  if (action == "DescribeInstances" && !params.contains("InstanceIds")) {
    for (const auto& [id, instance] : instances_) ids.push_back(id);
  }
  for (const std::string& id : ids) {
    if (!instances_.contains(id)) return NotFound(id);
  }
  if (action == "DescribeInstances") {
    nlohmann::json found = nlohmann::json::array();
    for (const std::string& id : ids) found.push_back(Describe(id, instances_[id]));
    return nlohmann::json{{"Reservations", {{{"Instances", found}}}}};
  }
  if (action != "StopInstances") {
    return MakeError(ErrorCode::kInvalidAction,
                     "The action " + std::string(action) + " is not valid");
  }
  nlohmann::json changes = nlohmann::json::array();
  for (const std::string& id : ids) {
    Instance& instance = instances_[id];
    std::string previous = StateOf(instance);
    instance = {"stopping", "stopped", now_ + kTransition, 0};
    changes.push_back({{"InstanceId", id},
                       {"CurrentState", {{"Name", "stopping"}}},
                       {"PreviousState", {{"Name", previous}}}});
  }
  return nlohmann::json{{"StoppingInstances", changes}};
}

Result<Duration> FakeBackend::WaitForInstanceState(const CallContext&, std::string_view instance_id,
                                                   std::string_view state, Duration timeout) {
  auto it = instances_.find(std::string(instance_id));
  if (it == instances_.end()) return NotFound(std::string(instance_id));
  SimTime began = now_;
  if (StateOf(it->second) == state) return Duration{0};
  if (it->second.to_state == state && it->second.settles_at - now_ <= timeout) {
    now_ = it->second.settles_at;
    return now_ - began;
  }
  now_ += timeout;
  return MakeError(
      ErrorCode::kSimExpectationFailed,
      "instance " + std::string(instance_id) + " did not reach " + std::string(state) + " in time");
}

Result<nlohmann::json> FakeBackend::Probe(const nlohmann::json&, const CallContext&) {
  return MakeError(ErrorCode::kSimUnsupported, "probe is not supported yet");
}

Result<nlohmann::json> FakeBackend::Bill(const nlohmann::json&, const CallContext&) {
  return MakeError(ErrorCode::kSimUnsupported, "bill is not supported yet");
}

Result<nlohmann::json> FakeBackend::Latency(const nlohmann::json& spec, const CallContext&) {
  return nlohmann::json{{"from", spec.value("from", "")}, {"rtt_ms", 170}};
}

}  // namespace ec2sim::scenario
