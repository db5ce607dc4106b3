// The browser console's sign-in sessions: who a session cookie stands for, its anti-forgery
// token and when it ends. Held in memory only: a server restart signs everyone out, and the
// console then asks to sign in again.
#ifndef EC2SIM_SERVER_CONSOLE_CONSOLE_SESSIONS_H_
#define EC2SIM_SERVER_CONSOLE_CONSOLE_SESSIONS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace ec2sim::server {

struct User;

struct ConsoleSession {
  std::string account;  // 12 digits
  std::string user;     // the classroom user's name, or the access key in open mode
  // The classroom user (points into the server's UserDirectory); null in open mode.
  const User* classroom_user = nullptr;
  bool admin = false;
  // Sent back by the page in the X-Ec2sim-Csrf header of every state-changing request: a
  // cross-site page can make the browser send the cookie but cannot read this value.
  std::string csrf;
  std::int64_t expires_ms = 0;  // wall clock, ms since the Unix epoch
};

class ConsoleSessions {
 public:
  // Sessions last `lifetime_ms` from sign-in; at most `capacity` live at once (the oldest to
  // expire is dropped to make room), so sign-ins cannot grow memory without bound.
  explicit ConsoleSessions(std::int64_t lifetime_ms = 12LL * 3600 * 1000,
                           std::size_t capacity = 10000);

  // Starts a session at `now_ms` and returns its token (64 hex digits from the system's
  // cryptographic random source); fills session.csrf and session.expires_ms.
  std::string Start(ConsoleSession session, std::int64_t now_ms);
  // The live session of `token` at `now_ms`, or nullopt (unknown, ended or expired).
  std::optional<ConsoleSession> Find(std::string_view token, std::int64_t now_ms) const;
  void End(std::string_view token);
  std::int64_t lifetime_ms() const { return lifetime_ms_; }

 private:
  const std::int64_t lifetime_ms_;
  const std::size_t capacity_;
  mutable std::mutex mu_;
  std::map<std::string, ConsoleSession, std::less<>> by_token_;
};

// 2 * `bytes` lowercase hex digits from the system's cryptographic random source.
std::string RandomHexToken(std::size_t bytes);

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_CONSOLE_CONSOLE_SESSIONS_H_
