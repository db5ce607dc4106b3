#include "sim/server/ec2_endpoint.h"

#include <cstdio>
#include <utility>

#include "ec2sim/sandbox.h"
#include "sim/api/action_table.h"
#include "sim/wire/caller.h"
#include "sim/wire/query_decoder.h"
#include "sim/wire/service_model.h"
#include "sim/wire/xml_encoder.h"

namespace ec2sim::server {
namespace {

constexpr const char* kXml = "text/xml;charset=UTF-8";

void Fail(HttpResponse& response, const Error& error, const std::string& request_id) {
  response.status = HttpStatus(error.code);
  // Simulator-only codes never reach an EC2 client with a 5xx status.
  if (response.status >= 500 && error.code != ErrorCode::kInternalError &&
      error.code != ErrorCode::kRequestLimitExceeded) {
    response.status = 400;
  }
  response.content_type = kXml;
  response.error_code = std::string(AwsCode(error.code));
  response.body = wire::EncodeError(AwsCode(error.code), error.message, request_id);
}

// Actions whose answer depends only on the static catalog, the region and the request, never
// on account state or the clock. Their XML is cached, so the hot read-only calls an SDK makes
// (DescribeRegions before almost anything) skip the action table.
bool IsCatalogAction(std::string_view action) {
  return action == "DescribeRegions" || action == "DescribeAvailabilityZones" ||
         action == "DescribeInstanceTypes" || action == "DescribeImages";
}

// Bounds the cache; distinct catalog queries are few in practice.
constexpr std::size_t kMaxCached = 4096;
// Stands for the request id in a cached body; catalog results never contain it.
constexpr char kIdMarker[] = "@@ec2sim-request-id@@";

bool IsForm(const HttpRequest& request) {
  return request.content_type.empty() ||
         request.content_type.rfind("application/x-www-form-urlencoded", 0) == 0;
}

}  // namespace

Ec2Endpoint::Ec2Endpoint(AccountPool& accounts, std::string default_region)
    : accounts_(accounts), default_region_(std::move(default_region)) {}

std::string Ec2Endpoint::NextRequestId() {
  // UUID-shaped, as EC2's are; unique per server run.
  char id[40];
  std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012llx",
                static_cast<unsigned long long>(next_request_.fetch_add(1)));
  return id;
}

HttpResponse Ec2Endpoint::Handle(const HttpRequest& request) {
  HttpResponse response;
  std::string request_id = NextRequestId();

  Result<wire::QueryParams> params = wire::ParseFormUrlEncoded(request.query);
  if (params.ok() && request.method == "POST" && !request.body.empty()) {
    if (!IsForm(request)) {
      Fail(response,
           MakeError(ErrorCode::kInvalidParameterValue,
                     "The EC2 Query API takes application/x-www-form-urlencoded bodies, not " +
                         request.content_type),
           request_id);
      return response;
    }
    Result<wire::QueryParams> body = wire::ParseFormUrlEncoded(request.body);
    if (!body.ok()) {
      params = std::move(body).error();
    } else {
      params->insert(params->end(), body->begin(), body->end());
    }
  }
  if (!params.ok()) {
    Fail(response, params.error(), request_id);
    return response;
  }

  // Who and where: the SigV4 credential scope, from the header or a presigned URL.
  std::optional<wire::Credential> credential = wire::ParseCredential(request.authorization);
  if (!credential) {
    if (auto presigned = wire::FindParam(*params, "X-Amz-Credential")) {
      credential = wire::ParseCredential(*presigned);
    }
  }
  CallContext ctx{std::string(kDefaultAccount), default_region_};
  if (credential) {
    ctx.account = wire::AccountForAccessKey(credential->access_key_id);
    ctx.region = credential->region;
    accounts_.NoteAccessKey(ctx.account, credential->access_key_id);
  }
  response.account = ctx.account;
  response.region = ctx.region;

  std::optional<std::string> action = wire::FindParam(*params, "Action");
  if (!action || action->empty()) {
    Fail(response,
         MakeError(ErrorCode::kMissingParameter, "The request must contain the parameter Action"),
         request_id);
    return response;
  }
  response.action = *action;
  const wire::ServiceModel& model = wire::ServiceModel::Ec2();
  const wire::Operation* op = model.FindOperation(*action);
  if (api::ActionTable::Get().Find(*action) == nullptr) {
    Fail(response,
         MakeError(ErrorCode::kInvalidAction,
                   "The action " + *action +
                       " is not valid for this web service. (ec2sim does not implement it; "
                       "GET /_ec2sim/health lists the actions it serves.)"),
         request_id);
    return response;
  }
  if (op == nullptr) {
    // Caught by the WireModel tests; reachable only when the model file was not regenerated.
    Fail(response,
         MakeError(ErrorCode::kUnsupportedOperation,
                   "ec2sim implements " + *action +
                       " but its wire model lacks it: run tools/trim_ec2_model.py and rebuild"),
         request_id);
    return response;
  }
  Result<nlohmann::json> input = wire::DecodeQuery(op->input, *params);
  if (!input.ok()) {
    Fail(response, input.error(), request_id);
    return response;
  }
  response.content_type = kXml;
  std::string cache_key;
  if (IsCatalogAction(*action)) {
    cache_key = ctx.account + "\n" + ctx.region + "\n" + *action + "\n" + input->dump();
    if (std::optional<CachedBody> hit = FindCached(cache_key)) {
      response.body = hit->head + request_id + hit->tail;
      return response;
    }
  }
  Result<nlohmann::json> result =
      accounts_.With(ctx.account, [&](Sandbox& s) { return s.Call(*action, *input, ctx); });
  if (!result.ok()) {
    Fail(response, result.error(), request_id);
    return response;
  }
  if (cache_key.empty()) {
    response.body = wire::EncodeResult(model, *op, *result, request_id);
    return response;
  }
  std::string marked = wire::EncodeResult(model, *op, *result, kIdMarker);
  std::size_t at = marked.find(kIdMarker);
  if (at == std::string::npos) {
    response.body = wire::EncodeResult(model, *op, *result, request_id);
    return response;
  }
  CachedBody body{marked.substr(0, at), marked.substr(at + sizeof(kIdMarker) - 1)};
  response.body = body.head + request_id + body.tail;
  Store(cache_key, std::move(body));
  return response;
}

std::optional<Ec2Endpoint::CachedBody> Ec2Endpoint::FindCached(const std::string& key) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  auto it = cache_.find(key);
  if (it == cache_.end()) return std::nullopt;
  return it->second;
}

void Ec2Endpoint::Store(const std::string& key, CachedBody body) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  if (cache_.size() >= kMaxCached) cache_.clear();
  cache_.emplace(key, std::move(body));
}

}  // namespace ec2sim::server
