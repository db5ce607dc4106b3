// Splitting a fuzzer's bytes into the pieces a target feeds to the code under test.
#ifndef EC2SIM_FUZZ_FUZZ_INPUT_H_
#define EC2SIM_FUZZ_FUZZ_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/server/http_types.h"

namespace ec2sim::fuzz {

// The bytes as text.
inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Removes and returns the text up to the first '\n' (all of it when there is none).
inline std::string_view TakeLine(std::string_view& text) {
  std::size_t nl = text.find('\n');
  std::string_view line = text.substr(0, nl);
  text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  return line;
}

// Removes the request line "METHOD TARGET" from `text` and fills the request's method, path (as
// sent and decoded alike: fuzz inputs are written unencoded) and query; TARGET defaults to "/".
inline void TakeStartLine(std::string_view& text, server::HttpRequest& request) {
  std::string_view start = TakeLine(text);
  std::size_t space = start.find(' ');
  request.method = std::string(start.substr(0, space));
  std::string_view target =
      space == std::string_view::npos ? std::string_view("/") : start.substr(space + 1);
  std::size_t q = target.find('?');
  request.raw_path = std::string(target.substr(0, q));
  request.path = request.raw_path;
  if (q != std::string_view::npos) request.query = std::string(target.substr(q + 1));
}

}  // namespace ec2sim::fuzz

#endif  // EC2SIM_FUZZ_FUZZ_INPUT_H_
