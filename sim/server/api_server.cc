#include "sim/server/api_server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include "sim/server/admin_api.h"
#include "sim/server/ec2_endpoint.h"
#include "sim/server/http_types.h"
#include "sim/server/shared_world.h"
#include "sim/server/state_store.h"

namespace ec2sim::server {
namespace {

// Request bodies above this are refused with 413; EC2's largest inputs (user data) are 16 KiB.
constexpr std::size_t kMaxBody = 1 << 20;

// `with_headers`: copy what signature checks need (classroom mode only, to spare open mode).
HttpRequest FromLibrary(const httplib::Request& req, bool with_headers = false) {
  HttpRequest r;
  r.method = req.method;
  r.path = req.path;
  std::size_t q = req.target.find('?');
  if (q != std::string::npos) r.query = req.target.substr(q + 1);
  r.content_type = req.get_header_value("Content-Type");
  r.authorization = req.get_header_value("Authorization");
  r.body = req.body;
  if (with_headers) {
    r.raw_path = req.target.substr(0, q);
    r.headers.assign(req.headers.begin(), req.headers.end());
  }
  return r;
}

}  // namespace

struct ApiServer::Impl {
  explicit Impl(const ServerOptions& o)
      : options(OpenState(o, store, state_status)),
        clock(options.sandbox.start, o.clock, o.speed),
        world(options.sandbox, clock),
        ec2(world, o.region, o.users.get()),
        admin(world, clock, AdminInfo{o.region, options.sandbox.timing, o.users.get()}) {
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
    std::string line = req.method + " " + req.path + " " + (res.action.empty() ? "-" : res.action) +
                       " " + (res.account.empty() ? "-" : res.account) + " " +
                       (res.region.empty() ? "-" : res.region) + " " + std::to_string(res.status);
    if (!res.error_code.empty()) line += " " + res.error_code;
    char ms[32];
    std::snprintf(ms, sizeof ms, " %.3fms\n", static_cast<double>(took.count()) / 1e6);
    line += ms;
    std::lock_guard<std::mutex> lock(log_mu);
    std::fputs(line.c_str(), stderr);
  }

  // `reader` is null for GET; POST bodies are read here rather than by the library, which caps
  // form bodies at 8 KiB (too small for RunInstances user data).
  void Serve(const httplib::Request& req, httplib::Response& res, bool admin_route,
             const httplib::ContentReader* reader) {
    auto begin = std::chrono::steady_clock::now();
    HttpRequest request = FromLibrary(req, options.users != nullptr);
    bool complete = reader == nullptr || (*reader)([&request](const char* data, std::size_t n) {
                      request.body.append(data, n);
                      return true;
                    });
    HttpResponse response;
    if (!complete) {
      // The body was over the size limit or the connection broke while reading it.
      response.status = 413;
      response.content_type = "text/plain";
      response.body = "ec2sim: the request body is over " + std::to_string(kMaxBody) +
                      " bytes or was cut short\n";
    } else {
      response = admin_route ? admin.Handle(request) : ec2.Handle(request);
    }
    res.status = response.status;
    res.set_content(response.body, response.content_type.c_str());
    Log(request, response, std::chrono::steady_clock::now() - begin);
  }

  // Declared first: the world journals into the store until the very end.
  std::unique_ptr<StateStore> store;
  Status state_status;
  ServerOptions options;
  ServerClock clock;
  SharedWorld world;
  Ec2Endpoint ec2;
  AdminApi admin;
  httplib::Server http;
  std::mutex log_mu;
  int port = -1;
};

ApiServer::ApiServer(const ServerOptions& options) : impl_(std::make_unique<Impl>(options)) {
  httplib::Server& http = impl_->http;
  Impl* impl = impl_.get();
  int threads = options.threads < 2 ? 2 : options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_tcp_nodelay(true);  // small responses must not wait for Nagle's algorithm
  http.set_keep_alive_max_count(1000000);
  http.set_keep_alive_timeout(5);
  http.set_payload_max_length(kMaxBody);
  auto route = [impl](bool admin) {
    return [impl, admin](const httplib::Request& q, httplib::Response& r) {
      impl->Serve(q, r, admin, nullptr);
    };
  };
  auto route_with_body = [impl](bool admin) {
    return
        [impl, admin](const httplib::Request& q, httplib::Response& r,
                      const httplib::ContentReader& reader) { impl->Serve(q, r, admin, &reader); };
  };
  for (const char* pattern : {"/_ec2sim/.*", "/_ec2sim"}) {
    http.Get(pattern, route(true)).Post(pattern, route_with_body(true));
    http.Put(pattern, route_with_body(true)).Delete(pattern, route(true));
  }
  http.Get(".*", route(false)).Post(".*", route_with_body(false));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& r, std::exception_ptr) {
    // Handlers return errors as values; reaching this is a defect, reported as EC2 does.
    r.status = 500;
    r.set_content(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>"
        "InternalError</Code><Message>ec2sim hit an internal error</Message></Error></Errors>"
        "<RequestID>00000000-0000-4000-8000-000000000000</RequestID></Response>",
        "text/xml;charset=UTF-8");
  });
  http.set_error_handler([impl](const httplib::Request& q, httplib::Response& r) {
    // Requests the library refused before routing (bad request line, body too large, other
    // methods): give them a body that says so.
    if (!r.body.empty()) return;
    r.set_content("{\"error\": {\"code\": \"Ec2sim.BadRequest\", \"message\": \"HTTP " +
                      std::to_string(r.status) + " for " + q.method + " " + q.path + "\"}}\n",
                  "application/json");
    HttpResponse logged;
    logged.status = r.status;
    impl->Log(FromLibrary(q), logged, std::chrono::nanoseconds(0));
  });
}

ApiServer::~ApiServer() { Stop(); }

Status ApiServer::LoadState() {
  Impl& impl = *impl_;
  EC2SIM_RETURN_IF_ERROR(impl.state_status);
  if (impl.store == nullptr) return OkStatus();
  const std::string& dir = impl.store->dir();
  if (!impl.store->is_new() &&
      OptionsToJson(impl.options.sandbox) != OptionsToJson(impl.store->world_options())) {
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
  int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host)
                         : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port <= 0) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "cannot listen on " + o.host + ":" + std::to_string(o.port) +
                         " (address in use, or not an address of this machine)");
  }
  impl_->port = port;
  return port;
}

void ApiServer::Run() { impl_->http.listen_after_bind(); }

void ApiServer::Stop() { impl_->http.stop(); }

}  // namespace ec2sim::server
