#include "sim/model/key_import_formats.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

#include <memory>
#include <optional>
#include <vector>

#include "sim/model/ssh_format.h"

namespace ec2sim::model {
namespace {

struct ImportPkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct ImportBnFree {
  void operator()(BIGNUM* p) const { BN_free(p); }
};
using ImportPkeyPtr = std::unique_ptr<EVP_PKEY, ImportPkeyFree>;
using ImportBnPtr = std::unique_ptr<BIGNUM, ImportBnFree>;

Error KeyFormatError() {
  return MakeError(ErrorCode::kInvalidKeyPairFormat,
                   "Key is not in valid OpenSSH public key format");
}

std::vector<std::string_view> SplitKeyFileLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string WithoutWhitespace(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += c;
  }
  return out;
}

std::string BnBytes(const BIGNUM* bn) {
  std::string out(static_cast<size_t>(BN_num_bytes(bn)), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

// The SSH public key blob of an RSA or ED25519 key OpenSSL read.
Result<std::string> BlobOfPkey(EVP_PKEY* pkey) {
  ssh::Writer blob;
  if (EVP_PKEY_is_a(pkey, "RSA")) {
    BIGNUM* n = nullptr;
    BIGNUM* e = nullptr;
    bool ok = EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_N, &n) == 1 &&
              EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &e) == 1;
    ImportBnPtr n_owner(n), e_owner(e);
    if (!ok) return KeyFormatError();
    blob.String("ssh-rsa");
    blob.Mpint(BnBytes(e));
    blob.Mpint(BnBytes(n));
    return blob.bytes();
  }
  if (EVP_PKEY_is_a(pkey, "ED25519")) {
    unsigned char raw[32];
    size_t size = sizeof raw;
    if (EVP_PKEY_get_raw_public_key(pkey, raw, &size) != 1 || size != sizeof raw) {
      return KeyFormatError();
    }
    blob.String("ssh-ed25519");
    blob.String(std::string_view(reinterpret_cast<const char*>(raw), size));
    return blob.bytes();
  }
  return KeyFormatError();  // DSA, ECDSA and others: AWS imports RSA and ED25519 only
}

// DER SubjectPublicKeyInfo or PKCS#1 RSAPublicKey, as an SSH blob.
Result<std::string> BlobOfDer(std::string_view der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  ImportPkeyPtr pkey(d2i_PUBKEY(nullptr, &p, static_cast<long>(der.size())));
  if (pkey == nullptr) {
    p = reinterpret_cast<const unsigned char*>(der.data());
    pkey.reset(d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, static_cast<long>(der.size())));
  }
  if (pkey == nullptr || p != reinterpret_cast<const unsigned char*>(der.data()) + der.size()) {
    return KeyFormatError();
  }
  return BlobOfPkey(pkey.get());
}

std::string LineOfBlob(std::string_view blob, std::string_view comment) {
  ssh::Reader reader(blob);
  std::string type(reader.String().value_or(""));
  std::string line = type + " " + ssh::Base64Encode(blob);
  if (!comment.empty()) line += " " + std::string(comment);
  return line;
}

// RFC 4716: "---- BEGIN SSH2 PUBLIC KEY ----", header lines "Tag: value" (a trailing '\'
// continues one on the next line), the base64 body, "---- END SSH2 PUBLIC KEY ----".
Result<std::string> FromRfc4716(std::string_view text) {
  std::vector<std::string_view> lines = SplitKeyFileLines(text);
  size_t i = 0;
  while (i < lines.size() && lines[i].empty()) ++i;
  if (i == lines.size() || lines[i] != "---- BEGIN SSH2 PUBLIC KEY ----") return KeyFormatError();
  ++i;
  std::string comment;
  bool continued = false;
  std::string body;
  for (; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (line == "---- END SSH2 PUBLIC KEY ----") break;
    bool header = continued || (body.empty() && line.find(':') != std::string_view::npos);
    if (!header) {
      body += line;
      continue;
    }
    bool was_continued = continued;
    continued = !line.empty() && line.back() == '\\';
    if (was_continued || line.substr(0, 8) != "Comment:") continue;
    std::string_view value = line.substr(8);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (continued) value.remove_suffix(1);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    comment = std::string(value);
  }
  if (i == lines.size()) return KeyFormatError();
  std::optional<std::string> blob = ssh::Base64Decode(body);
  if (!blob) return KeyFormatError();
  return LineOfBlob(*blob, comment);
}

// PEM: "-----BEGIN RSA PUBLIC KEY-----" (PKCS#1) or "-----BEGIN PUBLIC KEY-----" (SPKI).
Result<std::string> FromPem(std::string_view text) {
  std::string body;
  bool inside = false;
  bool ended = false;
  for (std::string_view line : SplitKeyFileLines(text)) {
    if (line == "-----BEGIN RSA PUBLIC KEY-----" || line == "-----BEGIN PUBLIC KEY-----") {
      inside = true;
    } else if (line == "-----END RSA PUBLIC KEY-----" || line == "-----END PUBLIC KEY-----") {
      ended = inside;
      break;
    } else if (inside) {
      body += line;
    }
  }
  std::optional<std::string> der = ended ? ssh::Base64Decode(body) : std::nullopt;
  if (!der) return KeyFormatError();
  EC2SIM_ASSIGN_OR_RETURN(std::string blob, BlobOfDer(*der));
  return LineOfBlob(blob, "");
}

}  // namespace

Result<std::string> PublicKeyAsOpenSshLine(std::string_view material) {
  std::string_view trimmed = material;
  while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\n' ||
                              trimmed.front() == '\r' || trimmed.front() == '\t')) {
    trimmed.remove_prefix(1);
  }
  if (trimmed.rfind("ssh-", 0) == 0) return std::string(material);
  if (trimmed.rfind("---- BEGIN SSH2", 0) == 0) return FromRfc4716(trimmed);
  if (trimmed.rfind("-----BEGIN", 0) == 0) return FromPem(trimmed);
  // DER, raw (a SEQUENCE starts with 0x30) or base64.
  if (!trimmed.empty() && trimmed.front() == '\x30') {
    EC2SIM_ASSIGN_OR_RETURN(std::string blob, BlobOfDer(trimmed));
    return LineOfBlob(blob, "");
  }
  std::optional<std::string> der = ssh::Base64Decode(WithoutWhitespace(trimmed));
  if (!der) return KeyFormatError();
  EC2SIM_ASSIGN_OR_RETURN(std::string blob, BlobOfDer(*der));
  return LineOfBlob(blob, "");
}

Result<std::string> RsaBlobToSpkiDer(std::string_view ssh_blob) {
  ssh::Reader reader(ssh_blob);
  reader.String();
  std::optional<std::string_view> e = reader.NonNegativeMpint();
  std::optional<std::string_view> n = reader.NonNegativeMpint();
  if (!e || !n) return KeyFormatError();
  auto bn = [](std::string_view bytes) {
    return ImportBnPtr(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()),
                                 static_cast<int>(bytes.size()), nullptr));
  };
  ImportBnPtr bn_n = bn(*n), bn_e = bn(*e);
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn_n.get());
  OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, bn_e.get());
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
  EVP_PKEY* raw = nullptr;
  bool ok = ctx != nullptr && params != nullptr && EVP_PKEY_fromdata_init(ctx) == 1 &&
            EVP_PKEY_fromdata(ctx, &raw, EVP_PKEY_PUBLIC_KEY, params) == 1;
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  OSSL_PARAM_BLD_free(bld);
  ImportPkeyPtr pkey(raw);
  if (!ok) return KeyFormatError();
  unsigned char* der = nullptr;
  int size = i2d_PUBKEY(pkey.get(), &der);
  if (size <= 0) return KeyFormatError();
  std::string out(reinterpret_cast<const char*>(der), static_cast<size_t>(size));
  OPENSSL_free(der);
  return out;
}

}  // namespace ec2sim::model
