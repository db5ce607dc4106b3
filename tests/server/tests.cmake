# Tests of the API server (owned by the server work). tests/CMakeLists.txt includes this file
# after it has created ec2sim_tests.

# The codec's unit tests (sim/wire/) join ec2sim_tests.
include(${CMAKE_CURRENT_LIST_DIR}/../wire/sources.cmake)
target_sources(ec2sim_tests PRIVATE ${EC2SIM_WIRE_TEST_SOURCES})

# End-to-end tests: each starts `ec2sim serve --port 0` on loopback, drives it with real clients
# and stops it. Debian's Python, where python3-boto3 and awscli install.
#
# ec2sim_server_py_test(NAME [ENV VAR=VALUE...] [TIMEOUT SECONDS] [NO_SKIP]) adds the ctest
# `server.NAME` running tests/server/NAME_test.py, labelled `server`, with EC2SIM_BINARY set to
# the built binary plus the ENV entries. TIMEOUT defaults to 900 s. Exit status 77 (harness.SKIP:
# a client such as the AWS CLI or Node.js is missing) counts as skipped unless NO_SKIP is given,
# for tests that need nothing beyond Python and must never pass by skipping.
function(ec2sim_server_py_test name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "NO_SKIP" "TIMEOUT" "ENV")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "ec2sim_server_py_test(${name}): unknown ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 900)
  endif()
  list(PREPEND arg_ENV "EC2SIM_BINARY=$<TARGET_FILE:ec2sim>")
  add_test(NAME server.${name}
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/${name}_test.py)
  set_tests_properties(server.${name} PROPERTIES
    ENVIRONMENT "${arg_ENV}"
    TIMEOUT ${arg_TIMEOUT}
    LABELS server)
  if(NOT arg_NO_SKIP)
    set_tests_properties(server.${name} PROPERTIES SKIP_RETURN_CODE 77)
  endif()
endfunction()

set(EC2SIM_SERVER_PY_TESTS
  cli_walkthrough   # the seed walkthrough with the AWS CLI and its waiters
  boto3_api         # every action, error codes, pagination, filters, tags, isolation
  protocol_admin    # raw Query requests, malformed input, admin API, clocks, shutdown
  js_sdk            # the AWS SDK for JavaScript v3; skipped without Node.js and npm
  nat_gateway       # NAT gateways with boto3, the traffic route, their bill after a restart
  instance_attributes  # attributes, credits, metadata, console output, PTR records, key formats
  volumes           # EBS volumes with boto3 and the AWS CLI, after a restart
  opt_in_regions    # --opt-in, a users file's opt_in_regions, DescribeRegions AllRegions, AuthFailure
  launch_templates  # launch templates: versions, default, RunInstances from one, restart
  instance_type_offerings  # DescribeInstanceTypeOfferings and Unsupported, boto3 and the AWS CLI
  cpu_credits       # the cpu route, surplus CPU credits on the bill, after a restart
  snapshots         # EBS snapshots: wait, share, restore in another account, copy, restart
  monitoring        # detailed monitoring and EBS encryption by default, after a restart
  images            # own images: create, wait, share, launch in another account, copy, restart
)
foreach(name ${EC2SIM_SERVER_PY_TESTS})
  ec2sim_server_py_test(${name} ENV "EC2SIM_JS_DIR=${CMAKE_BINARY_DIR}/js-sdk")
endforeach()

# The checked-in wire model matches the action table and Debian's botocore model.
add_test(NAME server.wire_model_up_to_date
         COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/tools/trim_ec2_model.py --check)
set_tests_properties(server.wire_model_up_to_date PROPERTIES LABELS server)

# `ec2sim lesson check --endpoint` and `lesson progress` against a server driven by the AWS CLI,
# and the /_ec2sim/call route they read through.
ec2sim_server_py_test(lesson_remote)

# Unknown image ids, unmodelled parameters and the wall clock's start, through boto3 and raw
# Query requests (docs/model.md, "Requests").
ec2sim_server_py_test(fail_loudly)

# The browser console: its routes, sessions and isolation over HTTP, and the blog post's walk
# clicked in a real Chromium in English and Korean (screenshots in the build tree).
ec2sim_server_py_test(console_http NO_SKIP)
ec2sim_server_py_test(console_browser
  ENV "EC2SIM_SCREENSHOTS=${CMAKE_BINARY_DIR}/test-output/console")
# The key pairs page, an idle address's price, and the page's recovery from a lost server.
ec2sim_server_py_test(console_keys_browser)
# Creating and editing from the console's pages (VPCs, ACLs, rules, "My IP", snapshots, images,
# launch templates), clicked in Chromium.
ec2sim_server_py_test(console_edit_browser
  ENV "EC2SIM_SCREENSHOTS=${CMAKE_BINARY_DIR}/test-output/console")
# The pages beyond the real console: clock pause and speed, latency map, the path as a picture,
# the class's lesson progress.
ec2sim_server_py_test(console_extras_browser
  ENV "EC2SIM_SCREENSHOTS=${CMAKE_BINARY_DIR}/test-output/console")
# axe-core (fetched from the npm registry, integrity-checked) on every console page.
ec2sim_server_py_test(console_a11y)

# `ec2sim run --endpoint URL`: scenario files on a running server, exit statuses as locally.
ec2sim_server_py_test(run_endpoint NO_SKIP)

# The HTTP client's Backend against an in-process server (joins ec2sim_tests).
if(TARGET ec2sim_client)
  target_sources(ec2sim_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/http_backend_test.cc)
  target_link_libraries(ec2sim_tests PRIVATE ec2sim_client ec2sim_server)
endif()

# Classroom mode: SigV4 and the users file (unit tests), and the signed server end to end.
if(TARGET ec2sim_server)
  target_sources(ec2sim_tests PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/sigv4_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/sigv4_required_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/users_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/console_sessions_test.cc)
  target_link_libraries(ec2sim_tests PRIVATE ec2sim_server)
endif()
ec2sim_server_py_test(auth_classroom)
# Pausing the clock and changing its speed: own clocks, the server clock, a restart.
ec2sim_server_py_test(clock_pace)

# Durability (--state DIR): the journal format and state directory (unit tests), and SIGKILL
# under load with restarts (3 kills here; `kill_test.py --kills 50` for a long run).
target_sources(ec2sim_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/journal_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/state_store_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/clock_pace_test.cc)
ec2sim_server_py_test(kill TIMEOUT 600 NO_SKIP)

# Reading HTTP requests from raw bytes: framing, limits, Content-Encoding (no sockets).
if(TARGET ec2sim_server)
  target_sources(ec2sim_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/http_reader_test.cc)
  target_link_libraries(ec2sim_tests PRIVATE ec2sim_server ZLIB::ZLIB)
endif()
# Hostile HTTP against `ec2sim serve`: oversized and compressed bodies, smuggling-prone headers,
# pipelining, log injection, slow connections and the per-address connection cap.
ec2sim_server_py_test(hostile_http TIMEOUT 300 NO_SKIP)

# The Describe answer cache of the EC2 endpoint (no sockets; joins ec2sim_tests).
if(TARGET ec2sim_server)
  target_sources(ec2sim_tests PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/describe_cache_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/response_cache_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/identity_endpoint_test.cc)
  target_link_libraries(ec2sim_tests PRIVATE ec2sim_server)
endif()
# The cache attack of issue 14 against a real server: VmRSS stays under a ceiling.
ec2sim_server_py_test(cache_memory TIMEOUT 300 NO_SKIP)

# A classroom end to end: every lesson's solution run and checked by a non-admin learner on a
# classroom server, each account on a clock of its own, restarts, `lesson start` and progress.
ec2sim_server_py_test(classroom_clock TIMEOUT 600 NO_SKIP)

# Own VPCs, subnets and DHCP options sets with the AWS CLI and boto3: a Terraform-like sequence,
# the error codes of bad input, and a restart that replays them (docs/network.md).
ec2sim_server_py_test(vpc)
# Internet gateways, route tables and VPC peering with the AWS CLI and boto3 (docs/network.md).
ec2sim_server_py_test(routes)

# Ansible's amazon.aws collection creates and removes a web server's key pair, security group,
# instance and Elastic IP (tests/server/ansible/*.yml); skipped without Debian's `ansible`.
ec2sim_server_py_test(ansible)
# The pytest plugin (python/pytest_ec2sim) and its example suite, as a user runs them from a
# checkout: no pip, the package on PYTHONPATH, Debian's pytest (python3-pytest).
add_test(NAME server.pytest_plugin
         COMMAND /usr/bin/python3 -m pytest -p pytest_ec2sim -p no:cacheprovider -q
                 ${PROJECT_SOURCE_DIR}/tests/pytest_plugin)
set_tests_properties(server.pytest_plugin PROPERTIES
  ENVIRONMENT "EC2SIM_BINARY=$<TARGET_FILE:ec2sim>;PYTHONPATH=${PROJECT_SOURCE_DIR}/python"
  TIMEOUT 300
  LABELS server)

# STS/IAM identity at the EC2 endpoint, the quota flags and per-user quotas, the ready file.
ec2sim_server_py_test(identity NO_SKIP)
