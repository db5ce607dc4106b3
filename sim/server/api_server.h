// `ec2sim serve`: the EC2 Query API and the admin API over HTTP/1.1 with keep-alive and a pool
// of worker threads. This header hides the HTTP library; only api_server.cc includes it.
#ifndef EC2SIM_SERVER_API_SERVER_H_
#define EC2SIM_SERVER_API_SERVER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "ec2sim/result.h"
#include "ec2sim/sandbox.h"
#include "sim/server/server_clock.h"

namespace ec2sim::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 4566;                   // 0 picks a free port
  std::string region = "us-east-1";  // for requests whose signature names no region
  SandboxOptions sandbox{.timing = Timing::kInstant};  // start: the clock's start time
  ClockMode clock = ClockMode::kWall;
  std::int64_t speed = 1;
  bool quiet = false;  // no request log on stderr
  int threads = 64;    // workers; an open keep-alive connection holds one while it waits
};

class ApiServer {
 public:
  explicit ApiServer(const ServerOptions& options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds the listening socket and returns the port. Error: kSimInvalidInput when the address
  // cannot be bound (in use, not local, ...).
  Result<int> Bind();
  // Serves until Stop(). Precondition: Bind() succeeded. Returns once every worker is done.
  void Run();
  // Stops accepting and ends Run(); callable from any thread, more than once.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_API_SERVER_H_
