#include "sim/server/api_server.h"

#include <sys/resource.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sim/engine/terminal_text.h"
#include "sim/server/admin_api.h"
#include "sim/server/console/console_routes.h"
#include "sim/server/ec2_endpoint.h"
#include "sim/server/http_listener.h"
#include "sim/server/http_types.h"
#include "sim/server/identity_endpoint.h"
#include "sim/server/shared_world.h"
#include "sim/server/state_store.h"

namespace ec2sim::server {
namespace {

bool IsAdminPath(const std::string& path) {
  return path == "/_ec2sim" || path.rfind("/_ec2sim/", 0) == 0;
}

// The admin API takes GET, POST, PUT and DELETE; the EC2 Query API GET and POST.
bool MethodAllowed(const std::string& method, bool admin) {
  if (method == "GET" || method == "POST") return true;
  return admin && (method == "PUT" || method == "DELETE");
}

// Refused before routing (a method no route takes): the body says so.
HttpResponse NotRouted(const HttpRequest& q) {
  HttpResponse r;
  r.status = 405;
  r.error_code = "Ec2sim.BadRequest";
  r.body = "{\"error\": {\"code\": \"Ec2sim.BadRequest\", \"message\": \"HTTP 405 for " +
           engine::ForLogField(q.method) + " " + engine::ForLogField(q.path) + "\"}}\n";
  return r;
}

// Handlers return errors as values; reaching this is a defect, reported as EC2 does.
HttpResponse InternalError() {
  HttpResponse r;
  r.status = 500;
  r.content_type = "text/xml;charset=UTF-8";
  r.error_code = "InternalError";
  r.body =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>"
      "InternalError</Code><Message>ec2sim hit an internal error</Message></Error></Errors>"
      "<RequestID>00000000-0000-4000-8000-000000000000</RequestID></Response>";
  return r;
}

// The connection limits of `o`: the total cap stays below the open-file limit, keeping room
// for the state directory's files.
ConnectionLimits LimitsOf(const ServerOptions& o) {
  ConnectionLimits limits;
  limits.per_address = std::max(1, o.max_connections_per_address);
  limits.total = std::max(1, o.max_connections);
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY) {
    limits.total = static_cast<int>(std::min<rlim_t>(
        static_cast<rlim_t>(limits.total), files.rlim_cur > 128 ? files.rlim_cur - 64 : 64));
  }
  return limits;
}

}  // namespace

struct ApiServer::Impl {
  explicit Impl(const ServerOptions& o)
      : options(OpenState(o, store, state_status)),
        requested(o.sandbox),
        clock(options.sandbox.start, o.clock, o.speed),
        // A classroom gives each account its own world and clock (shared_world.h).
        world(options.sandbox, clock,
              o.users != nullptr ? WorldScope::kPerAccount : WorldScope::kShared),
        ec2(world, o.region, o.users.get()),
        identity(world, o.users.get()),
        admin(world, clock,
              AdminInfo{o.region, options.sandbox.timing, o.users.get(), o.lessons.get(),
                        o.latency_map}),
        console(ec2, admin, o.users.get(), o.region) {
    if (o.users != nullptr) {
      world.SetAccountQuotas(AccountQuotasOf(*o.users, options.sandbox.quotas));
      world.SetAccountOptIns(AccountOptInsOf(*o.users));
    }
    ec2.set_response_cache(o.response_cache);
    ec2.set_response_cache_limits(o.response_cache_limits);
  }

  // Opens the state directory, if any, and returns `o` with the world options it keeps.
  static ServerOptions OpenState(const ServerOptions& o, std::unique_ptr<StateStore>& store,
                                 Status& status) {
    ServerOptions options = o;
    if (o.state_dir.empty()) return options;
    Result<std::unique_ptr<StateStore>> opened =
        StateStore::Open(o.state_dir, o.sandbox, o.compact_every);
    if (!opened.ok()) {
      status = opened.error();
      return options;
    }
    store = std::move(opened).value();
    options.sandbox = store->world_options();
    return options;
  }

  void Log(const HttpRequest& req, const HttpResponse& res, std::chrono::nanoseconds took) {
    if (options.quiet) return;
    // One line per request: method, path, action, account, region, status[, error], duration.
    // Values come from the request, so each is escaped: none can start a line of its own.
    auto field = [](const std::string& v) { return v.empty() ? "-" : engine::ForLogField(v); };
    std::string line = field(req.method) + " " + field(req.path) + " " + field(res.action) + " " +
                       field(res.account) + " " + field(res.region) + " " +
                       std::to_string(res.status);
    if (!res.error_code.empty()) line += " " + engine::ForLogField(res.error_code);
    char ms[32];
    std::snprintf(ms, sizeof ms, " %.3fms\n", static_cast<double>(took.count()) / 1e6);
    line += ms;
    std::lock_guard<std::mutex> lock(log_mu);
    std::fputs(line.c_str(), stderr);
  }

  // Answers one request, or the refusal of bytes that were not one, and logs it.
  HttpResponse Serve(ReadOutcome& in) {
    auto begin = std::chrono::steady_clock::now();
    HttpResponse response;
    if (in.kind == ReadOutcome::Kind::kRefused) {
      response = std::move(in.refusal);
    } else if (ConsoleRoutes::Owns(in.request)) {
      try {
        response = console.Handle(in.request);
      } catch (...) {
        response = InternalError();
      }
    } else if (bool admin_route = IsAdminPath(in.request.path);
               !MethodAllowed(in.request.method, admin_route)) {
      response = NotRouted(in.request);
    } else {
      try {
        // STS and IAM share the address (identity_endpoint.h); the rest is EC2.
        std::string identity_service = admin_route ? "" : IdentityServiceOf(in.request);
        response = admin_route                ? admin.Handle(in.request)
                   : identity_service.empty() ? ec2.Handle(in.request)
                                              : identity.Handle(in.request, identity_service);
      } catch (...) {
        response = InternalError();
      }
    }
    Log(in.request, response, std::chrono::steady_clock::now() - begin);
    return response;
  }

  // Declared first: the world journals into the store until the very end.
  std::unique_ptr<StateStore> store;
  Status state_status;
  ServerOptions options;
  SandboxOptions requested;  // the world options asked for; a state directory keeps its own
  ServerClock clock;
  SharedWorld world;
  Ec2Endpoint ec2;
  IdentityEndpoint identity;
  AdminApi admin;
  ConsoleRoutes console;
  std::mutex log_mu;
  int port = -1;
  // Declared last: destroying the io_context destroys the sessions it still holds, which
  // reference what is above.
  boost::asio::io_context io;
  HttpListener listener{io, LimitsOf(options), [this](ReadOutcome& in) { return Serve(in); }};
};

ApiServer::ApiServer(const ServerOptions& options) : impl_(std::make_unique<Impl>(options)) {}

ApiServer::~ApiServer() { Stop(); }

Status ApiServer::LoadState() {
  Impl& impl = *impl_;
  EC2SIM_RETURN_IF_ERROR(impl.state_status);
  if (impl.store == nullptr) return OkStatus();
  const std::string& dir = impl.store->dir();
  nlohmann::json asked = OptionsToJson(impl.requested);
  nlohmann::json kept = OptionsToJson(impl.store->world_options());
  if (!impl.options.start_pinned) asked["start"] = kept["start"];
  if (!impl.store->is_new() && asked != kept) {
    std::fprintf(stderr, "ec2sim serve: %s keeps the world options it was created with %s\n",
                 dir.c_str(), OptionsToJson(impl.store->world_options()).dump().c_str());
  }
  auto begin = std::chrono::steady_clock::now();
  std::vector<std::string> notes;
  EC2SIM_RETURN_IF_ERROR(impl.world.Restore(*impl.store, notes));
  for (const std::string& note : notes) std::fprintf(stderr, "ec2sim serve: %s\n", note.c_str());
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - begin);
  std::fprintf(stderr,
               "ec2sim serve: state in %s: %s%llu snapshot and %llu journal records replayed in "
               "%lld ms; simulated time %s\n",
               dir.c_str(), impl.store->is_new() ? "new, " : "",
               static_cast<unsigned long long>(impl.store->snapshot_records()),
               static_cast<unsigned long long>(impl.store->journal_records()),
               static_cast<long long>(took.count()), FormatIsoTime(impl.clock.Now()).c_str());
  return OkStatus();
}

Result<int> ApiServer::Bind() {
  const ServerOptions& o = impl_->options;
  EC2SIM_ASSIGN_OR_RETURN(int port, impl_->listener.Bind(o.host, o.port));
  impl_->port = port;
  return port;
}

void ApiServer::Run() {
  Impl& impl = *impl_;
  impl.listener.Start();
  // Requests run on these threads and may block on the world's lock; connections hold none.
  int threads = std::max(2, impl.options.threads);
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&impl] { impl.io.run(); });
  impl.io.run();
  for (std::thread& t : pool) t.join();
}

void ApiServer::Stop() {
  // Every thread returns from run() once its current handler is done; the listening socket
  // and open connections close when the server is destroyed.
  impl_->io.stop();
}

}  // namespace ec2sim::server
