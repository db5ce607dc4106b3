# Sources of sim/model/latency (explicit list).
list(APPEND EC2SIM_MODEL_SOURCES
  sim/model/latency/geo.cc
  sim/model/latency/network.cc
  sim/model/latency/router.cc
  sim/model/latency/cities.cc
  sim/model/latency/places.cc
  sim/model/latency/latency.cc
  sim/model/latency/same_region.cc
  sim/model/latency/meaning.cc
)
ec2sim_embed(EC2SIM_MODEL_SOURCES kEc2simLatencyNodesCsv sim/model/latency/data/nodes.csv)
ec2sim_embed(EC2SIM_MODEL_SOURCES kEc2simLatencyEdgesCsv sim/model/latency/data/edges.csv)
ec2sim_embed(EC2SIM_MODEL_SOURCES kEc2simLatencyCitiesCsv sim/model/latency/data/cities.csv)
