// The browser console under /console/: its embedded page and scripts, sign-in sessions, and
// two doors into what the CLI uses (the EC2 Query API and the admin routes) for the signed-in
// caller. The console implements no behaviour of its own: every answer comes from those.
//
//   GET  /                         302 to /console/ (a request without a query string only)
//   GET  /console/, /console/*.js  the page and its assets (embedded; no network needed)
//   GET  /console/api/session      who is signed in (401 when nobody is)
//   POST /console/api/session      sign in: form fields access_key, secret_key
//   POST /console/api/signout      sign out
//   POST /console/api/ec2?region=R an EC2 Query API request (form body) as the session's caller
//   GET|POST /console/api/admin/ROUTE?...  an admin route (/_ec2sim/ROUTE) as the session's caller
//
// Every /console/api/ call but GET session and sign-in must carry the session's anti-forgery
// token in the X-Ec2sim-Csrf header; the session cookie is HttpOnly and SameSite=Strict.
#ifndef EC2SIM_SERVER_CONSOLE_CONSOLE_ROUTES_H_
#define EC2SIM_SERVER_CONSOLE_CONSOLE_ROUTES_H_

#include <string>

#include "sim/server/admin_api.h"
#include "sim/server/console/console_sessions.h"
#include "sim/server/ec2_endpoint.h"
#include "sim/server/http_types.h"
#include "sim/server/users.h"

namespace ec2sim::server {

class ConsoleRoutes {
 public:
  // `users` (classroom mode) may be null (open mode); everything must outlive the routes.
  ConsoleRoutes(Ec2Endpoint& ec2, AdminApi& admin, const UserDirectory* users,
                std::string default_region);

  // Whether `request` is the console's: a path under /console, or GET / without a query.
  static bool Owns(const HttpRequest& request);
  // Answers a request Owns() accepted. Never fails: API problems are JSON errors
  // {"error": {"code", "message"}} (or the EC2 endpoint's XML) with a 4xx status.
  HttpResponse Handle(const HttpRequest& request);

 private:
  HttpResponse Asset(const HttpRequest& request) const;
  HttpResponse SessionInfo(const HttpRequest& request) const;
  HttpResponse SignIn(const HttpRequest& request);
  HttpResponse SignOut(const HttpRequest& request);
  HttpResponse Ec2(const HttpRequest& request, const ConsoleSession& session);
  HttpResponse Admin(const HttpRequest& request, const ConsoleSession& session);

  Ec2Endpoint& ec2_;
  AdminApi& admin_;
  const UserDirectory* const users_;
  const std::string default_region_;
  ConsoleSessions sessions_;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_CONSOLE_CONSOLE_ROUTES_H_
