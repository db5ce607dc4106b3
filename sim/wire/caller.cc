#include "sim/wire/caller.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace ec2sim::wire {

std::optional<Credential> ParseCredential(std::string_view text) {
  std::size_t at = text.find("Credential=");
  if (at != std::string_view::npos) text = text.substr(at + 11);
  std::size_t end = text.find_first_of(", ");
  text = text.substr(0, end);
  std::vector<std::string_view> parts;
  while (true) {
    std::size_t slash = text.find('/');
    parts.push_back(text.substr(0, slash));
    if (slash == std::string_view::npos) break;
    text = text.substr(slash + 1);
  }
  // Access key ids never contain '/', so exactly five parts are expected.
  if (parts.size() != 5 || parts[0].empty() || parts[2].empty()) return std::nullopt;
  return Credential{std::string(parts[0]), std::string(parts[1]), std::string(parts[2]),
                    std::string(parts[3])};
}

bool IsWellFormedAccessKey(std::string_view key) {
  auto allowed = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
  };
  return !key.empty() && key.size() <= 128 && std::all_of(key.begin(), key.end(), allowed);
}

bool IsWellFormedRegionName(std::string_view region) {
  auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  };
  return !region.empty() && region.size() <= 64 &&
         std::all_of(region.begin(), region.end(), allowed);
}

std::string AccountForAccessKey(std::string_view access_key_id) {
  if (access_key_id.size() == 12 &&
      access_key_id.find_first_not_of("0123456789") == std::string_view::npos) {
    return std::string(access_key_id);
  }
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a 64-bit offset basis
  for (unsigned char c : access_key_id) {
    h ^= c;
    h *= 1099511628211ull;  // FNV-1a 64-bit prime
  }
  char digits[13];
  std::snprintf(digits, sizeof digits, "%012llu",
                static_cast<unsigned long long>(h % 1000000000000ull));
  return digits;
}

}  // namespace ec2sim::wire
