// The EC2 Query API endpoint: decodes a request with the EC2 model, runs the action on the
// caller's account and answers in EC2's XML, errors included. Knows no sockets.
#ifndef EC2SIM_SERVER_EC2_ENDPOINT_H_
#define EC2SIM_SERVER_EC2_ENDPOINT_H_

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "ec2sim/sim_time.h"
#include "sim/server/http_types.h"
#include "sim/server/response_cache.h"
#include "sim/server/shared_world.h"
#include "sim/server/users.h"
#include "sim/wire/query_decoder.h"

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
  // The same for a caller the server has already authenticated another way (the browser
  // console's session): runs the request's action on `ctx` without reading a signature.
  HttpResponse HandleAs(const HttpRequest& request, const CallContext& ctx);

  // Whether Describe answers are cached per state version (on by default; off only to measure
  // rendering), DescribeInstanceStatus's also per simulated time while a check is initializing.
  // Catalog answers are always cached. Call before serving.
  void set_response_cache(bool on) { response_cache_ = on; }
  // The cache's byte budgets (ResponseCacheLimits). Call before serving.
  void set_response_cache_limits(ResponseCacheLimits limits) { cache_.set_limits(limits); }

 private:
  // The steps of Handle, in order. Each failing step ends the request with its error.
  struct DecodedCall;
  struct Answer;
  std::string NextRequestId();
  static HttpResponse Failed(HttpResponse& response, const Error& error,
                             const std::string& request_id);
  // Decode, call and encode for an authorized caller.
  HttpResponse Run(const wire::QueryParams& params, const CallContext& ctx,
                   const std::string& request_id);
  // Classroom mode: the request's signature (nullopt in open mode, where nothing is checked).
  Result<std::optional<AuthenticatedCaller>> CheckSignature(const HttpRequest& request) const;
  // Whose account and which region the request runs in; notes the access key it came with.
  Result<CallContext> Authorize(const HttpRequest& request, const wire::QueryParams& params,
                                const std::optional<AuthenticatedCaller>& caller);
  // The call of `action` (known to the action table): its wire operation, its input in the
  // model's JSON, and how its answer may be cached.
  Result<DecodedCall> DecodeCall(const std::string& action, const wire::QueryParams& params,
                                 const CallContext& ctx) const;
  // Runs the call on the world, or finds its answer in the cache.
  Result<Answer> Call(const CallContext& ctx, const DecodedCall& call);
  // The XML body of the answer for `request_id`, stored in the cache when the call is cacheable.
  std::string Encode(const DecodedCall& call, const Answer& answer, const std::string& request_id);

  SharedWorld& world_;
  ResponseCache cache_;
  bool response_cache_ = true;
  const std::string default_region_;
  const UserDirectory* const users_;
  std::atomic<std::uint64_t> next_request_ = 1;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_EC2_ENDPOINT_H_
