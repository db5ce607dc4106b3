// The HTTP request and response as the endpoint handlers see them, independent of the HTTP
// library (only api_server.cc talks to it).
#ifndef EC2SIM_SERVER_HTTP_TYPES_H_
#define EC2SIM_SERVER_HTTP_TYPES_H_

#include <string>
#include <utility>
#include <vector>

namespace ec2sim::server {

struct HttpRequest {
  std::string method;         // "GET", "POST", ...
  std::string path;           // decoded path, e.g. "/" or "/_ec2sim/reset"
  std::string query;          // raw query string after '?', still %-encoded
  std::string content_type;   // Content-Type header, "" when absent
  std::string authorization;  // Authorization header, "" when absent
  std::string body;
  // For signature checks: the path as sent (still %-encoded) and every header in the order
  // received, names as sent.
  std::string raw_path;
  std::vector<std::pair<std::string, std::string>> headers;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // Further header lines (name, value), e.g. Location or Set-Cookie. Values are set by the
  // server's own code, never copied from a request.
  std::vector<std::pair<std::string, std::string>> headers;
  // For the request log line: the action or route, the caller's account and region, and the
  // error code when the request failed.
  std::string action;
  std::string account;
  std::string region;
  std::string error_code;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_HTTP_TYPES_H_
