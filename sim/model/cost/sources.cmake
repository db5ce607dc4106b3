# Sources of sim/model/cost (explicit list).
list(APPEND EC2SIM_CORE_SOURCES
)
