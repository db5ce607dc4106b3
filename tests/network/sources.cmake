# Tests of sim/model/network (explicit list).
list(APPEND EC2SIM_TEST_SOURCES
)
