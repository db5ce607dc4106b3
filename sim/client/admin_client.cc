#include "sim/client/admin_client.h"

#include <httplib.h>

#include <chrono>
#include <optional>
#include <utility>

#include "sim/client/endpoint.h"
#include "sim/engine/json_depth.h"
#include "sim/server/sigv4.h"
#include "sim/server/users.h"

namespace ec2sim::client {
using nlohmann::json;

std::optional<std::string> StringMember(const json& j, const char* key) {
  if (!j.is_object()) return std::nullopt;
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

struct AdminClient::Impl {
  Impl(std::string endpoint, const RemoteOptions& options)
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

  bool signs() const { return !options_.secret_access_key.empty(); }

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
    timing_ = health->value("timing", "");
    actions_.clear();
    if (auto list = health->find("actions"); list != health->end() && list->is_array()) {
      for (const json& name : *list) {
        if (name.is_string()) actions_.insert(name.get<std::string>());
      }
    }
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

  static std::string Route(const std::string& target) { return target.substr(0, target.find('?')); }

  // The Host, X-Amz-Date and Authorization headers of a signed request; none when unsigned.
  httplib::Headers Sign(const std::string& method, const std::string& target,
                        const std::string& body) const {
    httplib::Headers headers;
    if (!signs()) return headers;
    std::size_t q = target.find('?');
    server::sigv4::Outgoing out;
    out.method = method;
    out.host = host_;
    out.path = target.substr(0, q);
    out.query = q == std::string::npos ? "" : target.substr(q + 1);
    out.body = body;
    out.access_key_id = options_.access_key_id;
    out.secret_access_key = options_.secret_access_key;
    out.region = options_.region;
    out.time_ms = server::WallClockMs();
    // Sent as signed, so httplib's own Host header (which may drop a default port) cannot differ.
    headers.emplace("Host", host_);
    for (auto& [name, value] : server::sigv4::SignRequest(out)) headers.emplace(name, value);
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
    // An endpoint may be anything the user typed: its answer is bounded like every input.
    json body = engine::FindJsonTooDeep(res->body)
                    ? json(json::value_t::discarded)
                    : json::parse(res->body, nullptr, /*allow_exceptions=*/false);
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
  std::string timing_;
  std::set<std::string, std::less<>> actions_;
};

AdminClient::AdminClient(std::string endpoint, const RemoteOptions& options)
    : impl_(std::make_unique<Impl>(std::move(endpoint), options)) {}

AdminClient::~AdminClient() = default;

Status AdminClient::Verify() { return impl_->Verify(); }

Result<json> AdminClient::Get(const std::string& target) { return impl_->Get(target); }

Result<json> AdminClient::Post(const std::string& target, const json& body) {
  return impl_->Post(target, body);
}

const std::string& AdminClient::endpoint() const { return impl_->endpoint_; }

bool AdminClient::signs() const { return impl_->signs(); }

bool AdminClient::classroom() const { return impl_->classroom_; }

bool AdminClient::HasAction(std::string_view action) const {
  return impl_->actions_.find(action) != impl_->actions_.end();
}

const std::string& AdminClient::timing() const { return impl_->timing_; }

}  // namespace ec2sim::client
