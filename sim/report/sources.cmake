# Sources of sim/report: SVG charts and maps (explicit list).
list(APPEND EC2SIM_REPORT_SOURCES
  sim/report/svg.cc
  sim/report/chart.cc
  sim/report/cost_charts.cc
  sim/report/bill_chart.cc
  sim/report/latency_map.cc
  sim/report/cost_report.cc
)
