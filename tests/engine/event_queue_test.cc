#include "sim/engine/event_queue.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ec2sim::engine {
namespace {

TEST(Simulation, RunsEventsInTimeOrderAndMovesTheClock) {
  Simulation sim(1000);
  std::vector<std::string> log;
  sim.After(30, [&] { log.push_back("c@" + std::to_string(sim.now())); });
  sim.After(10, [&] { log.push_back("a@" + std::to_string(sim.now())); });
  sim.After(20, [&] { log.push_back("b@" + std::to_string(sim.now())); });
  sim.Advance(25);
  EXPECT_EQ(log, (std::vector<std::string>{"a@1010", "b@1020"}));
  EXPECT_EQ(sim.now(), 1025);
  sim.Advance(100);
  EXPECT_EQ(log.back(), "c@1030");
  EXPECT_EQ(sim.now(), 1125);
}

TEST(Simulation, SameTimeEventsRunInSchedulingOrder) {
  Simulation sim(0);
  std::string order;
  for (char c : std::string("abcdef")) sim.After(5, [&order, c] { order += c; });
  sim.Advance(5);
  EXPECT_EQ(order, "abcdef");
}

TEST(Simulation, CancelledEventsNeverRun) {
  Simulation sim(0);
  int runs = 0;
  EventId id = sim.After(10, [&] { ++runs; });
  sim.After(20, [&] { ++runs; });
  sim.Cancel(id);
  sim.Cancel(id);      // twice is harmless
  sim.Cancel(99999);   // unknown is harmless
  EXPECT_EQ(sim.pending(), 1u);
  sim.Advance(100);
  EXPECT_EQ(runs, 1);
}

TEST(Simulation, EventsScheduledByEventsRunInTheSameAdvance) {
  Simulation sim(0);
  std::vector<SimTime> times;
  sim.After(10, [&] {
    times.push_back(sim.now());
    sim.After(5, [&] { times.push_back(sim.now()); });
    sim.After(0, [&] { times.push_back(sim.now()); });
  });
  sim.Advance(100);
  EXPECT_EQ(times, (std::vector<SimTime>{10, 10, 15}));
}

TEST(Simulation, ZeroDelayEventsRunOnRunDueWithoutMovingTheClock) {
  Simulation sim(500);
  bool ran = false;
  sim.After(0, [&] { ran = true; });
  EXPECT_FALSE(ran);
  sim.RunDue();
  EXPECT_TRUE(ran);
  EXPECT_EQ(sim.now(), 500);
  EXPECT_EQ(sim.NextEventTime(), -1);
}

}  // namespace
}  // namespace ec2sim::engine
