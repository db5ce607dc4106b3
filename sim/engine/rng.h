// Seeded randomness. Every random choice in a simulation (ids, addresses) comes from one Rng so
// that the same seed gives the same world.
#ifndef EC2SIM_ENGINE_RNG_H_
#define EC2SIM_ENGINE_RNG_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace ec2sim::engine {

// SplitMix64: tiny, fast, and fully specified, so the sequence is the same on every platform
// and standard library (std::uniform_int_distribution is not).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next();
  // Uniform in [0, n) without modulo bias. Precondition: n > 0.
  std::uint64_t Below(std::uint64_t n);
  // `digits` lowercase hex digits.
  std::string Hex(int digits);
  // An AWS-style resource id: prefix + "-" + 17 hex digits, e.g. "i-0a1b2c3d4e5f60718".
  std::string ResourceId(std::string_view prefix) {
    return std::string(prefix) + "-" + Hex(17);
  }

 private:
  std::uint64_t state_;
};

}  // namespace ec2sim::engine

#endif  // EC2SIM_ENGINE_RNG_H_
