#include "sim/server/admin_api.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>
#include <vector>

#include "sim/api/action_table.h"
#include "sim/engine/json_depth.h"
#include "sim/server/admin_clock.h"
#include "sim/server/admin_common.h"
#include "sim/server/admin_lessons.h"
#include "sim/server/admin_prices.h"
#include "sim/wire/query_decoder.h"

namespace ec2sim::server {
namespace {

using nlohmann::json;

constexpr std::string_view kPrefix = "/_ec2sim/";

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
                         route == "clock" || route == "prices" || route == "latency-map" ||
                         route == "lessons" || route.rfind("lessons/", 0) == 0;
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
  } else if (route == "latency-map") {
    method_ok = only("GET");
    if (method_ok) r = LatencyMap(request);
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
            "state, call, prices, lessons, latency-map)");
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
                    {"paused", clock_.paused()},
                    {"timing", info_.timing == Timing::kInstant ? "instant" : "realistic"},
                    {"region", info_.default_region},
                    // Clients that sign (lesson check) need to know how keys map to accounts.
                    {"mode", info_.users != nullptr ? "classroom" : "open"},
                    // Whether each account has a clock of its own (classroom) or all share one.
                    {"clocks", world_.per_account() ? "per-account" : "shared"},
                    {"actions", api::ActionTable::Get().Names()}});
}

json AdminApi::ClassRows() {
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
  return list;
}

HttpResponse AdminApi::Accounts() { return Json(200, {{"accounts", ClassRows()}}); }

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
  Result<json> body = json::object();
  if (request.method != "GET") body = BodyObject(request);
  if (!body.ok()) return JsonError(body.error());
  Result<json> answer = ClockRoute(world_, clock_, *scope, request, q, std::move(*body));
  return answer.ok() ? Json(200, *answer) : JsonError(answer.error());
}

HttpResponse AdminApi::Lessons(const std::string& route, const User* caller,
                               const HttpRequest& request) {
  if (info_.lessons == nullptr) {
    return JsonError(404, "Ec2sim.NotFound", "This server was started without the course");
  }
  wire::QueryParams q = Query(request);
  bool named = wire::FindParam(q, "account") || wire::FindParam(q, "access_key");
  if (route == "lessons/progress" && (caller == nullptr || caller->admin) && !named) {
    // The teacher's view: every account of the class, each with its names.
    json rows = ClassRows();
    std::vector<std::string> accounts;
    for (const json& row : rows) accounts.push_back(row["account"].get<std::string>());
    Result<json> all = ProgressRoute(world_, *info_.lessons, accounts);
    if (!all.ok()) return JsonError(all.error());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].contains("names")) (*all)["accounts"][i]["names"] = rows[i]["names"];
    }
    return Json(200, *all);
  }
  Result<std::string> account = AccountOf(q, info_.users, caller);
  if (!account.ok()) return JsonError(account.error());
  if (!MayUse(caller, *account)) return NotYourAccount(*caller, *account);
  Result<json> result = route == "lessons/progress"
                            ? ProgressRoute(world_, *info_.lessons, {*account})
                            : LessonsRoute(world_, *info_.lessons, route, q, *account);
  HttpResponse r = result.ok() ? Json(200, *result) : JsonError(result.error());
  r.action = "lessons";
  r.account = *account;
  return r;
}

HttpResponse AdminApi::LatencyMap(const HttpRequest& request) {
  if (!info_.latency_map) {
    return JsonError(404, "Ec2sim.NotFound", "This server was started without the latency map");
  }
  wire::QueryParams q = Query(request);
  std::string lang = wire::FindParam(q, "lang").value_or("en");
  if (lang != "en" && lang != "ko") {
    return JsonError(MakeError(ErrorCode::kSimInvalidInput,
                               "lang must be en or ko, got '" + lang.substr(0, 16) + "'"));
  }
  Result<std::string> svg = info_.latency_map(wire::FindParam(q, "from").value_or("Seoul"), lang);
  if (!svg.ok()) return JsonError(svg.error());
  HttpResponse r;
  r.content_type = "image/svg+xml; charset=utf-8";
  r.body = std::move(svg).value();
  r.action = "latency-map";
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
