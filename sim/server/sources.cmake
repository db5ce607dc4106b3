# Sources of the API server (the only code that includes the HTTP library).
set(EC2SIM_SERVER_SOURCES
  sim/server/server_clock.cc
  sim/server/account_pool.cc
  sim/server/ec2_endpoint.cc
  sim/server/admin_api.cc
  sim/server/api_server.cc
)
