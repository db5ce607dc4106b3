// Fuzz target: classroom mode's inputs from outside. With the first byte even, the rest is a
// users file (`ec2sim serve --users FILE`) for ParseUsersFile. With it odd, the rest is a signed
// request checked by Authenticate against a fixed directory:
//   METHOD TARGET              e.g. "GET /?Action=DescribeRegions&X-Amz-Credential=..."
//   Name: value                headers, one per line, up to an empty line
//   body (the rest)
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_input.h"
#include "sim/server/http_types.h"
#include "sim/server/users.h"

namespace {

namespace server = ec2sim::server;
using ec2sim::fuzz::TakeLine;

const server::UserDirectory& Directory() {
  static const server::UserDirectory* users = [] {
    auto parsed = server::ParseUsersFile(
        R"({"users": [{"access_key_id": "AKIAALICE0000000", "secret_access_key": "alice-secret",
                        "account_id": "111111111111", "name": "alice", "admin": false},
                       {"access_key_id": "AKIATEACHER00000", "secret_access_key": "teacher",
                        "account_id": "222222222222", "name": "teacher", "admin": true}]})");
    if (!parsed.ok()) __builtin_trap();
    return new server::UserDirectory(std::move(parsed).value());
  }();
  return *users;
}

server::HttpRequest ParseRequest(std::string_view text) {
  server::HttpRequest request;
  ec2sim::fuzz::TakeStartLine(text, request);
  for (std::string_view line = TakeLine(text); !line.empty(); line = TakeLine(text)) {
    std::size_t colon = line.find(':');
    std::string name(line.substr(0, colon));
    std::string value(colon == std::string_view::npos ? std::string_view()
                                                      : line.substr(colon + 1));
    if (!value.empty() && value[0] == ' ') value.erase(0, 1);
    if (name == "Authorization") request.authorization = value;
    if (name == "Content-Type") request.content_type = value;
    request.headers.emplace_back(std::move(name), std::move(value));
  }
  request.body = std::string(text);
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  std::string_view text = ec2sim::fuzz::AsText(data + 1, size - 1);
  if ((data[0] & 1) == 0) {
    auto users = server::ParseUsersFile(text);
    if (users.ok()) {
      for (const server::User& user : users->users()) {
        if (users->Find(user.access_key_id) != &user) __builtin_trap();
      }
    }
    return 0;
  }
  // 2026-01-01T00:05:00Z: the seed requests are signed a few minutes before it.
  constexpr std::int64_t kNowMs = 1767225900000;
  (void)server::Authenticate(Directory(), ParseRequest(text), kNowMs);
  return 0;
}
