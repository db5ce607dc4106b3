list(APPEND EC2SIM_API_SOURCES
  sim/api/sandbox.cc
  sim/api/action_table.cc
  sim/api/params.cc
  sim/api/aws_members.cc
  sim/api/filters.cc
  sim/api/render.cc
  sim/api/actions_instances.cc
  sim/api/actions_addresses.cc
  sim/api/actions_key_pairs.cc
  sim/api/actions_security_groups.cc
  sim/api/actions_sg_describe.cc
  sim/api/sg_render.cc
  sim/api/actions_tags.cc
  sim/api/actions_describe.cc
  sim/api/actions_images.cc
  sim/api/actions_vpc.cc
)
list(APPEND EC2SIM_API_SOURCES
  sim/api/verb_probe.cc
  sim/api/probe_components.cc
  sim/api/probe_text_ko.cc
  sim/api/probe_text_route_ko.cc
  sim/api/verb_bill.cc
  sim/api/verb_latency.cc
)
list(APPEND EC2SIM_API_SOURCES sim/api/actions_network_acls.cc)
list(APPEND EC2SIM_API_SOURCES sim/api/describe.cc)
list(APPEND EC2SIM_API_SOURCES sim/api/key_use_json.cc)
list(APPEND EC2SIM_API_SOURCES
  sim/api/vpc_render.cc
  sim/api/actions_vpcs.cc
  sim/api/actions_subnets.cc
  sim/api/actions_dhcp_options.cc
  sim/api/actions_internet_gateways.cc
  sim/api/actions_route_tables.cc
  sim/api/route_table_json.cc
  sim/api/actions_peering.cc
)
list(APPEND EC2SIM_API_SOURCES sim/api/actions_nat_gateways.cc)
list(APPEND EC2SIM_API_SOURCES sim/api/verb_traffic.cc)
list(APPEND EC2SIM_API_SOURCES
  sim/api/actions_instance_attributes.cc
  sim/api/instance_attribute_params.cc
  sim/api/actions_credit_specifications.cc
  sim/api/actions_address_attributes.cc
)
list(APPEND EC2SIM_API_SOURCES sim/api/actions_volumes.cc)
list(APPEND EC2SIM_API_SOURCES sim/api/actions_account.cc)
list(APPEND EC2SIM_API_SOURCES
  sim/api/launch_template_json.cc
  sim/api/actions_launch_templates.cc
  sim/api/actions_launch_template_versions.cc
)
list(APPEND EC2SIM_API_SOURCES sim/api/actions_instance_type_offerings.cc)
list(APPEND EC2SIM_API_SOURCES sim/api/verb_cpu.cc)
list(APPEND EC2SIM_API_SOURCES sim/api/actions_snapshots.cc)
list(APPEND EC2SIM_API_SOURCES sim/api/actions_monitoring.cc)
list(APPEND EC2SIM_API_SOURCES sim/api/image_json.cc sim/api/actions_own_images.cc
  sim/api/actions_image_attributes.cc)
list(APPEND EC2SIM_API_SOURCES sim/api/account_permissions.cc)
