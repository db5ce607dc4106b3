#include "sim/server/console/console_routes.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "sim/engine/ascii.h"
#include "sim/server/sigv4.h"
#include "sim/wire/caller.h"
#include "sim/wire/query_decoder.h"

// The embedded page and scripts (cmake ec2sim_embed of sim/server/console/assets/).
extern const char kEc2simConsoleHtml[];
extern const char kEc2simConsoleCss[];
extern const char kEc2simConsoleJs[];
extern const char kEc2simConsoleI18nJs[];
extern const char kEc2simConsolePagesJs[];
extern const char kEc2simConsoleResourcesJs[];
extern const char kEc2simConsoleNetworkJs[];
extern const char kEc2simConsoleExtrasJs[];
extern const char kEc2simConsoleStorageJs[];
extern const char kEc2simConsoleLessonsJs[];
extern const char kEc2simConsoleKeysJs[];
extern const char kEc2simConsoleVpcEditJs[];
extern const char kEc2simConsoleAclEditJs[];
extern const char kEc2simConsoleBeyondJs[];

namespace ec2sim::server {
namespace {

using nlohmann::json;

constexpr std::string_view kApiPrefix = "/console/api/";
constexpr std::string_view kCookie = "ec2sim_console";

// Headers every console answer carries: scripts and styles only from this server (no inline
// script, so injected markup cannot run), never framed, no referrer leaving the page.
void Harden(HttpResponse& r, bool cacheable) {
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
                         "base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  r.headers.emplace_back("Cache-Control", cacheable ? "no-cache" : "no-store");
}

HttpResponse ConsoleJson(int status, const json& body) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/json";
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  return r;
}

HttpResponse ConsoleError(int status, std::string_view code, const std::string& message) {
  HttpResponse r = ConsoleJson(status, {{"error", {{"code", code}, {"message", message}}}});
  r.error_code = std::string(code);
  return r;
}

std::optional<std::string> HeaderValue(const HttpRequest& request, std::string_view name) {
  for (const auto& [n, v] : request.headers) {
    if (engine::AsciiLower(n) == engine::AsciiLower(name)) return v;
  }
  return std::nullopt;
}

// The value of cookie `name` in the Cookie header ("a=1; b=2"), or "".
std::string CookieValue(const HttpRequest& request, std::string_view name) {
  std::optional<std::string> header = HeaderValue(request, "Cookie");
  if (!header) return "";
  std::string_view rest = *header;
  while (!rest.empty()) {
    std::size_t end = rest.find(';');
    std::string_view pair = engine::TrimBlanks(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
  }
  return "";
}

// A state-changing request from another site: its Origin (or Sec-Fetch-Site) says so. Browsers
// send Origin on every cross-site POST, so a forged form post or fetch stops here even before
// the anti-forgery token is looked at.
bool FromAnotherSite(const HttpRequest& request) {
  if (std::optional<std::string> site = HeaderValue(request, "Sec-Fetch-Site")) {
    if (*site == "cross-site" || *site == "same-site") return true;
  }
  std::optional<std::string> origin = HeaderValue(request, "Origin");
  if (!origin || *origin == "null") return origin.has_value();
  std::optional<std::string> host = HeaderValue(request, "Host");
  return !host || (*origin != "http://" + *host && *origin != "https://" + *host);
}

std::string SessionCookie(const std::string& token, std::int64_t max_age_s) {
  return std::string(kCookie) + "=" + token +
         "; Path=/console/; Max-Age=" + std::to_string(max_age_s) + "; HttpOnly; SameSite=Strict";
}

// The learner's "My IP". The real console puts the browser's public address /32 into a rule
// ("My IP" source, EC2 User Guide, "Security group rules"); a browser on the simulator's host
// has no public address, and the probe's internet end is any address. So each account gets one
// fixed address of the documentation range 198.51.100.0/24 (RFC 5737, TEST-NET-2): the same on
// every visit and server, different between most accounts, never an address AWS would allocate,
// and never the Reachability page's "somewhere else" default, 203.0.113.7 (TEST-NET-3).
std::string MyIp(const std::string& account) {
  std::uint32_t h = 0;
  for (unsigned char c : account) h = (h * 31 + c) % 254;
  return "198.51.100." + std::to_string(h + 1);
}

json SessionJson(const ConsoleSession& s, bool classroom) {
  return {{"account", s.account},       {"user", s.user},
          {"admin", s.admin},           {"csrf", s.csrf},
          {"expires_ms", s.expires_ms}, {"mode", classroom ? "classroom" : "open"},
          {"my_ip", MyIp(s.account)}};
}

std::string FormField(const wire::QueryParams& form, std::string_view name) {
  return wire::FindParam(form, name).value_or("");
}

}  // namespace

ConsoleRoutes::ConsoleRoutes(Ec2Endpoint& ec2, AdminApi& admin, const UserDirectory* users,
                             std::string default_region)
    : ec2_(ec2), admin_(admin), users_(users), default_region_(std::move(default_region)) {}

bool ConsoleRoutes::Owns(const HttpRequest& request) {
  const std::string& p = request.path;
  if (p == "/")
    return request.method == "GET" && request.query.empty() && request.authorization.empty();
  return p == "/console" || p.rfind("/console/", 0) == 0;
}

HttpResponse ConsoleRoutes::Handle(const HttpRequest& request) {
  const std::string& path = request.path;
  HttpResponse r;
  if (path == "/" || path == "/console") {
    r.status = 302;
    r.content_type = "text/plain";
    r.body = "The console is at /console/\n";
    r.headers.emplace_back("Location", "/console/");
    r.action = "console";
    return r;
  }
  if (path.rfind(kApiPrefix, 0) != 0) {
    r = Asset(request);
  } else {
    std::string route = path.substr(kApiPrefix.size());
    bool post = request.method == "POST";
    if (post && FromAnotherSite(request)) {
      r = ConsoleError(403, "Ec2sim.CrossSiteRequest",
                       "A request from another site cannot change anything here");
    } else if (route == "session") {
      r = post ? SignIn(request) : SessionInfo(request);
    } else {
      std::optional<ConsoleSession> session =
          sessions_.Find(CookieValue(request, kCookie), WallClockMs());
      std::optional<std::string> csrf = HeaderValue(request, "X-Ec2sim-Csrf");
      if (!session) {
        r = ConsoleError(401, "Ec2sim.SignedOut", "Sign in to use the console");
      } else if (!csrf || !sigv4::SameSecret(*csrf, session->csrf)) {
        r = ConsoleError(403, "Ec2sim.CsrfTokenMismatch",
                         "The request lacks this session's anti-forgery token");
      } else if (route == "signout" && post) {
        r = SignOut(request);
      } else if (route == "ec2" && post) {
        r = Ec2(request, *session);
      } else if (route.rfind("admin/", 0) == 0) {
        r = Admin(request, *session);
      } else {
        r = ConsoleError(404, "Ec2sim.NotFound", "No console route " + request.method + " " + path);
      }
    }
  }
  Harden(r, path.rfind(kApiPrefix, 0) != 0);
  if (r.action.empty()) r.action = "console";
  return r;
}

HttpResponse ConsoleRoutes::Asset(const HttpRequest& request) const {
  struct File {
    std::string_view path;
    const char* body;
    const char* type;
  };
  static const File kFiles[] = {
      {"/console/", kEc2simConsoleHtml, "text/html; charset=utf-8"},
      {"/console/console.css", kEc2simConsoleCss, "text/css; charset=utf-8"},
      {"/console/console.js", kEc2simConsoleJs, "text/javascript; charset=utf-8"},
      {"/console/i18n.js", kEc2simConsoleI18nJs, "text/javascript; charset=utf-8"},
      {"/console/pages.js", kEc2simConsolePagesJs, "text/javascript; charset=utf-8"},
      {"/console/resources.js", kEc2simConsoleResourcesJs, "text/javascript; charset=utf-8"},
      {"/console/network.js", kEc2simConsoleNetworkJs, "text/javascript; charset=utf-8"},
      {"/console/extras.js", kEc2simConsoleExtrasJs, "text/javascript; charset=utf-8"},
      {"/console/storage.js", kEc2simConsoleStorageJs, "text/javascript; charset=utf-8"},
      {"/console/lessons.js", kEc2simConsoleLessonsJs, "text/javascript; charset=utf-8"},
      {"/console/keys.js", kEc2simConsoleKeysJs, "text/javascript; charset=utf-8"},
      {"/console/vpc_edit.js", kEc2simConsoleVpcEditJs, "text/javascript; charset=utf-8"},
      {"/console/acl_edit.js", kEc2simConsoleAclEditJs, "text/javascript; charset=utf-8"},
      {"/console/beyond.js", kEc2simConsoleBeyondJs, "text/javascript; charset=utf-8"},
  };
  if (request.method != "GET") {
    return ConsoleError(405, "Ec2sim.MethodNotAllowed",
                        request.method + " is not allowed on " + request.path);
  }
  for (const File& f : kFiles) {
    if (request.path == f.path) {
      HttpResponse r;
      r.content_type = f.type;
      r.body = f.body;
      return r;
    }
  }
  HttpResponse r;
  r.status = 404;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "No console page " + request.path + "; the console is at /console/\n";
  r.error_code = "Ec2sim.NotFound";
  return r;
}

HttpResponse ConsoleRoutes::SessionInfo(const HttpRequest& request) const {
  std::optional<ConsoleSession> session =
      sessions_.Find(CookieValue(request, kCookie), WallClockMs());
  if (!session) {
    // The mode too: the sign-in form differs between open and classroom servers.
    HttpResponse r = ConsoleJson(
        401, {{"error", {{"code", "Ec2sim.SignedOut"}, {"message", "Sign in to use the console"}}},
              {"mode", users_ != nullptr ? "classroom" : "open"},
              {"default_region", default_region_}});
    r.error_code = "Ec2sim.SignedOut";
    return r;
  }
  json body = SessionJson(*session, users_ != nullptr);
  body["default_region"] = default_region_;
  HttpResponse r = ConsoleJson(200, body);
  r.account = session->account;
  return r;
}

HttpResponse ConsoleRoutes::SignIn(const HttpRequest& request) {
  Result<wire::QueryParams> form = wire::ParseFormUrlEncoded(request.body);
  if (!form.ok()) return ConsoleError(400, "Ec2sim.BadRequest", form.error().message);
  std::string key = FormField(*form, "access_key");
  std::string secret = FormField(*form, "secret_key");
  ConsoleSession session;
  if (users_ != nullptr) {
    // One answer for an unknown key and a wrong secret: the form tells nobody which keys exist.
    const User* user = users_->Find(key);
    if (user == nullptr || !sigv4::SameSecret(secret, user->secret_access_key)) {
      return ConsoleError(401, "AuthFailure", "The access key or the secret key is not right");
    }
    session.account = user->account_id;
    session.user = user->name;
    session.classroom_user = user;
    session.admin = user->admin;
  } else if (key.empty()) {
    session.account = std::string(kDefaultAccount);
    session.user = "default";
  } else if (!wire::IsWellFormedAccessKey(key)) {
    return ConsoleError(400, "AuthFailure",
                        "An access key is 1 to 128 characters of A-Z a-z 0-9 _ . -");
  } else {
    // As the open EC2 endpoint maps a signature's key: the key stands for an account of its own.
    session.account = wire::AccountForAccessKey(key);
    session.user = key;
  }
  std::int64_t now = WallClockMs();
  std::string token = sessions_.Start(session, now);
  std::optional<ConsoleSession> started = sessions_.Find(token, now);
  HttpResponse r = ConsoleJson(200, SessionJson(*started, users_ != nullptr));
  r.headers.emplace_back("Set-Cookie", SessionCookie(token, sessions_.lifetime_ms() / 1000));
  r.account = session.account;
  r.action = "ConsoleSignIn";
  return r;
}

HttpResponse ConsoleRoutes::SignOut(const HttpRequest& request) {
  sessions_.End(CookieValue(request, kCookie));
  HttpResponse r = ConsoleJson(200, {{"signed_out", true}});
  r.headers.emplace_back("Set-Cookie", SessionCookie("", 0));
  r.action = "ConsoleSignOut";
  return r;
}

HttpResponse ConsoleRoutes::Ec2(const HttpRequest& request, const ConsoleSession& session) {
  CallContext ctx;
  ctx.account = session.account;
  ctx.region = default_region_;
  Result<wire::QueryParams> query = wire::ParseFormUrlEncoded(request.query);
  if (query.ok()) {
    std::optional<std::string> region = wire::FindParam(*query, "region");
    if (region && wire::IsWellFormedRegionName(*region)) ctx.region = *region;
  }
  // Only the form body is the EC2 request: the query string named the region.
  HttpRequest call = request;
  call.query.clear();
  return ec2_.HandleAs(call, ctx);
}

HttpResponse ConsoleRoutes::Admin(const HttpRequest& request, const ConsoleSession& session) {
  HttpRequest call = request;
  call.path =
      "/_ec2sim/" + request.path.substr(kApiPrefix.size() + std::string_view("admin/").size());
  if (users_ == nullptr) {
    // Open mode names accounts freely; the console keeps to the one it signed in to, so the
    // pages of one account never show another's by accident.
    Result<wire::QueryParams> query = wire::ParseFormUrlEncoded(request.query);
    bool names_account = query.ok() && (wire::FindParam(*query, "account").has_value() ||
                                        wire::FindParam(*query, "access_key").has_value());
    if (!names_account) {
      call.query += (call.query.empty() ? "" : "&") + std::string("account=") + session.account;
    }
  }
  return admin_.HandleAs(call, session.classroom_user);
}

}  // namespace ec2sim::server
