#include "sim/lessons/text_width.h"

#include <gtest/gtest.h>

namespace ec2sim::lessons {
namespace {

TEST(TextWidth, HangulAndCjkTakeTwoColumnsAsciiOne) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("서울"), 4u);    // two Hangul syllables
  EXPECT_EQ(DisplayWidth("東京"), 4u);    // two CJK ideographs
  EXPECT_EQ(DisplayWidth("ｗｅｂ"), 6u);  // fullwidth Latin
  EXPECT_EQ(DisplayWidth("리전 ap-northeast-2"), 4u + 1u + 14u);
}

TEST(TextWidth, CombiningMarksAndDecomposedJamoTakeNoExtraColumns) {
  EXPECT_EQ(DisplayWidth("e\u0301"), 1u);  // e + combining acute
  // "한" written as three conjoining jamo: the initial is wide, the vowel and final join it.
  EXPECT_EQ(DisplayWidth("\u1112\u1161\u11AB"), 2u);
}

TEST(TextWidth, InvalidUtf8CountsOneColumnPerByte) {
  EXPECT_EQ(DisplayWidth(std::string("a\xff"
                                     "b")),
            3u);
  EXPECT_EQ(DisplayWidth(std::string("\xea\xb0")), 2u);  // a truncated Hangul sequence
}

TEST(TextWrap, BreaksAtSpacesWithinTheWidth) {
  auto lines = WrapText("one two three four", 9);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "one two");
  EXPECT_EQ(lines[1], "three");
  EXPECT_EQ(lines[2], "four");
}

TEST(TextWrap, KoreanLinesStayWithinTheWidthInColumnsNotBytes) {
  std::string text = "탄력적 IP는 계정에 묶인 고정 주소입니다. 쓰지 않으면 해제하세요.";
  for (size_t width : {12u, 16u, 24u, 40u}) {  // wider than any one word
    auto lines = WrapText(text, width);
    std::string rejoined;
    for (const auto& line : lines) {
      EXPECT_LE(DisplayWidth(line), width) << "width " << width << ": " << line;
      rejoined += (rejoined.empty() ? "" : " ") + line;
    }
    EXPECT_EQ(rejoined, text) << "words are kept whole and in order at width " << width;
  }
  // 14 columns hold "탄력적 IP는" (6 + 1 + 5 = 12) but not the next word.
  EXPECT_EQ(WrapText(text, 14)[0], "탄력적 IP는");
}

TEST(TextWrap, AWordWiderThanTheLineIsSplitBetweenCodePoints) {
  auto lines = WrapText("가나다라마바사", 5);  // 14 columns, 2 per syllable
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "가나");
  EXPECT_EQ(lines[3], "사");
  for (const auto& line : lines) EXPECT_LE(DisplayWidth(line), 5u);
}

TEST(TextWrap, IndentsCountTowardsTheWidthAndKeepLineBreaks) {
  auto lines = WrapText("alpha beta gamma\ndelta", 12, "- ", "  ");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "- alpha beta");
  EXPECT_EQ(lines[1], "  gamma");
  EXPECT_EQ(lines[2], "  delta");
  EXPECT_EQ(WrapText("", 10), std::vector<std::string>{""});
}

TEST(TextWrap, PadToWidthPadsByColumns) {
  EXPECT_EQ(PadToWidth("달성", 6), "달성  ");
  EXPECT_EQ(PadToWidth("met", 6), "met   ");
  EXPECT_EQ(PadToWidth("toolong", 3), "toolong");
}

}  // namespace
}  // namespace ec2sim::lessons
