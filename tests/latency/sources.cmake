# Tests of sim/model/latency (explicit list).
list(APPEND EC2SIM_TEST_SOURCES
  latency/calibration.cc
  latency/accuracy_test.cc
  latency/network_test.cc
  latency/router_test.cc
  latency/physical_limit_test.cc
  latency/places_test.cc
  latency/same_region_test.cc
  latency/meaning_test.cc
  latency/verb_test.cc
)
