#include "sim/client/endpoint.h"

#include <cctype>

namespace ec2sim::client {

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool IsAccountId(std::string_view text) {
  return text.size() == 12 && text.find_first_not_of("0123456789") == std::string_view::npos;
}

std::optional<ErrorCode> ErrorCodeFromAws(std::string_view aws_code) {
  return ErrorCodeFromAwsCode(aws_code);
}

Result<std::string> NormalizeEndpoint(std::string_view endpoint) {
  auto bad = [&](const std::string& why) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "bad endpoint '" + std::string(endpoint) + "': " + why +
                         " (expected http://HOST:PORT, e.g. http://127.0.0.1:4566)");
  };
  std::string_view rest = endpoint;
  std::string scheme;
  for (std::string_view s : {"http://", "https://"}) {
    if (rest.substr(0, s.size()) == s) {
      scheme = std::string(s);
      rest.remove_prefix(s.size());
    }
  }
  if (scheme.empty()) return bad("it must start with http:// or https://");
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (rest.find_first_of("/?#@ ") != std::string_view::npos) {
    return bad("only a host and a port may follow the scheme");
  }
  std::string_view host = rest;
  std::size_t colon = rest.rfind(':');
  bool bracketed = !rest.empty() && rest.front() == '[';
  if (colon != std::string_view::npos && (!bracketed || rest.rfind(']') < colon)) {
    std::string_view port = rest.substr(colon + 1);
    host = rest.substr(0, colon);
    if (port.empty() || port.size() > 5 ||
        port.find_first_not_of("0123456789") != std::string_view::npos) {
      return bad("the port must be a number");
    }
    int n = std::stoi(std::string(port));
    if (n < 1 || n > 65535) return bad("the port must be 1 to 65535");
  }
  if (host.empty() || host == "[]") return bad("the host is empty");
  return scheme + std::string(rest);
}

}  // namespace ec2sim::client
