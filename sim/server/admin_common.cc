#include "sim/server/admin_common.h"

#include "ec2sim/options.h"
#include "sim/engine/json_depth.h"
#include "sim/engine/terminal_text.h"
#include "sim/wire/caller.h"

namespace ec2sim::server {

using nlohmann::json;

HttpResponse Json(int status, const json& body) {
  HttpResponse r;
  r.status = status;
  // Replace, not throw: messages quote the request (its path, say), which may not be UTF-8.
  r.body = body.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  return r;
}

HttpResponse JsonError(int status, std::string_view code, const std::string& message) {
  HttpResponse r = Json(status, {{"error", {{"code", code}, {"message", message}}}});
  r.error_code = std::string(code);
  return r;
}

HttpResponse JsonError(const Error& error) {
  int status = HttpStatus(error.code);
  // Admin errors are about the request; a 5xx would claim the server broke.
  if (status >= 500) status = 400;
  return JsonError(status, AwsCode(error.code), error.message);
}

wire::QueryParams Query(const HttpRequest& request) {
  Result<wire::QueryParams> q = wire::ParseFormUrlEncoded(request.query);
  return q.ok() ? std::move(q).value() : wire::QueryParams{};
}

Result<std::string> AccountOf(const wire::QueryParams& q, const UserDirectory* users,
                              const User* caller) {
  std::optional<std::string> account = wire::FindParam(q, "account");
  std::optional<std::string> key = wire::FindParam(q, "access_key");
  if (account && key) {
    return MakeError(ErrorCode::kInvalidParameterCombination,
                     "Name the account with either account or access_key, not both");
  }
  if (account) {
    if (account->size() != 12 || account->find_first_not_of("0123456789") != std::string::npos) {
      return MakeError(ErrorCode::kSimInvalidInput, "account must be a 12-digit account id, got '" +
                                                        engine::ForTerminal(*account) + "'");
    }
    return *account;
  }
  if (key) {
    if (!wire::IsWellFormedAccessKey(*key)) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "access_key must be 1 to 128 characters of A-Z a-z 0-9 _ . -");
    }
    if (users == nullptr) return wire::AccountForAccessKey(*key);
    const User* user = users->Find(*key);
    if (user == nullptr) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "access_key '" + *key + "' is not in this classroom's users file");
    }
    return user->account_id;
  }
  if (caller != nullptr) return caller->account_id;
  return std::string(kDefaultAccount);
}

std::optional<std::string> KeyInUse(const wire::QueryParams& q, const User* caller,
                                    const std::string& account) {
  if (caller != nullptr) {
    if (caller->account_id != account) return std::nullopt;
    return caller->access_key_id;
  }
  return wire::FindParam(q, "access_key");
}

bool SeesOtherAccounts(const User* caller) { return caller == nullptr || caller->admin; }

bool MayUse(const User* caller, const std::string& account) {
  return caller == nullptr || caller->admin || caller->account_id == account;
}

HttpResponse NotYourAccount(const User& caller, const std::string& account) {
  return JsonError(403, "UnauthorizedOperation",
                   "You are not authorized to perform this operation: user '" + caller.name +
                       "' may use only account " + caller.account_id + ", not " + account);
}

Result<json> BodyObject(const HttpRequest& request) {
  if (request.body.empty()) return json::object();
  if (auto deep = engine::FindJsonTooDeep(request.body)) {
    return MakeError(ErrorCode::kSimInvalidInput, "The request body is " + deep->reason);
  }
  json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    return MakeError(ErrorCode::kSimInvalidInput, "The request body must be a JSON object");
  }
  return body;
}

}  // namespace ec2sim::server
