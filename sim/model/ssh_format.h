// Byte-level encodings shared by the key-file formats: the SSH wire format of RFC 4251 §5
// (uint32, string, mpint), strict base64 and hex spellings of digests. No cryptography here.
#ifndef EC2SIM_MODEL_SSH_FORMAT_H_
#define EC2SIM_MODEL_SSH_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ec2sim::model::ssh {

// Builds an SSH wire-format byte string.
class Writer {
 public:
  void U32(std::uint32_t value);
  // A length-prefixed byte string.
  void String(std::string_view bytes);
  // An mpint holding the non-negative integer whose unsigned big-endian magnitude is `magnitude`
  // (leading zero bytes allowed); a zero byte is prepended when the top bit is set so the value
  // stays positive, as RFC 4251 requires.
  void Mpint(std::string_view magnitude);
  // Bytes with no length prefix.
  void Raw(std::string_view bytes);

  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

// Reads an SSH wire-format byte string front to back. Every read returns nullopt, and leaves the
// reader failed, when the data is truncated; the viewed bytes must outlive the reader.
class Reader {
 public:
  explicit Reader(std::string_view data) : rest_(data) {}

  std::optional<std::uint32_t> U32();
  std::optional<std::string_view> String();
  // The magnitude of a non-negative mpint without leading zero bytes (empty for zero);
  // nullopt for a negative value or truncated data.
  std::optional<std::string_view> NonNegativeMpint();
  // `count` bytes with no length prefix.
  std::optional<std::string_view> Raw(std::size_t count);

  bool AtEnd() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

// Standard base64 (RFC 4648 §4) with '=' padding, on one line.
std::string Base64Encode(std::string_view bytes);
// Decodes standard base64 strictly: the length is a multiple of 4, only the alphabet appears,
// padding only at the end and at most two '='. Nullopt for anything else, whitespace included.
std::optional<std::string> Base64Decode(std::string_view text);

// Splits `text` into lines of at most `width` characters, each ending in '\n'.
std::string WrapLines(std::string_view text, std::size_t width);

// Lowercase hex, two digits a byte: "0a1b".
std::string Hex(std::string_view bytes);
// Lowercase hex with a colon between bytes: "0a:1b", the spelling EC2 uses for RSA fingerprints.
std::string ColonHex(std::string_view bytes);

}  // namespace ec2sim::model::ssh

#endif  // EC2SIM_MODEL_SSH_FORMAT_H_
