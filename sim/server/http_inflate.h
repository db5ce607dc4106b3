// Content-Encoding of request bodies: gzip and deflate, inflated with a bound on the output so a
// small compressed body cannot expand without limit (a "zip bomb").
#ifndef EC2SIM_SERVER_HTTP_INFLATE_H_
#define EC2SIM_SERVER_HTTP_INFLATE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace ec2sim::server {

struct InflateResult {
  int status = 0;  // 0: `body` holds the inflated bytes; else the HTTP status to refuse with
  std::string body;
  std::string message;  // why, when refused
};

// Inflates `body` sent with Content-Encoding `encoding` (lower case): "gzip" or "x-gzip"
// (RFC 1952), or "deflate" (RFC 9110 says zlib-wrapped, RFC 1950; raw RFC 1951 streams, which
// some clients send, are accepted too). Refuses with 413 as soon as the output passes
// `max_output` bytes, 400 for data that is not a complete stream of that encoding (or has
// bytes after it), 415 for any other encoding.
InflateResult Inflate(std::string_view encoding, std::string_view body, std::size_t max_output);

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_HTTP_INFLATE_H_
