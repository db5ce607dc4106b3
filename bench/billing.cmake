# Billing benchmarks: 10,000 instances stopped and started every simulated day for a year, then
# billed; and the same number of state changes squeezed into one simulated day.
list(APPEND EC2SIM_BENCHMARKS billing_year)
