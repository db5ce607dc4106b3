#include "sim/model/ssh_format.h"

#include <array>

namespace ec2sim::model::ssh {
namespace {

constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kHexDigits = "0123456789abcdef";

// Maps a base64 character to its 6-bit value, or -1 when it is not in the alphabet.
constexpr std::array<int, 256> MakeBase64Table() {
  std::array<int, 256> table{};
  for (int& v : table) v = -1;
  for (std::size_t i = 0; i < kBase64Alphabet.size(); ++i) {
    table[static_cast<unsigned char>(kBase64Alphabet[i])] = static_cast<int>(i);
  }
  return table;
}
constexpr std::array<int, 256> kBase64Values = MakeBase64Table();

}  // namespace

void Writer::U32(std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    bytes_.push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

void Writer::String(std::string_view bytes) {
  U32(static_cast<std::uint32_t>(bytes.size()));
  bytes_.append(bytes);
}

void Writer::Mpint(std::string_view magnitude) {
  while (!magnitude.empty() && magnitude.front() == '\0') magnitude.remove_prefix(1);
  const bool needs_sign_byte =
      !magnitude.empty() && (static_cast<unsigned char>(magnitude.front()) & 0x80) != 0;
  U32(static_cast<std::uint32_t>(magnitude.size() + (needs_sign_byte ? 1 : 0)));
  if (needs_sign_byte) bytes_.push_back('\0');
  bytes_.append(magnitude);
}

void Writer::Raw(std::string_view bytes) { bytes_.append(bytes); }

std::optional<std::string_view> Reader::Raw(std::size_t count) {
  if (rest_.size() < count) {
    rest_ = {};
    return std::nullopt;
  }
  std::string_view out = rest_.substr(0, count);
  rest_.remove_prefix(count);
  return out;
}

std::optional<std::uint32_t> Reader::U32() {
  std::optional<std::string_view> raw = Raw(4);
  if (!raw) return std::nullopt;
  std::uint32_t value = 0;
  for (char c : *raw) value = (value << 8) | static_cast<unsigned char>(c);
  return value;
}

std::optional<std::string_view> Reader::String() {
  std::optional<std::uint32_t> size = U32();
  if (!size) return std::nullopt;
  return Raw(*size);
}

std::optional<std::string_view> Reader::NonNegativeMpint() {
  std::optional<std::string_view> bytes = String();
  if (!bytes) return std::nullopt;
  if (!bytes->empty() && (static_cast<unsigned char>(bytes->front()) & 0x80) != 0) {
    return std::nullopt;
  }
  while (!bytes->empty() && bytes->front() == '\0') bytes->remove_prefix(1);
  return bytes;
}

std::string Base64Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = bytes.size() - i < 3 ? bytes.size() - i : 3;
    std::uint32_t group = 0;
    for (std::size_t j = 0; j < 3; ++j) {
      group = (group << 8) | (j < n ? static_cast<unsigned char>(bytes[i + j]) : 0u);
    }
    for (std::size_t j = 0; j < 4; ++j) {
      out.push_back(j <= n ? kBase64Alphabet[(group >> (18 - 6 * j)) & 0x3f] : '=');
    }
  }
  return out;
}

std::optional<std::string> Base64Decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::size_t padding = 0;
  while (padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
  if (padding > 2) return std::nullopt;
  const std::string_view body = text.substr(0, text.size() - padding);
  std::string out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t bits = 0;
  int bit_count = 0;
  for (char c : body) {
    const int value = kBase64Values[static_cast<unsigned char>(c)];
    if (value < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      out.push_back(static_cast<char>((bits >> bit_count) & 0xff));
    }
  }
  // The bits left over in a padded final group must be zero, or two spellings would decode alike.
  if ((bits & ((1u << bit_count) - 1)) != 0) return std::nullopt;
  return out;
}

std::string WrapLines(std::string_view text, std::size_t width) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); i += width) {
    out.append(text.substr(i, width));
    out.push_back('\n');
  }
  return out;
}

std::string Hex(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out.push_back(kHexDigits[b >> 4]);
    out.push_back(kHexDigits[b & 0x0f]);
  }
  return out;
}

std::string ColonHex(std::string_view bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i != 0) out.push_back(':');
    out.append(Hex(bytes.substr(i, 1)));
  }
  return out;
}

}  // namespace ec2sim::model::ssh
