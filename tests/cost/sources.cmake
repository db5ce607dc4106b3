# Tests of sim/model/cost (explicit list).
list(APPEND EC2SIM_TEST_SOURCES
  cost/timeline_test.cc
  cost/profile_test.cc
  cost/onprem_test.cc
  cost/cloud_test.cc
  cost/compare_test.cc
)
