# Network evaluation benchmarks (issue 3): flow verdicts per second with 5 groups x 60 rules and
# 20-entry network ACLs per side, and a reachability sweep of 10,000 instances.
list(APPEND EC2SIM_BENCHMARKS network_verdicts network_sweep)
