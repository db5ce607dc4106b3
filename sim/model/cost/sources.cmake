# Sources of sim/model/cost (explicit list).
list(APPEND EC2SIM_MODEL_SOURCES
  sim/model/cost/timeline.cc
  sim/model/cost/fleet.cc
  sim/model/cost/profile.cc
  sim/model/cost/onprem.cc
  sim/model/cost/cloud.cc
  sim/model/cost/compare.cc
)
