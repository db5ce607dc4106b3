#include "sim/server/identity_endpoint.h"

#include <cstdio>
#include <optional>
#include <utility>

#include "sim/engine/xml_text.h"
#include "sim/server/sigv4.h"
#include "sim/wire/caller.h"
#include "sim/wire/query_decoder.h"

namespace ec2sim::server {
namespace {

constexpr const char* kIdentityXml = "text/xml";
constexpr std::string_view kStsVersion = "2011-06-15";
constexpr std::string_view kIamVersion = "2010-05-08";
// The users' creation date GetUser shows: fixed, so answers repeat from run to run.
constexpr const char* kIdentityUserCreated = "2026-01-01T00:00:00Z";

std::string IdentityNamespaceOf(const std::string& service) {
  return "https://" + service + ".amazonaws.com/doc/" +
         std::string(service == "sts" ? kStsVersion : kIamVersion) + "/";
}

std::string IdentityEscaped(std::string_view text) {
  std::string out;
  engine::AppendXmlEscaped(out, text);
  return out;
}

// The query string's parameters and a form body's.
wire::QueryParams IdentityParams(const HttpRequest& request) {
  wire::QueryParams params;
  for (const std::string* text : {&request.query, &request.body}) {
    if (text == &request.body && request.method != "POST") break;
    Result<wire::QueryParams> parsed = wire::ParseFormUrlEncoded(*text);
    if (parsed.ok()) params.insert(params.end(), parsed->begin(), parsed->end());
  }
  return params;
}

std::optional<wire::Credential> IdentityCredentialOf(const HttpRequest& request,
                                                     const wire::QueryParams& params) {
  std::optional<wire::Credential> credential = wire::ParseCredential(request.authorization);
  if (!credential) {
    if (auto presigned = wire::FindParam(params, "X-Amz-Credential")) {
      credential = wire::ParseCredential(*presigned);
    }
  }
  return credential;
}

// Who calls: the account, the region for the log, the key and the user's name.
struct IdentityCaller {
  std::string account = std::string(kDefaultAccount);
  std::string region;
  std::string access_key;
  std::string user_name = std::string(kOpenModeUserName);
};

std::string IdentityArn(const IdentityCaller& c) {
  return "arn:aws:iam::" + c.account + ":user/" + c.user_name;
}

// The user id of a caller that signed no request: the account's own, still AIDA-shaped.
std::string IdentityUserId(const IdentityCaller& c) {
  return UserIdForAccessKey(c.access_key.empty() ? c.account : c.access_key);
}

std::string IdentityEnvelope(const std::string& service, const std::string& action,
                             const std::string& result, const std::string& request_id) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" +
         IdentityNamespaceOf(service) + "\"><" + action + "Result>" + result + "</" + action +
         "Result><ResponseMetadata><RequestId>" + request_id + "</RequestId></ResponseMetadata></" +
         action + "Response>";
}

std::string IdentityUserXml(const IdentityCaller& c) {
  return "<User><Path>/</Path><UserName>" + IdentityEscaped(c.user_name) + "</UserName><UserId>" +
         IdentityUserId(c) + "</UserId><Arn>" + IdentityEscaped(IdentityArn(c)) +
         "</Arn><CreateDate>" + kIdentityUserCreated + "</CreateDate></User>";
}

// The result element's content for `action`, or its error.
Result<std::string> IdentityAnswer(const std::string& service, const std::string& action,
                                   const wire::QueryParams& params, const IdentityCaller& caller) {
  if (service == "sts" && action == "GetCallerIdentity") {
    return "<Arn>" + IdentityEscaped(IdentityArn(caller)) + "</Arn><UserId>" +
           IdentityUserId(caller) + "</UserId><Account>" + caller.account + "</Account>";
  }
  if (service == "iam" && action == "GetUser") {
    // Only the caller: a learner sees no one else (NoSuchEntity, as for a user that is not).
    std::optional<std::string> name = wire::FindParam(params, "UserName");
    if (name && *name != caller.user_name) {
      return MakeError(ErrorCode::kNoSuchEntity,
                       "The user with name " + *name + " cannot be found.");
    }
    return IdentityUserXml(caller);
  }
  if (service == "iam" && action == "ListAccountAliases") {
    return std::string("<IsTruncated>false</IsTruncated><AccountAliases></AccountAliases>");
  }
  const std::string version(service == "sts" ? kStsVersion : kIamVersion);
  return MakeError(ErrorCode::kInvalidAction, "Could not find operation " + action +
                                                  " for version " + version +
                                                  " (ec2sim serves only GetCallerIdentity, "
                                                  "GetUser and ListAccountAliases of STS and IAM)");
}

}  // namespace

std::string IdentityServiceOf(const HttpRequest& request) {
  wire::QueryParams params = IdentityParams(request);
  if (std::optional<wire::Credential> credential = IdentityCredentialOf(request, params)) {
    if (credential->service == "sts" || credential->service == "iam") return credential->service;
    return "";
  }
  std::optional<std::string> version = wire::FindParam(params, "Version");
  if (version == kStsVersion) return "sts";
  if (version == kIamVersion) return "iam";
  std::optional<std::string> action = wire::FindParam(params, "Action");
  if (action == "GetCallerIdentity") return "sts";
  if (action == "GetUser" || action == "ListAccountAliases") return "iam";
  return "";
}

std::string UserIdForAccessKey(std::string_view access_key_id) {
  // 17 characters of base32 (A-Z 2-7) from the key's SHA-256: IAM's unique ids are "AIDA" and
  // 17 such characters for users (IAM User Guide, "Unique identifiers").
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string hex = sigv4::HexSha256(std::string("ec2sim-user-id:") + std::string(access_key_id));
  std::string id = "AIDA";
  for (std::size_t i = 0; id.size() < 21; i += 2) {
    id += kAlphabet[std::stoi(hex.substr(i, 2), nullptr, 16) % 32];
  }
  return id;
}

std::string IdentityEndpoint::NextRequestId() {
  char id[40];
  std::snprintf(id, sizeof id, "00000000-0000-4000-9000-%012llx",
                static_cast<unsigned long long>(next_request_.fetch_add(1)));
  return id;
}

HttpResponse IdentityEndpoint::Handle(const HttpRequest& request, const std::string& service) {
  HttpResponse response;
  const std::string request_id = NextRequestId();
  response.content_type = kIdentityXml;
  auto fail = [&](ErrorCode code, const std::string& message) {
    response.status = HttpStatus(code) >= 500 ? 400 : HttpStatus(code);
    response.error_code = std::string(AwsCode(code));
    response.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\"" +
                    IdentityNamespaceOf(service) + "\"><Error><Type>Sender</Type><Code>" +
                    response.error_code + "</Code><Message>" + IdentityEscaped(message) +
                    "</Message></Error><RequestId>" + request_id + "</RequestId></ErrorResponse>";
    return response;
  };
  wire::QueryParams params = IdentityParams(request);
  IdentityCaller caller;
  if (users_ != nullptr) {
    // Classroom mode: signed like every request, for this service's scope.
    sigv4::Request view{request.method, request.raw_path.empty() ? request.path : request.raw_path,
                        request.query, request.body, &request.headers};
    Result<AuthenticatedCaller> who = Authenticate(*users_, view, WallClockMs(), service);
    if (!who.ok()) return fail(who.error().code, who.error().message);
    caller.account = who->user->account_id;
    caller.region = who->region;
    caller.access_key = who->user->access_key_id;
    caller.user_name = who->user->name;
  } else if (std::optional<wire::Credential> credential = IdentityCredentialOf(request, params)) {
    if (!wire::IsWellFormedAccessKey(credential->access_key_id) ||
        !wire::IsWellFormedRegionName(credential->region)) {
      return fail(ErrorCode::kAuthFailure,
                  "AWS was not able to validate the provided access credentials");
    }
    caller.account = wire::AccountForAccessKey(credential->access_key_id);
    caller.region = credential->region;
    caller.access_key = credential->access_key_id;
  }
  if (!caller.access_key.empty()) world_.NoteAccessKey(caller.account, caller.access_key);
  response.account = caller.account;
  response.region = caller.region;
  std::string action = wire::FindParam(params, "Action").value_or("");
  response.action = action;
  Result<std::string> answer = IdentityAnswer(service, action, params, caller);
  if (!answer.ok()) return fail(answer.error().code, answer.error().message);
  response.body = IdentityEnvelope(service, action, *answer, request_id);
  return response;
}

}  // namespace ec2sim::server
