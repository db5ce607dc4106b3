# Action-table benchmarks: the cost of one EC2 call through Sandbox::Call, and of encoding its
# result as the Query API's XML (what `ec2sim serve` does per request, minus HTTP).
list(APPEND EC2SIM_BENCHMARKS api_calls)
