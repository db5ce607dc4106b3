#include "sim/server/http_listener.h"

#include <array>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <map>
#include <mutex>
#include <utility>

namespace ec2sim::server {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

// Open connections per client address and in all, shared by the sessions that outlive a
// listener's turn on the io_context.
struct HttpListener::Counts {
  std::mutex mu;
  std::map<asio::ip::address, int> per_address;
  int total = 0;

  bool TryAdd(const asio::ip::address& a, const ConnectionLimits& limits) {
    std::lock_guard<std::mutex> lock(mu);
    int& n = per_address[a];
    if (n >= limits.per_address || total >= limits.total) {
      if (n == 0) per_address.erase(a);
      return false;
    }
    ++n;
    ++total;
    return true;
  }
  void Remove(const asio::ip::address& a) {
    std::lock_guard<std::mutex> lock(mu);
    if (--per_address[a] == 0) per_address.erase(a);
    --total;
  }
};

namespace {

const char* Reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 302:
      return "Found";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return status < 300 ? "OK" : status < 500 ? "Client Error" : "Server Error";
  }
}

// One connection. Every handler runs on the socket's strand; the timer enforces whichever
// deadline the connection is under (idle between requests, header, body, writing).
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, asio::ip::address peer, const ConnectionLimits& limits,
          std::shared_ptr<const HttpHandler> handler, std::shared_ptr<HttpListener::Counts> counts)
      : socket_(std::move(socket)),
        timer_(socket_.get_executor()),
        peer_(std::move(peer)),
        limits_(limits),
        reader_(limits.http),
        handler_(std::move(handler)),
        counts_(std::move(counts)) {}
  ~Session() { counts_->Remove(peer_); }

  void Start() {
    SetDeadline(limits_.idle_timeout);
    Process();
  }

 private:
  void SetDeadline(std::chrono::milliseconds after) {
    deadline_ = Clock::now() + after;
    timer_.expires_at(deadline_);  // cancels the wait for the previous deadline
    timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
      if (ec == asio::error::operation_aborted || self->closed_) return;
      if (Clock::now() >= self->deadline_) self->Close();
    });
  }

  // Tracks the reader's phase: each new phase starts its own deadline, so a header trickled
  // in one byte at a time still has to be complete within header_timeout of its first byte.
  void UpdateDeadline() {
    HttpReader::Phase p = reader_.phase();
    if (phase_known_ && p == phase_) return;
    phase_known_ = true;
    phase_ = p;
    SetDeadline(p == HttpReader::Phase::kIdle     ? limits_.idle_timeout
                : p == HttpReader::Phase::kHeader ? limits_.header_timeout
                                                  : limits_.body_timeout);
  }

  // Answers every complete request already buffered, one at a time and in order (pipelining),
  // then reads more.
  void Process() {
    ReadOutcome outcome = reader_.Next();
    if (outcome.kind == ReadOutcome::Kind::kNeedMore) {
      UpdateDeadline();
      if (reader_.TakeContinue()) return Continue();
      Read();
      return;
    }
    bool keep = outcome.kind == ReadOutcome::Kind::kRequest && outcome.keep_alive;
    HttpResponse response = (*handler_)(outcome);
    out_ = SerializeResponse(response, keep);
    phase_known_ = false;  // after the answer, a new idle period starts
    SetDeadline(limits_.body_timeout);
    asio::async_write(socket_, asio::buffer(out_),
                      [self = shared_from_this(), keep](boost::system::error_code ec, std::size_t) {
                        if (ec) return self->Close();
                        if (!keep) return self->Linger();
                        self->Process();
                      });
  }

  // The interim answer a client sending "Expect: 100-continue" waits for (curl does for
  // large bodies), then the body.
  void Continue() {
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    asio::async_write(socket_, asio::buffer(kContinue.data(), kContinue.size()),
                      [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                        if (ec) return self->Close();
                        self->Read();
                      });
  }

  void Read() {
    socket_.async_read_some(asio::buffer(in_), [self = shared_from_this()](
                                                   boost::system::error_code ec, std::size_t n) {
      if (ec || self->closed_) return self->Close();
      self->reader_.Append(std::string_view(self->in_.data(), n));
      self->Process();
    });
  }

  // Closing with unread bytes (the rest of a refused body) would reset the connection and could
  // discard the answer before the client reads it; so stop sending, and read and drop what
  // still arrives for a short while before closing.
  void Linger() {
    boost::system::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    SetDeadline(std::chrono::milliseconds(2000));
    Drain();
  }

  void Drain() {
    socket_.async_read_some(asio::buffer(in_),
                            [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                              if (ec || self->closed_) return self->Close();
                              self->Drain();
                            });
  }

  void Close() {
    if (closed_) return;
    closed_ = true;
    boost::system::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
    timer_.cancel();
  }

  tcp::socket socket_;
  asio::steady_timer timer_;
  asio::ip::address peer_;
  const ConnectionLimits limits_;
  HttpReader reader_;
  std::shared_ptr<const HttpHandler> handler_;
  std::shared_ptr<HttpListener::Counts> counts_;
  std::array<char, 16384> in_;
  std::string out_;
  Clock::time_point deadline_;
  HttpReader::Phase phase_ = HttpReader::Phase::kIdle;
  bool phase_known_ = false;
  bool closed_ = false;
};

}  // namespace

std::string SerializeResponse(const HttpResponse& response, bool keep_alive) {
  std::string out =
      "HTTP/1.1 " + std::to_string(response.status) + " " + Reason(response.status) +
      "\r\nContent-Type: " + response.content_type +
      "\r\nContent-Length: " + std::to_string(response.body.size());
  for (const auto& [name, value] : response.headers) out += "\r\n" + name + ": " + value;
  out += (keep_alive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n");
  out += response.body;
  return out;
}

HttpListener::HttpListener(asio::io_context& io, ConnectionLimits limits, HttpHandler handler)
    : io_(io),
      acceptor_(io),
      retry_(io),
      limits_(limits),
      handler_(std::make_shared<const HttpHandler>(std::move(handler))),
      counts_(std::make_shared<Counts>()) {}

HttpListener::~HttpListener() = default;

Result<int> HttpListener::Bind(const std::string& host, int port) {
  boost::system::error_code ec;
  tcp::resolver resolver(io_);
  auto endpoints = resolver.resolve(host, std::to_string(port), tcp::resolver::passive, ec);
  for (auto it = endpoints.begin(); !ec && it != endpoints.end(); ++it) {
    boost::system::error_code step;
    acceptor_.open(it->endpoint().protocol(), step);
    if (!step) acceptor_.set_option(tcp::acceptor::reuse_address(true), step);
    if (!step) acceptor_.bind(it->endpoint(), step);
    if (!step) acceptor_.listen(asio::socket_base::max_listen_connections, step);
    if (!step) return static_cast<int>(acceptor_.local_endpoint().port());
    acceptor_.close(step);
  }
  return MakeError(ErrorCode::kSimInvalidInput,
                   "cannot listen on " + host + ":" + std::to_string(port) +
                       " (address in use, or not an address of this machine)");
}

void HttpListener::Start() { Accept(); }

void HttpListener::Close() {
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  retry_.cancel();
}

void HttpListener::Accept() {
  acceptor_.async_accept(
      asio::make_strand(io_), [this](boost::system::error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
        if (ec) {
          // Out of descriptors or a connection reset before accept: try again shortly rather
          // than spin.
          retry_.expires_after(std::chrono::milliseconds(50));
          retry_.async_wait([this](boost::system::error_code e) {
            if (!e) Accept();
          });
          return;
        }
        boost::system::error_code peer_ec;
        tcp::endpoint peer = socket.remote_endpoint(peer_ec);
        if (!peer_ec && counts_->TryAdd(peer.address(), limits_)) {
          socket.set_option(tcp::no_delay(true), peer_ec);  // small answers must not wait (Nagle)
          auto strand = socket.get_executor();
          auto session = std::make_shared<Session>(std::move(socket), peer.address(), limits_,
                                                   handler_, counts_);
          asio::dispatch(strand, [session] { session->Start(); });
        } else {
          // Over a cap: closed at once, before a byte is read.
          socket.close(peer_ec);
        }
        Accept();
      });
}

}  // namespace ec2sim::server
