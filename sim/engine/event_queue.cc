#include "sim/engine/event_queue.h"

#include <cassert>
#include <utility>

namespace ec2sim::engine {

EventId Simulation::After(Duration delay, std::function<void()> fn) {
  assert(delay >= 0);
  EventId id = next_id_++;
  queue_.push(Entry{now_ + delay, id});
  actions_.emplace(id, std::move(fn));
  return id;
}

void Simulation::Cancel(EventId id) {
  if (actions_.erase(id) > 0) cancelled_.insert(id);
}

void Simulation::DropCancelledTop() {
  while (!queue_.empty() && cancelled_.erase(queue_.top().id) > 0) queue_.pop();
}

SimTime Simulation::NextEventTime() {
  DropCancelledTop();
  return queue_.empty() ? -1 : queue_.top().at;
}

void Simulation::AdvanceTo(SimTime t) {
  assert(t >= now_);
  for (;;) {
    DropCancelledTop();
    if (queue_.empty() || queue_.top().at > t) break;
    Entry e = queue_.top();
    queue_.pop();
    auto it = actions_.find(e.id);
    assert(it != actions_.end());
    std::function<void()> fn = std::move(it->second);
    actions_.erase(it);
    now_ = e.at;
    ++events_run_;
    fn();
  }
  now_ = t;
}

}  // namespace ec2sim::engine
