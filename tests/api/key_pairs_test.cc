#include <regex>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

using KeyPairs = SandboxTest;

TEST_F(KeyPairs, CreateReturnsThePrivateKeyOnce) {
  json k = Call("CreateKeyPair", {{"KeyName", "lab"}});
  std::string material = k["KeyMaterial"];
  EXPECT_EQ(material.rfind("-----BEGIN RSA PRIVATE KEY-----\n", 0), 0u);
  EXPECT_NE(material.back(), '\n');
  EXPECT_TRUE(std::regex_match(k["KeyFingerprint"].get<std::string>(),
                               std::regex("([0-9a-f]{2}:){19}[0-9a-f]{2}")));
  json d = Call("DescribeKeyPairs", {{"KeyNames", {"lab"}}});
  ASSERT_EQ(d["KeyPairs"].size(), 1u);
  EXPECT_FALSE(d["KeyPairs"][0].contains("KeyMaterial"));
  EXPECT_FALSE(d["KeyPairs"][0].contains("PublicKey"));
  EXPECT_EQ(d["KeyPairs"][0]["KeyFingerprint"], k["KeyFingerprint"]);
  EXPECT_EQ(d["KeyPairs"][0]["KeyPairId"], k["KeyPairId"]);
  EXPECT_EQ(d["KeyPairs"][0]["CreateTime"], "2026-01-01T00:00:00+00:00");
}

TEST_F(KeyPairs, Ed25519AndPpkFormats) {
  json ed = Call("CreateKeyPair", {{"KeyName", "ed"}, {"KeyType", "ed25519"}});
  EXPECT_NE(ed["KeyMaterial"].get<std::string>().find("BEGIN OPENSSH PRIVATE KEY"),
            std::string::npos);
  EXPECT_TRUE(std::regex_match(ed["KeyFingerprint"].get<std::string>(),
                               std::regex("[A-Za-z0-9+/]{43}=")));
  json ppk = Call("CreateKeyPair", {{"KeyName", "putty"}, {"KeyFormat", "ppk"}});
  EXPECT_EQ(ppk["KeyMaterial"].get<std::string>().rfind("PuTTY-User-Key-File-3: ssh-rsa", 0), 0u);
  json d = Call("DescribeKeyPairs", {{"KeyNames", {"ed"}}});
  EXPECT_EQ(d["KeyPairs"][0]["KeyType"], "ed25519");
  EXPECT_EQ(ErrorOf("CreateKeyPair", {{"KeyName", "x"}, {"KeyType", "dsa"}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("CreateKeyPair", {{"KeyName", "x"}, {"KeyFormat", "der"}}),
            "InvalidParameterValue");
}

TEST_F(KeyPairs, NamesAreUniquePerRegion) {
  Call("CreateKeyPair", {{"KeyName", "lab"}});
  EXPECT_EQ(ErrorOf("CreateKeyPair", {{"KeyName", "lab"}}), "InvalidKeyPair.Duplicate");
  ctx_.region = "ap-northeast-1";
  Call("CreateKeyPair", {{"KeyName", "lab"}});
  EXPECT_EQ(ErrorOf("CreateKeyPair", {{"KeyName", ""}}), "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("CreateKeyPair", {{"KeyName", std::string(256, 'k')}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("CreateKeyPair"), "MissingParameter");
}

TEST_F(KeyPairs, ImportTakesAnOpenSshLineOrItsBase64) {
  json created = Call("CreateKeyPair", {{"KeyName", "orig"}});
  std::string pub =
      Call("DescribeKeyPairs", {{"KeyNames", {"orig"}}, {"IncludePublicKey", true}})["KeyPairs"][0]
          ["PublicKey"];
  json imported = Call("ImportKeyPair", {{"KeyName", "copy"}, {"PublicKeyMaterial", pub}});
  // Imported RSA keys are fingerprinted with MD5 of the public key, created ones with SHA-1 of
  // the private key: the same key shows two different fingerprints.
  EXPECT_TRUE(std::regex_match(imported["KeyFingerprint"].get<std::string>(),
                               std::regex("([0-9a-f]{2}:){15}[0-9a-f]{2}")));
  EXPECT_NE(imported["KeyFingerprint"], created["KeyFingerprint"]);
  // The same line base64-encoded, as the wire protocol and --cli-input-json send blobs.
  static const char kB64[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b64;
  for (size_t i = 0; i < pub.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(pub[i]) << 16;
    if (i + 1 < pub.size()) v |= static_cast<unsigned char>(pub[i + 1]) << 8;
    if (i + 2 < pub.size()) v |= static_cast<unsigned char>(pub[i + 2]);
    b64 += kB64[(v >> 18) & 63];
    b64 += kB64[(v >> 12) & 63];
    b64 += i + 1 < pub.size() ? kB64[(v >> 6) & 63] : '=';
    b64 += i + 2 < pub.size() ? kB64[v & 63] : '=';
  }
  json again = Call("ImportKeyPair", {{"KeyName", "copy2"}, {"PublicKeyMaterial", b64}});
  EXPECT_EQ(again["KeyFingerprint"], imported["KeyFingerprint"]);
  EXPECT_EQ(ErrorOf("ImportKeyPair", {{"KeyName", "bad"}, {"PublicKeyMaterial", "hello"}}),
            "InvalidKeyPair.Format");
  EXPECT_EQ(ErrorOf("ImportKeyPair", {{"KeyName", "orig"}, {"PublicKeyMaterial", pub}}),
            "InvalidKeyPair.Duplicate");
}

TEST_F(KeyPairs, DeleteByNameIsIdempotentByIdIsChecked) {
  json k = Call("CreateKeyPair", {{"KeyName", "lab"}});
  json del = Call("DeleteKeyPair", {{"KeyName", "lab"}});
  EXPECT_EQ(del["Return"], true);
  EXPECT_EQ(ErrorOf("DescribeKeyPairs", {{"KeyNames", {"lab"}}}), "InvalidKeyPair.NotFound");
  Call("DeleteKeyPair", {{"KeyName", "lab"}});
  EXPECT_EQ(ErrorOf("DeleteKeyPair", {{"KeyPairId", k["KeyPairId"]}}), "InvalidKeyPair.NotFound");
  EXPECT_EQ(ErrorOf("DeleteKeyPair"), "MissingParameter");
}

TEST_F(KeyPairs, LaunchedInstanceRemembersItsKeyAfterDeletion) {
  Call("CreateKeyPair", {{"KeyName", "lab"}});
  std::string id = Launch({{"KeyName", "lab"}});
  Call("DeleteKeyPair", {{"KeyName", "lab"}});
  EXPECT_EQ(Describe(id)["KeyName"], "lab");
}

TEST_F(KeyPairs, SameSeedSameKeys) {
  json first = Call("CreateKeyPair", {{"KeyName", "a"}, {"KeyType", "ed25519"}});
  Reset(SandboxOptions{});
  json second = Call("CreateKeyPair", {{"KeyName", "a"}, {"KeyType", "ed25519"}});
  EXPECT_EQ(first["KeyMaterial"], second["KeyMaterial"]);
  json third = Call("CreateKeyPair", {{"KeyName", "b"}, {"KeyType", "ed25519"}});
  EXPECT_NE(third["KeyMaterial"], second["KeyMaterial"]);
}

}  // namespace
}  // namespace ec2sim::testing
