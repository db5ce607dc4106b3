// The cryptographic half of EC2 key pairs: making the key material CreateKeyPair returns,
// reading the public key ImportKeyPair receives, and the fingerprints EC2 reports for each
// (reference: ec2-semantics.md §4).
//
// Keys made by GenerateKeyPair are deterministic simulator keys: the private key is a function
// of the seed, so anyone who knows the seed can rebuild it. They are real, working keys in every
// format, but they must never guard anything real.
#ifndef EC2SIM_MODEL_KEY_MATERIAL_H_
#define EC2SIM_MODEL_KEY_MATERIAL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "ec2sim/result.h"

namespace ec2sim::model {

enum class KeyType { kRsa, kEd25519 };
enum class KeyFormat { kPem, kPpk };

struct GeneratedKey {
  // The unencrypted private key, which EC2 hands out once in CreateKeyPair's KeyMaterial:
  // RSA+PEM is PKCS#1 ("-----BEGIN RSA PRIVATE KEY-----"), ED25519+PEM is the OpenSSH private
  // key format ("-----BEGIN OPENSSH PRIVATE KEY-----"), PPK is PuTTY-User-Key-File-3 with
  // "Encryption: none". Text ends with a newline.
  std::string key_material;
  // "ssh-rsa AAAA... <comment>" or "ssh-ed25519 AAAA... <comment>", as DescribeKeyPairs returns
  // it with IncludePublicKey=true.
  std::string public_key_openssh;
  // As EC2 reports it for created keys. RSA: SHA-1 of the DER PKCS#8 private key, lowercase
  // colon-separated hex. ED25519: base64 of SHA-256 of the public key blob, '='-padded.
  std::string fingerprint;
};

// Makes a new key pair: RSA 2048-bit (public exponent 65537) or ED25519. The same `type`,
// `format`, `seed` and `comment` give the same result byte for byte (for RSA, on the same
// OpenSSL release, since the prime search is OpenSSL's). `comment` (usually the key name) goes
// into the public key line and, where the format holds one, the private key file.
// Errors: kInternalError if OpenSSL fails, which valid arguments never cause.
Result<GeneratedKey> GenerateKeyPair(KeyType type, KeyFormat format, std::uint64_t seed,
                                     std::string_view comment);

struct ImportedKey {
  KeyType type;
  // "type base64" plus " comment" when the line had one; surrounding whitespace removed.
  std::string public_key_openssh;
  // As EC2 reports it for imported keys. RSA: MD5 of the DER SubjectPublicKeyInfo, lowercase
  // colon-separated hex. ED25519: base64 of SHA-256 of the blob, '='-padded.
  std::string fingerprint;
};

// Parses one OpenSSH public key line, "ssh-rsa AAAA... [comment]" or "ssh-ed25519 AAAA...
// [comment]", as ImportKeyPair receives it after base64-decoding the request field. Accepts RSA
// moduli of exactly 1024, 2048, 3072 or 4096 bits and ED25519.
// Errors: kInvalidKeyPairFormat, "Key is not in valid OpenSSH public key format", for anything
// else: DSA, ECDSA, other RSA sizes, bad base64, a blob whose type disagrees with the line's, a
// truncated or over-long blob, an empty line.
Result<ImportedKey> ImportPublicKey(std::string_view openssh_line);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_KEY_MATERIAL_H_
