#include "sim/server/server_clock.h"

namespace ec2sim::server {

ServerClock::ServerClock(SimTime start, ClockMode mode, std::int64_t speed)
    : start_(start),
      mode_(mode),
      speed_(speed < 1 ? 1 : speed),
      wall_start_(std::chrono::steady_clock::now()) {}

SimTime ServerClock::Now() const {
  SimTime t = start_ + offset_.load();
  if (mode_ == ClockMode::kWall) {
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - wall_start_);
    t += elapsed.count() * speed_;
  }
  return t;
}

void ServerClock::Advance(Duration d) {
  if (d > 0) offset_.fetch_add(d);
}

Status ServerClock::AdvanceTo(SimTime t) {
  SimTime now = Now();
  if (t < now) {
    return MakeError(ErrorCode::kSimInvalidInput, "The clock cannot go back: it is already " +
                                                      FormatIsoTime(now) + ", later than " +
                                                      FormatIsoTime(t));
  }
  Advance(t - now);
  return OkStatus();
}

void ServerClock::Resume(SimTime t, std::int64_t wall_ms) {
  if (mode_ == ClockMode::kWall && wall_ms >= 0) {
    std::int64_t down = HostMs() - wall_ms;
    if (down > 0) t += down * speed_;
  }
  SimTime now = Now();
  if (t > now) Advance(t - now);
}

std::int64_t ServerClock::HostMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace ec2sim::server
