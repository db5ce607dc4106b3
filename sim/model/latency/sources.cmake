# Sources of sim/model/latency (explicit list).
list(APPEND EC2SIM_CORE_SOURCES
)
