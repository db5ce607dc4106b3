list(APPEND EC2SIM_MODEL_SOURCES
  sim/model/csv.cc
  sim/model/regions.cc
  sim/model/catalog.cc
  sim/model/key_material.cc
  sim/model/key_cache.cc
  sim/model/key_files.cc
  sim/model/seeded_openssl.cc
  sim/model/ssh_format.cc
  sim/model/ip.cc
  sim/model/tags.cc
  sim/model/instance.cc
  sim/model/world.cc
  sim/model/vpc/default_vpc.cc
  sim/model/vpc/routing.cc
  sim/model/vpc/vpcs.cc
  sim/model/vpc/subnets.cc
  sim/model/vpc/dhcp_options.cc
  sim/model/vpc/nat_gateways.cc
  sim/model/vpc/traffic.cc
  sim/model/instances.cc
  sim/model/launch.cc
  sim/model/addresses.cc
  sim/model/key_pairs.cc
  sim/model/security_groups.cc
  sim/model/sg_rules.cc
  sim/model/resource_ids.cc
  sim/model/resource_events.cc
  sim/model/resource_kinds.cc
)
ec2sim_embed(EC2SIM_MODEL_SOURCES kEc2simRegionsCsv sim/model/data/regions.csv)
ec2sim_embed(EC2SIM_MODEL_SOURCES kEc2simInstanceTypesCsv sim/model/data/instance_types.csv)
ec2sim_embed(EC2SIM_MODEL_SOURCES kEc2simPricesCsv sim/model/data/prices.csv)
ec2sim_embed(EC2SIM_MODEL_SOURCES kEc2simImagesCsv sim/model/data/images.csv)
ec2sim_embed(EC2SIM_MODEL_SOURCES kEc2simPublicIpBlocksCsv sim/model/data/public_ip_blocks.csv)
# Appended rather than inserted, so that the quick preset's unity batches of the files above
# stay as they were (launch.cc and sg_rules.cc share a file-local name).
list(APPEND EC2SIM_MODEL_SOURCES
  sim/model/vpc/internet_gateways.cc
  sim/model/vpc/route_tables.cc
  sim/model/vpc/peering.cc
  sim/model/volumes.cc
  sim/model/volume_modifications.cc
)
list(APPEND EC2SIM_MODEL_SOURCES sim/model/instance_attributes.cc)
list(APPEND EC2SIM_MODEL_SOURCES sim/model/key_import_formats.cc)
list(APPEND EC2SIM_MODEL_SOURCES sim/model/launch_templates/launch_templates.cc)
list(APPEND EC2SIM_MODEL_SOURCES sim/model/type_offerings.cc)
ec2sim_embed(EC2SIM_MODEL_SOURCES kEc2simZoneTypeGapsCsv sim/model/data/zone_type_gaps.csv)
list(APPEND EC2SIM_MODEL_SOURCES sim/model/snapshots.cc)
list(APPEND EC2SIM_MODEL_SOURCES sim/model/images/images.cc sim/model/images/image_launch.cc)
