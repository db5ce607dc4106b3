// IPv4/IPv6 addresses and CIDR blocks as values.
#ifndef EC2SIM_MODEL_IP_H_
#define EC2SIM_MODEL_IP_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ec2sim::model {

using Ipv4 = std::uint32_t;  // host byte order

std::optional<Ipv4> ParseIpv4(std::string_view text);
std::string FormatIpv4(Ipv4 ip);

// An IPv4 block. `base` is canonical (host bits cleared).
struct Cidr4 {
  Ipv4 base = 0;
  int prefix = 0;  // 0..32

  std::uint64_t size() const { return std::uint64_t{1} << (32 - prefix); }
  Ipv4 mask() const { return prefix == 0 ? 0 : ~Ipv4{0} << (32 - prefix); }
  bool Contains(Ipv4 ip) const { return (ip & mask()) == base; }
  bool Contains(const Cidr4& inner) const { return inner.prefix >= prefix && Contains(inner.base); }
  bool Overlaps(const Cidr4& o) const { return Contains(o.base) || o.Contains(base); }
  std::string ToString() const;
  friend bool operator==(const Cidr4&, const Cidr4&) = default;
};

// Parses "a.b.c.d/n". With canonicalize, host bits are cleared (100.68.0.18/18 ->
// 100.68.0.0/18, as EC2 stores NACL CIDRs); without it, set host bits are an error.
std::optional<Cidr4> ParseCidr4(std::string_view text, bool canonicalize = true);

using Ipv6 = std::array<std::uint8_t, 16>;

struct Cidr6 {
  Ipv6 base{};
  int prefix = 0;  // 0..128
  bool Contains(const Ipv6& ip) const;
  std::string ToString() const;
  friend bool operator==(const Cidr6&, const Cidr6&) = default;
};

std::optional<Ipv6> ParseIpv6(std::string_view text);
std::string FormatIpv6(const Ipv6& ip);
std::optional<Cidr6> ParseCidr6(std::string_view text, bool canonicalize = true);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_IP_H_
