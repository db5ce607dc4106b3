#include "sim/server/http_reader.h"

#include <algorithm>
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>

#include "sim/server/http_inflate.h"
#include "sim/wire/xml_encoder.h"

namespace ec2sim::server {
namespace http = boost::beast::http;

namespace {

// Refusals come from no endpoint, so they carry no request id of one.
constexpr const char* kNoRequestId = "00000000-0000-4000-8000-000000000000";

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Sv(boost::beast::string_view s) { return {s.data(), s.size()}; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Method and path of a request line the parser refused, for the answer's shape and the log.
void RequestLineOf(std::string_view bytes, HttpRequest& out) {
  bytes = bytes.substr(0, std::min<std::size_t>(bytes.find('\n'), 8192));
  std::size_t sp = bytes.find(' ');
  if (sp == std::string_view::npos) return;
  out.method = std::string(bytes.substr(0, sp));
  std::string_view target = bytes.substr(sp + 1);
  target = target.substr(0, target.find(' '));
  out.raw_path = std::string(target.substr(0, target.find('?')));
  out.path = DecodePath(out.raw_path);
}

// The parser's refusals as errors.
Error Explain(const boost::beast::error_code& ec, std::size_t max_body) {
  if (ec == http::error::body_limit) {
    return MakeError(ErrorCode::kSimPayloadTooLarge,
                     "The request body is over " + std::to_string(max_body) + " bytes");
  }
  if (ec == http::error::header_limit) {
    return MakeError(ErrorCode::kSimHeaderTooLarge,
                     "The request line and header fields are over the size limit");
  }
  if (ec == http::error::bad_content_length) {
    return MakeError(ErrorCode::kSimBadRequest,
                     "Content-Length must be one non-negative decimal number, and not sent with "
                     "Transfer-Encoding");
  }
  if (ec == http::error::bad_transfer_encoding) {
    return MakeError(ErrorCode::kSimBadRequest,
                     "Transfer-Encoding must be chunked, once, and not sent with Content-Length");
  }
  if (ec == http::error::bad_chunk || ec == http::error::bad_chunk_extension) {
    return MakeError(ErrorCode::kSimBadRequest, "The chunked request body is malformed");
  }
  return MakeError(ErrorCode::kSimBadRequest,
                   "The HTTP request is malformed (" + ec.message() + ")");
}

}  // namespace

struct HttpReader::Parser {
  explicit Parser(const HttpLimits& limits) {
    p.header_limit(static_cast<std::uint32_t>(limits.max_header));
    p.body_limit(limits.max_body);
    p.eager(true);
  }
  http::request_parser<http::string_body> p;
  bool header_checked = false;
  bool continue_due = false;
};

HttpReader::HttpReader(HttpLimits limits) : limits_(limits) {}
HttpReader::~HttpReader() = default;

void HttpReader::Append(std::string_view bytes) {
  if (failed_) return;
  // Drop what the parser consumed before growing, so a long connection keeps a small buffer;
  // keep the start of a request whose header is still being read (a refusal quotes its line).
  bool in_header = parser_ != nullptr && !parser_->p.is_header_done();
  std::size_t done = in_header ? request_start_ : offset_;
  if (done > 0 && (done == buffer_.size() || done >= (64u << 10))) {
    buffer_.erase(0, done);
    offset_ -= done;
    request_start_ -= done;
  }
  buffer_.append(bytes);
}

HttpReader::Phase HttpReader::phase() const {
  if (parser_ == nullptr) return offset_ < buffer_.size() ? Phase::kHeader : Phase::kIdle;
  return parser_->p.is_header_done() ? Phase::kBody : Phase::kHeader;
}

bool HttpReader::TakeContinue() {
  if (parser_ == nullptr || !parser_->continue_due || parser_->p.is_done()) return false;
  parser_->continue_due = false;
  return true;
}

ReadOutcome HttpReader::Refuse(const Error& error) {
  ReadOutcome out;
  out.kind = ReadOutcome::Kind::kRefused;
  if (parser_ != nullptr && parser_->p.is_header_done()) {
    const auto& m = parser_->p.get();
    out.request.method = std::string(m.method_string());
    std::string_view target = Sv(m.target());
    out.request.raw_path = std::string(target.substr(0, target.find('?')));
    out.request.path = DecodePath(out.request.raw_path);
  } else {
    RequestLineOf(std::string_view(buffer_).substr(request_start_), out.request);
  }
  out.refusal = RefusalFor(out.request.path, error);
  failed_ = true;
  parser_.reset();
  buffer_.clear();
  offset_ = request_start_ = 0;
  return out;
}

ReadOutcome HttpReader::Next() {
  if (failed_ || (parser_ == nullptr && offset_ == buffer_.size())) return {};
  if (parser_ == nullptr) {
    parser_ = std::make_unique<Parser>(limits_);
    request_start_ = offset_;
  }
  auto& p = parser_->p;
  while (offset_ < buffer_.size() && !p.is_done()) {
    boost::beast::error_code ec;
    std::size_t used =
        p.put(boost::asio::buffer(buffer_.data() + offset_, buffer_.size() - offset_), ec);
    offset_ += used;
    if (ec == http::error::need_more) break;
    if (ec) {
      return Refuse(Explain(ec, limits_.max_body));
    }
    if (p.is_header_done() && !parser_->header_checked) {
      parser_->header_checked = true;
      const auto& m = p.get();
      // The parser takes repeated equal Content-Length values and any Transfer-Encoding ending
      // in chunked; a proxy in front may read either differently (request smuggling).
      if (m.count(http::field::content_length) > 1 ||
          m[http::field::content_length].find(',') != std::string_view::npos) {
        return Refuse(MakeError(ErrorCode::kSimBadRequest, "Content-Length must be sent once"));
      }
      if (m.count(http::field::transfer_encoding) > 0 &&
          Lower(Trim(Sv(m[http::field::transfer_encoding]))) != "chunked") {
        return Refuse(
            MakeError(ErrorCode::kSimBadRequest, "Transfer-Encoding must be chunked alone"));
      }
      parser_->continue_due =
          m.version() == 11 && Lower(Trim(Sv(m[http::field::expect]))) == "100-continue";
    }
    if (used == 0) break;
  }
  if (!p.is_done()) {
    // What waits unconsumed is at most a header or a chunk's size line; bound both.
    if (buffer_.size() - offset_ > limits_.max_header) {
      return Refuse(MakeError(ErrorCode::kSimHeaderTooLarge,
                              "A header or chunk-size line is over the size limit"));
    }
    return {};
  }
  return Complete();
}

ReadOutcome HttpReader::Complete() {
  auto& m = parser_->p.get();
  ReadOutcome out;
  HttpRequest& r = out.request;
  r.method = std::string(m.method_string());
  std::string_view target = Sv(m.target());
  std::size_t q = target.find('?');
  r.raw_path = std::string(target.substr(0, q));
  r.path = DecodePath(r.raw_path);
  if (q != std::string_view::npos) r.query = std::string(target.substr(q + 1));
  r.content_type = std::string(m[http::field::content_type]);
  r.authorization = std::string(m[http::field::authorization]);
  r.headers.reserve(std::distance(m.begin(), m.end()));
  for (const auto& field : m) {
    r.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  r.body = std::move(m.body());
  out.keep_alive = parser_->p.keep_alive();

  if (m.count(http::field::content_encoding) > 1) {
    return Refuse(MakeError(ErrorCode::kSimUnsupportedContentEncoding,
                            "Content-Encoding must be sent once, naming gzip or deflate"));
  }
  std::string encoding = Lower(Trim(Sv(m[http::field::content_encoding])));
  if (!encoding.empty() && encoding != "identity") {
    InflateResult inflated = Inflate(encoding, r.body, limits_.max_body);
    if (inflated.status != 0) {
      // Keep the request line for the answer's shape and the log.
      ErrorCode code = inflated.status == 413   ? ErrorCode::kSimPayloadTooLarge
                       : inflated.status == 415 ? ErrorCode::kSimUnsupportedContentEncoding
                                                : ErrorCode::kSimBadRequest;
      return Refuse(MakeError(code, inflated.message));
    }
    r.body = std::move(inflated.body);
  }
  out.kind = ReadOutcome::Kind::kRequest;
  parser_.reset();
  return out;
}

HttpResponse RefusalFor(std::string_view path, const Error& error) {
  const std::string_view code = AwsCode(error.code);
  const std::string& message = error.message;
  HttpResponse r;
  r.status = HttpStatus(error.code);
  r.error_code = std::string(code);
  if (path == "/_ec2sim" || path.rfind("/_ec2sim/", 0) == 0) {
    nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
    r.content_type = "application/json";
    r.body = body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } else {
    r.content_type = "text/xml;charset=UTF-8";
    r.body = wire::EncodeError(code, message, kNoRequestId);
  }
  return r;
}

std::string DecodePath(std::string_view raw) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size() && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
      out += static_cast<char>(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
      i += 2;
    } else {
      out += raw[i];
    }
  }
  return out;
}

}  // namespace ec2sim::server
