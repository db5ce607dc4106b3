# Sources of the API server (the only code that includes the HTTP library).
set(EC2SIM_SERVER_SOURCES
)
