# The include-direction check of the build's layers.
list(APPEND EC2SIM_TEST_SOURCES
  layers/include_layers.cc
  layers/layering_test.cc
  layers/korean_terms_test.cc
)
