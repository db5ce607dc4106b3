# Tests of sim/report (explicit list).
list(APPEND EC2SIM_TEST_SOURCES
)
