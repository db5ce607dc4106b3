#include "sim/server/admin_api.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "sim/api/action_table.h"
#include "sim/engine/json_depth.h"
#include "sim/engine/terminal_text.h"
#include "sim/server/admin_lessons.h"
#include "sim/server/admin_prices.h"
#include "sim/wire/caller.h"
#include "sim/wire/query_decoder.h"

namespace ec2sim::server {
namespace {

using nlohmann::json;

constexpr std::string_view kPrefix = "/_ec2sim/";

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

// The request's query fields; a malformed query string counts as none.
wire::QueryParams Query(const HttpRequest& request) {
  Result<wire::QueryParams> q = wire::ParseFormUrlEncoded(request.query);
  return q.ok() ? std::move(q).value() : wire::QueryParams{};
}

// The account a route acts on: ?account=ID, or ?access_key=KEY, or when neither is given the
// caller's own account in classroom mode and the default account in open mode. In classroom
// mode (`users` set) a key maps through the users file, as the EC2 endpoint maps it there; in
// open mode it maps as the open EC2 endpoint maps it. Errors: kInvalidParameterCombination for
// both parameters; kSimInvalidInput for an account that is not 12 digits;
// kInvalidParameterValue for a malformed key or one the users file does not have.
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

// The key to list with `account` after a call on it: the key that names it. In classroom mode
// that is the caller's own key from the signature (and only on the caller's own account: an
// admin's key never joins a learner's row); in open mode it is ?access_key=, whose hash is the
// account. Nothing else a request says is recorded.
std::optional<std::string> KeyInUse(const wire::QueryParams& q, const User* caller,
                                    const std::string& account) {
  if (caller != nullptr) {
    if (caller->account_id != account) return std::nullopt;
    return caller->access_key_id;
  }
  return wire::FindParam(q, "access_key");
}

// What a caller may see of other accounts through the network verbs: everything for the
// teacher (and in open mode, where any account can be named anyway), the internet's view for
// a learner.
bool SeesOtherAccounts(const User* caller) { return caller == nullptr || caller->admin; }

// A learner (a non-admin caller) may read only their own account.
bool MayUse(const User* caller, const std::string& account) {
  return caller == nullptr || caller->admin || caller->account_id == account;
}

HttpResponse NotYourAccount(const User& caller, const std::string& account) {
  return JsonError(403, "UnauthorizedOperation",
                   "You are not authorized to perform this operation: user '" + caller.name +
                       "' may use only account " + caller.account_id + ", not " + account);
}

// The JSON body of a POST ({} when empty). Error: kSimInvalidInput for anything but an object,
// and for a body nested deeper than engine::kMaxJsonDepth (refused before it is parsed).
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

// POST /_ec2sim/call: one EC2 action, {"Action": NAME, "Params": {...}} in, its JSON out.
HttpResponse CallRoute(SharedWorld& world, const AdminInfo& info, const User* caller,
                       const HttpRequest& request) {
  // Self-contained on purpose: the route is one EC2 call as a scenario's `call` step makes it,
  // in the action table's JSON. Problems with the request are EC2's 400 codes.
  wire::QueryParams q = Query(request);
  Result<std::string> account = AccountOf(q, info.users, caller);
  if (!account.ok()) return JsonError(account.error());
  if (!MayUse(caller, *account)) return NotYourAccount(*caller, *account);
  auto invalid = [](const std::string& message) {
    return JsonError(MakeError(ErrorCode::kInvalidParameterValue, message));
  };
  if (auto deep = engine::FindJsonTooDeep(request.body)) {
    return invalid("The request body is " + deep->reason);
  }
  json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    return invalid(
        R"(The body must be a JSON object: {"Action": "DescribeInstances", "Params": {...}})");
  }
  for (const auto& [key, value] : body.items()) {
    if (key != "Action" && key != "Params") {
      return JsonError(MakeError(ErrorCode::kUnknownParameter,
                                 "Unknown member \"" + key + "\" (members: Action, Params)"));
    }
  }
  if (!body.contains("Action")) {
    return JsonError(
        MakeError(ErrorCode::kMissingParameter, "The request must contain the member Action"));
  }
  if (!body["Action"].is_string()) return invalid("Action must be a string");
  json params = body.contains("Params") ? body["Params"] : json::object();
  if (!params.is_object()) return invalid("Params must be a JSON object");
  std::string action = body["Action"];
  CallContext ctx{*account, wire::FindParam(q, "region").value_or(info.default_region),
                  SeesOtherAccounts(caller)};
  // A key in use, as on the EC2 endpoint: list it with its account.
  if (auto key = KeyInUse(q, caller, *account)) world.NoteAccessKey(*account, *key);
  if (action == "CreateKeyPair") world.PrepareKeyPair(ctx, params);
  Result<json> result =
      world.With(*account, [&](Sandbox& s) { return s.Call(action, params, ctx); });
  HttpResponse r = result.ok() ? Json(200, *result) : JsonError(result.error());
  r.action = action;
  r.account = ctx.account;
  r.region = ctx.region;
  return r;
}

}  // namespace

AdminApi::AdminApi(SharedWorld& world, ServerClock& clock, AdminInfo info)
    : world_(world), clock_(clock), info_(std::move(info)) {}

HttpResponse AdminApi::Handle(const HttpRequest& request) {
  std::string route = request.path.substr(std::min(request.path.size(), kPrefix.size()));
  const User* caller = nullptr;
  if (info_.users != nullptr && route != "health") {
    // Classroom mode: every route but health needs a signature. Health stays open so scripts
    // can wait for the server to come up.
    Result<AuthenticatedCaller> auth = Authenticate(*info_.users, request, WallClockMs());
    if (!auth.ok()) return JsonError(auth.error());
    caller = auth->user;
  }
  return HandleAs(request, caller);
}

HttpResponse AdminApi::HandleAs(const HttpRequest& request, const User* caller) {
  std::string route = request.path.substr(std::min(request.path.size(), kPrefix.size()));
  auto only = [&](std::string_view method) { return request.method == method; };
  auto either = [&] { return request.method == "GET" || request.method == "POST"; };
  if (info_.users != nullptr && route != "health") {
    if (caller == nullptr) {
      return JsonError(403, "UnauthorizedOperation",
                       "You are not authorized to perform this operation: sign in first");
    }
    // A learner may use call and the verbs on their own account (so `lesson check --endpoint`
    // works with their key); the rest is the teacher's. The clock too: each account has its
    // own, which a learner moves for themselves alone.
    bool learner_route = route == "call" || route == "probe" || route == "bill" ||
                         route == "latency" || route == "traffic" || route == "cpu" ||
                         route == "clock" || route == "prices" || route == "lessons" ||
                         route.rfind("lessons/", 0) == 0;
    if (!caller->admin && !learner_route) {
      return JsonError(403, "UnauthorizedOperation",
                       "You are not authorized to perform this operation: user '" + caller->name +
                           "' is not an admin of this classroom");
    }
  }
  HttpResponse r;
  bool method_ok = true;
  if (route == "health") {
    method_ok = only("GET");
    if (method_ok) r = Health();
  } else if (route == "accounts") {
    method_ok = only("GET");
    if (method_ok) r = Accounts();
  } else if (route == "reset") {
    method_ok = only("POST");
    if (method_ok) r = Reset(request);
  } else if (route == "clock") {
    method_ok = either();
    if (method_ok) r = Clock(caller, request);
  } else if (route == "bill") {
    method_ok = either();
    if (method_ok) r = Verb(route, caller, request);
  } else if (route == "probe" || route == "latency" || route == "traffic" || route == "cpu") {
    method_ok = only("POST");
    if (method_ok) r = Verb(route, caller, request);
  } else if (route == "state") {
    method_ok = only("GET");
    if (method_ok) r = State(request);
  } else if (route == "lessons" || route.rfind("lessons/", 0) == 0) {
    method_ok = route.size() > 6 && route.compare(route.size() - 6, 6, "/check") == 0 ? only("POST")
                                                                                      : only("GET");
    if (method_ok) r = Lessons(route, caller, request);
  } else if (route == "prices") {
    method_ok = only("GET");
    if (method_ok) r = PricesRoute(request, info_.default_region);
  } else if (route == "call") {
    method_ok = only("POST");
    if (method_ok) r = CallRoute(world_, info_, caller, request);
  } else {
    r = JsonError(
        404, "Ec2sim.NotFound",
        "No admin route " + request.path +
            " (routes: health, accounts, reset, clock, bill, probe, latency, traffic, cpu, "
            "state, call)");
  }
  if (!method_ok) {
    r = JsonError(405, "Ec2sim.MethodNotAllowed",
                  request.method + " is not allowed on " + request.path);
  }
  return r;
}

HttpResponse AdminApi::Health() {
  return Json(200, {{"status", "ok"},
                    {"version", EC2SIM_VERSION},
                    {"time", FormatIsoTime(clock_.Now())},
                    {"clock", clock_.mode() == ClockMode::kWall ? "wall" : "manual"},
                    {"speed", clock_.speed()},
                    {"timing", info_.timing == Timing::kInstant ? "instant" : "realistic"},
                    {"region", info_.default_region},
                    // Clients that sign (lesson check) need to know how keys map to accounts.
                    {"mode", info_.users != nullptr ? "classroom" : "open"},
                    // Whether each account has a clock of its own (classroom) or all share one.
                    {"clocks", world_.per_account() ? "per-account" : "shared"},
                    {"actions", api::ActionTable::Get().Names()}});
}

HttpResponse AdminApi::Accounts() {
  std::map<std::string, json> rows;
  for (const auto& [account, keys] : world_.Accounts()) {
    rows[account] = {{"account", account}, {"access_keys", keys}};
  }
  if (info_.users != nullptr) {
    // A teacher knows learners by name, and wants those who never came listed too.
    for (const User& user : info_.users->users()) {
      if (user.admin && rows.count(user.account_id) == 0) continue;
      json& row = rows[user.account_id];
      if (row.is_null()) row = {{"account", user.account_id}, {"access_keys", json::array()}};
      row["names"].push_back(user.name);
    }
  }
  json list = json::array();
  for (auto& [account, row] : rows) list.push_back(std::move(row));
  return Json(200, {{"accounts", std::move(list)}});
}

HttpResponse AdminApi::Reset(const HttpRequest& request) {
  wire::QueryParams q = Query(request);
  if (!wire::FindParam(q, "account") && !wire::FindParam(q, "access_key")) {
    world_.ResetAll();
    return Json(200, {{"reset", "all"}});
  }
  Result<std::string> account = AccountOf(q, info_.users, nullptr);
  if (!account.ok()) return JsonError(account.error());
  bool existed = world_.Reset(*account);
  return Json(200, {{"reset", *account}, {"existed", existed}});
}

// Whose clock a clock request reads or moves: an account's (its world's own clock, in
// classroom mode), or nullopt for the server clock, which every account follows. A learner
// always has their own; an admin names an account with ?account= or ?access_key=, or moves the
// server clock by naming none. An open server has only the server clock.
Result<std::optional<std::string>> ClockScope(const SharedWorld& world, const UserDirectory* users,
                                              const User* caller, const wire::QueryParams& q) {
  if (!world.per_account()) return std::optional<std::string>();
  bool named = wire::FindParam(q, "account") || wire::FindParam(q, "access_key");
  if (caller != nullptr && caller->admin && !named) return std::optional<std::string>();
  EC2SIM_ASSIGN_OR_RETURN(std::string account, AccountOf(q, users, caller));
  if (!MayUse(caller, account)) {
    return MakeError(ErrorCode::kUnauthorizedOperation,
                     "You are not authorized to perform this operation: user '" + caller->name +
                         "' may move only the clock of account " + caller->account_id + ", not " +
                         account);
  }
  return std::optional<std::string>(account);
}

HttpResponse AdminApi::Clock(const User* caller, const HttpRequest& request) {
  wire::QueryParams q = Query(request);
  Result<std::optional<std::string>> scope = ClockScope(world_, info_.users, caller, q);
  if (!scope.ok()) {
    if (scope.error().code == ErrorCode::kUnauthorizedOperation) {
      return JsonError(403, "UnauthorizedOperation", scope.error().message);
    }
    return JsonError(scope.error());
  }
  auto now = [&] {
    SimTime t = *scope ? world_.Now(**scope) : clock_.Now();
    json answer = {{"time", FormatIsoTime(t)},
                   {"epoch_ms", t},
                   {"clock", clock_.mode() == ClockMode::kWall ? "wall" : "manual"},
                   {"speed", clock_.speed()}};
    if (*scope) {
      // The account's own time: the server clock's plus how far the account moved it.
      answer["account"] = **scope;
      answer["offset_ms"] = world_.Offset(**scope);
      answer["server_time"] = FormatIsoTime(clock_.Now());
    }
    return answer;
  };
  if (request.method == "GET") return Json(200, now());
  Result<json> body = BodyObject(request);
  if (!body.ok()) return JsonError(body.error());
  // The duration may also come as ?advance=90s, handy from curl.
  if (auto advance = wire::FindParam(q, "advance")) (*body)["advance"] = *advance;
  bool has_advance = body->contains("advance");
  bool has_to = body->contains("to");
  if (has_advance == has_to) {
    return JsonError(
        400, "Ec2sim.InvalidInput",
        "Send exactly one of {\"advance\": \"90s\"} or {\"to\": \"2026-01-02T00:00:00Z\"}");
  }
  const json& value = has_advance ? (*body)["advance"] : (*body)["to"];
  if (!value.is_string()) {
    return JsonError(400, "Ec2sim.InvalidInput", "The value must be a string");
  }
  if (has_advance) {
    Result<Duration> d = ParseDuration(value.get<std::string>());
    if (!d.ok()) return JsonError(d.error());
    // Through the world, which journals the move.
    Status s = *scope ? world_.AdvanceAccountClock(**scope, *d) : world_.AdvanceClock(*d);
    if (!s.ok()) return JsonError(s.error());
  } else {
    Result<SimTime> t = ParseIsoTime(value.get<std::string>());
    if (!t.ok()) return JsonError(t.error());
    Status s = *scope ? world_.SetAccountClock(**scope, *t) : world_.SetClock(*t);
    if (!s.ok()) return JsonError(s.error());
  }
  return Json(200, now());
}

HttpResponse AdminApi::Lessons(const std::string& route, const User* caller,
                               const HttpRequest& request) {
  if (info_.lessons == nullptr) {
    return JsonError(404, "Ec2sim.NotFound", "This server was started without the course");
  }
  wire::QueryParams q = Query(request);
  Result<std::string> account = AccountOf(q, info_.users, caller);
  if (!account.ok()) return JsonError(account.error());
  if (!MayUse(caller, *account)) return NotYourAccount(*caller, *account);
  Result<json> result = LessonsRoute(world_, *info_.lessons, route, q, *account);
  HttpResponse r = result.ok() ? Json(200, *result) : JsonError(result.error());
  r.action = "lessons";
  r.account = *account;
  return r;
}

HttpResponse AdminApi::Verb(const std::string& verb, const User* caller,
                            const HttpRequest& request) {
  wire::QueryParams q = Query(request);
  Result<std::string> account = AccountOf(q, info_.users, caller);
  if (!account.ok()) return JsonError(account.error());
  if (!MayUse(caller, *account)) return NotYourAccount(*caller, *account);
  Result<json> spec = BodyObject(request);
  if (!spec.ok()) return JsonError(spec.error());
  CallContext ctx{*account, wire::FindParam(q, "region").value_or(info_.default_region),
                  SeesOtherAccounts(caller)};
  Result<json> result = world_.With(*account, [&](Sandbox& s) -> Result<json> {
    if (verb == "probe") return s.Probe(*spec, ctx);
    if (verb == "bill") return s.Bill(*spec, ctx);
    if (verb == "traffic") return s.Traffic(*spec, ctx);
    if (verb == "cpu") return s.Cpu(*spec, ctx);
    return s.Latency(*spec, ctx);
  });
  HttpResponse r = result.ok() ? Json(200, *result) : JsonError(result.error());
  r.account = ctx.account;
  r.region = ctx.region;
  return r;
}

HttpResponse AdminApi::State(const HttpRequest& request) {
  Result<std::string> account = AccountOf(Query(request), info_.users, nullptr);
  if (!account.ok()) return JsonError(account.error());
  json snapshot;
  bool known = world_.WithExisting(*account, [&](Sandbox& s) { snapshot = s.Snapshot(*account); });
  if (!known) {
    snapshot = {{"account", *account},
                {"time", FormatIsoTime(world_.Now(*account))},
                {"regions", json::object()}};
  }
  HttpResponse r = Json(200, snapshot);
  r.account = *account;
  return r;
}

}  // namespace ec2sim::server
