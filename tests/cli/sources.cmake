# Tests of CLI helpers such as SVG output (explicit list).
list(APPEND EC2SIM_TEST_SOURCES
)
