// The EC2 Query API endpoint: decodes a request with the EC2 model, runs the action on the
// caller's account and answers in EC2's XML, errors included. Knows no sockets.
#ifndef EC2SIM_SERVER_EC2_ENDPOINT_H_
#define EC2SIM_SERVER_EC2_ENDPOINT_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "ec2sim/sim_time.h"
#include "sim/server/http_types.h"
#include "sim/server/shared_world.h"
#include "sim/server/users.h"

namespace ec2sim::server {

class Ec2Endpoint {
 public:
  // `default_region` serves requests whose signature names no region. With `users` (classroom
  // mode; must outlive the endpoint) every request must carry a valid SigV4 signature of one of
  // them and runs on that user's account; without (open mode) any key maps to its own account.
  Ec2Endpoint(SharedWorld& world, std::string default_region, const UserDirectory* users = nullptr);

  // Answers one request (GET query string or POST form body, or both). Never fails: every
  // problem is an EC2 error response with a 4xx status.
  HttpResponse Handle(const HttpRequest& request);

  // Whether Describe answers are cached per state version (on by default; off only to measure
  // rendering), DescribeInstanceStatus's also per simulated time while a check is initializing.
  // Catalog answers are always cached. Call before serving.
  void set_response_cache(bool on) { response_cache_ = on; }

 private:
  std::string NextRequestId();
  // Cached bodies of catalog actions and of Describe actions at one Sandbox::StateVersion (see
  // ec2_endpoint.cc), split around the request id. Catalog bodies have version 0.
  struct CachedBody {
    std::string head;
    std::string tail;
    std::uint64_t version = 0;
    // For an answer that changes with the clock alone: the only simulated time it is served at.
    std::optional<SimTime> at;
  };
  // The body cached under `key` if it was rendered at `version` (and at `now` when it has `at`).
  std::shared_ptr<const CachedBody> FindCached(const std::string& key, std::uint64_t version,
                                               SimTime now);
  void Store(const std::string& key, std::shared_ptr<const CachedBody> body);

  SharedWorld& world_;
  std::mutex cache_mu_;
  std::map<std::string, std::shared_ptr<const CachedBody>> cache_;
  bool response_cache_ = true;
  const std::string default_region_;
  const UserDirectory* const users_;
  std::atomic<std::uint64_t> next_request_ = 1;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_EC2_ENDPOINT_H_
