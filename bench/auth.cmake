# Classroom mode: the cost of authenticating one signed request (sim/server/sigv4.h). Built here
# rather than through EC2SIM_BENCHMARKS because it needs the signing sources of sim/server/.
add_executable(sigv4_verify sigv4_verify.cc ${EC2SIM_SERVER_AUTH_SOURCES})
target_include_directories(sigv4_verify PRIVATE ${PROJECT_SOURCE_DIR})
target_link_libraries(sigv4_verify PRIVATE ec2sim_core benchmark::benchmark OpenSSL::Crypto)
