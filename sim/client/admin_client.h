// One keep-alive connection to the admin API of a running `ec2sim serve` (the /_ec2sim/ routes,
// see docs/server.md). The HTTP library stays hidden in admin_client.cc.
#ifndef EC2SIM_SIM_CLIENT_ADMIN_CLIENT_H_
#define EC2SIM_SIM_CLIENT_ADMIN_CLIENT_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "ec2sim/result.h"

namespace ec2sim::client {

// The string member `key` of `j`, or nullopt (never inserts, never throws).
std::optional<std::string> StringMember(const nlohmann::json& j, const char* key);

// Timeouts of the HTTP client, in milliseconds, and the credentials it signs with.
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

// Not thread-safe. Errors of Get and Post (as values, messages name the endpoint):
//   kSimNotFound   nothing answers at the endpoint, or the answer is not ec2sim's JSON;
//   the server's   a 4xx answer's {"error": {"code", "message"}} as the ErrorCode of that AWS
//   own code       code (kInternalError for a code this build does not know), so callers react
//                  to it as they would to a local Sandbox's error.
class AdminClient {
 public:
  // `endpoint` must come from NormalizeEndpoint.
  AdminClient(std::string endpoint, const RemoteOptions& options);
  ~AdminClient();
  AdminClient(const AdminClient&) = delete;
  AdminClient& operator=(const AdminClient&) = delete;

  // Asks /_ec2sim/health and /_ec2sim/accounts once, so that a wrong URL or a refused admin API
  // fails at once with one clear message. Later calls return at once. Errors: as Get, and the
  // 401/403 code of a classroom server that refuses the request (unsigned, or a wrong key or
  // secret), with a message that says how to sign.
  Status Verify();

  // GET `target` (a path under /_ec2sim/ with its %-encoded query); the answer's JSON.
  Result<nlohmann::json> Get(const std::string& target);
  // POST `body` as JSON to `target`; the answer's JSON.
  Result<nlohmann::json> Post(const std::string& target, const nlohmann::json& body);

  const std::string& endpoint() const;
  // True when requests are signed.
  bool signs() const;
  // What /_ec2sim/health said (after Verify): classroom mode (a users file maps keys to
  // accounts), the served actions, and the world's timing ("instant" or "realistic").
  bool classroom() const;
  bool HasAction(std::string_view action) const;
  const std::string& timing() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ec2sim::client

#endif  // EC2SIM_SIM_CLIENT_ADMIN_CLIENT_H_
