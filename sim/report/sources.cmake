# Sources of sim/report: SVG charts and maps (explicit list).
list(APPEND EC2SIM_CORE_SOURCES
)
