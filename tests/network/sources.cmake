# Tests of sim/model/network (explicit list).
list(APPEND EC2SIM_TEST_SOURCES
  network/compiled_rules_test.cc
  network/nacl_actions_test.cc
  network/sg_evaluation_test.cc
  network/probe_path_test.cc
  network/probe_korean_test.cc
  network/conntrack_test.cc
  network/confined_probe_test.cc
  network/probe_transcript_test.cc
  network/probe_routes_test.cc
)
