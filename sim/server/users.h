// Classroom mode's users: who may call the server, with which secret, on which account, and
// whether they may use the admin API. Read from the JSON file given to `ec2sim serve --users`:
//
//   {"users": [{"access_key_id": "AKIAALICE0000000", "secret_access_key": "...",
//               "account_id": "111111111111", "name": "alice", "admin": false,
//               "quotas": {"vcpus": 64, "elastic_ips": 10},
//               "opt_in_regions": ["ap-east-1"]}]}
//
// and used to authenticate SigV4-signed requests (sim/server/sigv4.h).
#ifndef EC2SIM_SERVER_USERS_H_
#define EC2SIM_SERVER_USERS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/options.h"
#include "ec2sim/result.h"
#include "sim/server/http_types.h"
#include "sim/server/sigv4.h"

namespace ec2sim::server {

struct User {
  std::string access_key_id;
  std::string secret_access_key;
  std::string account_id;  // 12 digits; several users may share one account
  std::string name;        // for logs and listings; the access key id when the file has none
  bool admin = false;      // may call the admin API (/_ec2sim/*)
  // The account's own quotas ("quotas" in the file); unset: the server's (--vcpu-quota, ...).
  std::optional<int> vcpu_quota;
  std::optional<int> elastic_ip_quota;
  // Opt-in regions the account has enabled ("opt_in_regions"), besides the server's --opt-in.
  std::vector<std::string> opt_in_regions;
};

// The users of a classroom server, looked up by access key id. Immutable once built.
class UserDirectory {
 public:
  UserDirectory() = default;
  // Precondition: access key ids are distinct (ParseUsersFile checks it).
  explicit UserDirectory(std::vector<User> users);

  // The user with this access key id, or null.
  const User* Find(std::string_view access_key_id) const;
  // Every user, in file order.
  const std::vector<User>& users() const { return users_; }
  std::size_t size() const { return users_.size(); }
  bool empty() const { return users_.empty(); }

 private:
  std::vector<User> users_;
  std::map<std::string, std::size_t, std::less<>> by_key_;
};

// Reads a users file. Error (kSimInvalidInput) with a reason naming the place: "line 3, column
// 7: ..." for JSON that does not parse; "users[2].account_id: ..." for a field that is missing,
// of the wrong type or invalid (access key ids: 1 to 128 characters of A-Z a-z 0-9 _ . -, so
// never a '/' that would break the credential scope; secrets: non-empty; accounts: exactly 12
// digits, as a string; admin: true or false); a duplicate access key id; an unknown field; an
// empty list. An "opt_in_regions" entry that is not an opt-in region names its line too: "line 5,
// column 30: users[1].opt_in_regions[0]: ...".
Result<UserDirectory> ParseUsersFile(std::string_view json_text);

// The quotas of each account whose users set any, over the server's `base`.
std::map<std::string, AccountQuotas> AccountQuotasOf(const UserDirectory& users,
                                                     const AccountQuotas& base);

// The opt-in regions each account's users enabled (their union), for accounts that list any.
std::map<std::string, std::vector<std::string>> AccountOptInsOf(const UserDirectory& users);

// A request that passed authentication.
struct AuthenticatedCaller {
  const User* user = nullptr;  // points into the directory
  std::string region;          // of the signature's credential scope
};

// Authenticates a signed request against the directory at `now_ms` (Unix epoch ms, the server's
// wall clock). Errors: kMissingAuthenticationToken (unsigned), kIncompleteSignature (malformed
// or partial signature), kAuthFailure (unknown access key id), kSignatureDoesNotMatch (a scope
// for another service than `service`, or a wrong signature), kRequestExpired (outside AWS's
// 15-minute window, or a presigned URL past its X-Amz-Expires).
Result<AuthenticatedCaller> Authenticate(const UserDirectory& users, const sigv4::Request& request,
                                         std::int64_t now_ms, std::string_view service = "ec2");
// The same for a request as the server received it (raw path, query, headers and body).
Result<AuthenticatedCaller> Authenticate(const UserDirectory& users, const HttpRequest& request,
                                         std::int64_t now_ms);

// The host's real time in ms since the Unix epoch: the clock signatures are checked against
// (never the simulated clock, which may be years away or stopped).
std::int64_t WallClockMs();

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_USERS_H_
