// Reads HTTP/1.1 requests from the bytes of one connection, without sockets: framing (header,
// Content-Length or chunked body), the limits that keep a hostile client from making the server
// allocate without bound, and Content-Encoding. The connection code feeds it what it reads; the
// fuzz target fuzz_http_request feeds it raw bytes. docs/hardening.md lists the limits.
#ifndef EC2SIM_SERVER_HTTP_READER_H_
#define EC2SIM_SERVER_HTTP_READER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/server/http_types.h"

namespace ec2sim::server {

struct HttpLimits {
  // The request line and every header field together; SigV4 requests need about 2 KiB.
  std::size_t max_header = 64 << 10;
  // The body after de-chunking and again after decompression; EC2's largest inputs (user data)
  // are 16 KiB, and a Content-Length above this is refused before any of the body is read.
  std::size_t max_body = 1 << 20;
};

// One step of reading. kRequest: a complete request. kRefused: bytes that are not an acceptable
// request; `refusal` is the answer, and the connection closes after it (the framing of what
// follows cannot be trusted).
struct ReadOutcome {
  enum class Kind { kNeedMore, kRequest, kRefused };
  Kind kind = Kind::kNeedMore;
  HttpRequest request;  // kRequest; for kRefused, as much of it as was read (method, path)
  HttpResponse refusal;
  bool keep_alive = false;  // kRequest: the client lets the connection stay open
};

class HttpReader {
 public:
  explicit HttpReader(HttpLimits limits = {});
  ~HttpReader();
  HttpReader(const HttpReader&) = delete;
  HttpReader& operator=(const HttpReader&) = delete;

  // Keeps bytes read from the connection. Requests after the first (pipelining) stay buffered
  // until Next() reaches them.
  void Append(std::string_view bytes);
  // Parses the next request from the buffered bytes. After kRefused, every later call answers
  // kNeedMore: the connection must close.
  ReadOutcome Next();

  // Where the request being read stands, for the connection's deadlines: kIdle before its first
  // byte, kHeader until the header is complete, kBody until the body is.
  enum class Phase { kIdle, kHeader, kBody };
  Phase phase() const;
  // True once per request whose header asked for "Expect: 100-continue" and whose body has not
  // all arrived: the client waits for an interim "100 Continue" before sending it.
  bool TakeContinue();

 private:
  struct Parser;
  ReadOutcome Refuse(const Error& error);
  ReadOutcome Complete();

  HttpLimits limits_;
  std::string buffer_;             // bytes not yet consumed by the parser
  std::size_t offset_ = 0;         // start of the unconsumed bytes in buffer_
  std::size_t request_start_ = 0;  // start of the request being parsed in buffer_
  std::unique_ptr<Parser> parser_;
  bool failed_ = false;
};

// The answer to a request refused before routing, shaped as its route answers errors: the EC2
// Query API's XML error document, or the admin API's JSON {"error": {"code", "message"}}.
// The status is the code's (ec2sim/result.h).
HttpResponse RefusalFor(std::string_view path, const Error& error);

// The %-decoded form of a request path; malformed escapes are kept as sent.
std::string DecodePath(std::string_view raw);

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_HTTP_READER_H_
