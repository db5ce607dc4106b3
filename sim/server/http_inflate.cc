#include "sim/server/http_inflate.h"

#include <zlib.h>

namespace ec2sim::server {
namespace {

InflateResult Refused(int status, std::string message) {
  InflateResult r;
  r.status = status;
  r.message = std::move(message);
  return r;
}

// window_bits as zlib's inflateInit2 takes them: 16+15 gzip, 15 zlib, -15 raw deflate.
InflateResult Run(std::string_view body, int window_bits, std::size_t max_output,
                  std::string_view name) {
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) return Refused(400, "cannot inflate the body");
  InflateResult out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(body.size());
  char chunk[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(chunk);
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH);
    std::size_t produced = sizeof chunk - z.avail_out;
    if (out.body.size() + produced > max_output) {
      inflateEnd(&z);
      return Refused(413,
                     "The request body inflates to over " + std::to_string(max_output) + " bytes");
    }
    out.body.append(chunk, produced);
    // Z_BUF_ERROR: no progress possible, the input ended before the stream did.
    if (rc == Z_OK && produced == 0 && z.avail_in == 0) rc = Z_BUF_ERROR;
  }
  bool trailing = z.avail_in != 0;
  inflateEnd(&z);
  if (rc != Z_STREAM_END || trailing) {
    return Refused(400, "The request body is not valid " + std::string(name) + " data");
  }
  return out;
}

}  // namespace

InflateResult Inflate(std::string_view encoding, std::string_view body, std::size_t max_output) {
  if (encoding == "gzip" || encoding == "x-gzip") return Run(body, 16 + 15, max_output, "gzip");
  if (encoding == "deflate") {
    // A zlib header is two bytes: method 8 in the low nibble, and a multiple of 31 in all.
    bool zlib =
        body.size() >= 2 && (static_cast<unsigned char>(body[0]) & 0x0f) == 8 &&
        ((static_cast<unsigned char>(body[0]) << 8) | static_cast<unsigned char>(body[1])) % 31 ==
            0;
    return Run(body, zlib ? 15 : -15, max_output, "deflate");
  }
  return Refused(415, "Content-Encoding " + std::string(encoding).substr(0, 64) +
                          " is not supported; send the body unencoded, gzip or deflate");
}

}  // namespace ec2sim::server
