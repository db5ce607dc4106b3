#include "sim/server/remote_state.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "sim/server/sigv4.h"
#include "sim/server/users.h"
#include "sim/wire/caller.h"

namespace ec2sim::server {
namespace {

using nlohmann::json;

// Query values are %-encoded except for RFC 3986's unreserved characters.
std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// The string member `key` of `j`, or nullopt (never inserts, never throws).
std::optional<std::string> StringMember(const json& j, const char* key) {
  if (!j.is_object()) return std::nullopt;
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

bool IsAccountId(std::string_view s) {
  return s.size() == 12 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// One keep-alive connection to a server's admin API. Not thread-safe (the checker is not
// either).
class AdminClient {
 public:
  AdminClient(std::string endpoint, const RemoteOptions& options)
      : endpoint_(std::move(endpoint)), http_(endpoint_), options_(options) {
    http_.set_connection_timeout(std::chrono::milliseconds(options.connect_timeout_ms));
    http_.set_read_timeout(std::chrono::milliseconds(options.read_timeout_ms));
    http_.set_write_timeout(std::chrono::milliseconds(options.read_timeout_ms));
    http_.set_keep_alive(true);
    // Headers and body go out in two writes; without this, each request waits for a delayed ACK.
    http_.set_tcp_nodelay(true);
    // Targets are sent exactly as built (and signed): already %-encoded.
    http_.set_url_encode(false);
    host_ = endpoint_.substr(endpoint_.find("://") + 3);
  }

  // True when requests are signed.
  bool signs() const { return !options_.secret_access_key.empty(); }
  // True when the server said it runs in classroom mode (its users file maps keys to accounts).
  bool classroom() const { return classroom_; }

  const std::string& endpoint() const { return endpoint_; }

  // Asks /_ec2sim/health once, so that a wrong URL gives one message up front.
  Status Verify() {
    if (verified_) return OkStatus();
    Result<json> health = Get("/_ec2sim/health");
    if (!health.ok()) {
      if (health.error().code == ErrorCode::kSimNotFound) return std::move(health).error();
      return NotEc2sim("/_ec2sim/health answered " + health.error().message);
    }
    if (!health->is_object() || health->value("status", "") != "ok") {
      return NotEc2sim("/_ec2sim/health did not say {\"status\": \"ok\"}");
    }
    classroom_ = health->value("mode", "") == "classroom";
    // A classroom server lists accounts only to a teacher's signed request and refuses unsigned
    // or badly signed ones; say so once rather than report every goal as missed.
    Result<json> listing = Get("/_ec2sim/accounts");
    if (!listing.ok() && signs() && listing.error().code == ErrorCode::kUnauthorizedOperation) {
      // The signature was good but the signer is a learner, who may still read their own
      // account through call, probe, bill and latency.
      verified_ = true;
      return OkStatus();
    }
    if (!listing.ok()) {
      ErrorCode code = listing.error().code;
      // Every refusal (AuthFailure, a missing signature, a non-admin user) is a 401 or 403.
      if (HttpStatus(code) == 401 || HttpStatus(code) == 403) {
        std::string how =
            signs() ? "the signature with " + options_.access_key_id + " was refused"
                    : "no secret key was found to sign with (set AWS_SECRET_ACCESS_KEY or the "
                      "profile's aws_secret_access_key)";
        return MakeError(code, endpoint_ + " needs signed requests (classroom mode), and " + how +
                                   ": " + listing.error().message);
      }
      return std::move(listing).error();
    }
    verified_ = true;
    return OkStatus();
  }

  Result<json> Get(const std::string& target) {
    return Decode(http_.Get(target, Sign("GET", target, "")), "GET " + Route(target));
  }
  Result<json> Post(const std::string& target, const json& body) {
    std::string text = body.dump();
    return Decode(http_.Post(target, Sign("POST", target, text), text, "application/json"),
                  "POST " + Route(target));
  }

 private:
  static std::string Route(const std::string& target) { return target.substr(0, target.find('?')); }

  // The Host, X-Amz-Date and Authorization headers of a signed request; none when unsigned.
  httplib::Headers Sign(const std::string& method, const std::string& target,
                        const std::string& body) const {
    httplib::Headers headers;
    if (!signs()) return headers;
    std::size_t q = target.find('?');
    sigv4::Outgoing out;
    out.method = method;
    out.host = host_;
    out.path = target.substr(0, q);
    out.query = q == std::string::npos ? "" : target.substr(q + 1);
    out.body = body;
    out.access_key_id = options_.access_key_id;
    out.secret_access_key = options_.secret_access_key;
    out.region = options_.region;
    out.time_ms = WallClockMs();
    // Sent as signed, so httplib's own Host header (which may drop a default port) cannot differ.
    headers.emplace("Host", host_);
    for (auto& [name, value] : sigv4::SignRequest(out)) headers.emplace(name, value);
    return headers;
  }

  Error NotEc2sim(const std::string& why) const {
    return MakeError(ErrorCode::kSimNotFound,
                     endpoint_ + " does not look like `ec2sim serve`: " + why);
  }

  // The JSON of a 200 answer; otherwise the admin API's {"error": {"code", "message"}} as the
  // ErrorCode of that AWS code, so goals react to it as they would to a local Sandbox.
  Result<json> Decode(const httplib::Result& res, const std::string& what) const {
    if (!res) {
      httplib::Error e = res.error();
      if (e == httplib::Error::Connection || e == httplib::Error::ConnectionTimeout) {
        return MakeError(ErrorCode::kSimNotFound, "nothing answers at " + endpoint_ + " (" +
                                                      httplib::to_string(e) +
                                                      "): is `ec2sim serve` running there?");
      }
      return MakeError(ErrorCode::kSimNotFound,
                       what + " to " + endpoint_ + " failed (" + httplib::to_string(e) + ")");
    }
    json body = json::parse(res->body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded()) {
      return NotEc2sim(what + " answered HTTP " + std::to_string(res->status) + " without JSON");
    }
    if (res->status == 200) return body;
    auto error = body.is_object() ? body.find("error") : body.end();
    if (error != body.end()) {
      if (std::optional<std::string> code = StringMember(*error, "code")) {
        std::string message = StringMember(*error, "message").value_or("");
        if (std::optional<ErrorCode> known = ErrorCodeFromAws(*code)) {
          return MakeError(*known, message);
        }
        return MakeError(ErrorCode::kInternalError, *code + ": " + message);
      }
    }
    return NotEc2sim(what + " answered HTTP " + std::to_string(res->status));
  }

  std::string endpoint_;
  httplib::Client http_;
  const RemoteOptions options_;
  std::string host_;
  bool verified_ = false;
  bool classroom_ = false;
};

// The account a classroom server maps `who` to: the owner of its security groups (every account
// has a default one in each region). Nullopt when the answer has none. Error: the server's
// refusal (401/403), such as a learner naming someone else's key, so that it is one message
// rather than every goal missed.
Result<std::optional<std::string>> AskAccount(AdminClient& client, const std::string& who) {
  Result<json> groups = client.Post(
      "/_ec2sim/call?" + who, {{"Action", "DescribeSecurityGroups"}, {"Params", json::object()}});
  if (!groups.ok()) {
    int status = HttpStatus(groups.error().code);
    if (status == 401 || status == 403 ||
        groups.error().code == ErrorCode::kInvalidParameterValue) {
      return std::move(groups).error();
    }
    return std::optional<std::string>();
  }
  if (!groups->is_object()) return std::optional<std::string>();
  auto list = groups->find("SecurityGroups");
  if (list == groups->end() || !list->is_array() || list->empty()) {
    return std::optional<std::string>();
  }
  std::optional<std::string> owner = StringMember(list->front(), "OwnerId");
  if (!owner || !IsAccountId(*owner)) return std::optional<std::string>();
  return owner;
}

// One account on the server. `who` is the query field that names it: "access_key=KEY" (the
// server maps the key as its EC2 endpoint does) or "account=ID".
class HttpStateSource final : public lessons::StateSource {
 public:
  HttpStateSource(std::shared_ptr<AdminClient> client, std::string account, std::string who)
      : client_(std::move(client)), account_(std::move(account)), who_(std::move(who)) {}

  std::string Account() const override { return account_; }

  Result<json> Call(std::string_view action, const json& params,
                    const std::string& region) override {
    return client_->Post(Target("call", region), {{"Action", action}, {"Params", params}});
  }
  Result<json> Probe(const json& spec, const std::string& region) override {
    return client_->Post(Target("probe", region), spec);
  }
  Result<json> Bill(const json& spec, const std::string& region) override {
    return client_->Post(Target("bill", region), spec);
  }
  Result<json> Latency(const json& spec, const std::string& region) override {
    return client_->Post(Target("latency", region), spec);
  }

 private:
  std::string Target(std::string_view route, const std::string& region) const {
    return "/_ec2sim/" + std::string(route) + "?" + who_ + "&region=" + PercentEncode(region);
  }

  std::shared_ptr<AdminClient> client_;
  std::string account_;
  std::string who_;
};

class HttpRemoteConnector final : public lessons::RemoteConnector {
 public:
  explicit HttpRemoteConnector(RemoteOptions options) : options_(options) {}

  Result<std::unique_ptr<lessons::StateSource>> ForAccessKey(
      const std::string& endpoint, const std::string& access_key) override {
    if (access_key.empty() || std::any_of(access_key.begin(), access_key.end(),
                                          [](unsigned char c) { return c <= ' ' || c == 0x7f; })) {
      return MakeError(
          ErrorCode::kSimInvalidInput,
          "an access key is a non-empty word without spaces, got '" + access_key + "'");
    }
    EC2SIM_ASSIGN_OR_RETURN(std::shared_ptr<AdminClient> client, Open(endpoint));
    std::string who = "access_key=" + PercentEncode(access_key);
    std::string account = wire::AccountForAccessKey(access_key);
    if (client->classroom()) {
      // A classroom server maps keys through its users file; the open-mode hash would be wrong.
      EC2SIM_ASSIGN_OR_RETURN(std::optional<std::string> asked, AskAccount(*client, who));
      if (asked) account = *asked;
    }
    return std::unique_ptr<lessons::StateSource>(
        std::make_unique<HttpStateSource>(client, account, who));
  }

  Result<std::unique_ptr<lessons::StateSource>> ForAccount(const std::string& endpoint,
                                                           const std::string& account) override {
    if (!IsAccountId(account)) {
      return MakeError(ErrorCode::kSimInvalidInput,
                       "an account id is 12 digits, got '" + account + "'");
    }
    EC2SIM_ASSIGN_OR_RETURN(std::vector<lessons::RemoteAccount> known, AccountsWithKeys(endpoint));
    bool found = std::any_of(known.begin(), known.end(),
                             [&](const lessons::RemoteAccount& a) { return a.account == account; });
    if (!found) {
      // A typed id that names nobody would otherwise be checked as an empty account.
      return MakeError(ErrorCode::kSimNotFound, "the server has no account " + account +
                                                    " (`ec2sim lesson progress --endpoint " +
                                                    endpoint + "` lists the accounts it has)");
    }
    EC2SIM_ASSIGN_OR_RETURN(std::shared_ptr<AdminClient> client, Open(endpoint));
    return std::unique_ptr<lessons::StateSource>(
        std::make_unique<HttpStateSource>(client, account, "account=" + account));
  }

  Result<std::vector<std::string>> Accounts(const std::string& endpoint) override {
    EC2SIM_ASSIGN_OR_RETURN(std::vector<lessons::RemoteAccount> known, AccountsWithKeys(endpoint));
    std::vector<std::string> ids;
    for (lessons::RemoteAccount& a : known) ids.push_back(std::move(a.account));
    return ids;
  }

  Result<std::vector<lessons::RemoteAccount>> AccountsWithKeys(
      const std::string& endpoint) override {
    EC2SIM_ASSIGN_OR_RETURN(std::shared_ptr<AdminClient> client, Open(endpoint));
    EC2SIM_ASSIGN_OR_RETURN(json listing, client->Get("/_ec2sim/accounts"));
    auto rows = listing.is_object() ? listing.find("accounts") : listing.end();
    if (rows == listing.end() || !rows->is_array()) {
      return MakeError(ErrorCode::kSimNotFound,
                       client->endpoint() + " answered /_ec2sim/accounts without a list");
    }
    std::vector<lessons::RemoteAccount> out;
    for (const json& row : *rows) {
      std::optional<std::string> id = StringMember(row, "account");
      if (!id || !IsAccountId(*id)) {
        return MakeError(ErrorCode::kSimNotFound, client->endpoint() +
                                                      " listed an account that is not a "
                                                      "12-digit id: " +
                                                      row.dump());
      }
      lessons::RemoteAccount account{*id, {}};
      auto keys = row.find("access_keys");
      if (keys != row.end() && keys->is_array()) {
        for (const json& key : *keys) {
          if (key.is_string()) account.access_keys.push_back(key);
        }
      }
      std::sort(account.access_keys.begin(), account.access_keys.end());
      out.push_back(std::move(account));
    }
    std::sort(out.begin(), out.end(),
              [](const lessons::RemoteAccount& a, const lessons::RemoteAccount& b) {
                return a.account < b.account;
              });
    return out;
  }

 private:
  // One verified client per endpoint, reused by every source it hands out.
  Result<std::shared_ptr<AdminClient>> Open(const std::string& endpoint) {
    EC2SIM_ASSIGN_OR_RETURN(std::string base, NormalizeEndpoint(endpoint));
    std::shared_ptr<AdminClient>& client = clients_[base];
    if (client == nullptr) client = std::make_shared<AdminClient>(base, options_);
    EC2SIM_RETURN_IF_ERROR(client->Verify());
    return client;
  }

  const RemoteOptions options_;
  std::map<std::string, std::shared_ptr<AdminClient>> clients_;
};

}  // namespace

std::unique_ptr<lessons::RemoteConnector> MakeHttpRemoteConnector(RemoteOptions options) {
  return std::make_unique<HttpRemoteConnector>(options);
}

std::optional<ErrorCode> ErrorCodeFromAws(std::string_view aws_code) {
  return ErrorCodeFromAwsCode(aws_code);
}

Result<std::string> NormalizeEndpoint(std::string_view endpoint) {
  auto bad = [&](const std::string& why) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "bad endpoint '" + std::string(endpoint) + "': " + why +
                         " (expected http://HOST:PORT, e.g. http://127.0.0.1:4566)");
  };
  std::string_view rest = endpoint;
  std::string scheme;
  for (std::string_view s : {"http://", "https://"}) {
    if (rest.substr(0, s.size()) == s) {
      scheme = std::string(s);
      rest.remove_prefix(s.size());
    }
  }
  if (scheme.empty()) return bad("it must start with http:// or https://");
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (rest.find_first_of("/?#@ ") != std::string_view::npos) {
    return bad("only a host and a port may follow the scheme");
  }
  std::string_view host = rest;
  std::size_t colon = rest.rfind(':');
  bool bracketed = !rest.empty() && rest.front() == '[';
  if (colon != std::string_view::npos && (!bracketed || rest.rfind(']') < colon)) {
    std::string_view port = rest.substr(colon + 1);
    host = rest.substr(0, colon);
    if (port.empty() || port.size() > 5 ||
        port.find_first_not_of("0123456789") != std::string_view::npos) {
      return bad("the port must be a number");
    }
    int n = std::stoi(std::string(port));
    if (n < 1 || n > 65535) return bad("the port must be 1 to 65535");
  }
  if (host.empty() || host == "[]") return bad("the host is empty");
  return scheme + std::string(rest);
}

}  // namespace ec2sim::server
