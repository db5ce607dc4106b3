// The EC2 Query API endpoint: decodes a request with the EC2 model, runs the action on the
// caller's account and answers in EC2's XML, errors included. Knows no sockets.
#ifndef EC2SIM_SERVER_EC2_ENDPOINT_H_
#define EC2SIM_SERVER_EC2_ENDPOINT_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "sim/server/account_pool.h"
#include "sim/server/http_types.h"

namespace ec2sim::server {

class Ec2Endpoint {
 public:
  // `default_region` serves requests whose signature names no region.
  Ec2Endpoint(AccountPool& accounts, std::string default_region);

  // Answers one request (GET query string or POST form body, or both). Never fails: every
  // problem is an EC2 error response with a 4xx status.
  HttpResponse Handle(const HttpRequest& request);

 private:
  std::string NextRequestId();
  // Cached bodies of catalog actions (see ec2_endpoint.cc), split around the request id.
  struct CachedBody {
    std::string head;
    std::string tail;
  };
  std::optional<CachedBody> FindCached(const std::string& key);
  void Store(const std::string& key, CachedBody body);

  AccountPool& accounts_;
  std::mutex cache_mu_;
  std::map<std::string, CachedBody> cache_;
  const std::string default_region_;
  std::atomic<std::uint64_t> next_request_ = 1;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_EC2_ENDPOINT_H_
