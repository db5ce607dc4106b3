# Sources of sim/model/latency (explicit list).
list(APPEND EC2SIM_CORE_SOURCES
  sim/model/latency/geo.cc
  sim/model/latency/network.cc
  sim/model/latency/router.cc
  sim/model/latency/cities.cc
  sim/model/latency/places.cc
  sim/model/latency/latency.cc
  sim/model/latency/same_region.cc
  sim/model/latency/meaning.cc
  sim/model/latency/map_svg.cc
)
ec2sim_embed(EC2SIM_EMBEDDED kEc2simLatencyNodesCsv sim/model/latency/data/nodes.csv)
ec2sim_embed(EC2SIM_EMBEDDED kEc2simLatencyEdgesCsv sim/model/latency/data/edges.csv)
ec2sim_embed(EC2SIM_EMBEDDED kEc2simLatencyCitiesCsv sim/model/latency/data/cities.csv)
