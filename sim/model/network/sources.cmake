# Sources of sim/model/network (explicit list).
list(APPEND EC2SIM_CORE_SOURCES
)
