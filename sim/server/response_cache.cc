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
  auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  const Body& body = *it->second.body;
  if (body.version != version || (body.at.has_value() && *body.at != now)) return nullptr;
  std::list<const std::string*>& lru = accounts_[it->second.account].lru;
  lru.splice(lru.begin(), lru, it->second.lru);
  return it->second.body;
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
  const std::size_t cost = key.size() + body->head.size() + body->tail.size() + kEntryOverhead;
  // Keys start with the account (Key()).
  std::string account = key.substr(0, key.find('\n'));
  std::lock_guard<std::mutex> lock(mu_);
  if (auto old = entries_.find(key); old != entries_.end()) EraseLocked(old);
  if (cost > limits_.per_account_bytes || cost > limits_.total_bytes) return out;
  MakeRoomLocked(account, cost);
  auto [it, inserted] = entries_.emplace(key, Entry{std::move(body), account, cost, {}});
  Account& a = accounts_[account];
  by_bytes_.erase({a.bytes, account});
  a.bytes += cost;
  by_bytes_.insert({a.bytes, account});
  a.lru.push_front(&it->first);
  it->second.lru = a.lru.begin();
  bytes_ += cost;
  return out;
}

void ResponseCache::EraseLocked(Entries::iterator it) {
  auto a = accounts_.find(it->second.account);
  by_bytes_.erase({a->second.bytes, a->first});
  a->second.bytes -= it->second.cost;
  a->second.lru.erase(it->second.lru);
  bytes_ -= it->second.cost;
  if (a->second.lru.empty()) {
    accounts_.erase(a);
  } else {
    by_bytes_.insert({a->second.bytes, a->first});
  }
  entries_.erase(it);
}

void ResponseCache::MakeRoomLocked(const std::string& account, std::size_t incoming) {
  for (auto a = accounts_.find(account);
       a != accounts_.end() && a->second.bytes + incoming > limits_.per_account_bytes;
       a = accounts_.find(account)) {
    EraseLocked(entries_.find(*a->second.lru.back()));
  }
  while (bytes_ + incoming > limits_.total_bytes && !by_bytes_.empty()) {
    const std::string& largest = by_bytes_.rbegin()->second;
    EraseLocked(entries_.find(*accounts_.find(largest)->second.lru.back()));
  }
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
  return entries_.size();
}

std::size_t ResponseCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

std::size_t ResponseCache::account_bytes(const std::string& account) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = accounts_.find(account);
  return it == accounts_.end() ? 0 : it->second.bytes;
}

}  // namespace ec2sim::server
