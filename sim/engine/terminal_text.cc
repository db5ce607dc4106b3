#include "sim/engine/terminal_text.h"

#include "sim/engine/utf8.h"

namespace ec2sim::engine {
namespace {

void AppendHex(std::string& out, unsigned char byte) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out += "\\x";
  out += kDigits[byte >> 4];
  out += kDigits[byte & 0xf];
}

}  // namespace

std::string ForTerminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    auto c = static_cast<unsigned char>(text.front());
    std::size_t n = Utf8SequenceLength(text);
    bool c1 = n == 2 && c == 0xc2 && static_cast<unsigned char>(text[1]) < 0xa0;
    if (n == 0 || c < 0x20 || c == 0x7f || c1) {
      AppendHex(out, c);
      if (c1) AppendHex(out, static_cast<unsigned char>(text[1]));
      text.remove_prefix(c1 ? 2 : 1);
      continue;
    }
    if (c == '\\') {
      out += "\\\\";
    } else {
      out.append(text.substr(0, n));
    }
    text.remove_prefix(n);
  }
  return out;
}

}  // namespace ec2sim::engine
