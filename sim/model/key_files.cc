#include "sim/model/key_files.h"

#include <openssl/evp.h>

#include <algorithm>

#include "sim/model/ssh_format.h"

namespace ec2sim::model {
namespace {

// OpenSSH pads the private section to the cipher's block size; "none" counts as 8.
constexpr std::size_t kOpenSshBlockSize = 8;
// Line widths the reference tools write: ssh-keygen wraps at 70, PuTTY at 64.
constexpr std::size_t kOpenSshLineWidth = 70;
constexpr std::size_t kPpkLineWidth = 64;

std::string PpkMacInput(std::string_view key_type, std::string_view encryption,
                        std::string_view comment, std::string_view public_blob,
                        std::string_view private_blob) {
  ssh::Writer w;
  w.String(key_type);
  w.String(encryption);
  w.String(comment);
  w.String(public_blob);
  w.String(private_blob);
  return w.bytes();
}

}  // namespace

std::string OpenSshPrivateKeyFile(std::string_view key_type, std::string_view public_blob,
                                  std::string_view private_fields, std::uint32_t check,
                                  std::string_view comment) {
  ssh::Writer section;
  section.U32(check);
  section.U32(check);
  section.String(key_type);
  section.Raw(private_fields);
  section.String(comment);
  // Padding is the byte sequence 1, 2, 3, ... up to the block boundary.
  for (char pad = 1; section.bytes().size() % kOpenSshBlockSize != 0; ++pad) {
    section.Raw(std::string_view(&pad, 1));
  }

  ssh::Writer file;
  file.Raw(std::string_view("openssh-key-v1\0", 15));
  file.String("none");  // cipher
  file.String("none");  // KDF
  file.String("");      // KDF options
  file.U32(1);          // number of keys
  file.String(public_blob);
  file.String(section.bytes());

  return "-----BEGIN OPENSSH PRIVATE KEY-----\n" +
         ssh::WrapLines(ssh::Base64Encode(file.bytes()), kOpenSshLineWidth) +
         "-----END OPENSSH PRIVATE KEY-----\n";
}

Result<std::string> PpkV3File(std::string_view key_type, std::string_view public_blob,
                              std::string_view private_blob, std::string_view comment) {
  constexpr std::string_view kEncryption = "none";
  const std::string mac_input =
      PpkMacInput(key_type, kEncryption, comment, public_blob, private_blob);
  // An empty key, passed through a valid pointer: OpenSSL treats a null key as "keep the old one".
  static const unsigned char kEmptyKey[1] = {0};
  unsigned char mac[EVP_MAX_MD_SIZE];
  std::size_t mac_size = 0;
  if (EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, kEmptyKey, 0,
                reinterpret_cast<const unsigned char*>(mac_input.data()), mac_input.size(), mac,
                sizeof(mac), &mac_size) == nullptr) {
    return MakeError(ErrorCode::kInternalError, "cannot compute the PPK Private-MAC");
  }

  const std::string public_text = ssh::WrapLines(ssh::Base64Encode(public_blob), kPpkLineWidth);
  const std::string private_text = ssh::WrapLines(ssh::Base64Encode(private_blob), kPpkLineWidth);
  auto line_count = [](const std::string& text) {
    return std::to_string(std::count(text.begin(), text.end(), '\n'));
  };
  std::string out;
  out += "PuTTY-User-Key-File-3: " + std::string(key_type) + "\n";
  out += "Encryption: " + std::string(kEncryption) + "\n";
  out += "Comment: " + std::string(comment) + "\n";
  out += "Public-Lines: " + line_count(public_text) + "\n" + public_text;
  out += "Private-Lines: " + line_count(private_text) + "\n" + private_text;
  out +=
      "Private-MAC: " + ssh::Hex(std::string_view(reinterpret_cast<const char*>(mac), mac_size)) +
      "\n";
  return out;
}

}  // namespace ec2sim::model
