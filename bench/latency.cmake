# Benchmarks of the latency model (sim/model/latency).
list(APPEND EC2SIM_BENCHMARKS latency_bench)
