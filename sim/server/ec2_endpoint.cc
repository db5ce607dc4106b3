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

// Describe actions whose answer follows from the account's resources alone, not from the clock.
// Their XML is cached under Sandbox::StateVersion, so polling an unchanged world (SDK waiters,
// CI loops, dashboards) skips rendering; any other call or simulated event changes the version,
// and the next poll renders.
bool IsStateDescribe(std::string_view action) {
  return action == "DescribeInstances" || action == "DescribeAddresses" ||
         action == "DescribeKeyPairs" || action == "DescribeSecurityGroups" ||
         action == "DescribeSecurityGroupRules" || action == "DescribeNetworkAcls" ||
         action == "DescribeNetworkInterfaces" || action == "DescribeVpcs" ||
         action == "DescribeSubnets" || action == "DescribeTags";
}

// DescribeInstanceStatus follows the clock too: a running instance's checks turn from
// "initializing" to "ok" once status_checks have passed since it started, and no simulated
// event marks that moment, so StateVersion stays put while the answer changes. Its XML is
// cached under the version and the simulated time it was rendered at (see ServedAtAnyTime).
bool IsClockDescribe(std::string_view action) { return action == "DescribeInstanceStatus"; }

// Whether a DescribeInstanceStatus answer holds for every later time at the same state version.
// Time alone changes a check only from initializing to ok (state changes are simulated events,
// which move the version), so an answer with no initializing check stays right until the version
// moves, and polls once the checks pass (the instance-status-ok waiter, dashboards) are served
// from the cache even on a wall clock. This needs every filter to ignore the checks, as
// DescribeInstanceStatus's do today (they are DescribeInstances' filters): a filter on
// instance-status.status would need the answer keyed on the time again.
bool ServedAtAnyTime(const nlohmann::json& result) {
  auto initializing = [](const nlohmann::json& item, const char* check) {
    auto it = item.find(check);
    return it != item.end() && it->is_object() && it->value("Status", "") == "initializing";
  };
  auto statuses = result.find("InstanceStatuses");
  if (statuses == result.end() || !statuses->is_array()) return true;
  for (const nlohmann::json& item : *statuses) {
    if (initializing(item, "InstanceStatus") || initializing(item, "SystemStatus")) return false;
  }
  return true;
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

Ec2Endpoint::Ec2Endpoint(SharedWorld& world, std::string default_region, const UserDirectory* users)
    : world_(world), default_region_(std::move(default_region)), users_(users) {}

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

  // Classroom mode: nothing else happens before the signature checks out, so a rejected
  // request changes nothing.
  std::optional<AuthenticatedCaller> caller;
  if (users_ != nullptr) {
    Result<AuthenticatedCaller> auth = Authenticate(*users_, request, WallClockMs());
    if (!auth.ok()) {
      Fail(response, auth.error(), request_id);
      return response;
    }
    caller = *auth;
  }

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
  if (caller) {
    // The user's account, not the key's hash: a teacher may give a team one account.
    ctx.account = caller->user->account_id;
    ctx.region = caller->region;
    world_.NoteAccessKey(ctx.account, caller->user->access_key_id);
  } else if (credential) {
    ctx.account = wire::AccountForAccessKey(credential->access_key_id);
    ctx.region = credential->region;
    world_.NoteAccessKey(ctx.account, credential->access_key_id);
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
  const bool catalog = IsCatalogAction(*action);
  const bool clocked = IsClockDescribe(*action);
  const bool versioned = response_cache_ && (IsStateDescribe(*action) || clocked);
  if (catalog || versioned) {
    cache_key = ctx.account + "\n" + ctx.region + "\n" + *action + "\n" + input->dump();
  }
  if (catalog) {
    if (std::shared_ptr<const CachedBody> hit = FindCached(cache_key, 0, 0)) {
      response.body = hit->head + request_id + hit->tail;
      return response;
    }
  }
  std::uint64_t version = 0;
  SimTime now = 0;
  std::shared_ptr<const CachedBody> hit;
  Result<nlohmann::json> result =
      world_.With(ctx.account, [&](Sandbox& s) -> Result<nlohmann::json> {
        if (versioned) {
          // Read under the account's lock, so the answer rendered below is the one of `version`
          // at `now`.
          version = s.StateVersion();
          now = s.Now();
          hit = FindCached(cache_key, version, now);
          if (hit != nullptr) return nlohmann::json();
        }
        return s.Call(*action, *input, ctx);
      });
  if (hit != nullptr) {
    response.body = hit->head + request_id + hit->tail;
    return response;
  }
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
  auto body = std::make_shared<CachedBody>();
  body->head = marked.substr(0, at);
  body->tail = marked.substr(at + sizeof(kIdMarker) - 1);
  body->version = version;
  if (clocked && !ServedAtAnyTime(*result)) body->at = now;
  response.body = body->head + request_id + body->tail;
  Store(cache_key, std::move(body));
  return response;
}

std::shared_ptr<const Ec2Endpoint::CachedBody> Ec2Endpoint::FindCached(const std::string& key,
                                                                       std::uint64_t version,
                                                                       SimTime now) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  auto it = cache_.find(key);
  if (it == cache_.end() || it->second->version != version) return nullptr;
  if (it->second->at.has_value() && *it->second->at != now) return nullptr;
  return it->second;
}

void Ec2Endpoint::Store(const std::string& key, std::shared_ptr<const CachedBody> body) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  if (cache_.size() >= kMaxCached) cache_.clear();
  cache_[key] = std::move(body);
}

}  // namespace ec2sim::server
