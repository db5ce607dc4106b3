// The simulated clock and its queue of scheduled state changes.
#ifndef EC2SIM_ENGINE_EVENT_QUEUE_H_
#define EC2SIM_ENGINE_EVENT_QUEUE_H_

#include <cstdint>
#include <functional>
#include <queue>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ec2sim/sim_time.h"

namespace ec2sim::engine {

using EventId = std::uint64_t;

// A clock that moves only when told, and the events scheduled on it. Events due at the same
// millisecond run in the order they were scheduled, which keeps runs deterministic.
class Simulation {
 public:
  explicit Simulation(SimTime start) : now_(start) {}

  SimTime now() const { return now_; }

  // Schedules fn to run at now() + delay (delay >= 0). An event may schedule further events;
  // those due no later than the current target time run in the same advance.
  EventId After(Duration delay, std::function<void()> fn);
  // Prevents a scheduled event from running. Cancelling a run or unknown event is a no-op.
  void Cancel(EventId id);

  // Runs every event due at or before now() (events scheduled with zero delay).
  void RunDue() { AdvanceTo(now_); }
  // Moves the clock to t (t >= now()), running due events in time order on the way.
  void AdvanceTo(SimTime t);
  void Advance(Duration d) { AdvanceTo(now_ + d); }
  // Time of the earliest pending event, or -1 when none is pending.
  SimTime NextEventTime();

  std::size_t pending() const { return queue_.size() - cancelled_.size(); }
  // How many events have run since construction.
  std::uint64_t events_run() const { return events_run_; }

 private:
  struct Entry {
    SimTime at;
    EventId id;
    // Min-heap on (at, id): id grows with scheduling order.
    bool operator>(const Entry& o) const { return at != o.at ? at > o.at : id > o.id; }
  };
  void DropCancelledTop();

  SimTime now_;
  EventId next_id_ = 1;
  std::uint64_t events_run_ = 0;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue_;
  std::unordered_map<EventId, std::function<void()>> actions_;
  std::unordered_set<EventId> cancelled_;
};

}  // namespace ec2sim::engine

#endif  // EC2SIM_ENGINE_EVENT_QUEUE_H_
