# Sources of sim/model/network (explicit list).
list(APPEND EC2SIM_MODEL_SOURCES
  sim/model/network/nacl.cc
  sim/model/network/flow.cc
  sim/model/network/compiled_rules.cc
  sim/model/network/view.cc
  sim/model/network/evaluator.cc
  sim/model/network/resolve.cc
  sim/model/network/route_step.cc
  sim/model/network/explain.cc
  sim/model/network/explain_route.cc
  sim/model/network/probe.cc
)
