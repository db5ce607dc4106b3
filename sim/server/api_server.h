// `ec2sim serve`: the EC2 Query API and the admin API over HTTP/1.1 with keep-alive and
// pipelining. Connections are asynchronous (Boost.Asio) and cost no thread; a pool of threads
// runs the requests. This header hides the HTTP code (http_listener.h, http_reader.h).
#ifndef EC2SIM_SERVER_API_SERVER_H_
#define EC2SIM_SERVER_API_SERVER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "ec2sim/result.h"
#include "ec2sim/sandbox.h"
#include "sim/server/admin_api.h"
#include "sim/server/lesson_guide.h"
#include "sim/server/response_cache.h"
#include "sim/server/server_clock.h"
#include "sim/server/users.h"

namespace ec2sim::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 4566;                   // 0 picks a free port
  std::string region = "us-east-1";  // for requests whose signature names no region
  SandboxOptions sandbox{.timing = Timing::kInstant};  // start: the clock's start time
  // False when sandbox.start is the host's time at launch rather than a chosen time: a restart on
  // a state directory then keeps the directory's start without remarking on the difference.
  bool start_pinned = true;
  ClockMode clock = ClockMode::kWall;
  std::int64_t speed = 1;
  bool quiet = false;  // no request log on stderr
  int threads = 64;  // threads that run requests (a request waiting for the world's lock holds one)
  // Open connections from one client address, and in all (the latter also kept below the
  // open-file limit); a connection over either cap is closed at once (docs/hardening.md).
  int max_connections_per_address = 256;
  int max_connections = 4096;
  // Classroom mode: every request must be SigV4-signed by one of these users (admin routes by
  // an admin). Null: open mode, any key maps to its own account.
  std::shared_ptr<const UserDirectory> users;
  // Durability (docs/server.md): a directory for the journal and snapshot; empty keeps the
  // state in memory only. The journal is compacted every `compact_every` records.
  std::string state_dir;
  std::uint64_t compact_every = 10000;
  // Describe answers cached per state version (docs/server.md); off only to measure rendering.
  bool response_cache = true;
  // Its byte budgets, per account and in total (sim/server/response_cache.h).
  ResponseCacheLimits response_cache_limits;
  // The course behind /_ec2sim/lessons and the console's Lessons page; null: none.
  std::shared_ptr<const LessonGuide> lessons;
  // Draws the map behind /_ec2sim/latency-map and the console's latency map; empty: none.
  LatencyMapMaker latency_map;
};

class ApiServer {
 public:
  explicit ApiServer(const ServerOptions& options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // With options.state_dir: locks the directory and rebuilds the state from it, reporting on
  // stderr what was replayed and any damaged journal tail that was cut off. Call before Bind().
  // Errors: kSimUnsupported for files of a newer format, kSimInvalidInput for any other
  // unusable state directory (see StateStore::Open and Replay).
  Status LoadState();
  // Binds the listening socket and returns the port. Error: kSimInvalidInput when the address
  // cannot be bound (in use, not local, ...).
  Result<int> Bind();
  // Serves until Stop(). Precondition: Bind() succeeded. Returns once every worker is done.
  void Run();
  // Ends Run(); callable from any thread, more than once, also before Run().
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_API_SERVER_H_
