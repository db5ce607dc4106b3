list(APPEND EC2SIM_TEST_SOURCES
  model/regions_test.cc
  model/catalog_test.cc
  model/key_material_test.cc
  model/key_import_test.cc
  model/ssh_format_test.cc
  model/ip_test.cc
  model/security_groups_test.cc
  model/resource_ids_test.cc
  model/id_map_test.cc
)
list(APPEND EC2SIM_TEST_SOURCES model/resource_kinds_test.cc)
list(APPEND EC2SIM_TEST_SOURCES model/vpcs_test.cc)
list(APPEND EC2SIM_TEST_SOURCES model/route_tables_test.cc)
list(APPEND EC2SIM_TEST_SOURCES model/key_import_formats_test.cc)
