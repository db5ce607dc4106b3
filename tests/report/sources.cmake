# Tests of sim/report (explicit list).
list(APPEND EC2SIM_TEST_SOURCES
  report/xml_check.cc
  report/xml_check_test.cc
  report/svg_test.cc
  report/chart_test.cc
  report/cost_report_test.cc
  report/bill_chart_test.cc
  report/latency_map_test.cc
)
