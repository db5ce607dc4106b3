# Sources of sim/model/billing (explicit list).
list(APPEND EC2SIM_CORE_SOURCES
)
