// SharedWorld's clocks: the server clock under every world, and each account's own time
// (docs/server.md, "Each learner's own clock").
#include "sim/server/shared_world.h"

namespace ec2sim::server {

using nlohmann::json;

SimTime SharedWorld::TimeOf(const Slot& slot) const {
  if (!slot.own) return clock_.Now() + slot.offset;
  std::int64_t ran = slot.pace.paused ? 0 : clock_.WallMs() - slot.anchor_wall;
  return slot.anchor + (ran > 0 ? ran * slot.pace.speed : 0);
}

json SharedWorld::ServerClockRecord() const {
  json record = {{"op", "clock"}};
  if (clock_.changed()) {
    record["paused"] = clock_.paused();
    record["speed"] = clock_.speed();
  }
  return record;
}

json SharedWorld::AccountClockRecord(const std::string& account, const Slot& slot) {
  json record = {{"op", "clock"}, {"account", account}};
  if (slot.own) {
    record["paused"] = slot.pace.paused;
    record["speed"] = slot.pace.speed;
  }
  return record;
}

Status SharedWorld::AdvanceClock(Duration d) {
  std::unique_lock<std::mutex> lock(mu_);
  clock_.Advance(d);
  for (auto& [key, slot] : slots_) {
    if (key.empty()) CatchUp(slot);  // account worlds catch up when next used
  }
  Journal(ServerClockRecord(), nullptr, nullptr);
  Finish(lock);
  return OkStatus();
}

Status SharedWorld::SetClock(SimTime t) {
  std::unique_lock<std::mutex> lock(mu_);
  EC2SIM_RETURN_IF_ERROR(clock_.AdvanceTo(t));
  for (auto& [key, slot] : slots_) {
    if (key.empty()) CatchUp(slot);
  }
  Journal(ServerClockRecord(), nullptr, nullptr);
  Finish(lock);
  return OkStatus();
}

Status SharedWorld::SetServerPace(std::optional<bool> paused, std::optional<std::int64_t> speed) {
  std::unique_lock<std::mutex> lock(mu_);
  if (speed) EC2SIM_RETURN_IF_ERROR(clock_.SetSpeed(*speed));
  if (paused) clock_.SetPaused(*paused);
  for (auto& [key, slot] : slots_) {
    if (key.empty()) CatchUp(slot);
  }
  Journal(ServerClockRecord(), nullptr, nullptr);
  Finish(lock);
  return OkStatus();
}

Status SharedWorld::SetAccountPace(const std::string& account, std::optional<bool> paused,
                                   std::optional<std::int64_t> speed) {
  if (!per_account()) return SetServerPace(paused, speed);
  if (speed && (*speed < 1 || *speed > kMaxClockSpeed)) {
    return MakeError(ErrorCode::kInvalidParameterValue, "speed must be a whole number from 1 to " +
                                                            std::to_string(kMaxClockSpeed) +
                                                            ", got " + std::to_string(*speed));
  }
  // A manual clock moves only when told to; there is no pace to keep.
  if (clock_.mode() == ClockMode::kManual) return OkStatus();
  std::unique_lock<std::mutex> lock(mu_);
  Use(account);
  Slot& slot = slots_.at(account);
  if (!slot.own) slot.pace = ServerPace();
  // Re-anchored at its time now: neither a pause, a resume nor a new speed moves it.
  slot.anchor = TimeOf(slot);
  slot.anchor_wall = clock_.WallMs();
  slot.own = true;
  if (paused) slot.pace.paused = *paused;
  if (speed) slot.pace.speed = *speed;
  CatchUp(slot);
  Journal(AccountClockRecord(account, slot), nullptr, &account);
  Finish(lock);
  return OkStatus();
}

ClockPace SharedWorld::ServerPace() const { return {clock_.paused(), clock_.speed()}; }

ClockPace SharedWorld::PaceOf(const std::string& account) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = slots_.find(KeyOf(account));
  if (it != slots_.end() && it->second.own) return it->second.pace;
  return ServerPace();
}

Status SharedWorld::MoveAccountClock(const std::string& account, Duration d) {
  std::unique_lock<std::mutex> lock(mu_);
  Use(account);
  Slot& slot = slots_.at(account);
  (slot.own ? slot.anchor : slot.offset) += d;
  CatchUp(slot);
  Journal(AccountClockRecord(account, slot), nullptr, &account);
  Finish(lock);
  return OkStatus();
}

Status SharedWorld::AdvanceAccountClock(const std::string& account, Duration d) {
  if (!per_account()) return AdvanceClock(d);
  return MoveAccountClock(account, d < 0 ? 0 : d);
}

Status SharedWorld::SetAccountClock(const std::string& account, SimTime t) {
  if (!per_account()) return SetClock(t);
  SimTime now = Now(account);
  if (t < now) {
    return MakeError(ErrorCode::kSimInvalidInput, "The clock cannot go back: it is already " +
                                                      FormatIsoTime(now) + ", later than " +
                                                      FormatIsoTime(t));
  }
  // The server clock may move between the two locks (wall mode); the move then falls short by
  // those milliseconds, never past t.
  return MoveAccountClock(account, t - now);
}

SimTime SharedWorld::Now(const std::string& account) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = slots_.find(KeyOf(account));
  return it == slots_.end() ? clock_.Now() : TimeOf(it->second);
}

Duration SharedWorld::Offset(const std::string& account) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = slots_.find(KeyOf(account));
  if (it == slots_.end()) return 0;
  return it->second.own ? TimeOf(it->second) - clock_.Now() : it->second.offset;
}

void SharedWorld::ResumeClocks() {
  if (!last_server_clock_.is_null() && clock_.mode() == ClockMode::kWall) {
    // A pace set through the API outlives a restart; a move without one is the start's pace.
    (void)clock_.SetSpeed(last_server_clock_.value("speed", clock_.speed()));
    clock_.SetPaused(last_server_clock_.value("paused", false));
  }
  clock_.Resume(last_time_, last_wall_);
  for (auto& [key, slot] : slots_) {
    if (!slot.own) continue;
    SimTime t = slot.sandbox->Now();
    std::int64_t down = ServerClock::HostMs() - slot.replayed_host_ms;
    if (!slot.pace.paused && slot.replayed_host_ms >= 0 && down > 0) t += down * slot.pace.speed;
    slot.anchor = t;
    slot.anchor_wall = clock_.WallMs();
    slot.offset = t - clock_.Now();
  }
}

}  // namespace ec2sim::server
