// SharedWorld's restart: replaying the state directory's records into the world(s).
#include "sim/server/shared_world.h"

namespace ec2sim::server {

using nlohmann::json;

Status SharedWorld::Restore(StateStore& store, std::vector<std::string>& notes) {
  std::unique_lock<std::mutex> lock(mu_);
  last_time_ = base_.start;
  EC2SIM_RETURN_IF_ERROR(store.Replay([&](const json& record) { Apply(record, notes); }, notes));
  if (divergences_ > 1) {
    notes.push_back(std::to_string(divergences_) +
                    " replayed records in all came out differently from their first run");
  }
  ResumeClocks();
  store_ = &store;
  journaled_ = store.last_n();
  return OkStatus();
}

void SharedWorld::Apply(const json& record, std::vector<std::string>& notes) {
  SimTime t = record.value("t", SimTime{0});
  std::string op = record.value("op", "");
  std::string account = record.value("account", "");
  last_wall_ = record.contains("w") ? record.value("w", std::int64_t{-1}) : -1;
  if (t > last_time_) last_time_ = t;
  if (!per_account() && op != "reset_all") {
    // Every record of the shared world brings it to the record's time, as the live run did.
    Slot& shared = slots_.at("");
    if (t > shared.sandbox->Now()) shared.sandbox->Advance(t - shared.sandbox->Now());
  }
  if (op == "reset_all") {
    slots_.clear();
    if (!per_account()) slots_[""].sandbox = NewSandbox("", t);
    access_keys_.clear();
  } else if (op == "key") {
    access_keys_[account].insert(record.value("access_key", ""));
  } else if (op == "world") {
    if (per_account()) SlotOf(account, t);
  } else if (op == "reset_world") {
    slots_.erase(KeyOf(account));
    access_keys_.erase(account);
  } else if (op == "clock" && !record.contains("account")) {
    // The server clock's move: last_time_ holds it; an account's world catches up when used.
    last_server_clock_ = record;
  } else {
    ApplyToWorld(record, t, notes);
  }
}

void SharedWorld::ApplyToWorld(const json& record, SimTime t, std::vector<std::string>& notes) {
  std::string op = record.value("op", "");
  std::string account = record.value("account", "");
  // A journal written before accounts had worlds of their own has no "world" record: such a
  // world starts at its first record.
  Slot& slot = SlotOf(account, t);
  if (per_account()) slot.offset = record.value("o", Duration{0});
  SimTime at = t + slot.offset;
  if (at > slot.sandbox->Now()) slot.sandbox->Advance(at - slot.sandbox->Now());
  slot.replayed_host_ms = record.value("w", std::int64_t{-1});
  if (op == "clock") {
    // A move of an account's own clock carries its pace (SharedWorld::AccountClockRecord).
    slot.own = per_account() && record.contains("paused");
    if (slot.own)
      slot.pace = {record.value("paused", false), record.value("speed", std::int64_t{1})};
    return;
  }
  if (op == "reset_account") access_keys_.erase(account);
  Result<json> outcome = slot.sandbox->Replay(record);
  if (record.contains("check") && record["check"] != CheckOf(outcome)) {
    // The simulation should be deterministic; say so loudly if it was not.
    if (divergences_++ == 0) {
      notes.push_back("record " + std::to_string(record.value("n", std::uint64_t{0})) + " (" + op +
                      " " + record.value("action", "") + " for " + account +
                      ") came out differently on replay: recorded " + record["check"].dump() +
                      ", now " + CheckOf(outcome));
    }
  }
}

}  // namespace ec2sim::server
