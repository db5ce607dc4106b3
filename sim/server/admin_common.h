// What every admin route shares: JSON answers and errors, the query, the account a request
// acts on and who may use it (sim/server/admin_api.cc and the route files beside it).
#ifndef EC2SIM_SERVER_ADMIN_COMMON_H_
#define EC2SIM_SERVER_ADMIN_COMMON_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/server/http_types.h"
#include "sim/server/users.h"
#include "sim/wire/query_decoder.h"

namespace ec2sim::server {

HttpResponse Json(int status, const nlohmann::json& body);
HttpResponse JsonError(int status, std::string_view code, const std::string& message);
// The error's AWS code and HTTP status (a 5xx becomes 400: admin errors are about the request).
HttpResponse JsonError(const Error& error);

// The request's query fields; a malformed query string counts as none.
wire::QueryParams Query(const HttpRequest& request);

// The account a route acts on: ?account=ID, or ?access_key=KEY, or when neither is given the
// caller's own account in classroom mode and the default account in open mode. In classroom
// mode (`users` set) a key maps through the users file, as the EC2 endpoint maps it there; in
// open mode it maps as the open EC2 endpoint maps it. Errors: kInvalidParameterCombination for
// both parameters; kSimInvalidInput for an account that is not 12 digits;
// kInvalidParameterValue for a malformed key or one the users file does not have.
Result<std::string> AccountOf(const wire::QueryParams& q, const UserDirectory* users,
                              const User* caller);

// The key to list with `account` after a call on it: the key that names it. In classroom mode
// that is the caller's own key from the signature (and only on the caller's own account: an
// admin's key never joins a learner's row); in open mode it is ?access_key=, whose hash is the
// account. Nothing else a request says is recorded.
std::optional<std::string> KeyInUse(const wire::QueryParams& q, const User* caller,
                                    const std::string& account);

// What a caller may see of other accounts through the network verbs: everything for the
// teacher (and in open mode, where any account can be named anyway), the internet's view for
// a learner.
bool SeesOtherAccounts(const User* caller);

// A learner (a non-admin caller) may read only their own account.
bool MayUse(const User* caller, const std::string& account);
HttpResponse NotYourAccount(const User& caller, const std::string& account);

// The JSON body of a POST ({} when empty). Error: kSimInvalidInput for anything but an object,
// and for a body nested deeper than engine::kMaxJsonDepth (refused before it is parsed).
Result<nlohmann::json> BodyObject(const HttpRequest& request);

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_ADMIN_COMMON_H_
