# Tests of sim/model/billing (explicit list).
list(APPEND EC2SIM_TEST_SOURCES
)
