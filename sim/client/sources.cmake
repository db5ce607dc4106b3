# Sources of the HTTP client of `ec2sim serve` (with sim/server, the only code that includes the
# HTTP library): a Backend over the server's admin routes.
set(EC2SIM_CLIENT_SOURCES
  sim/client/endpoint.cc
  sim/client/admin_client.cc
  sim/client/http_backend.cc
  sim/client/connector.cc
)
