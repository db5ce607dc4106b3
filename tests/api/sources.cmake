list(APPEND EC2SIM_TEST_SOURCES
  api/test_support.cc
  api/instances_test.cc
  api/addresses_test.cc
  api/key_pairs_test.cc
  api/key_replay_test.cc
  api/security_groups_test.cc
  api/sg_rules_test.cc
  api/describe_test.cc
  api/tags_test.cc
  api/probe_rtt_test.cc
  api/state_version_test.cc
  api/limits_test.cc
  api/sandbox_reset_test.cc
  api/params_test.cc
  api/action_traits_test.cc
  api/fail_loudly_test.cc
)
list(APPEND EC2SIM_TEST_SOURCES api/resource_kinds_test.cc api/describe_skeleton_test.cc)
list(APPEND EC2SIM_TEST_SOURCES api/vpcs_test.cc api/subnets_test.cc api/dhcp_options_test.cc)
list(APPEND EC2SIM_TEST_SOURCES api/route_tables_test.cc)
list(APPEND EC2SIM_TEST_SOURCES api/nat_gateways_test.cc)
list(APPEND EC2SIM_TEST_SOURCES api/instance_attributes_test.cc api/credit_specifications_test.cc api/address_attributes_test.cc)
list(APPEND EC2SIM_TEST_SOURCES api/volumes_test.cc)
list(APPEND EC2SIM_TEST_SOURCES api/volume_modifications_test.cc)
list(APPEND EC2SIM_TEST_SOURCES api/account_attributes_test.cc)
list(APPEND EC2SIM_TEST_SOURCES api/launch_templates_test.cc)
list(APPEND EC2SIM_TEST_SOURCES api/instance_type_offerings_test.cc)
list(APPEND EC2SIM_TEST_SOURCES api/snapshots_test.cc)
list(APPEND EC2SIM_TEST_SOURCES api/monitoring_test.cc)
list(APPEND EC2SIM_TEST_SOURCES api/images_test.cc)
