// The API server's world under one mutex: ONE Sandbox for every account (open mode), or one
// Sandbox per account, each with a clock of its own (classroom mode).
//
// Shared (open mode): a Sandbox is multi-account (every call names its account, and an account
// sees only its own scopes), so one world gives public IPv4 addresses unique across all
// accounts, probes between accounts, and one clock for all. The Sandbox is brought up to the
// server clock before every use.
//
// Per account (classroom mode, docs/server.md "Each learner's own clock"): a learner must be
// able to let time pass (a stopped server's bill, an idle Elastic IP) without moving another
// learner's bill, and the engine has one clock per Sandbox. So each account gets a Sandbox of
// its own, kept at the server clock plus the account's own offset. A learner's clock move
// changes only that offset; an admin's move of the server clock moves every account. Each
// world's seed is derived from its account id, so two learners draw different ids and public
// addresses. The price: a world holds one account, so a probe cannot reach another account's
// resources (another learner's public IP is an unknown internet address there).
//
// Either way every operation runs in one deterministic order, which is what the journal
// records (state_store.h). Requests run one at a time; decoding and encoding stay outside the
// lock.
//
// With a StateStore (Restore()), every change is journaled under the mutex right after it is
// applied, so the journal's order is the execution order, and the caller gets its answer only
// once the record is on disk. Changes: EC2 actions whose traits call them mutating (every one
// but the Describe*s; sim/api/action_table.h), a Describe* that opened an account's region,
// probes, account and full resets, clock moves, the creation of an account's world (per-account
// mode) and the first sighting of an access key. Records of an account's world carry its offset
// ("o", ms) besides the server clock's time ("t"), so a restart replays each into its world. If the
// journal cannot be written the server stops (exit status 3) rather than acknowledge a change it
// could lose.
#ifndef EC2SIM_SERVER_SHARED_WORLD_H_
#define EC2SIM_SERVER_SHARED_WORLD_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "ec2sim/sandbox.h"
#include "sim/server/server_clock.h"
#include "sim/server/state_store.h"

namespace ec2sim::server {

// Whether accounts share one Sandbox and clock (open mode) or each has its own (classroom mode).
enum class WorldScope { kShared, kPerAccount };

// How a clock runs: standing still, or `speed` simulated ms per wall ms.
struct ClockPace {
  bool paused = false;
  std::int64_t speed = 1;
};

// The world(s) behind one lock (see above).
class SharedWorld {
 public:
  // `base` gives the worlds' options; the shared world starts at base.start, an account's
  // world at the server clock's time when the account is first used.
  SharedWorld(const SandboxOptions& base, ServerClock& clock,
              WorldScope scope = WorldScope::kShared);
  ~SharedWorld();

  // Per-account mode: the quotas of these accounts' worlds instead of base.quotas (a classroom
  // user's "quotas"). Call before serving or replaying; they are configuration, not journaled.
  void SetAccountQuotas(std::map<std::string, AccountQuotas> quotas) {
    account_quotas_ = std::move(quotas);
  }
  // Per-account mode: opt-in regions these accounts' worlds enable besides
  // base.opted_in_regions (a classroom user's "opt_in_regions"). Configuration, as the quotas.
  void SetAccountOptIns(std::map<std::string, std::vector<std::string>> regions) {
    account_opt_ins_ = std::move(regions);
  }

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

  // Runs fn(Sandbox&) under the lock, on the world of `account` at its time, and returns what
  // fn returns once every change journaled so far is durable.
  template <typename Fn>
  auto With(const std::string& account, Fn&& fn) {
    std::unique_lock<std::mutex> lock(mu_);
    Sandbox& sandbox = Use(account);
    if constexpr (std::is_void_v<std::invoke_result_t<Fn, Sandbox&>>) {
      fn(sandbox);
      Finish(lock);
    } else {
      auto result = fn(sandbox);
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
    fn(Use(account));
    Finish(lock);
    return true;
  }

  // Remembers that `access_key` speaks for `account` (for the accounts listing).
  void NoteAccessKey(const std::string& account, const std::string& access_key);
  // Every known account (a region used or an access key seen) with its access keys, sorted.
  std::vector<std::pair<std::string, std::vector<std::string>>> Accounts();

  // Forgets every account: a new world at the clock's time.
  void ResetAll();
  // Forgets one account (Sandbox::ResetAccount; per account: its world and its clock offset)
  // and its access keys; false when it was unknown.
  bool Reset(const std::string& account);
  // Moves the server clock (every account's time) forward by d (>= 0) ms, or to t. Error:
  // kSimInvalidInput when t is past.
  Status AdvanceClock(Duration d);
  Status SetClock(SimTime t);
  // Per account: moves only the time of `account`'s world forward by d (>= 0) ms, or to t
  // (error kSimInvalidInput when t is before its time). Shared: as AdvanceClock and SetClock.
  Status AdvanceAccountClock(const std::string& account, Duration d);
  Status SetAccountClock(const std::string& account, SimTime t);
  // The simulated time of `account` (per account: the server clock plus its offset; shared: the
  // server clock), and its offset (0 when shared). Creates nothing.
  SimTime Now(const std::string& account);
  Duration Offset(const std::string& account);
  // Pauses or resumes the server clock and sets its speed (ServerClock::SetPaused, SetSpeed),
  // journaled. Error: kInvalidParameterValue for a speed out of range.
  Status SetServerPace(std::optional<bool> paused, std::optional<std::int64_t> speed);
  // Per account, wall clock: gives `account` a clock of its own that stands still or runs at
  // its own speed, continuing from its time now; from then on it no longer follows the server
  // clock's pause, speed or moves (a learner who paused asked for time to stand still), only
  // moves of that account. Shared: as SetServerPace. A manual clock stands still anyway:
  // nothing changes. Journaled, and back after a restart.
  Status SetAccountPace(const std::string& account, std::optional<bool> paused,
                        std::optional<std::int64_t> speed);
  // How the server clock runs; how `account`'s clock runs (the server clock's unless it has
  // one of its own).
  ClockPace ServerPace() const;
  ClockPace PaceOf(const std::string& account);
  bool per_account() const { return scope_ == WorldScope::kPerAccount; }

 private:
  // One account's world (per account), or the world of all (shared, under the key "").
  struct Slot {
    std::unique_ptr<Sandbox> sandbox;
    Duration offset = 0;  // ahead of the server clock by this much (per account)
    // A clock of its own (SetAccountPace): time `anchor` at wall ms `anchor_wall`
    // (ServerClock::WallMs), then `pace.speed` per wall ms unless paused. `offset` then keeps
    // its distance from the server clock as of the last catch-up, for the journal's records.
    bool own = false;
    ClockPace pace;
    SimTime anchor = 0;
    std::int64_t anchor_wall = 0;
    std::int64_t replayed_host_ms = -1;  // "w" of its last replayed record
  };
  // The time of a slot's world now: the server clock plus its offset, or its own clock.
  SimTime TimeOf(const Slot& slot) const;
  // The record of a move of the server clock or of an account's own clock: its pace too, when
  // it is not the one the server started with (compaction keeps the last of a run of moves).
  nlohmann::json ServerClockRecord() const;
  static nlohmann::json AccountClockRecord(const std::string& account, const Slot& slot);
  // After a replay: own clocks resume where their last record left them, plus the host time
  // since then when they were running; the server clock gets its journaled pace back.
  void ResumeClocks();
  std::string KeyOf(const std::string& account) const { return per_account() ? account : ""; }
  // The slot of `account`, created (and journaled) when missing, caught up to its time.
  Sandbox& Use(const std::string& account);
  Slot& SlotOf(const std::string& account, SimTime start);
  std::unique_ptr<Sandbox> NewSandbox(const std::string& key, SimTime start);
  void CatchUp(Slot& slot);
  bool KnownLocked(const std::string& account);
  // Appends a record of the change just applied (under the lock); `key` names the world whose
  // time the record carries (nullptr: the server clock's).
  void Journal(nlohmann::json record, const Result<nlohmann::json>* outcome,
               const std::string* key);
  // Compacts when due, releases the lock and waits until the journal is durable.
  void Finish(std::unique_lock<std::mutex>& lock);
  // A short fingerprint of an outcome, kept in its record so that a replay that comes out
  // differently is noticed: the AWS code of an error, or the CRC-32 of the result's JSON.
  static std::string CheckOf(const Result<nlohmann::json>& outcome);
  // Replays one record at start.
  void Apply(const nlohmann::json& record, std::vector<std::string>& notes);
  // Replays one record of a world (call, probe, reset_account, an account's clock).
  void ApplyToWorld(const nlohmann::json& record, SimTime t, std::vector<std::string>& notes);
  Status MoveAccountClock(const std::string& account, Duration d);

  const SandboxOptions base_;
  ServerClock& clock_;
  const WorldScope scope_;
  std::mutex mu_;
  std::map<std::string, Slot> slots_;
  std::map<std::string, std::set<std::string>> access_keys_;
  std::map<std::string, AccountQuotas> account_quotas_;
  std::map<std::string, std::vector<std::string>> account_opt_ins_;
  StateStore* store_ = nullptr;
  std::uint64_t journaled_ = 0;  // number of the last record appended
  // Replay bookkeeping.
  SimTime last_time_ = 0;
  std::int64_t last_wall_ = -1;
  std::uint64_t divergences_ = 0;
  nlohmann::json last_server_clock_;  // the last replayed move of the server clock
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_SHARED_WORLD_H_
