# Tests of sim/model/latency (explicit list).
list(APPEND EC2SIM_TEST_SOURCES
)
