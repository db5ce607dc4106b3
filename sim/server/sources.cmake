# Sources of the API server (the only code that includes the HTTP server code, Boost.Asio and
# Boost.Beast).
set(EC2SIM_SERVER_SOURCES
  sim/server/server_clock.cc
  sim/server/http_listener.cc
  sim/server/shared_world.cc
  sim/server/shared_world_replay.cc
  sim/server/shared_world_clock.cc
  sim/server/ec2_endpoint.cc
  sim/server/admin_api.cc
  sim/server/admin_clock.cc
  sim/server/admin_common.cc
  sim/server/admin_prices.cc
  sim/server/admin_lessons.cc
  sim/server/api_server.cc
  sim/server/response_cache.cc
)
# Request signing (SigV4) and classroom users: no HTTP library and no sockets, so tests and fuzz
# targets can use them alone. Absolute paths, usable from any directory.
set(EC2SIM_SERVER_AUTH_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/sigv4.cc
  ${CMAKE_CURRENT_LIST_DIR}/sigv4_canonical.cc
  ${CMAKE_CURRENT_LIST_DIR}/users.cc
)
list(APPEND EC2SIM_SERVER_SOURCES ${EC2SIM_SERVER_AUTH_SOURCES})
# Reading requests from raw bytes (framing, limits, Content-Encoding): no sockets, so the unit
# tests and the fuzz target fuzz_http_request drive it directly.
list(APPEND EC2SIM_SERVER_SOURCES
  sim/server/http_reader.cc
  sim/server/http_inflate.cc
)
# Durability (--state DIR): the journal's file format and the state directory.
list(APPEND EC2SIM_SERVER_SOURCES
  sim/server/journal.cc
  sim/server/state_store.cc
)
# STS and IAM identity calls at the same address.
list(APPEND EC2SIM_SERVER_SOURCES
  sim/server/identity_endpoint.cc
)
# The browser console at /console/ (docs/console.md): sessions and routes, and its page and
# scripts embedded in the binary so it works offline.
list(APPEND EC2SIM_SERVER_SOURCES
  sim/server/console/console_sessions.cc
  sim/server/console/console_routes.cc
)
ec2sim_embed(EC2SIM_SERVER_SOURCES kEc2simConsoleHtml sim/server/console/assets/index.html)
ec2sim_embed(EC2SIM_SERVER_SOURCES kEc2simConsoleCss sim/server/console/assets/console.css)
ec2sim_embed(EC2SIM_SERVER_SOURCES kEc2simConsoleJs sim/server/console/assets/console.js)
ec2sim_embed(EC2SIM_SERVER_SOURCES kEc2simConsoleI18nJs sim/server/console/assets/i18n.js)
ec2sim_embed(EC2SIM_SERVER_SOURCES kEc2simConsolePagesJs sim/server/console/assets/pages.js)
ec2sim_embed(EC2SIM_SERVER_SOURCES kEc2simConsoleResourcesJs sim/server/console/assets/resources.js)
ec2sim_embed(EC2SIM_SERVER_SOURCES kEc2simConsoleNetworkJs sim/server/console/assets/network.js)
ec2sim_embed(EC2SIM_SERVER_SOURCES kEc2simConsoleExtrasJs sim/server/console/assets/extras.js)
ec2sim_embed(EC2SIM_SERVER_SOURCES kEc2simConsoleStorageJs sim/server/console/assets/storage.js)
ec2sim_embed(EC2SIM_SERVER_SOURCES kEc2simConsoleLessonsJs sim/server/console/assets/lessons.js)
ec2sim_embed(EC2SIM_SERVER_SOURCES kEc2simConsoleKeysJs sim/server/console/assets/keys.js)
ec2sim_embed(EC2SIM_SERVER_SOURCES kEc2simConsoleVpcEditJs sim/server/console/assets/vpc_edit.js)
ec2sim_embed(EC2SIM_SERVER_SOURCES kEc2simConsoleAclEditJs sim/server/console/assets/acl_edit.js)
ec2sim_embed(EC2SIM_SERVER_SOURCES kEc2simConsoleBeyondJs sim/server/console/assets/beyond.js)
