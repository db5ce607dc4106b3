// Splitting a fuzzer's bytes into the pieces a target feeds to the code under test.
#ifndef EC2SIM_FUZZ_FUZZ_INPUT_H_
#define EC2SIM_FUZZ_FUZZ_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

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

}  // namespace ec2sim::fuzz

#endif  // EC2SIM_FUZZ_FUZZ_INPUT_H_
