# Tests of sim/model/cost (explicit list).
list(APPEND EC2SIM_TEST_SOURCES
)
