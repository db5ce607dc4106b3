// The simulator's Korean output uses the AWS Korean console's word for release, 릴리스. The
// console says 해제 only in 연결 해제 (disassociate), so any other 해제 in the sources would
// teach a learner the wrong action (lesson 5's mistake).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/scenario/messages.h"

namespace ec2sim::testing {
namespace {

namespace fs = std::filesystem;

// "FILE:LINE" of every 해제 in `text` that is not part of 연결 해제.
std::vector<std::string> ReleaseAsHaeje(const std::string& name, const std::string& text) {
  const std::string word = "해제", disassociate = "연결 해제";
  std::vector<std::string> found;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    bool in_disassociate = at >= disassociate.size() - word.size() &&
                           text.compare(at - (disassociate.size() - word.size()),
                                        disassociate.size(), disassociate) == 0;
    if (in_disassociate) continue;
    auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    found.push_back(name + ":" + std::to_string(line));
  }
  return found;
}

TEST(KoreanTerms, NoSourceUnderSimSaysHaejeForRelease) {
  fs::path root = fs::path(EC2SIM_SOURCE_DIR) / "sim";
  std::vector<std::string> found;
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".cc" && ext != ".h")) continue;
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    // This rule's own wording names the word it forbids.
    for (const std::string& f : ReleaseAsHaeje(entry.path().string(), text.str())) {
      found.push_back(f);
    }
  }
  EXPECT_GT(files, 100);
  EXPECT_TRUE(found.empty()) << "해제 where the console says 릴리스: "
                             << ::testing::PrintToString(found);
}

TEST(KoreanTerms, TheCheckFindsHaejeButNotDisassociate) {
  EXPECT_TRUE(ReleaseAsHaeje("a", "탄력적 IP 연결 해제").empty());
  EXPECT_EQ(ReleaseAsHaeje("a", "x\n탄력적 IP 해제"), std::vector<std::string>{"a:2"});
  EXPECT_EQ(ReleaseAsHaeje("a", "해제"), std::vector<std::string>{"a:1"});
}

TEST(KoreanTerms, ScenarioMessagesHaveNoHaeje) {
  EXPECT_TRUE(ReleaseAsHaeje("messages", scenario::AllKoreanMessages()).empty());
}

}  // namespace
}  // namespace ec2sim::testing
