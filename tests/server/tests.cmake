# Tests of the API server (owned by the server work). tests/CMakeLists.txt includes this file
# after it has created ec2sim_tests.

# The codec's unit tests (sim/wire/) join ec2sim_tests.
include(${CMAKE_CURRENT_LIST_DIR}/../wire/sources.cmake)
target_sources(ec2sim_tests PRIVATE ${EC2SIM_WIRE_TEST_SOURCES})

# End-to-end tests: each starts `ec2sim serve --port 0` on loopback, drives it with real clients
# and stops it. Debian's Python, where python3-boto3 and awscli install.
set(EC2SIM_SERVER_PY_TESTS
  cli_walkthrough   # the seed walkthrough with the AWS CLI and its waiters
  boto3_api         # every action, error codes, pagination, filters, tags, isolation
  protocol_admin    # raw Query requests, malformed input, admin API, clocks, shutdown
  js_sdk            # the AWS SDK for JavaScript v3; skipped without Node.js and npm
)
foreach(name ${EC2SIM_SERVER_PY_TESTS})
  add_test(NAME server.${name}
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/${name}_test.py)
  set_tests_properties(server.${name} PROPERTIES
    ENVIRONMENT "EC2SIM_BINARY=$<TARGET_FILE:ec2sim>;EC2SIM_JS_DIR=${CMAKE_BINARY_DIR}/js-sdk"
    SKIP_RETURN_CODE 77
    TIMEOUT 900
    LABELS server)
endforeach()

# The checked-in wire model matches the action table and Debian's botocore model.
add_test(NAME server.wire_model_up_to_date
         COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/tools/trim_ec2_model.py --check)
set_tests_properties(server.wire_model_up_to_date PROPERTIES LABELS server)
