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

# `ec2sim lesson check --endpoint` and `lesson progress` against a server driven by the AWS CLI,
# and the /_ec2sim/call route they read through.
add_test(NAME server.lesson_remote
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/lesson_remote_test.py)
set_tests_properties(server.lesson_remote PROPERTIES
  ENVIRONMENT "EC2SIM_BINARY=$<TARGET_FILE:ec2sim>"
  SKIP_RETURN_CODE 77
  TIMEOUT 900
  LABELS server)

# The HTTP RemoteConnector against an in-process server (joins ec2sim_tests).
if(TARGET ec2sim_server)
  target_sources(ec2sim_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/remote_state_test.cc)
  target_link_libraries(ec2sim_tests PRIVATE ec2sim_server)
endif()

# Classroom mode: SigV4 and the users file (unit tests), and the signed server end to end.
if(TARGET ec2sim_server)
  target_sources(ec2sim_tests PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/sigv4_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/users_test.cc)
  target_link_libraries(ec2sim_tests PRIVATE ec2sim_server)
endif()
add_test(NAME server.auth_classroom
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/auth_classroom_test.py)
set_tests_properties(server.auth_classroom PROPERTIES
  ENVIRONMENT "EC2SIM_BINARY=$<TARGET_FILE:ec2sim>"
  SKIP_RETURN_CODE 77
  TIMEOUT 900
  LABELS server)

# Durability (--state DIR): the journal format and state directory (unit tests), and SIGKILL
# under load with restarts (3 kills here; `kill_test.py --kills 50` for a long run).
target_sources(ec2sim_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/journal_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/state_store_test.cc)
add_test(NAME server.kill
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/kill_test.py)
set_tests_properties(server.kill PROPERTIES
  ENVIRONMENT "EC2SIM_BINARY=$<TARGET_FILE:ec2sim>"
  TIMEOUT 600
  LABELS server)

# The Describe answer cache of the EC2 endpoint (no sockets; joins ec2sim_tests).
if(TARGET ec2sim_server)
  target_sources(ec2sim_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/describe_cache_test.cc)
  target_link_libraries(ec2sim_tests PRIVATE ec2sim_server)
endif()
