#include "sim/model/ip.h"

#include <arpa/inet.h>

#include <charconv>
#include <string>

namespace ec2sim::model {
namespace {

std::optional<int> ParsePrefix(std::string_view text, int max) {
  int value = -1;
  if (text.empty() || text.size() > 3) return std::nullopt;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < 0 || value > max) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<Ipv4> ParseIpv4(std::string_view text) {
  // Strict dotted quad: exactly four decimal octets, nothing before or after.
  Ipv4 ip = 0;
  int parts = 0;
  for (;;) {
    size_t dot = text.find('.');
    std::string_view part = text.substr(0, dot);
    if (part.empty() || part.size() > 3 || part[0] < '0' || part[0] > '9') return std::nullopt;
    int octet = -1;
    auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), octet);
    if (ec != std::errc() || ptr != part.data() + part.size() || octet > 255) return std::nullopt;
    ip = (ip << 8) | static_cast<Ipv4>(octet);
    ++parts;
    if (dot == std::string_view::npos) break;
    if (parts == 4) return std::nullopt;
    text.remove_prefix(dot + 1);
  }
  if (parts != 4) return std::nullopt;
  return ip;
}

std::string FormatIpv4(Ipv4 ip) {
  return std::to_string(ip >> 24) + "." + std::to_string((ip >> 16) & 0xff) + "." +
         std::to_string((ip >> 8) & 0xff) + "." + std::to_string(ip & 0xff);
}

std::string Cidr4::ToString() const { return FormatIpv4(base) + "/" + std::to_string(prefix); }

std::optional<Cidr4> ParseCidr4(std::string_view text, bool canonicalize) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto ip = ParseIpv4(text.substr(0, slash));
  auto prefix = ParsePrefix(text.substr(slash + 1), 32);
  if (!ip || !prefix) return std::nullopt;
  Cidr4 c{0, *prefix};
  if (!canonicalize && (*ip & ~c.mask()) != 0) return std::nullopt;
  c.base = *ip & c.mask();
  return c;
}

std::optional<Ipv6> ParseIpv6(std::string_view text) {
  std::string s(text);
  Ipv6 out{};
  if (inet_pton(AF_INET6, s.c_str(), out.data()) != 1) return std::nullopt;
  return out;
}

std::string FormatIpv6(const Ipv6& ip) {
  char buf[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, ip.data(), buf, sizeof buf);
  return buf;
}

bool Cidr6::Contains(const Ipv6& ip) const {
  for (int bit = 0; bit < prefix; ++bit) {
    int byte = bit / 8, shift = 7 - bit % 8;
    if (((ip[byte] >> shift) & 1) != ((base[byte] >> shift) & 1)) return false;
  }
  return true;
}

std::string Cidr6::ToString() const { return FormatIpv6(base) + "/" + std::to_string(prefix); }

std::optional<Cidr6> ParseCidr6(std::string_view text, bool canonicalize) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto ip = ParseIpv6(text.substr(0, slash));
  auto prefix = ParsePrefix(text.substr(slash + 1), 128);
  if (!ip || !prefix) return std::nullopt;
  Cidr6 c{*ip, *prefix};
  for (int bit = *prefix; bit < 128; ++bit) {
    int byte = bit / 8, shift = 7 - bit % 8;
    if ((c.base[byte] >> shift) & 1) {
      if (!canonicalize) return std::nullopt;
      c.base[byte] &= static_cast<std::uint8_t>(~(1u << shift));
    }
  }
  return c;
}

}  // namespace ec2sim::model
