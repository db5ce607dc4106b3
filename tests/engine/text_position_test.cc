#include "sim/engine/text_position.h"

#include <gtest/gtest.h>

namespace ec2sim::engine {
namespace {

TEST(TextPosition, CountsLinesAndCharactersNotBytes) {
  std::string_view text = "ab\ncd\n\xc3\xa9x";
  EXPECT_EQ(PositionOfOffset(text, 0).line, 1);
  EXPECT_EQ(PositionOfOffset(text, 0).column, 1);
  EXPECT_EQ(PositionOfOffset(text, 4).line, 2);
  EXPECT_EQ(PositionOfOffset(text, 4).column, 2);
  EXPECT_EQ(PositionOfOffset(text, 8).line, 3);
  EXPECT_EQ(PositionOfOffset(text, 8).column, 2);  // after the two-byte letter
}

TEST(TextPosition, OffsetsPastTheEndStopAtTheEnd) {
  EXPECT_EQ(PositionOfOffset("a\nb", 100).line, 2);
  EXPECT_EQ(PositionOfOffset("a\nb", 100).column, 2);
}

TEST(TextPosition, ParseErrorsNameTheLastByteRead) {
  EXPECT_EQ(PositionOfParseError("{\n  x", 0).column, 1);
  TextPosition at = PositionOfParseError("{\n  x", 5);  // byte 5 is the 'x'
  EXPECT_EQ(at.line, 2);
  EXPECT_EQ(at.column, 3);
}

TEST(TextPosition, ParseErrorReasonDropsTheParsersPrefix) {
  EXPECT_EQ(ParseErrorReason("[json.exception.parse_error.101] parse error at line 3, column 2: "
                             "syntax error while parsing value"),
            "syntax error while parsing value");
  EXPECT_EQ(ParseErrorReason("[json.exception.type_error.302] type must be string"),
            "type must be string");
  EXPECT_EQ(ParseErrorReason("plain words"), "plain words");
}

}  // namespace
}  // namespace ec2sim::engine
