#include "sim/server/server_clock.h"

#include <chrono>
#include <string>
#include <utility>

namespace ec2sim::server {
namespace {

std::int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

ServerClock::ServerClock(SimTime start, ClockMode mode, std::int64_t speed, WallSource wall)
    : mode_(mode),
      start_speed_(speed < 1 ? 1 : speed),
      wall_(wall ? std::move(wall) : WallSource(SteadyMs)),
      anchor_(start),
      anchor_wall_(wall_()),
      speed_(start_speed_) {}

SimTime ServerClock::NowLocked() const {
  if (mode_ == ClockMode::kManual || paused_) return anchor_;
  std::int64_t elapsed = wall_() - anchor_wall_;
  return elapsed > 0 ? anchor_ + elapsed * speed_ : anchor_;
}

SimTime ServerClock::Now() const {
  std::lock_guard<std::mutex> lock(mu_);
  return NowLocked();
}

void ServerClock::Advance(Duration d) {
  std::lock_guard<std::mutex> lock(mu_);
  if (d > 0) anchor_ += d;
}

Status ServerClock::AdvanceTo(SimTime t) {
  std::lock_guard<std::mutex> lock(mu_);
  SimTime now = NowLocked();
  if (t < now) {
    return MakeError(ErrorCode::kSimInvalidInput, "The clock cannot go back: it is already " +
                                                      FormatIsoTime(now) + ", later than " +
                                                      FormatIsoTime(t));
  }
  anchor_ += t - now;
  return OkStatus();
}

void ServerClock::SetPaused(bool paused) {
  std::lock_guard<std::mutex> lock(mu_);
  if (mode_ == ClockMode::kManual) return;
  // Re-anchor at the time now, so neither pausing nor resuming moves time.
  anchor_ = NowLocked();
  anchor_wall_ = wall_();
  paused_ = paused;
}

Status ServerClock::SetSpeed(std::int64_t speed) {
  if (speed < 1 || speed > kMaxClockSpeed) {
    return MakeError(ErrorCode::kInvalidParameterValue, "speed must be a whole number from 1 to " +
                                                            std::to_string(kMaxClockSpeed) +
                                                            ", got " + std::to_string(speed));
  }
  std::lock_guard<std::mutex> lock(mu_);
  anchor_ = NowLocked();
  anchor_wall_ = wall_();
  speed_ = speed;
  return OkStatus();
}

void ServerClock::Resume(SimTime t, std::int64_t wall_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  if (mode_ == ClockMode::kWall && paused_) {
    // A clock paused before the restart stands exactly where it stopped; the time this clock
    // started at (the host's, before the journal was read) was never shown to anyone.
    anchor_ = t;
    anchor_wall_ = wall_();
    return;
  }
  if (mode_ == ClockMode::kWall && !paused_ && wall_ms >= 0) {
    std::int64_t down = HostMs() - wall_ms;
    if (down > 0) t += down * speed_;
  }
  SimTime now = NowLocked();
  if (t > now) anchor_ += t - now;
}

std::int64_t ServerClock::speed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return speed_;
}

bool ServerClock::paused() const {
  std::lock_guard<std::mutex> lock(mu_);
  return mode_ == ClockMode::kManual || paused_;
}

bool ServerClock::changed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return paused_ || speed_ != start_speed_;
}

std::int64_t ServerClock::HostMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace ec2sim::server
