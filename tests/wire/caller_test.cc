// Caller identity from SigV4 credentials.
#include "sim/wire/caller.h"

#include <gtest/gtest.h>

namespace ec2sim::wire {
namespace {

TEST(Caller, ReadsRegionAndKeyFromTheAuthorizationHeader) {
  auto c = ParseCredential(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/ap-northeast-2/ec2/aws4_request, "
      "SignedHeaders=content-type;host;x-amz-date, Signature=abcdef");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->access_key_id, "AKIDEXAMPLE");
  EXPECT_EQ(c->date, "20260101");
  EXPECT_EQ(c->region, "ap-northeast-2");
  EXPECT_EQ(c->service, "ec2");
}

TEST(Caller, ReadsAPresignedCredentialAndRejectsOtherText) {
  auto c = ParseCredential("AKID/20260101/eu-west-1/ec2/aws4_request");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->region, "eu-west-1");
  EXPECT_FALSE(ParseCredential("").has_value());
  EXPECT_FALSE(ParseCredential("AWS AKID:signature").has_value());
  EXPECT_FALSE(ParseCredential("Credential=AKID/20260101/ec2/aws4_request").has_value());
}

TEST(Caller, ATwelveDigitKeyIsItsOwnAccount) {
  EXPECT_EQ(AccountForAccessKey("111122223333"), "111122223333");
}

TEST(Caller, OtherKeysHashToTwelveDigits) {
  // FNV-1a-64 test vectors: "a" -> 0xaf63dc4c8601ec8c, "foobar" -> 0x85944171f73967e8;
  // each mod 10^12.
  EXPECT_EQ(AccountForAccessKey("a"), "200555641996");
  EXPECT_EQ(AccountForAccessKey("foobar"), "261332436968");
  EXPECT_NE(AccountForAccessKey("AKIDALICE"), AccountForAccessKey("AKIDBOB"));
  EXPECT_EQ(AccountForAccessKey("AKIDALICE"), AccountForAccessKey("AKIDALICE"));
  EXPECT_EQ(AccountForAccessKey("12345").size(), 12u);
}

TEST(Caller, AWellFormedKeyIsAWordOfUpTo128Characters) {
  EXPECT_TRUE(IsWellFormedAccessKey("AKIAIOSFODNN7EXAMPLE"));
  EXPECT_TRUE(IsWellFormedAccessKey("alice"));
  EXPECT_TRUE(IsWellFormedAccessKey("team_1.learner-2"));
  EXPECT_TRUE(IsWellFormedAccessKey(std::string(128, 'A')));
  EXPECT_FALSE(IsWellFormedAccessKey(std::string(129, 'A')));
  EXPECT_FALSE(IsWellFormedAccessKey(""));
  EXPECT_FALSE(IsWellFormedAccessKey("key with space"));
  EXPECT_FALSE(IsWellFormedAccessKey("\x1b[2J"));
  EXPECT_FALSE(IsWellFormedAccessKey("\xff\xfe"));
  EXPECT_FALSE(IsWellFormedAccessKey("a/b"));
}

TEST(Caller, AWellFormedRegionNameIsLowerCaseLettersDigitsAndDashes) {
  EXPECT_TRUE(IsWellFormedRegionName("ap-northeast-2"));
  EXPECT_TRUE(IsWellFormedRegionName("us-gov-west-1"));
  EXPECT_FALSE(IsWellFormedRegionName(""));
  EXPECT_FALSE(IsWellFormedRegionName("EU-WEST-1"));
  EXPECT_FALSE(IsWellFormedRegionName("\xff\xfe"));
  EXPECT_FALSE(IsWellFormedRegionName(std::string(65, 'a')));
}

}  // namespace
}  // namespace ec2sim::wire
