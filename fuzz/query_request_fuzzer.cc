// Fuzz target: HTTP requests as the API server hands them to its endpoints after the socket,
// so the Query decoder, the action table, the XML encoder and the admin API all see them.
//
// Input: up to kMaxRequests requests separated by a line "===". Each request is
//   METHOD TARGET            e.g. "POST /" or "GET /?Action=DescribeRegions"
//   Content-Type header value
//   Authorization header value
//   body (the rest, may span lines)
// Every input starts from a fresh server state (manual clock, instant timing), so a crash
// reproduces from its input alone.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_input.h"
#include "sim/server/admin_api.h"
#include "sim/server/ec2_endpoint.h"
#include "sim/server/http_types.h"
#include "sim/server/server_clock.h"
#include "sim/server/shared_world.h"

namespace {

using ec2sim::fuzz::TakeLine;
namespace server = ec2sim::server;

constexpr int kMaxRequests = 8;
constexpr std::string_view kSeparator = "\n===\n";

server::HttpRequest ParseRequest(std::string_view text) {
  server::HttpRequest request;
  ec2sim::fuzz::TakeStartLine(text, request);
  request.content_type = std::string(TakeLine(text));
  request.authorization = std::string(TakeLine(text));
  request.body = std::string(text);
  return request;
}

void Check(const server::HttpResponse& response) {
  // The endpoints promise answers, never server errors, for anything a client sends.
  if (response.status < 200 || response.status >= 500) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ec2sim::SandboxOptions options;
  options.timing = ec2sim::Timing::kInstant;
  server::ServerClock clock(options.start, server::ClockMode::kManual, 1);
  server::SharedWorld world(options, clock);
  server::Ec2Endpoint ec2(world, "us-east-1");
  server::AdminInfo info;
  info.default_region = "us-east-1";
  info.timing = options.timing;
  server::AdminApi admin(world, clock, info);

  std::string_view text = ec2sim::fuzz::AsText(data, size);
  for (int i = 0; i < kMaxRequests && !text.empty(); ++i) {
    std::size_t end = text.find(kSeparator);
    server::HttpRequest request = ParseRequest(text.substr(0, end));
    text =
        end == std::string_view::npos ? std::string_view() : text.substr(end + kSeparator.size());
    bool admin_route = request.path.rfind("/_ec2sim", 0) == 0;
    Check(admin_route ? admin.Handle(request) : ec2.Handle(request));
  }
  return 0;
}
