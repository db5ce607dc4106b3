// ASCII text helpers for the parsers of names, protocols, headers and places. AWS names,
// protocol keywords and HTTP header names are ASCII, so no locale is consulted: bytes outside
// A-Z (UTF-8 included) pass through unchanged.
#ifndef EC2SIM_ENGINE_ASCII_H_
#define EC2SIM_ENGINE_ASCII_H_

#include <string>
#include <string_view>

namespace ec2sim::engine {

// `s` with A-Z lowered.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// `s` without leading and trailing spaces and tabs.
inline std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace ec2sim::engine

#endif  // EC2SIM_ENGINE_ASCII_H_
