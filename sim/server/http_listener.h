// The sockets of `ec2sim serve`: accepts connections on an io_context and reads each as an
// asynchronous session, so an open connection costs no thread and slow clients cannot starve
// the threads that run requests. Deadlines and connection caps are in docs/hardening.md.
#ifndef EC2SIM_SERVER_HTTP_LISTENER_H_
#define EC2SIM_SERVER_HTTP_LISTENER_H_

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "ec2sim/result.h"
#include "sim/server/http_reader.h"

namespace ec2sim::server {

struct ConnectionLimits {
  HttpLimits http;
  std::chrono::milliseconds header_timeout{10000};  // the whole header, from its first byte
  std::chrono::milliseconds body_timeout{30000};    // the whole body, from the header's end
  std::chrono::milliseconds idle_timeout{5000};     // keep-alive: between requests
  int per_address = 256;                            // open connections from one client address
  int total = 4096;                                 // open connections in all
};

// Answers one read outcome (a request or a refusal) and logs it; runs on a connection's
// strand, so it may block (on the world's lock) without holding up other connections.
using HttpHandler = std::function<HttpResponse(ReadOutcome&)>;

class HttpListener {
 public:
  HttpListener(boost::asio::io_context& io, ConnectionLimits limits, HttpHandler handler);
  ~HttpListener();
  HttpListener(const HttpListener&) = delete;
  HttpListener& operator=(const HttpListener&) = delete;

  // Binds and listens. Error: kSimInvalidInput when the address cannot be bound.
  Result<int> Bind(const std::string& host, int port);
  // Starts accepting; the io_context's threads run everything from here.
  void Start();
  // Stops accepting (call on the io_context, or before its threads run).
  void Close();

  // Open connections per client address and in all, shared with the sessions.
  struct Counts;

 private:
  void Accept();

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer retry_;  // accept errors such as EMFILE: try again shortly
  ConnectionLimits limits_;
  std::shared_ptr<const HttpHandler> handler_;
  std::shared_ptr<Counts> counts_;
};

// The bytes of an HTTP/1.1 response: status line, Content-Type, Content-Length, Connection.
std::string SerializeResponse(const HttpResponse& response, bool keep_alive);

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_HTTP_LISTENER_H_
