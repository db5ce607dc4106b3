#include "sim/engine/utf8.h"

namespace ec2sim::engine {

std::size_t Utf8SequenceLength(std::string_view text) {
  if (text.empty()) return 0;
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(0);
  std::size_t n = 0;
  if (lead < 0x80) {
    n = 1;
  } else if (lead >= 0xc2 && lead <= 0xdf) {  // 0xc0 and 0xc1 only start overlong forms
    n = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    n = 3;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    n = 4;
  }
  if (n == 0 || text.size() < n) return 0;
  for (std::size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xc0) != 0x80) return 0;
  }
  if (lead == 0xe0 && byte(1) < 0xa0) return 0;   // overlong
  if (lead == 0xed && byte(1) >= 0xa0) return 0;  // UTF-16 surrogates
  if (lead == 0xf0 && byte(1) < 0x90) return 0;   // overlong
  if (lead == 0xf4 && byte(1) >= 0x90) return 0;  // above U+10FFFF
  return n;
}

bool IsValidUtf8(std::string_view text) {
  while (!text.empty()) {
    std::size_t n = Utf8SequenceLength(text);
    if (n == 0) return false;
    text.remove_prefix(n);
  }
  return true;
}

}  // namespace ec2sim::engine
