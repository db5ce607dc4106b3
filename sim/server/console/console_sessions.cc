#include "sim/server/console/console_sessions.h"

#include <openssl/rand.h>

#include <cassert>
#include <utility>

namespace ec2sim::server {

std::string RandomHexToken(std::size_t bytes) {
  std::string raw(bytes, '\0');
  int ok = RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes));
  // OpenSSL's generator fails only when the system cannot seed it; a guessable token would be
  // worse than stopping.
  assert(ok == 1);
  if (ok != 1) std::abort();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes * 2);
  for (unsigned char c : raw) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

ConsoleSessions::ConsoleSessions(std::int64_t lifetime_ms, std::size_t capacity)
    : lifetime_ms_(lifetime_ms), capacity_(capacity) {}

std::string ConsoleSessions::Start(ConsoleSession session, std::int64_t now_ms) {
  session.csrf = RandomHexToken(32);
  session.expires_ms = now_ms + lifetime_ms_;
  std::string token = RandomHexToken(32);
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = by_token_.begin(); it != by_token_.end();) {
    it = it->second.expires_ms <= now_ms ? by_token_.erase(it) : std::next(it);
  }
  if (by_token_.size() >= capacity_) {
    auto oldest = by_token_.begin();
    for (auto it = by_token_.begin(); it != by_token_.end(); ++it) {
      if (it->second.expires_ms < oldest->second.expires_ms) oldest = it;
    }
    by_token_.erase(oldest);
  }
  by_token_.emplace(token, std::move(session));
  return token;
}

std::optional<ConsoleSession> ConsoleSessions::Find(std::string_view token,
                                                    std::int64_t now_ms) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_token_.find(token);
  if (it == by_token_.end() || it->second.expires_ms <= now_ms) return std::nullopt;
  return it->second;
}

void ConsoleSessions::End(std::string_view token) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_token_.find(token);
  if (it != by_token_.end()) by_token_.erase(it);
}

}  // namespace ec2sim::server
