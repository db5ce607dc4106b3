// The JSON admin API under /_ec2sim/ for tests and teachers (documented in docs/server.md):
// health, accounts, reset, clock, bill, probe, latency and state. Knows no sockets.
#ifndef EC2SIM_SERVER_ADMIN_API_H_
#define EC2SIM_SERVER_ADMIN_API_H_

#include <functional>
#include <string>

#include "ec2sim/sandbox.h"
#include "sim/server/http_types.h"
#include "sim/server/lesson_guide.h"
#include "sim/server/server_clock.h"
#include "sim/server/shared_world.h"
#include "sim/server/users.h"

namespace ec2sim::server {

// Draws the latency map from a place (latency::ParsePlace's words) in "en" or "ko": a whole SVG
// document. The server does not depend on the report layer that draws it; whoever starts the
// server (the CLI) hands one in, as it hands in the course. Errors: those of ParsePlace.
using LatencyMapMaker =
    std::function<Result<std::string>(const std::string& from, const std::string& lang)>;

// What the health route reports about the server's set-up.
struct AdminInfo {
  std::string default_region;
  Timing timing = Timing::kInstant;
  // Classroom mode (must outlive the AdminApi): every route but health needs a signed request;
  // call, probe, bill and latency take any user's signature for the signer's own account, the
  // other routes an admin's. Null: open mode.
  const UserDirectory* users = nullptr;
  // The course behind /_ec2sim/lessons (must outlive the AdminApi); null: those routes are 404.
  const LessonGuide* lessons = nullptr;
  // The map behind /_ec2sim/latency-map; empty: that route is 404.
  LatencyMapMaker latency_map;
};

class AdminApi {
 public:
  AdminApi(SharedWorld& world, ServerClock& clock, AdminInfo info);

  // Answers a request whose path starts with "/_ec2sim/". Never fails: problems are JSON
  // errors {"error": {"code": ..., "message": ...}} with a 4xx status (404 for an unknown
  // route, 405 for a wrong method, 400 for bad input and for verbs not built yet).
  HttpResponse Handle(const HttpRequest& request);
  // The same for a caller the server has already authenticated another way (the browser
  // console's session). In classroom mode `caller` must be the signed-in user (null is refused
  // with 403); in open mode it is null and the account is named by ?account= as usual.
  HttpResponse HandleAs(const HttpRequest& request, const User* caller);

 private:
  HttpResponse Health();
  HttpResponse Accounts();
  // Every known account (and in classroom mode every learner of the users file, with
  // "names"): [{"account", "access_keys", "names"}], sorted.
  nlohmann::json ClassRows();
  HttpResponse Reset(const HttpRequest& request);
  HttpResponse Clock(const User* caller, const HttpRequest& request);
  // `caller`: the signed user in classroom mode, null in open mode.
  HttpResponse Verb(const std::string& verb, const User* caller, const HttpRequest& request);
  HttpResponse State(const HttpRequest& request);
  HttpResponse Lessons(const std::string& route, const User* caller, const HttpRequest& request);
  HttpResponse LatencyMap(const HttpRequest& request);

  SharedWorld& world_;
  ServerClock& clock_;
  const AdminInfo info_;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_ADMIN_API_H_
