list(APPEND EC2SIM_TEST_SOURCES
  engine/sim_time_test.cc
  engine/event_queue_test.cc
  engine/rng_test.cc
  engine/spelling_test.cc
  engine/text_position_test.cc
  engine/json_depth_test.cc
  engine/errors_test.cc
  engine/terminal_text_test.cc
)
