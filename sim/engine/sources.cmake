list(APPEND EC2SIM_ENGINE_SOURCES
  sim/engine/errors.cc
  sim/engine/sim_time.cc
  sim/engine/event_queue.cc
  sim/engine/json_depth.cc
  sim/engine/rng.cc
  sim/engine/spelling.cc
  sim/engine/terminal_text.cc
  sim/engine/text_position.cc
  sim/engine/utf8.cc
)
