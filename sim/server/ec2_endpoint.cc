#include "sim/server/ec2_endpoint.h"

#include <cstdio>
#include <memory>
#include <optional>
#include <utility>

#include "ec2sim/sandbox.h"
#include "sim/api/action_table.h"
#include "sim/wire/caller.h"
#include "sim/wire/protocol_fields.h"
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

bool IsForm(const HttpRequest& request) {
  return request.content_type.empty() ||
         request.content_type.rfind("application/x-www-form-urlencoded", 0) == 0;
}

// The raw parameters: the query string, and a form body's too.
Result<wire::QueryParams> DecodeForm(const HttpRequest& request) {
  Result<wire::QueryParams> params = wire::ParseFormUrlEncoded(request.query);
  if (!params.ok() || request.method != "POST" || request.body.empty()) return params;
  if (!IsForm(request)) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "The EC2 Query API takes application/x-www-form-urlencoded bodies, not " +
                         request.content_type);
  }
  EC2SIM_ASSIGN_OR_RETURN(wire::QueryParams body, wire::ParseFormUrlEncoded(request.body));
  params->insert(params->end(), body.begin(), body.end());
  return params;
}

// The Action parameter, given once, with a Version EC2 knows (or none).
Result<std::string> ActionOf(const wire::QueryParams& params) {
  EC2SIM_ASSIGN_OR_RETURN(wire::ProtocolFields fields, wire::ReadProtocolFields(params));
  return std::move(fields.action);
}

}  // namespace

// How one call's answer is found and kept.
struct Ec2Endpoint::DecodedCall {
  std::string action;
  const wire::Operation* op = nullptr;
  nlohmann::json input;
  // Empty when the answer is never cached.
  std::string cache_key;
  // Cached for good (no version, no time).
  bool catalog = false;
  // Cached per Sandbox::StateVersion; with `clocked`, also per simulated time while the answer
  // would change with the clock alone (ResponseCache::ClockedAnswerHoldsAtAnyTime).
  bool versioned = false;
  bool clocked = false;
};

// A call's outcome: the action's result at a state version and time, or a cached body.
struct Ec2Endpoint::Answer {
  std::shared_ptr<const ResponseCache::Body> hit;
  nlohmann::json result;
  std::uint64_t version = 0;
  SimTime now = 0;
};

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
  const std::string request_id = NextRequestId();
  // Decode, authorize, call, encode. In classroom mode nothing is read before the signature
  // checks out, so a rejected request changes nothing; the caller's account is settled (and its
  // key noted) before the action is looked at, so decoding falls on both sides of Authorize.
  Result<std::optional<AuthenticatedCaller>> caller = CheckSignature(request);
  if (!caller.ok()) return Failed(response, caller.error(), request_id);
  Result<wire::QueryParams> params = DecodeForm(request);
  if (!params.ok()) return Failed(response, params.error(), request_id);
  Result<CallContext> authorized = Authorize(request, *params, *caller);
  if (!authorized.ok()) return Failed(response, authorized.error(), request_id);
  return Run(*params, *authorized, request_id);
}

HttpResponse Ec2Endpoint::HandleAs(const HttpRequest& request, const CallContext& ctx) {
  HttpResponse response;
  const std::string request_id = NextRequestId();
  Result<wire::QueryParams> params = DecodeForm(request);
  if (!params.ok()) return Failed(response, params.error(), request_id);
  return Run(*params, ctx, request_id);
}

HttpResponse Ec2Endpoint::Failed(HttpResponse& response, const Error& error,
                                 const std::string& request_id) {
  Fail(response, error, request_id);
  return response;
}

HttpResponse Ec2Endpoint::Run(const wire::QueryParams& params, const CallContext& ctx,
                              const std::string& request_id) {
  HttpResponse response;
  response.account = ctx.account;
  response.region = ctx.region;
  Result<std::string> action = ActionOf(params);
  if (!action.ok()) return Failed(response, action.error(), request_id);
  response.action = *action;
  Result<DecodedCall> call = DecodeCall(*action, params, ctx);
  if (!call.ok()) return Failed(response, call.error(), request_id);
  response.content_type = kXml;
  Result<Answer> answer = Call(ctx, *call);
  if (!answer.ok()) return Failed(response, answer.error(), request_id);
  response.body = Encode(*call, *answer, request_id);
  return response;
}

Result<std::optional<AuthenticatedCaller>> Ec2Endpoint::CheckSignature(
    const HttpRequest& request) const {
  if (users_ == nullptr) return std::optional<AuthenticatedCaller>();
  EC2SIM_ASSIGN_OR_RETURN(AuthenticatedCaller caller,
                          Authenticate(*users_, request, WallClockMs()));
  return std::optional<AuthenticatedCaller>(std::move(caller));
}

Result<CallContext> Ec2Endpoint::Authorize(const HttpRequest& request,
                                           const wire::QueryParams& params,
                                           const std::optional<AuthenticatedCaller>& caller) {
  CallContext ctx{std::string(kDefaultAccount), default_region_};
  if (caller) {
    // A signature may cover any scope bytes; a region no region could have stops here, as in
    // open mode, before the journal records it.
    if (!wire::IsWellFormedRegionName(caller->region)) {
      return MakeError(ErrorCode::kAuthFailure,
                       "AWS was not able to validate the provided access credentials");
    }
    // The user's account, not the key's hash: a teacher may give a team one account.
    ctx.account = caller->user->account_id;
    ctx.region = caller->region;
    world_.NoteAccessKey(ctx.account, caller->user->access_key_id);
    return ctx;
  }
  // Open mode: the SigV4 credential scope names the key and region, from the header or a
  // presigned URL; the key stands for an account of its own.
  std::optional<wire::Credential> credential = wire::ParseCredential(request.authorization);
  if (!credential) {
    if (auto presigned = wire::FindParam(params, "X-Amz-Credential")) {
      credential = wire::ParseCredential(*presigned);
    }
  }
  if (credential) {
    if (!wire::IsWellFormedAccessKey(credential->access_key_id) ||
        !wire::IsWellFormedRegionName(credential->region)) {
      // AWS's answer to a key it cannot read; the key is not listed, logged or journaled.
      return MakeError(ErrorCode::kAuthFailure,
                       "AWS was not able to validate the provided access credentials");
    }
    ctx.account = wire::AccountForAccessKey(credential->access_key_id);
    ctx.region = credential->region;
    world_.NoteAccessKey(ctx.account, credential->access_key_id);
  }
  return ctx;
}

Result<Ec2Endpoint::DecodedCall> Ec2Endpoint::DecodeCall(const std::string& action,
                                                         const wire::QueryParams& params,
                                                         const CallContext& ctx) const {
  std::optional<api::ActionTraits> traits = api::ActionTable::Get().Traits(action);
  if (!traits) {
    return MakeError(ErrorCode::kInvalidAction,
                     "The action " + action +
                         " is not valid for this web service. (ec2sim does not implement it; "
                         "GET /_ec2sim/health lists the actions it serves.)");
  }
  DecodedCall call;
  call.action = action;
  call.op = wire::ServiceModel::Ec2().FindOperation(action);
  if (call.op == nullptr) {
    // Caught by the WireModel tests; reachable only when the model file was not regenerated.
    return MakeError(ErrorCode::kUnsupportedOperation,
                     "ec2sim implements " + action +
                         " but its wire model lacks it: run tools/trim_ec2_model.py and rebuild");
  }
  EC2SIM_ASSIGN_OR_RETURN(call.input, wire::DecodeQuery(call.op->input, params));
  // Catalog answers are cached even with the response cache off: they never change.
  call.catalog = traits->catalog();
  call.clocked = traits->clocked();
  call.versioned = response_cache_ && (traits->state_describe() || call.clocked);
  if (call.catalog || call.versioned) call.cache_key = ResponseCache::Key(ctx, action, call.input);
  return call;
}

Result<Ec2Endpoint::Answer> Ec2Endpoint::Call(const CallContext& ctx, const DecodedCall& call) {
  Answer answer;
  if (call.catalog) {
    answer.hit = cache_.Find(call.cache_key, 0, 0);
    if (answer.hit != nullptr) return answer;
  }
  if (call.action == "CreateKeyPair") world_.PrepareKeyPair(ctx, call.input);
  Result<nlohmann::json> result =
      world_.With(ctx.account, [&](Sandbox& s) -> Result<nlohmann::json> {
        if (call.versioned) {
          // Read under the world's lock, so the answer rendered later is the one of `version`
          // at `now`.
          answer.version = s.StateVersion();
          answer.now = s.Now();
          answer.hit = cache_.Find(call.cache_key, answer.version, answer.now);
          if (answer.hit != nullptr) return nlohmann::json();
        }
        return s.Call(call.action, call.input, ctx);
      });
  if (answer.hit != nullptr) return answer;
  EC2SIM_ASSIGN_OR_RETURN(answer.result, std::move(result));
  return answer;
}

std::string Ec2Endpoint::Encode(const DecodedCall& call, const Answer& answer,
                                const std::string& request_id) {
  if (answer.hit != nullptr) return answer.hit->WithRequestId(request_id);
  const wire::ServiceModel& model = wire::ServiceModel::Ec2();
  if (!call.cache_key.empty()) {
    std::string marked =
        wire::EncodeResult(model, *call.op, answer.result, ResponseCache::kIdMarker);
    std::optional<SimTime> at;
    if (call.clocked && !ResponseCache::ClockedAnswerHoldsAtAnyTime(answer.result)) at = answer.now;
    if (std::optional<std::string> body =
            cache_.Store(call.cache_key, marked, answer.version, at, request_id)) {
      return *std::move(body);
    }
  }
  return wire::EncodeResult(model, *call.op, answer.result, request_id);
}

}  // namespace ec2sim::server
