#include "sim/client/http_backend.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "sim/client/endpoint.h"

namespace ec2sim::client {
namespace {

using nlohmann::json;

bool IsStateName(std::string_view state) {
  static constexpr std::array<std::string_view, 6> kStates = {
      "pending", "running", "shutting-down", "terminated", "stopping", "stopped"};
  return std::find(kStates.begin(), kStates.end(), state) != kStates.end();
}

// Reservations[0].Instances[0].State.Name of a DescribeInstances answer, when it is a string.
std::optional<std::string> FirstInstanceState(const json& found) {
  const json* node = &found;
  auto member = [&node](const char* key) {
    if (!node->is_object()) return false;
    auto it = node->find(key);
    if (it == node->end()) return false;
    node = &*it;
    return true;
  };
  auto first = [&node] {
    if (!node->is_array() || node->empty()) return false;
    node = &node->front();
    return true;
  };
  if (member("Reservations") && first() && member("Instances") && first() && member("State") &&
      member("Name") && node->is_string()) {
    return node->get<std::string>();
  }
  return std::nullopt;
}

bool Refused(const Error& error) {
  int status = HttpStatus(error.code);
  return status == 401 || status == 403;
}

}  // namespace

HttpBackend::HttpBackend(std::shared_ptr<AdminClient> client, std::string account, std::string who)
    : client_(std::move(client)), account_(std::move(account)), who_(std::move(who)) {}

std::string HttpBackend::Target(std::string_view route, const CallContext& ctx) const {
  std::string who =
      !account_.empty() && ctx.account == account_ ? who_ : "account=" + PercentEncode(ctx.account);
  return "/_ec2sim/" + std::string(route) + "?" + who + "&region=" + PercentEncode(ctx.region);
}

Result<json> HttpBackend::Call(std::string_view action, const json& params,
                               const CallContext& ctx) {
  return client_->Post(Target("call", ctx), {{"Action", action}, {"Params", params}});
}

bool HttpBackend::HasAction(std::string_view action) const { return client_->HasAction(action); }

Result<json> HttpBackend::Probe(const json& spec, const CallContext& ctx) {
  return client_->Post(Target("probe", ctx), spec);
}

Result<json> HttpBackend::Bill(const json& spec, const CallContext& ctx) {
  return client_->Post(Target("bill", ctx), spec);
}

Result<json> HttpBackend::Traffic(const json& spec, const CallContext& ctx) {
  return client_->Post(Target("traffic", ctx), spec);
}

Result<json> HttpBackend::Cpu(const json& spec, const CallContext& ctx) {
  return client_->Post(Target("cpu", ctx), spec);
}

Result<json> HttpBackend::Latency(const json& spec, const CallContext& ctx) {
  return client_->Post(Target("latency", ctx), spec);
}

std::string HttpBackend::ClockTarget() const {
  // The backend's own account's clock: on a classroom server each account has its own, and a
  // learner may move only theirs. Without an account, the server clock.
  return "/_ec2sim/clock" + (account_.empty() ? std::string() : "?" + who_);
}

Result<SimTime> HttpBackend::ReadClock() {
  Result<json> clock = client_->Get(ClockTarget());
  if (clock.ok()) {
    auto ms = clock->is_object() ? clock->find("epoch_ms") : clock->end();
    if (ms != clock->end() && ms->is_number_integer()) return ms->get<SimTime>();
    return MakeError(ErrorCode::kSimNotFound,
                     client_->endpoint() + " answered /_ec2sim/clock without epoch_ms");
  }
  if (!Refused(clock.error())) return std::move(clock).error();
  // A classroom server of an older ec2sim keeps the clock route to its admins; its open health
  // route tells the time to the second.
  EC2SIM_ASSIGN_OR_RETURN(json health, client_->Get("/_ec2sim/health"));
  auto time = health.is_object() ? health.find("time") : health.end();
  if (time == health.end() || !time->is_string()) {
    return MakeError(ErrorCode::kSimNotFound,
                     client_->endpoint() + " answered /_ec2sim/health without the time");
  }
  return ParseIsoTime(time->get<std::string>());
}

Status HttpBackend::AdvanceClock(Duration d) {
  if (d <= 0) return OkStatus();
  Result<json> moved = client_->Post(ClockTarget(), {{"advance", FormatDuration(d)}});
  if (!moved.ok()) {
    Error error = std::move(moved).error();
    error.message = "moving the clock of " + client_->endpoint() + ": " + error.message;
    return error;
  }
  return OkStatus();
}

Result<std::string> HttpBackend::InstanceState(const CallContext& ctx,
                                               std::string_view instance_id) {
  EC2SIM_ASSIGN_OR_RETURN(
      json found, Call("DescribeInstances", {{"InstanceIds", {std::string(instance_id)}}}, ctx));
  std::optional<std::string> state = FirstInstanceState(found);
  if (!state) {
    return MakeError(ErrorCode::kSimNotFound, client_->endpoint() + " described instance " +
                                                  std::string(instance_id) + " without its state");
  }
  return *state;
}

Result<Duration> HttpBackend::WaitForInstanceState(const CallContext& ctx,
                                                   std::string_view instance_id,
                                                   std::string_view state, Duration timeout) {
  // The same refusal and message as a Sandbox's, before anything is asked of the server.
  if (!IsStateName(state)) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Unknown instance state '" + std::string(state) +
                         "' (expected pending, running, stopping, stopped, shutting-down or "
                         "terminated)");
  }
  Duration waited = 0;
  for (;;) {
    EC2SIM_ASSIGN_OR_RETURN(std::string now, InstanceState(ctx, instance_id));
    if (now == state) return waited;
    if (waited >= timeout) {
      return MakeError(ErrorCode::kSimExpectationFailed,
                       "Instance " + std::string(instance_id) + " did not reach state '" +
                           std::string(state) + "' within " + FormatDuration(timeout) + " (it is " +
                           now + ")");
    }
    Duration step = std::min(kWaitStep, timeout - waited);
    EC2SIM_RETURN_IF_ERROR(AdvanceClock(step));
    waited += step;
  }
}

}  // namespace ec2sim::client
