#include "sim/server/api_server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

#include "sim/server/account_pool.h"
#include "sim/server/admin_api.h"
#include "sim/server/ec2_endpoint.h"
#include "sim/server/http_types.h"

namespace ec2sim::server {
namespace {

// Request bodies above this are refused with 413; EC2's largest inputs (user data) are 16 KiB.
constexpr std::size_t kMaxBody = 1 << 20;

HttpRequest FromLibrary(const httplib::Request& req) {
  HttpRequest r;
  r.method = req.method;
  r.path = req.path;
  std::size_t q = req.target.find('?');
  if (q != std::string::npos) r.query = req.target.substr(q + 1);
  r.content_type = req.get_header_value("Content-Type");
  r.authorization = req.get_header_value("Authorization");
  r.body = req.body;
  return r;
}

}  // namespace

struct ApiServer::Impl {
  explicit Impl(const ServerOptions& o)
      : options(o),
        clock(o.sandbox.start, o.clock, o.speed),
        accounts(o.sandbox, clock),
        ec2(accounts, o.region),
        admin(accounts, clock, AdminInfo{o.region, o.sandbox.timing}) {}

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
    HttpRequest request = FromLibrary(req);
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

  ServerOptions options;
  ServerClock clock;
  AccountPool accounts;
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
