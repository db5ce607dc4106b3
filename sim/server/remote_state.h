// The client side of `ec2sim lesson check --endpoint` and `ec2sim lesson progress`: a
// lessons::RemoteConnector that reads one account's state from a running `ec2sim serve` through
// its admin routes (/_ec2sim/call, probe, bill, latency, accounts; see docs/server.md).
// The HTTP library stays hidden in remote_state.cc.
#ifndef EC2SIM_SERVER_REMOTE_STATE_H_
#define EC2SIM_SERVER_REMOTE_STATE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/lessons/state_source.h"

namespace ec2sim::server {

// Timeouts of the connector's HTTP client, in milliseconds, and the credentials it signs with.
struct RemoteOptions {
  int connect_timeout_ms = 3000;
  // Generous: one check may read all 34 regions of a busy class server.
  int read_timeout_ms = 60000;
  // With a secret, every request is SigV4-signed (service ec2, this region in the credential
  // scope, the host's wall clock), as a classroom-mode server requires. Empty: unsigned.
  std::string access_key_id{};
  std::string secret_access_key{};
  std::string region = "us-east-1";
};

// A connector over HTTP/1.1 with keep-alive. The first connect to an endpoint asks
// /_ec2sim/health and /_ec2sim/accounts, so a wrong URL or a refused admin API fails at once with
// one clear message instead of one missed goal per check.
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
// key maps to, since the users file, not the key, decides that.
std::unique_ptr<lessons::RemoteConnector> MakeHttpRemoteConnector(RemoteOptions options = {});

// The ErrorCode whose AwsCode() is `aws_code`, or nullopt for a code this build does not know.
std::optional<ErrorCode> ErrorCodeFromAws(std::string_view aws_code);

// "http://host:port" from `endpoint` with trailing slashes removed. Error: kSimInvalidInput when
// the scheme is not http or https, the host is empty, the port is not 1..65535, or a path,
// query or credentials follow the host.
Result<std::string> NormalizeEndpoint(std::string_view endpoint);

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_REMOTE_STATE_H_
