list(APPEND EC2SIM_CORE_SOURCES
  sim/engine/errors.cc
  sim/engine/sim_time.cc
  sim/engine/event_queue.cc
  sim/engine/rng.cc
  sim/engine/spelling.cc
)
