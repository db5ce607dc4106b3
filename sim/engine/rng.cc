#include "sim/engine/rng.h"

#include <cassert>

namespace ec2sim::engine {

std::uint64_t Rng::Next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t Rng::Below(std::uint64_t n) {
  assert(n > 0);
  // Reject the top partial bucket so every residue is equally likely.
  std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  for (;;) {
    std::uint64_t x = Next();
    if (x < limit) return x % n;
  }
}

std::string Rng::Hex(int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(digits);
  std::uint64_t bits = 0;
  int left = 0;
  for (int i = 0; i < digits; ++i) {
    if (left == 0) {
      bits = Next();
      left = 16;
    }
    out.push_back(kHex[bits & 0xf]);
    bits >>= 4;
    --left;
  }
  return out;
}

}  // namespace ec2sim::engine
