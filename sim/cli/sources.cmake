set(EC2SIM_CLI_SOURCES
  sim/cli/main.cc
  sim/cli/table.cc
)
