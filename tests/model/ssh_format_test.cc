#include "sim/model/ssh_format.h"

#include <gtest/gtest.h>

#include <string>

namespace ec2sim::model::ssh {
namespace {

using namespace std::string_literals;

TEST(SshFormat, Base64MatchesRfc4648Vectors) {
  // RFC 4648 §10.
  const std::pair<std::string, std::string> vectors[] = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(Base64Encode(plain), encoded);
    EXPECT_EQ(Base64Decode(encoded), std::optional<std::string>(plain)) << encoded;
  }
  EXPECT_EQ(Base64Encode("\xfb\xff"s), "+/8=");
  EXPECT_EQ(Base64Decode("+/8="), std::optional<std::string>("\xfb\xff"s));
}

TEST(SshFormat, Base64DecodeIsStrict) {
  for (const char* bad : {"Zg", "Zg=", "Zg===", "====", "Z===", "Zm9v Yg==", "Zm9v\nYmFy", "Zm=v",
                          "Zh==", "Zm9=", "Zm-v"}) {
    EXPECT_FALSE(Base64Decode(bad).has_value()) << bad;
  }
}

TEST(SshFormat, MpintFollowsRfc4251Examples) {
  // RFC 4251 §5: 0 -> 00000000, 0x9a378f9b2e332a7 -> 00000008 09 a3 78 f9 b2 e3 32 a7,
  // 0x80 -> 00000002 00 80.
  Writer w;
  w.Mpint("");
  w.Mpint("\x00\x00"s);
  w.Mpint("\x09\xa3\x78\xf9\xb2\xe3\x32\xa7"s);
  w.Mpint("\x80"s);
  EXPECT_EQ(w.bytes(),
            "\0\0\0\0"s
            "\0\0\0\0"s
            "\0\0\0\x08\x09\xa3\x78\xf9\xb2\xe3\x32\xa7"s
            "\0\0\0\x02\0\x80"s);
}

TEST(SshFormat, ReaderRoundTripsAndRejectsNegativeAndTruncated) {
  Writer w;
  w.U32(0x01020304);
  w.String("ssh-rsa");
  w.Mpint("\x00\xff\x01"s);
  Reader r(w.bytes());
  EXPECT_EQ(r.U32(), std::optional<std::uint32_t>(0x01020304));
  EXPECT_EQ(r.String(), std::optional<std::string_view>("ssh-rsa"));
  EXPECT_EQ(r.NonNegativeMpint(), std::optional<std::string_view>("\xff\x01"));
  EXPECT_TRUE(r.AtEnd());

  const std::string negative = "\0\0\0\x01\x80"s;
  EXPECT_FALSE(Reader(negative).NonNegativeMpint().has_value());
  const std::string truncated = "\0\0\0\x09short"s;
  Reader t(truncated);
  EXPECT_FALSE(t.String().has_value());
  EXPECT_FALSE(t.U32().has_value());  // a failed reader stays failed
  EXPECT_FALSE(Reader("\0\0"s).U32().has_value());
}

TEST(SshFormat, HexSpellings) {
  EXPECT_EQ(Hex("\x00\x0a\xff"s), "000aff");
  EXPECT_EQ(ColonHex("\x00\x0a\xff"s), "00:0a:ff");
  EXPECT_EQ(ColonHex(""), "");
  EXPECT_EQ(WrapLines("abcdefg", 3), "abc\ndef\ng\n");
  EXPECT_EQ(WrapLines("", 3), "");
}

}  // namespace
}  // namespace ec2sim::model::ssh
