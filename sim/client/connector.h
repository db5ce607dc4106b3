// Opening accounts of a running `ec2sim serve` as Backends: by a learner's access key, by
// account id (a teacher), or without one (each call names its account), and listing the accounts
// the server has seen.
#ifndef EC2SIM_SIM_CLIENT_CONNECTOR_H_
#define EC2SIM_SIM_CLIENT_CONNECTOR_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ec2sim/result.h"
#include "sim/client/admin_client.h"
#include "sim/client/http_backend.h"

namespace ec2sim::client {

// An account on a server, with the access keys the server has seen for it (possibly none).
struct RemoteAccount {
  std::string account;
  std::vector<std::string> access_keys;
  // The names a classroom server's users file gives the account's users (none in open mode).
  std::vector<std::string> names;
};

// Reaches servers at their endpoints (e.g. "http://127.0.0.1:4566") over HTTP/1.1 with
// keep-alive, one verified AdminClient per endpoint shared by every backend it opens. The first
// use of an endpoint asks /_ec2sim/health and /_ec2sim/accounts, so a wrong URL or a refused
// admin API fails at once with one clear message instead of one missed goal per check.
// Errors (as values, messages name the endpoint):
//   kSimInvalidInput  malformed endpoint (must be http[s]://HOST[:PORT]), empty access key,
//                     account id that is not 12 digits;
//   kSimNotFound      nothing answers at the endpoint, it is not `ec2sim serve`, or (ForAccount)
//                     the server has no such account;
//   a 401/403 code    a classroom-mode server refuses the request: unsigned (no secret in the
//                     options), a wrong key or secret (AuthFailure, SignatureDoesNotMatch), a
//                     learner asking for another account or for the account list
//                     (UnauthorizedOperation).
// In open mode an access key is never refused: as on the EC2 endpoint, every key names an
// account, and a key the server has not seen yet names an empty one. A learner's signed
// connector (a classroom server refuses it the account list) asks the server which account its
// key maps to, since the users file, not the key, decides that. Not thread-safe.
class RemoteConnector {
 public:
  explicit RemoteConnector(RemoteOptions options = {});

  // The account that owns `access_key`; its calls name the account by the key.
  Result<std::unique_ptr<HttpBackend>> ForAccessKey(const std::string& endpoint,
                                                    const std::string& access_key);
  // Admin: one account by id, which the server must already have.
  Result<std::unique_ptr<HttpBackend>> ForAccount(const std::string& endpoint,
                                                  const std::string& account);
  // The server without an account of its own: every call names its CallContext's account by id
  // (created on first use, as on the EC2 endpoint).
  Result<std::unique_ptr<HttpBackend>> ForAnyAccount(const std::string& endpoint);
  // Admin: every account the server has seen, sorted.
  Result<std::vector<std::string>> Accounts(const std::string& endpoint);
  // Admin: as Accounts, with each account's access keys, sorted (for a teacher who knows
  // learners by their keys).
  Result<std::vector<RemoteAccount>> AccountsWithKeys(const std::string& endpoint);

 private:
  Result<std::shared_ptr<AdminClient>> Open(const std::string& endpoint);

  const RemoteOptions options_;
  std::map<std::string, std::shared_ptr<AdminClient>> clients_;
};

}  // namespace ec2sim::client

#endif  // EC2SIM_SIM_CLIENT_CONNECTOR_H_
