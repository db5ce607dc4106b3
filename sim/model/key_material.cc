#include "sim/model/key_material.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/encoder.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>
#include <optional>
#include <vector>

#include "sim/model/key_files.h"
#include "sim/model/key_import_formats.h"
#include "sim/model/seeded_openssl.h"
#include "sim/model/ssh_format.h"

namespace ec2sim::model {
namespace {

constexpr std::string_view kRsaType = "ssh-rsa";
constexpr std::string_view kEd25519Type = "ssh-ed25519";
constexpr int kCreatedRsaBits = 2048;
constexpr std::size_t kEd25519KeySize = 32;

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
};
struct BnFree {
  void operator()(BIGNUM* p) const { BN_clear_free(p); }
};
struct EncoderCtxFree {
  void operator()(OSSL_ENCODER_CTX* p) const { OSSL_ENCODER_CTX_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

Error InvalidFormat() {
  return MakeError(ErrorCode::kInvalidKeyPairFormat,
                   "Key is not in valid OpenSSH public key format");
}

Error OpenSslFailure(std::string_view step) {
  return MakeError(ErrorCode::kInternalError, "OpenSSL failed: " + std::string(step));
}

std::string_view AsChars(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// `name` is an OpenSSL digest name ("SHA256", "SHA1", "MD5").
std::optional<std::string> Digest(const char* name, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  std::size_t size = 0;
  if (EVP_Q_digest(nullptr, name, nullptr, data.data(), data.size(), out, &size) != 1) {
    return std::nullopt;
  }
  return std::string(AsChars(out, size));
}

// Base64 SHA-256 of the public blob, keeping the '=' padding as EC2 shows it.
Result<std::string> Sha256Fingerprint(std::string_view public_blob) {
  std::optional<std::string> digest = Digest("SHA256", public_blob);
  if (!digest) return OpenSslFailure("SHA-256");
  return ssh::Base64Encode(*digest);
}

std::string PublicLine(std::string_view type, std::string_view blob, std::string_view comment) {
  std::string line = std::string(type) + " " + ssh::Base64Encode(blob);
  if (!comment.empty()) line += " " + std::string(comment);
  return line;
}

// The unsigned big-endian bytes of one of the key's integer parameters ("n", "e", "d", ...).
std::optional<std::string> BigParam(const EVP_PKEY* pkey, const char* name) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &raw) != 1) return std::nullopt;
  std::unique_ptr<BIGNUM, BnFree> bn(raw);
  std::string out(static_cast<std::size_t>(BN_num_bytes(bn.get())), '\0');
  BN_bn2bin(bn.get(), reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

// `output_type` "PEM" or "DER"; `structure` "type-specific" (PKCS#1 for RSA) or
// "PrivateKeyInfo" (PKCS#8).
std::optional<std::string> EncodePrivateKey(const EVP_PKEY* pkey, const char* output_type,
                                            const char* structure) {
  std::unique_ptr<OSSL_ENCODER_CTX, EncoderCtxFree> ectx(
      OSSL_ENCODER_CTX_new_for_pkey(pkey, EVP_PKEY_KEYPAIR, output_type, structure, nullptr));
  if (!ectx || OSSL_ENCODER_CTX_get_num_encoders(ectx.get()) == 0) return std::nullopt;
  unsigned char* data = nullptr;
  std::size_t size = 0;
  if (OSSL_ENCODER_to_data(ectx.get(), &data, &size) != 1) return std::nullopt;
  std::string out(AsChars(data, size));
  OPENSSL_clear_free(data, size);
  return out;
}

// SHA-256 over a domain tag and the seed: the 32 bytes an ED25519 key (or a file's check
// integer) is derived from.
std::optional<std::string> SeedBytes(std::string_view tag, std::uint64_t seed) {
  ssh::Writer input;
  input.String(tag);
  input.U32(static_cast<std::uint32_t>(seed >> 32));
  input.U32(static_cast<std::uint32_t>(seed));
  return Digest("SHA256", input.bytes());
}

Result<GeneratedKey> GenerateRsa(KeyFormat format, std::uint64_t seed, std::string_view comment) {
  // Declared before the key so the key is freed first, as the context requires.
  EC2SIM_ASSIGN_OR_RETURN(std::unique_ptr<SeededLibCtx> ctx,
                          SeededLibCtx::Create("ec2sim CreateKeyPair rsa", seed));
  PkeyPtr pkey;
  {
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> gen(
        EVP_PKEY_CTX_new_from_name(ctx->get(), "RSA", nullptr));
    EVP_PKEY* raw = nullptr;
    if (!gen || EVP_PKEY_keygen_init(gen.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_keygen_bits(gen.get(), kCreatedRsaBits) != 1 ||
        EVP_PKEY_generate(gen.get(), &raw) != 1) {
      return OpenSslFailure("RSA key generation");
    }
    pkey.reset(raw);
  }

  const std::optional<std::string> n = BigParam(pkey.get(), OSSL_PKEY_PARAM_RSA_N);
  const std::optional<std::string> e = BigParam(pkey.get(), OSSL_PKEY_PARAM_RSA_E);
  if (!n || !e) return OpenSslFailure("RSA public parameters");
  ssh::Writer blob;
  blob.String(kRsaType);
  blob.Mpint(*e);
  blob.Mpint(*n);

  GeneratedKey out;
  out.public_key_openssh = PublicLine(kRsaType, blob.bytes(), comment);
  const std::optional<std::string> pkcs8 = EncodePrivateKey(pkey.get(), "DER", "PrivateKeyInfo");
  const std::optional<std::string> sha1 = pkcs8 ? Digest("SHA1", *pkcs8) : std::nullopt;
  if (!sha1) return OpenSslFailure("PKCS#8 fingerprint");
  out.fingerprint = ssh::ColonHex(*sha1);

  if (format == KeyFormat::kPem) {
    std::optional<std::string> pem = EncodePrivateKey(pkey.get(), "PEM", "type-specific");
    if (!pem) return OpenSslFailure("PKCS#1 PEM encoding");
    out.key_material = std::move(*pem);
    return out;
  }
  const std::optional<std::string> d = BigParam(pkey.get(), OSSL_PKEY_PARAM_RSA_D);
  const std::optional<std::string> p = BigParam(pkey.get(), OSSL_PKEY_PARAM_RSA_FACTOR1);
  const std::optional<std::string> q = BigParam(pkey.get(), OSSL_PKEY_PARAM_RSA_FACTOR2);
  // OpenSSL's first CRT coefficient is q^-1 mod p, the "iqmp" PuTTY stores.
  const std::optional<std::string> iqmp = BigParam(pkey.get(), OSSL_PKEY_PARAM_RSA_COEFFICIENT1);
  if (!d || !p || !q || !iqmp) return OpenSslFailure("RSA private parameters");
  ssh::Writer priv;
  priv.Mpint(*d);
  priv.Mpint(*p);
  priv.Mpint(*q);
  priv.Mpint(*iqmp);
  EC2SIM_ASSIGN_OR_RETURN(out.key_material,
                          PpkV3File(kRsaType, blob.bytes(), priv.bytes(), comment));
  return out;
}

Result<GeneratedKey> GenerateEd25519(KeyFormat format, std::uint64_t seed,
                                     std::string_view comment) {
  const std::optional<std::string> secret = SeedBytes("ec2sim CreateKeyPair ed25519", seed);
  if (!secret) return OpenSslFailure("ED25519 seed");
  PkeyPtr pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                            reinterpret_cast<const unsigned char*>(secret->data()),
                                            secret->size()));
  unsigned char public_key[kEd25519KeySize];
  std::size_t public_size = sizeof(public_key);
  if (!pkey || EVP_PKEY_get_raw_public_key(pkey.get(), public_key, &public_size) != 1 ||
      public_size != kEd25519KeySize) {
    return OpenSslFailure("ED25519 key");
  }
  const std::string_view pub = AsChars(public_key, public_size);
  ssh::Writer blob;
  blob.String(kEd25519Type);
  blob.String(pub);

  GeneratedKey out;
  out.public_key_openssh = PublicLine(kEd25519Type, blob.bytes(), comment);
  EC2SIM_ASSIGN_OR_RETURN(out.fingerprint, Sha256Fingerprint(blob.bytes()));

  if (format == KeyFormat::kPpk) {
    ssh::Writer priv;
    priv.String(*secret);
    EC2SIM_ASSIGN_OR_RETURN(out.key_material,
                            PpkV3File(kEd25519Type, blob.bytes(), priv.bytes(), comment));
    return out;
  }
  const std::optional<std::string> check = SeedBytes("ec2sim openssh check", seed);
  if (!check) return OpenSslFailure("check integer");
  ssh::Reader check_reader(*check);
  ssh::Writer fields;
  fields.String(pub);
  fields.String(*secret + std::string(pub));  // OpenSSH keeps seed || public key
  out.key_material = OpenSshPrivateKeyFile(kEd25519Type, blob.bytes(), fields.bytes(),
                                           check_reader.U32().value_or(0), comment);
  return out;
}

std::size_t BitLength(std::string_view magnitude) {
  if (magnitude.empty()) return 0;
  std::size_t bits = (magnitude.size() - 1) * 8;
  for (auto top = static_cast<unsigned char>(magnitude.front()); top != 0; top >>= 1) ++bits;
  return bits;
}

bool IsOdd(std::string_view magnitude) {
  return !magnitude.empty() && (static_cast<unsigned char>(magnitude.back()) & 1) != 0;
}

// Checks the fields after the type name in an ssh-rsa blob and sizes the modulus.
bool ValidRsaFields(ssh::Reader& reader) {
  const std::optional<std::string_view> e = reader.NonNegativeMpint();
  const std::optional<std::string_view> n = reader.NonNegativeMpint();
  if (!e || !n || !reader.AtEnd()) return false;
  const std::size_t bits = BitLength(*n);
  // Key lengths ImportKeyPair accepts
  // (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/create-key-pairs.html).
  if (bits != 1024 && bits != 2048 && bits != 3072 && bits != 4096) return false;
  // An even modulus or an exponent below 3 (or even) cannot be a working RSA key.
  return IsOdd(*n) && IsOdd(*e) && BitLength(*e) >= 2 && BitLength(*e) < bits;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Splits off the first whitespace-delimited token of `s` (already trimmed at the front).
std::string_view NextToken(std::string_view& s) {
  std::size_t end = 0;
  while (end < s.size() && !IsSpace(s[end])) ++end;
  std::string_view token = s.substr(0, end);
  s = Trim(s.substr(end));
  return token;
}

}  // namespace

Result<GeneratedKey> GenerateKeyPair(KeyType type, KeyFormat format, std::uint64_t seed,
                                     std::string_view comment) {
  return type == KeyType::kRsa ? GenerateRsa(format, seed, comment)
                               : GenerateEd25519(format, seed, comment);
}

Result<ImportedKey> ImportPublicKey(std::string_view openssh_line) {
  std::string_view rest = Trim(openssh_line);
  const std::string_view type_name = NextToken(rest);
  const std::string_view encoded = NextToken(rest);
  const std::string_view comment = rest;  // everything after the key, inner spaces kept
  if (type_name != kRsaType && type_name != kEd25519Type) return InvalidFormat();
  const std::optional<std::string> blob = ssh::Base64Decode(encoded);
  if (!blob) return InvalidFormat();

  ssh::Reader reader(*blob);
  if (reader.String() != std::optional<std::string_view>(type_name)) return InvalidFormat();
  ImportedKey out;
  if (type_name == kRsaType) {
    if (!ValidRsaFields(reader)) return InvalidFormat();
    out.type = KeyType::kRsa;
    // EC2 fingerprints an imported RSA key by the MD5 of its DER SubjectPublicKeyInfo, what
    // `openssl pkey -pubin -outform DER | openssl md5 -c` prints
    // (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/verify-keys.html).
    EC2SIM_ASSIGN_OR_RETURN(std::string der, RsaBlobToSpkiDer(*blob));
    const std::optional<std::string> md5 = Digest("MD5", der);
    if (!md5) return OpenSslFailure("MD5");
    out.fingerprint = ssh::ColonHex(*md5);
  } else {
    const std::optional<std::string_view> pub = reader.String();
    if (!pub || pub->size() != kEd25519KeySize || !reader.AtEnd()) return InvalidFormat();
    out.type = KeyType::kEd25519;
    EC2SIM_ASSIGN_OR_RETURN(out.fingerprint, Sha256Fingerprint(*blob));
  }
  out.public_key_openssh = PublicLine(type_name, *blob, comment);
  return out;
}

}  // namespace ec2sim::model
