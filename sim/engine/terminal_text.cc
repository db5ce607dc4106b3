#include "sim/engine/terminal_text.h"

#include "sim/engine/utf8.h"

namespace ec2sim::engine {
namespace {

void AppendHex(std::string& out, unsigned char byte) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  out += "\\x";
  out += kDigits[byte >> 4];
  out += kDigits[byte & 0xf];
}

std::string Escaped(std::string_view text, bool space) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    auto c = static_cast<unsigned char>(text.front());
    std::size_t n = Utf8SequenceLength(text);
    bool c1 = n == 2 && c == 0xc2 && static_cast<unsigned char>(text[1]) < 0xa0;
    if (n == 0 || c < 0x20 || c == 0x7f || c == '\\' || (space && c == ' ') || c1) {
      AppendHex(out, c);
      if (c1) AppendHex(out, static_cast<unsigned char>(text[1]));
      text.remove_prefix(c1 ? 2 : 1);
      continue;
    }
    out.append(text.substr(0, n));
    text.remove_prefix(n);
  }
  return out;
}

}  // namespace

std::string ForTerminal(std::string_view text) { return Escaped(text, /*space=*/false); }

std::string ForLogField(std::string_view text) { return Escaped(text, /*space=*/true); }

}  // namespace ec2sim::engine
