// Fuzz target: the raw bytes of one connection, read as HTTP/1.1 requests by HttpReader (the
// server's framing, size limits, chunked decoding and gzip/deflate inflation), without sockets.
//
// Input: the connection's bytes. They are appended in pieces of 1 to 64 KiB (the size picked by
// the input's first byte) as reads from a socket arrive, and every request is taken out as soon
// as it is complete, as the server does.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_input.h"
#include "sim/engine/terminal_text.h"
#include "sim/server/http_reader.h"

namespace engine = ec2sim::engine;
namespace server = ec2sim::server;

namespace {

// The reader's promises: bodies within the limit, refusals as 4xx answers with a body.
void Check(const server::ReadOutcome& out, const server::HttpLimits& limits) {
  using Kind = server::ReadOutcome::Kind;
  if (out.kind == Kind::kRequest && out.request.body.size() > limits.max_body) __builtin_trap();
  if (out.kind == Kind::kRefused &&
      (out.refusal.status < 400 || out.refusal.status >= 500 || out.refusal.body.empty())) {
    __builtin_trap();
  }
  std::string escaped = engine::ForLogField(out.request.path);
  if (escaped.find('\n') != std::string::npos) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::size_t piece = data[0] == 0 ? 65536 : data[0];
  std::string_view bytes = ec2sim::fuzz::AsText(data + 1, size - 1);
  server::HttpLimits limits;
  server::HttpReader reader(limits);
  while (!bytes.empty()) {
    std::size_t n = std::min(piece, bytes.size());
    reader.Append(bytes.substr(0, n));
    bytes.remove_prefix(n);
    for (;;) {
      server::ReadOutcome out = reader.Next();
      if (out.kind == server::ReadOutcome::Kind::kNeedMore) break;
      Check(out, limits);
    }
  }
  return 0;
}
