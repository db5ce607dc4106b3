// The API server's world: ONE Sandbox for every account, under one mutex.
//
// A Sandbox is multi-account (every call names its account, and an account sees only its own
// scopes), so one world gives what separate worlds could not: public IPv4 addresses unique
// across all accounts, and one deterministic order of every operation, which is what the
// journal records (state_store.h). The price is that requests run one at a time on the world;
// decoding and encoding stay outside the lock. The Sandbox is brought up to the server clock
// before every use.
//
// With a StateStore (Restore()), every change is journaled under the mutex right after it is
// applied, so the journal's order is the execution order, and the caller gets its answer only
// once the record is on disk. Changes: EC2 actions whose traits call them mutating (every one
// but the Describe*s; sim/api/action_table.h), a Describe* that opened an account's region,
// probes, account and full resets, clock moves and the first sighting of an access key. If the
// journal cannot be written the server stops (exit status 3) rather than acknowledge a change it
// could lose.
#ifndef EC2SIM_SERVER_SHARED_WORLD_H_
#define EC2SIM_SERVER_SHARED_WORLD_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "ec2sim/sandbox.h"
#include "sim/server/server_clock.h"
#include "sim/server/state_store.h"

namespace ec2sim::server {

// The one world behind its lock (see above).
class SharedWorld {
 public:
  // `base` gives the world's options; the world starts at base.start.
  SharedWorld(const SandboxOptions& base, ServerClock& clock);
  ~SharedWorld();

  // Makes the world durable: replays the store's records (the world, the access-key notes and
  // the time), moves the clock on from the last record (ServerClock::Resume) and journals
  // every later change into the store. Call once, before serving. Reports in `notes`: a
  // damaged journal tail that was cut off, and any record whose replayed outcome differs from
  // the recorded one. Errors: those of StateStore::Replay.
  Status Restore(StateStore& store, std::vector<std::string>& notes);

  // For an RSA CreateKeyPair with `input` (the action's JSON): makes the key the call will take
  // outside the lock, so a ~200 ms key does not stall every account. Reads the world's next
  // random value under the lock (the key's seed) and fills the process-wide key cache; the
  // call then finds its key there (sim/model/key_cache.h). Does nothing for other key types.
  void PrepareKeyPair(const CallContext& ctx, const nlohmann::json& input);

  // Runs fn(Sandbox&) under the lock, at the clock's time, and returns what fn returns once
  // every change journaled so far is durable. `account` is the caller's (kept for the callers'
  // sake; the world holds every account).
  template <typename Fn>
  auto With(const std::string& account, Fn&& fn) {
    (void)account;
    std::unique_lock<std::mutex> lock(mu_);
    CatchUp();
    if constexpr (std::is_void_v<std::invoke_result_t<Fn, Sandbox&>>) {
      fn(*sandbox_);
      Finish(lock);
    } else {
      auto result = fn(*sandbox_);
      Finish(lock);
      return result;
    }
  }
  // As With, but returns false without calling fn when the account is unknown (no region used
  // and no access key seen).
  template <typename Fn>
  bool WithExisting(const std::string& account, Fn&& fn) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!KnownLocked(account)) return false;
    CatchUp();
    fn(*sandbox_);
    Finish(lock);
    return true;
  }

  // Remembers that `access_key` speaks for `account` (for the accounts listing).
  void NoteAccessKey(const std::string& account, const std::string& access_key);
  // Every known account (a region used or an access key seen) with its access keys, sorted.
  std::vector<std::pair<std::string, std::vector<std::string>>> Accounts();

  // Forgets every account: a new world at the clock's time.
  void ResetAll();
  // Forgets one account (Sandbox::ResetAccount) and its access keys; false when it was unknown.
  bool Reset(const std::string& account);
  // Moves the clock forward by d (>= 0) ms, or to t. Error: kSimInvalidInput when t is past.
  Status AdvanceClock(Duration d);
  Status SetClock(SimTime t);

 private:
  std::unique_ptr<Sandbox> NewSandbox(SimTime start);
  void CatchUp();
  bool KnownLocked(const std::string& account);
  // Appends a record of the change just applied (under the lock).
  void Journal(nlohmann::json record, const Result<nlohmann::json>* outcome);
  // Compacts when due, releases the lock and waits until the journal is durable.
  void Finish(std::unique_lock<std::mutex>& lock);
  // Replays one record at start.
  void Apply(const nlohmann::json& record, std::vector<std::string>& notes);

  const SandboxOptions base_;
  ServerClock& clock_;
  std::mutex mu_;
  std::unique_ptr<Sandbox> sandbox_;
  std::map<std::string, std::set<std::string>> access_keys_;
  StateStore* store_ = nullptr;
  std::uint64_t journaled_ = 0;  // number of the last record appended
  // Replay bookkeeping.
  SimTime last_time_ = 0;
  std::int64_t last_wall_ = -1;
  std::uint64_t divergences_ = 0;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_SHARED_WORLD_H_
