#include "sim/engine/terminal_text.h"

#include <gtest/gtest.h>

#include "sim/engine/utf8.h"

namespace ec2sim::engine {
namespace {

TEST(ForTerminal, PrintableAsciiAndKoreanPassUnchanged) {
  EXPECT_EQ(ForTerminal("AKIAALICE0000001"), "AKIAALICE0000001");
  EXPECT_EQ(ForTerminal("서울 리전 ap-northeast-2"), "서울 리전 ap-northeast-2");
}

TEST(ForTerminal, ControlCharactersBecomeHexEscapes) {
  EXPECT_EQ(ForTerminal("a\nb"), "a\\x0Ab");
  EXPECT_EQ(ForTerminal("\x1b[2J\x1b]0;pwned\x07"), "\\x1B[2J\\x1B]0;pwned\\x07");
  EXPECT_EQ(ForTerminal(std::string_view("\0\x7f", 2)), "\\x00\\x7F");
  // U+009B is a one-character CSI on terminals that obey C1 controls.
  EXPECT_EQ(ForTerminal("x\xc2\x9b"
                        "2J"),
            "x\\xC2\\x9B2J");
}

TEST(ForTerminal, MalformedUtf8BytesAreEscapedOneByOne) {
  EXPECT_EQ(ForTerminal("\xff\xfe"), "\\xFF\\xFE");
  EXPECT_EQ(ForTerminal("\xe3\x81"), "\\xE3\\x81");  // cut short
  EXPECT_EQ(ForTerminal("\xc0\xaf"), "\\xC0\\xAF");  // overlong '/'
}

TEST(ForTerminal, ABackslashIsEscapedSoAnEscapeCannotBeForged) {
  EXPECT_EQ(ForTerminal("\\x0A"), "\\x5Cx0A");
}

TEST(ForLogField, ALogFieldCannotStartALineOrSplitIntoTwoFields) {
  EXPECT_EQ(ForLogField("Describe\nGET / X"), "Describe\\x0AGET\\x20/\\x20X");
  EXPECT_EQ(ForLogField("a\\b\x1b[31m\xff"), "a\\x5Cb\\x1B[31m\\xFF");
  EXPECT_EQ(ForLogField("DescribeRegions"), "DescribeRegions");
  EXPECT_EQ(ForLogField("서울"), "서울");
}

TEST(Utf8, AcceptsWellFormedAndRefusesEveryKindOfMalformed) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("한국어 \xf0\x9f\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\x80"));              // stray continuation byte
  EXPECT_FALSE(IsValidUtf8("\xc1\xbf"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xe0\x9f\xbf"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xe2\x82"));          // cut short
  EXPECT_EQ(Utf8SequenceLength("\xe2\x82\xac!"), 3u);
}

}  // namespace
}  // namespace ec2sim::engine
