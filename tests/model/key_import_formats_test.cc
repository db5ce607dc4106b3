// ImportKeyPair's key formats (model::PublicKeyAsOpenSshLine) and fingerprints, with fixed keys
// made once by OpenSSH 9.2 and OpenSSL 3.0: `ssh-keygen -t rsa -b N`, `ssh-keygen -e` (RFC 4716),
// `-e -m PEM` (PKCS#1), `-e -m PKCS8` (SPKI), `openssl pkey -outform DER | base64` and
// `openssl genpkey -algorithm ed25519`. Expected fingerprints: `openssl pkey -pubin -outform DER
// | openssl md5 -c` for RSA, `ssh-keygen -l` (with the '=' padding) for ED25519.
#include "sim/model/key_import_formats.h"

#include <gtest/gtest.h>

#include <string>

#include "sim/model/key_material.h"

namespace ec2sim::model {
namespace {

constexpr char kRsa2048OpenSsh[] =
    R"KEY(ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0+rGsIFoZUcwl3osFSktkBWje0wfvn2HPtPN+56rdH52Efhd74gCS4kCuff5ge0nKku0YRTFOZctfHUAEZIlz8YevsB9ZnRS4L5l9pR+7PwktZCbXeBLZ7HhuFNm/w9DS/wtcvIXDkIrA8MNBkU5dLAEHjZbpOPLFaSRcw3wG+QQ02STTE+HXLawcOwE/p0rDjZUOLnH4A/UFh+wGYd3pkiCpiAr8p1JkJqvoBMcADcQds2Vr/IcqeSouaIrAw7ndS9reIkXG8DDpDDzyOxGHXUNuPe5mg/np93/BPhOuBU7RAm6m/LQJJE0pjP7ERCr5SP9glFxTj0SuFNIOHZed fixture-rsa2048)KEY";
constexpr char kRsa3072OpenSsh[] =
    R"KEY(ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQDe4U0dI6aLL9FELr7kuQYOCPREelzgRVypJeVtuBTm8e/dolV4XL5vX+Tzcv65q3n0zDGgdONfzOSt9bMWG8FPRCB3HPTG5U89fdrIKmDbH8nl6g5sRCWgOSU/MFTg2ZcI0lg0o9k1WOFSoqLr9PdGgXD/2sugpC/LIuB/2bYGOMdY5HtHkROFhYJqdPxW1jD1/NiRge8CblnaYUCaiPvJtemf97j/BOy7RJXpdwGyiuKOIt7SLTJDMDjV2BbjPlSqQGkxoo5qLwI9fkU0nDyvj+D64cc6QTvw0o8ybbtivKFVP3AyOdQd7DaQAATruv0MR2CEk7HRgv+1RKvYTtY6JKmjhS1HdjJfYrundqluau1fflCgJ1+DFKPc2228Hi2PJKvh9OEp9gILnLlS8hKkMXHwOL5JhRMXReNjpiJ0wVtoiHLKrhE3Ect3a1llPfYAcB9GY2aT0h1us7fjUmX0BvwuXYjxWqX+3kqmwMijG6G/S758b0Fx624lUMXycfs= fixture-rsa3072)KEY";
constexpr char kRsa4096OpenSsh[] =
    R"KEY(ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAACAQC5EH4C1RrW1YrnOESkB3Kq3+ZUmIF2T9xz9PWtuIvXvFyju5+B1T9TlpAJyv6auno2KvfeQe8HH3gRZm2IXYduqe03C33jR7Ig9Ja1NIAWTAvuKE+53P7HFvUaO+/ulPVd2I+Q21B+x916eBnoDFDcShlAHF8WuiocJJCIOoQ3iHBRXuA2t14AFf8JKMSWPRJHdF6zaTUH2crBX6h3gouYVV/mdvB7JQC7MNIkPc0M9HklL5rLsoxPA0zNVy3vtGZDAEOcR5pMxh/UfrdUffIicWKG9GnwipY00XC3n1DprO5al2rw9Xsp7iKHArKvnPtOIcsJfH/UrqWikUHAADPVdQK8HtdDnNr/kXzshhjCBZ2HHKpZOtm2L1Pl9CS0sAdVZENoBKOxGfJSXIq9YlrxgR4jWHBdvEr+Y7utZyDL7ZZeZcClx5w9YDxGMiRhT1XTTEGA3WhG0eRoAOTvNrgsYrDev05pVpoBZb7gIEamhAtbyfy1jYBL9zFUj7tCEO0HZ7hjcAGu6DLi/Gg/R63jV6eZv/PEzLf1SAbYuMjZZM6Ae13L96E10s00vRJQfIFt1ljCzskv5/eFzTYhtQKmQoMDmwBGSpsF7e+w4oLZwUOm109VLZeBiHxKR4uK6jcfRMrUaBVxqgrEC5lcaQxpvsmv5UsPXdv65PEwjkvctw== fixture-rsa4096)KEY";
constexpr char kEd25519OpenSsh[] =
    R"KEY(ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHIgLBMzUf3cicmvNtZHeC1TcFbMHydLhaFgqHRgYP+d fixture-ed)KEY";
constexpr char kRsa2048Rfc4716[] = R"KEY(---- BEGIN SSH2 PUBLIC KEY ----
x-origin: generated for a test of header \
continuation lines
Comment: "2048-bit RSA, converted by root@vm from OpenSSH"
AAAAB3NzaC1yc2EAAAADAQABAAABAQC0+rGsIFoZUcwl3osFSktkBWje0wfvn2HPtPN+56
rdH52Efhd74gCS4kCuff5ge0nKku0YRTFOZctfHUAEZIlz8YevsB9ZnRS4L5l9pR+7Pwkt
ZCbXeBLZ7HhuFNm/w9DS/wtcvIXDkIrA8MNBkU5dLAEHjZbpOPLFaSRcw3wG+QQ02STTE+
HXLawcOwE/p0rDjZUOLnH4A/UFh+wGYd3pkiCpiAr8p1JkJqvoBMcADcQds2Vr/IcqeSou
aIrAw7ndS9reIkXG8DDpDDzyOxGHXUNuPe5mg/np93/BPhOuBU7RAm6m/LQJJE0pjP7ERC
r5SP9glFxTj0SuFNIOHZed
---- END SSH2 PUBLIC KEY ----
)KEY";
constexpr char kRsa2048Pkcs1[] = R"KEY(-----BEGIN RSA PUBLIC KEY-----
MIIBCgKCAQEAtPqxrCBaGVHMJd6LBUpLZAVo3tMH759hz7Tzfueq3R+dhH4Xe+IA
kuJArn3+YHtJypLtGEUxTmXLXx1ABGSJc/GHr7AfWZ0UuC+ZfaUfuz8JLWQm13gS
2ex4bhTZv8PQ0v8LXLyFw5CKwPDDQZFOXSwBB42W6TjyxWkkXMN8BvkENNkk0xPh
1y2sHDsBP6dKw42VDi5x+AP1BYfsBmHd6ZIgqYgK/KdSZCar6ATHAA3EHbNla/yH
KnkqLmiKwMO53Uva3iJFxvAw6Qw88jsRh11Dbj3uZoP56fd/wT4TrgVO0QJupvy0
CSRNKYz+xEQq+Uj/YJRcU49ErhTSDh2XnQIDAQAB
-----END RSA PUBLIC KEY-----
)KEY";
constexpr char kRsa2048Spki[] = R"KEY(-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtPqxrCBaGVHMJd6LBUpL
ZAVo3tMH759hz7Tzfueq3R+dhH4Xe+IAkuJArn3+YHtJypLtGEUxTmXLXx1ABGSJ
c/GHr7AfWZ0UuC+ZfaUfuz8JLWQm13gS2ex4bhTZv8PQ0v8LXLyFw5CKwPDDQZFO
XSwBB42W6TjyxWkkXMN8BvkENNkk0xPh1y2sHDsBP6dKw42VDi5x+AP1BYfsBmHd
6ZIgqYgK/KdSZCar6ATHAA3EHbNla/yHKnkqLmiKwMO53Uva3iJFxvAw6Qw88jsR
h11Dbj3uZoP56fd/wT4TrgVO0QJupvy0CSRNKYz+xEQq+Uj/YJRcU49ErhTSDh2X
nQIDAQAB
-----END PUBLIC KEY-----
)KEY";
constexpr char kRsa2048DerBase64[] =
    R"KEY(MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtPqxrCBaGVHMJd6LBUpLZAVo3tMH759hz7Tzfueq3R+dhH4Xe+IAkuJArn3+YHtJypLtGEUxTmXLXx1ABGSJc/GHr7AfWZ0UuC+ZfaUfuz8JLWQm13gS2ex4bhTZv8PQ0v8LXLyFw5CKwPDDQZFOXSwBB42W6TjyxWkkXMN8BvkENNkk0xPh1y2sHDsBP6dKw42VDi5x+AP1BYfsBmHd6ZIgqYgK/KdSZCar6ATHAA3EHbNla/yHKnkqLmiKwMO53Uva3iJFxvAw6Qw88jsRh11Dbj3uZoP56fd/wT4TrgVO0QJupvy0CSRNKYz+xEQq+Uj/YJRcU49ErhTSDh2XnQIDAQAB)KEY";
constexpr char kEd25519Rfc4716[] = R"KEY(---- BEGIN SSH2 PUBLIC KEY ----
Comment: "256-bit ED25519, converted by root@vm from OpenSSH"
AAAAC3NzaC1lZDI1NTE5AAAAIHIgLBMzUf3cicmvNtZHeC1TcFbMHydLhaFgqHRgYP+d
---- END SSH2 PUBLIC KEY ----
)KEY";
constexpr char kOtherEd25519Spki[] = R"KEY(-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEA8oTJyYynNVdRQ/xbHyboWwZl84O9nxgAJop950icVio=
-----END PUBLIC KEY-----
)KEY";

constexpr char kRsa2048Md5[] = "9d:97:63:89:9e:1f:a9:6f:2c:da:89:52:a4:a2:3d:43";
constexpr char kRsa3072Md5[] = "de:75:41:b8:90:9d:b4:d7:db:ae:80:75:cc:7a:60:a0";
constexpr char kRsa4096Md5[] = "50:2a:3f:8a:24:49:e6:d3:7e:02:cc:33:90:54:1a:3e";
constexpr char kEd25519Sha256[] = "MkyD6mZaIfcePhy1BhesEjzgX2+i8mzDr+UXSjB3bjw=";
constexpr char kOtherEd25519Sha256[] = "guPx0739q5PJm2QfAzfka+NLG0G4j7+C6zuWhRj9l60=";

// The fingerprint ImportKeyPair reports for `material` ("" when it is refused).
std::string FingerprintOf(const std::string& material) {
  Result<std::string> line = PublicKeyAsOpenSshLine(material);
  if (!line.ok()) return "";
  Result<ImportedKey> key = ImportPublicKey(*line);
  return key.ok() ? key->fingerprint : "";
}

TEST(KeyImportFormats, ImportedRsaFingerprintIsMd5OfTheDerPublicKey) {
  EXPECT_EQ(FingerprintOf(kRsa2048OpenSsh), kRsa2048Md5);
  EXPECT_EQ(FingerprintOf(kRsa3072OpenSsh), kRsa3072Md5);
  EXPECT_EQ(FingerprintOf(kRsa4096OpenSsh), kRsa4096Md5);
  EXPECT_EQ(FingerprintOf(kEd25519OpenSsh), kEd25519Sha256);
}

TEST(KeyImportFormats, EveryRsaFormatGivesTheSameKey) {
  for (const char* material : {kRsa2048Rfc4716, kRsa2048Pkcs1, kRsa2048Spki, kRsa2048DerBase64}) {
    EXPECT_EQ(FingerprintOf(material), kRsa2048Md5) << material;
    Result<std::string> line = PublicKeyAsOpenSshLine(material);
    ASSERT_TRUE(line.ok());
    // The same key as the OpenSSH line (the comment aside).
    std::string openssh = kRsa2048OpenSsh;
    EXPECT_EQ(line->substr(0, openssh.rfind(' ')), openssh.substr(0, openssh.rfind(' ')));
  }
}

TEST(KeyImportFormats, Rfc4716KeepsItsCommentAndSkipsContinuedHeaders) {
  Result<std::string> line = PublicKeyAsOpenSshLine(kRsa2048Rfc4716);
  ASSERT_TRUE(line.ok()) << line.error().message;
  EXPECT_TRUE(line->ends_with(" 2048-bit RSA, converted by root@vm from OpenSSH")) << *line;
}

TEST(KeyImportFormats, Ed25519InRfc4716AndSpki) {
  EXPECT_EQ(FingerprintOf(kEd25519Rfc4716), kEd25519Sha256);
  EXPECT_EQ(FingerprintOf(kOtherEd25519Spki), kOtherEd25519Sha256);
}

TEST(KeyImportFormats, BrokenFilesAreInvalidKeyPairFormat) {
  std::string truncated = kRsa2048Rfc4716;
  truncated.resize(truncated.find("---- END"));
  for (const std::string& material :
       {truncated, std::string("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"),
        std::string("not a key"),
        std::string("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtPqx")}) {
    Result<std::string> line = PublicKeyAsOpenSshLine(material);
    ASSERT_FALSE(line.ok()) << material;
    EXPECT_EQ(line.error().code, ErrorCode::kInvalidKeyPairFormat);
  }
}

}  // namespace
}  // namespace ec2sim::model
