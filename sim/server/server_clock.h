// The simulated time the API server keeps its sandbox at. In wall mode it follows the host's
// steady clock from the server's start, multiplied by a speed factor, and may be paused and its
// speed changed while running; in manual mode it moves only when the admin API advances it (it
// is always paused, in effect). Both modes accept manual advances. Thread-safe.
#ifndef EC2SIM_SERVER_SERVER_CLOCK_H_
#define EC2SIM_SERVER_SERVER_CLOCK_H_

#include <cstdint>
#include <functional>
#include <mutex>

#include "ec2sim/result.h"
#include "ec2sim/sim_time.h"

namespace ec2sim::server {

enum class ClockMode { kWall, kManual };

// The fastest a clock may run: simulated ms per wall ms (as `serve --speed`).
inline constexpr std::int64_t kMaxClockSpeed = 1'000'000;

class ServerClock {
 public:
  // Milliseconds of a monotonic host clock (tests pass one they move by hand).
  using WallSource = std::function<std::int64_t()>;

  // `speed` (1 to kMaxClockSpeed) simulated milliseconds pass per wall millisecond in wall
  // mode. `wall`: the host clock to follow; empty: std::chrono::steady_clock.
  ServerClock(SimTime start, ClockMode mode, std::int64_t speed, WallSource wall = {});

  // The simulated time now. Never decreases.
  SimTime Now() const;
  // Moves simulated time forward by d (>= 0) ms on top of whatever the wall clock adds.
  void Advance(Duration d);
  // Moves simulated time forward to t. Error: kSimInvalidInput when t is in the past.
  Status AdvanceTo(SimTime t);
  // Wall mode: stops time where it is, or lets it run on from there (never back). Manual mode:
  // nothing changes, the clock stands still between advances anyway.
  void SetPaused(bool paused);
  // Wall mode: from now on `speed` simulated ms pass per wall ms, continuing from the time
  // now. Error: kInvalidParameterValue outside 1..kMaxClockSpeed.
  Status SetSpeed(std::int64_t speed);

  // Continues from a previous run that last recorded simulated time `t` at host time
  // `wall_ms` (ms since the Unix epoch; < 0 when that run's clock was manual). A paused wall
  // clock (SetPaused before Resume) stands at t exactly. A manual clock, or a wall clock after
  // a manual run, resumes at t; a running wall clock after a
  // wall run resumes at t plus the host time since then (times the speed), so the downtime
  // passes as it would have while running and no time a client saw before the restart comes
  // again. Never goes back.
  void Resume(SimTime t, std::int64_t wall_ms);
  // The host's time in ms since the Unix epoch (for the journal; never reaches the model).
  static std::int64_t HostMs();
  // The monotonic host clock this clock follows, in ms (account clocks follow it too).
  std::int64_t WallMs() const { return wall_(); }

  ClockMode mode() const { return mode_; }
  std::int64_t speed() const;
  // Whether time stands still between advances: a paused wall clock, or any manual clock.
  bool paused() const;
  // Whether pause or speed differ from how the server was started (worth journaling).
  bool changed() const;

 private:
  SimTime NowLocked() const;

  const ClockMode mode_;
  const std::int64_t start_speed_;
  const WallSource wall_;
  mutable std::mutex mu_;
  // Simulated time `anchor_` at host time `anchor_wall_`; from there, speed_ per wall ms.
  SimTime anchor_;
  std::int64_t anchor_wall_;
  std::int64_t speed_;
  bool paused_ = false;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_SERVER_CLOCK_H_
