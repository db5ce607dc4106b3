#include "sim/server/response_cache.h"

#include <utility>

namespace ec2sim::server {

std::string ResponseCache::Key(const CallContext& ctx, std::string_view action,
                               const nlohmann::json& input) {
  std::string key = ctx.account + "\n" + ctx.region + "\n";
  key += action;
  key += "\n" + input.dump();
  return key;
}

std::string ResponseCache::Body::WithRequestId(std::string_view request_id) const {
  std::string out;
  out.reserve(head.size() + request_id.size() + tail.size());
  out += head;
  out += request_id;
  out += tail;
  return out;
}

std::shared_ptr<const ResponseCache::Body> ResponseCache::Find(const std::string& key,
                                                               std::uint64_t version, SimTime now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = bodies_.find(key);
  if (it == bodies_.end() || it->second->version != version) return nullptr;
  if (it->second->at.has_value() && *it->second->at != now) return nullptr;
  return it->second;
}

std::optional<std::string> ResponseCache::Store(const std::string& key, std::string_view marked,
                                                std::uint64_t version, std::optional<SimTime> at,
                                                std::string_view request_id) {
  std::size_t pos = marked.find(kIdMarker);
  if (pos == std::string_view::npos) return std::nullopt;
  auto body = std::make_shared<Body>();
  body->head = std::string(marked.substr(0, pos));
  body->tail = std::string(marked.substr(pos + kIdMarker.size()));
  body->version = version;
  body->at = at;
  std::string out = body->WithRequestId(request_id);
  std::lock_guard<std::mutex> lock(mu_);
  if (bodies_.size() >= kMaxEntries) bodies_.clear();
  bodies_[key] = std::move(body);
  return out;
}

// DescribeInstanceStatus follows the clock: a running instance's checks turn from
// "initializing" to "ok" once status_checks have passed since it started, and no simulated event
// marks that moment, so StateVersion stays put while the answer changes. Time alone changes a
// check only from initializing to ok (state changes are simulated events, which move the
// version), so an answer with no initializing check stays right until the version moves, and
// polls once the checks pass (the instance-status-ok waiter, dashboards) are served from the
// cache even on a wall clock. This needs every filter to ignore the checks, as
// DescribeInstanceStatus's do today (they are DescribeInstances' filters): a filter on
// instance-status.status would need the answer keyed on the time again.
bool ResponseCache::ClockedAnswerHoldsAtAnyTime(const nlohmann::json& result) {
  auto initializing = [](const nlohmann::json& item, const char* check) {
    auto it = item.find(check);
    return it != item.end() && it->is_object() && it->value("Status", "") == "initializing";
  };
  auto statuses = result.find("InstanceStatuses");
  if (statuses == result.end() || !statuses->is_array()) return true;
  for (const nlohmann::json& item : *statuses) {
    if (initializing(item, "InstanceStatus") || initializing(item, "SystemStatus")) return false;
  }
  return true;
}

std::size_t ResponseCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bodies_.size();
}

}  // namespace ec2sim::server
