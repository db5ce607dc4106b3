// Private key file formats that EC2 hands out and that ssh and PuTTY read: OpenSSH's own
// "openssh-key-v1" format and PuTTY's PPK version 3, both unencrypted. The callers supply the
// key as SSH wire-format pieces; these functions only lay the files out (and MAC the PPK).
#ifndef EC2SIM_MODEL_KEY_FILES_H_
#define EC2SIM_MODEL_KEY_FILES_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "ec2sim/result.h"

namespace ec2sim::model {

// An unencrypted OpenSSH private key file ("-----BEGIN OPENSSH PRIVATE KEY-----", cipher and KDF
// "none", one key) as described in OpenSSH's PROTOCOL.key.
//   key_type:       "ssh-ed25519", ...
//   public_blob:    the public key in SSH wire format (string type, then the type's fields)
//   private_fields: the type's private fields in wire format, as they follow the type name in
//                   the private section (for ED25519: string public key, string seed||public)
//   check:          the value written twice as the section's check integers; ssh only compares
//                   the two copies, so any value works, and a fixed one keeps output stable
//   comment:        a single line of text
std::string OpenSshPrivateKeyFile(std::string_view key_type, std::string_view public_blob,
                                  std::string_view private_fields, std::uint32_t check,
                                  std::string_view comment);

// An unencrypted PuTTY-User-Key-File-3: header lines, base64 public and private blobs in 64
// column lines, and the Private-MAC, HMAC-SHA-256 under an empty key (what PuTTY uses when the
// file has no passphrase) over the algorithm, encryption, comment and both blobs.
//   private_blob: PuTTY's private fields for the type (for RSA: mpint d, p, q, iqmp where
//                 iqmp = q^-1 mod p; for ED25519: string 32-byte seed)
//   comment:      a single line of text
// Errors: kInternalError if OpenSSL cannot compute the MAC.
Result<std::string> PpkV3File(std::string_view key_type, std::string_view public_blob,
                              std::string_view private_blob, std::string_view comment);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_KEY_FILES_H_
