# Sources of sim/report: SVG charts and maps (explicit list).
list(APPEND EC2SIM_CORE_SOURCES
  sim/report/svg.cc
  sim/report/chart.cc
  sim/report/cost_charts.cc
  sim/report/cost_report.cc
)
