#include "sim/lessons/terminal_text.h"

#include <gtest/gtest.h>

#include <sstream>

#include "sim/lessons/text_width.h"

namespace ec2sim::lessons {
namespace {

std::vector<std::string> LinesOf(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(TerminalText, ParagraphsAreJoinedAndRewrapped) {
  std::string out = RenderForTerminal("one two\nthree four five six\n\nnext paragraph", 20);
  EXPECT_EQ(out, "one two three four\nfive six\n\nnext paragraph\n");
}

TEST(TerminalText, HeadingsAreUnderlinedByDisplayWidth) {
  auto lines = LinesOf(RenderForTerminal("# 보안 그룹\n\n## Rules\n\ntext", 40));
  ASSERT_GE(lines.size(), 6u);
  EXPECT_EQ(lines[0], "보안 그룹");
  EXPECT_EQ(lines[1], "=========");  // 4 syllables * 2 + 1 space
  EXPECT_EQ(lines[3], "Rules");
  EXPECT_EQ(lines[4], "-----");
}

TEST(TerminalText, CodeBlocksAndTablesAreNotWrapped) {
  std::string md =
      "```sh\nec2sim lesson check 3 answer.json --a-very-long-option-that-exceeds-width\n```\n\n"
      "| a | b |\n|---|---|\n";
  auto lines = LinesOf(RenderForTerminal(md, 30));
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines[0],
            "    ec2sim lesson check 3 answer.json --a-very-long-option-that-exceeds-width");
  EXPECT_EQ(lines[2], "  | a | b |");
  EXPECT_EQ(lines[3], "  |---|---|");
}

TEST(TerminalText, ListItemsHangUnderTheirMarker) {
  auto lines = LinesOf(RenderForTerminal("- first item that wraps here\n- second\n\nafter", 20));
  ASSERT_GE(lines.size(), 5u);
  EXPECT_EQ(lines[0], "  - first item that");
  EXPECT_EQ(lines[1], "    wraps here");
  EXPECT_EQ(lines[2], "  - second");
  EXPECT_EQ(lines[3], "");
  EXPECT_EQ(lines[4], "after");
}

TEST(TerminalText, KoreanProseFitsTheWidth) {
  std::string md =
      "인바운드 규칙은 밖에서 서버로 들어오는 연결을, 아웃바운드 규칙은 서버에서 밖으로 나가는 "
      "연결을 정합니다. **보안 그룹**은 상태를 기억하므로 응답은 따로 열지 않아도 됩니다.";
  for (const auto& line : LinesOf(RenderForTerminal(md, 30))) {
    EXPECT_LE(DisplayWidth(line), 30u) << line;
    EXPECT_EQ(line.find("**"), std::string::npos) << "bold markers are dropped";
  }
}

TEST(TerminalText, InlineLinksKeepTheirAddressAndIndexesStayIntact) {
  EXPECT_EQ(PlainInline("see [the format](docs/x.md) and **this**"),
            "see the format <docs/x.md> and this");
  EXPECT_EQ(PlainInline("Reservations[0].Instances[*] and [x](y)"),
            "Reservations[0].Instances[*] and x <y>");
}

}  // namespace
}  // namespace ec2sim::lessons
