#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "sim/model/key_material.h"
#include "sim/model/ssh_format.h"
#include "tests/model/ssh_test_encoding.h"

namespace ec2sim::model {
namespace {

using ssh_test::PublicBlobOf;
using ssh_test::SshString;

// Independently obtained with OpenSSH 9.2p1: `ssh-keygen -t rsa -b 1024` made the key and
// `ssh-keygen -e -m PKCS8 -f key.pub | openssl pkey -pubin -outform DER | openssl md5 -c`
// printed EC2's fingerprint of it (MD5 of the DER public key, not ssh-keygen's MD5).
constexpr char kFixtureRsa1024[] =
    "ssh-rsa "
    "AAAAB3NzaC1yc2EAAAADAQABAAAAgQCzVhSbVxVqGcvb4MZF2HSg8XTLUApyHT0QysE7xt/rwbVVQQiyKXTuNRK"
    "CU60+SWGCaFsW0KiHnwLcl5wEJNbF78O4+5H/aHUaq91lJ39T1ilje8vI/"
    "HrYnfEIpmUGSbnFbzsxXh1TNF9JRsL7E8jgNJ"
    "GOCnQ4XxXYB6KlEH+vlQ== fixture@example";
constexpr char kFixtureRsa1024Md5[] = "4c:e7:b8:16:50:08:c6:de:40:f0:05:9f:12:64:3d:05";
// Same tool: `ssh-keygen -t ed25519`, then `ssh-keygen -l -f key.pub` printed
// "SHA256:GX5iQJA2uJqXqLqb9gvrSY3sv2cY/DrZ90zxOeeok1c"; EC2 shows it with the '=' padding.
constexpr char kFixtureEd25519[] =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDOh3TC6DQbw5zkkPNkLgy1fPU/mHPt7tjZSHIwcmvAP fixture-ed";
constexpr char kFixtureEd25519Sha256[] = "GX5iQJA2uJqXqLqb9gvrSY3sv2cY/DrZ90zxOeeok1c=";
// `ssh-keygen -t dsa` and `ssh-keygen -t ecdsa -b 256` output (comments replaced).
constexpr char kFixtureDsa[] =
    "ssh-dss "
    "AAAAB3NzaC1kc3MAAACBAKpntZ70ObkjXBxXQEOPs9sW5keUiL3p0Op59MQ4uhiIoXZVeF8Bw1+G+hFJprcP2Hm"
    "fYPgrRKxPwsx8bWc+W34gzhHX7Q0DPb9qwc5Bo0LbHJ2/"
    "ClR5gZGYmKGHzFUwxcxMXmdPH8ZA7FFiNe03X2xvlbIii7jPUL"
    "g7yAiayIPfAAAAFQDgT6ANf9tQH3h9riZn5dc5J2vE4wAAAIBO4+c3h0jz9JL5as0bXhZZa1+SseiavgimNVP2Avfb+"
    "VYdJ"
    "FLU+7qRZXYcpjTCWgc+EGH+ooRFadi80tM6jn6WSi3Bi8T+16RcvMTcEN/"
    "XUrVNyYIg0JQHcAjwW2nK4ZtkxRu1rMjFyjnt"
    "Mk/"
    "EpsPCEUkJjdCF43D4M1SYHyEpZQAAAIAX8Mzd4xbctYrmxGIRMoUPoNcMeC8iYKxCbKCD6XQlZOgZRcDiKZXJ5iJ+Kxho"
    "qTuShO0mmctBMWSIpllrl0N2HKBlea0/z8ljBYQYkb/0Mg9zvdbb9IIIUi/qhxYFF90PPNfYSG52tDJ3/jfhRLwB/"
    "cw3YMmT"
    "WaM8ymglakGpHQ== fixture-dsa";
constexpr char kFixtureEcdsa[] =
    "ecdsa-sha2-nistp256 "
    "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBHUfyjXJrt8HITvnnAZMAXd6"
    "HGlSrPk8QX9ADfrVDa9dIjnBLE26NAIOMoNL/iOlncadd1AmLSx10akYx6c3v00= fixture-ecdsa";

constexpr char kInvalidMessage[] = "Key is not in valid OpenSSH public key format";

// An ssh-rsa public line with a made-up modulus of exactly `bits` bits and exponent `e`
// (big-endian bytes, top bit clear).
std::string SyntheticRsaLine(int bits, bool odd_modulus = true,
                             const std::string& e = std::string("\x01\x00\x01", 3)) {
  std::string n(static_cast<std::size_t>(bits + 7) / 8, '\x5a');
  n[0] = static_cast<char>(bits % 8 == 0 ? 0xc3 : (1 << (bits % 8 - 1)));
  n.back() = odd_modulus ? '\x0b' : '\x0a';
  if (static_cast<unsigned char>(n[0]) & 0x80) n.insert(n.begin(), '\0');
  const std::string blob = SshString("ssh-rsa") + SshString(e) + SshString(n);
  return "ssh-rsa " + ssh::Base64Encode(blob);
}

void ExpectInvalidFormat(std::string_view line) {
  Result<ImportedKey> r = ImportPublicKey(line);
  ASSERT_FALSE(r.ok()) << line;
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidKeyPairFormat) << line;
  EXPECT_EQ(r.error().message, kInvalidMessage) << line;
}

TEST(KeyImport, RsaFingerprintIsMd5OfTheDerPublicKey) {
  Result<ImportedKey> key = ImportPublicKey(kFixtureRsa1024);
  ASSERT_TRUE(key.ok()) << key.error().message;
  EXPECT_EQ(key->type, KeyType::kRsa);
  EXPECT_EQ(key->fingerprint, kFixtureRsa1024Md5);
  EXPECT_EQ(key->public_key_openssh, kFixtureRsa1024);
}

TEST(KeyImport, Ed25519FingerprintIsSshKeygenSha256WithPadding) {
  Result<ImportedKey> key = ImportPublicKey(kFixtureEd25519);
  ASSERT_TRUE(key.ok()) << key.error().message;
  EXPECT_EQ(key->type, KeyType::kEd25519);
  EXPECT_EQ(key->fingerprint, kFixtureEd25519Sha256);
}

TEST(KeyImport, NormalisesWhitespaceAndKeepsComment) {
  const std::string body = "ssh-ed25519 " + ssh::Base64Encode(PublicBlobOf(kFixtureEd25519));
  std::string spaced_line = "  " + std::string(kFixtureEd25519) + " \r\n";
  spaced_line.replace(spaced_line.find(' ', 2), 1, "\t  ");
  Result<ImportedKey> spaced = ImportPublicKey(spaced_line);
  ASSERT_TRUE(spaced.ok());
  EXPECT_EQ(spaced->public_key_openssh, kFixtureEd25519);

  Result<ImportedKey> bare = ImportPublicKey(body);
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->public_key_openssh, body);

  Result<ImportedKey> long_comment = ImportPublicKey(body + " alice at laptop");
  ASSERT_TRUE(long_comment.ok());
  EXPECT_EQ(long_comment->public_key_openssh, body + " alice at laptop");
}

TEST(KeyImport, AcceptsOnlyRsaSizes1024To4096) {
  for (int bits : {1024, 2048, 3072, 4096}) {
    Result<ImportedKey> key = ImportPublicKey(SyntheticRsaLine(bits));
    EXPECT_TRUE(key.ok()) << bits;
  }
  for (int bits : {768, 2047, 2049, 3071, 8192}) {
    SCOPED_TRACE(bits);
    ExpectInvalidFormat(SyntheticRsaLine(bits));
  }
  ExpectInvalidFormat(SyntheticRsaLine(2048, /*odd_modulus=*/false));
}

TEST(KeyImport, RejectsRsaExponentsThatCannotWork) {
  EXPECT_TRUE(ImportPublicKey(SyntheticRsaLine(2048, true, "\x03")).ok());
  ExpectInvalidFormat(SyntheticRsaLine(2048, true, "\x01"));  // e = 1
  ExpectInvalidFormat(SyntheticRsaLine(2048, true, "\x04"));  // even
  ExpectInvalidFormat(SyntheticRsaLine(2048, true, ""));      // zero
}

TEST(KeyImport, RejectsMalformedInput) {
  const std::string rsa_blob = PublicBlobOf(kFixtureRsa1024);
  const std::string rsa_b64 = ssh::Base64Encode(rsa_blob);
  const std::string ed_blob = PublicBlobOf(kFixtureEd25519);
  ExpectInvalidFormat("");
  ExpectInvalidFormat("   \n");
  ExpectInvalidFormat("ssh-rsa");
  ExpectInvalidFormat("ssh-rsa AAAA$$$$ comment");                          // not base64
  ExpectInvalidFormat("ssh-rsa " + rsa_b64.substr(0, rsa_b64.size() - 2));  // padding cut
  ExpectInvalidFormat("ssh-ed25519 " + rsa_b64);  // line/blob types differ
  ExpectInvalidFormat("ssh-rsa " + ssh::Base64Encode(ed_blob));
  ExpectInvalidFormat("ssh-rsa " + ssh::Base64Encode(rsa_blob.substr(0, rsa_blob.size() - 9)));
  ExpectInvalidFormat("ssh-rsa " + ssh::Base64Encode(rsa_blob + "x"));  // trailing bytes
  ExpectInvalidFormat("ssh-ed25519 " + ssh::Base64Encode(ed_blob.substr(0, ed_blob.size() - 1)));
  ExpectInvalidFormat(kFixtureDsa);
  ExpectInvalidFormat(kFixtureEcdsa);
  ExpectInvalidFormat(rsa_b64);  // no type field
  ExpectInvalidFormat("ssh-foo " + rsa_b64);
}

}  // namespace
}  // namespace ec2sim::model
