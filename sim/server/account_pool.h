// The API server's accounts: one Sandbox per account, created on the account's first request.
//
// Keeping each account in its own Sandbox makes isolation structural (no request of one access
// key can reach another account's resources), lets one account be reset by dropping its
// Sandbox, and lets requests of different accounts run in parallel. Every Sandbox is brought up
// to the server clock before it is used, so all accounts share one simulated time. A Sandbox is
// not thread-safe, so each one has its own mutex.
#ifndef EC2SIM_SERVER_ACCOUNT_POOL_H_
#define EC2SIM_SERVER_ACCOUNT_POOL_H_

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ec2sim/sandbox.h"
#include "sim/server/server_clock.h"

namespace ec2sim::server {

class AccountPool {
 public:
  // `base` gives the timing, pricing and seed of every account's Sandbox; its start is
  // replaced by the clock's time when the Sandbox is created. The default account
  // (123456789012) uses base.seed, so its ids match a scenario run with that seed; any other
  // account uses base.seed mixed with a hash of its id.
  AccountPool(const SandboxOptions& base, ServerClock& clock);

  // Runs fn(Sandbox&) on the account's Sandbox, created if needed, under its lock and at the
  // clock's time. Returns what fn returns.
  template <typename Fn>
  auto With(const std::string& account, Fn&& fn) {
    std::shared_ptr<Entry> entry = Get(account, /*create=*/true);
    std::lock_guard<std::mutex> lock(entry->mu);
    CatchUp(*entry->sandbox);
    return fn(*entry->sandbox);
  }
  // As With, but returns false without calling fn when the account has no Sandbox.
  template <typename Fn>
  bool WithExisting(const std::string& account, Fn&& fn) {
    std::shared_ptr<Entry> entry = Get(account, /*create=*/false);
    if (entry == nullptr) return false;
    std::lock_guard<std::mutex> lock(entry->mu);
    CatchUp(*entry->sandbox);
    fn(*entry->sandbox);
    return true;
  }

  // Remembers that `access_key` speaks for `account` (for the accounts listing).
  void NoteAccessKey(const std::string& account, const std::string& access_key);
  // Every account with a Sandbox and the access keys seen for it, sorted by account.
  std::vector<std::pair<std::string, std::vector<std::string>>> Accounts();

  // Forgets every account. Requests already running finish on the old Sandboxes.
  void ResetAll();
  // Forgets one account; false when it had no Sandbox.
  bool Reset(const std::string& account);

 private:
  struct Entry {
    std::mutex mu;
    std::unique_ptr<Sandbox> sandbox;
    std::set<std::string> access_keys;  // guarded by AccountPool::mu_
  };

  std::shared_ptr<Entry> Get(const std::string& account, bool create);
  void CatchUp(Sandbox& sandbox);

  const SandboxOptions base_;
  ServerClock& clock_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<Entry>> accounts_;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_ACCOUNT_POOL_H_
