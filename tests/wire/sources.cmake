# Unit tests of the EC2 Query codec (sim/wire/), added to ec2sim_tests by tests/server/tests.cmake.
set(EC2SIM_WIRE_TEST_SOURCES
  wire/service_model_test.cc
  wire/query_decoder_test.cc
  wire/protocol_fields_test.cc
  wire/xml_encoder_test.cc
  wire/caller_test.cc
  wire/result_fit_test.cc
  wire/limits_test.cc
)
