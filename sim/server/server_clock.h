// The simulated time the API server keeps its sandbox at. In wall mode it follows the host's
// steady clock from the server's start, multiplied by a speed factor; in manual mode it moves
// only when the admin API advances it. Both modes accept manual advances. Thread-safe.
#ifndef EC2SIM_SERVER_SERVER_CLOCK_H_
#define EC2SIM_SERVER_SERVER_CLOCK_H_

#include <atomic>
#include <chrono>
#include <cstdint>

#include "ec2sim/result.h"
#include "ec2sim/sim_time.h"

namespace ec2sim::server {

enum class ClockMode { kWall, kManual };

class ServerClock {
 public:
  // `speed` (>= 1) simulated milliseconds pass per wall millisecond in wall mode.
  ServerClock(SimTime start, ClockMode mode, std::int64_t speed);

  // The simulated time now. Never decreases.
  SimTime Now() const;
  // Moves simulated time forward by d (>= 0) ms on top of whatever the wall clock adds.
  void Advance(Duration d);
  // Moves simulated time forward to t. Error: kSimInvalidInput when t is in the past.
  Status AdvanceTo(SimTime t);

  // Continues from a previous run that last recorded simulated time `t` at host time
  // `wall_ms` (ms since the Unix epoch; < 0 when that run's clock was manual). A manual clock,
  // or a wall clock after a manual run, resumes at t; a wall clock after a wall run resumes at
  // t plus the host time since then (times the speed), so the downtime passes as it would have
  // while running and no time a client saw before the restart comes again. Never goes back.
  void Resume(SimTime t, std::int64_t wall_ms);
  // The host's time in ms since the Unix epoch (for the journal; never reaches the model).
  static std::int64_t HostMs();

  ClockMode mode() const { return mode_; }
  std::int64_t speed() const { return speed_; }

 private:
  const SimTime start_;
  const ClockMode mode_;
  const std::int64_t speed_;
  const std::chrono::steady_clock::time_point wall_start_;
  std::atomic<Duration> offset_{0};
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_SERVER_CLOCK_H_
