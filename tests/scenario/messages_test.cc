// Scenario file errors in Korean: the same problems, positions and quoted values as in English,
// the words from the message catalog.
#include "sim/scenario/messages.h"

#include <gtest/gtest.h>

#include <string>

#include "sim/scenario/document.h"
#include "tests/scenario/fake_backend.h"

namespace ec2sim::scenario {
namespace {

std::string KoreanError(std::string_view text) {
  auto sc = ParseScenarioText(text, "x.json", &FakeBackend::Knows, Lang::kKo);
  return sc.ok() ? "loaded" : sc.error().message;
}

std::string EnglishError(std::string_view text) {
  auto sc = ParseScenarioText(text, "x.json", &FakeBackend::Knows);
  return sc.ok() ? "loaded" : sc.error().message;
}

TEST(ScenarioMessages, JsonSyntaxErrorKeepsFileLineAndColumnInKorean) {
  std::string text = "{\n  \"format\": 1,\n  \"name\": \"t\"\n  \"steps\": []\n}";
  std::string en = EnglishError(text);
  std::string ko = KoreanError(text);
  ASSERT_EQ(en.rfind("x.json:4:3: ", 0), 0u) << en;
  EXPECT_EQ(ko.rfind("x.json:4:3: JSON 문법 오류: ", 0), 0u) << ko;
  // The parser's own reason follows, as written.
  const std::string marker = "JSON 문법 오류: ";
  EXPECT_EQ(ko.substr(ko.find(marker) + marker.size()),
            en.substr(std::string("x.json:4:3: ").size()))
      << ko;
}

TEST(ScenarioMessages, StepProblemsNameTheStepAndKeyInKorean) {
  std::string ko = KoreanError(R"({"format": 1, "name": "t", "steps": [
    {"note": "ok"},
    {"call": "RunInstance"},
    {"wait": {"instance": "i-1", "state": "runing"}},
    {"advance": 5}]})");
  EXPECT_NE(ko.find("x.json: 단계 2 (\"call\"): 알 수 없는 작업 \"RunInstance\""),
            std::string::npos)
      << ko;
  EXPECT_NE(ko.find("x.json: 단계 3 (\"wait\"): 알 수 없는 인스턴스 상태 \"runing\""),
            std::string::npos)
      << ko;
  EXPECT_NE(
      ko.find("x.json: 단계 4 (\"advance\"): \"90s\", \"2h\", \"30d\" 같은 기간이 필요합니다"),
      std::string::npos)
      << ko;
}

TEST(ScenarioMessages, TopLevelProblemsInKorean) {
  std::string ko = KoreanError(R"({"format": 2, "name": "T", "region": "Seoul", "steps": {}})");
  EXPECT_NE(ko.find("x.json: \"format\"은 1이어야 합니다"), std::string::npos) << ko;
  EXPECT_NE(ko.find("x.json: \"name\"은 [a-z0-9-]+ 형식이어야 합니다(받은 값: \"T\")"),
            std::string::npos)
      << ko;
  EXPECT_NE(ko.find("x.json: \"region\"은 \"us-east-1\" 같은 리전 코드여야 합니다"),
            std::string::npos)
      << ko;
  EXPECT_NE(ko.find("x.json: \"steps\"는 단계의 목록이어야 합니다(받은 값: {})"), std::string::npos)
      << ko;
}

TEST(ScenarioMessages, EnglishIsUnchangedByTheCatalog) {
  EXPECT_EQ(EnglishError(R"({"format": 1, "name": "t", "steps": [{"cal": "X"}]})"),
            "x.json: step 1: unknown verb \"cal\"");
  EXPECT_EQ(Message(Lang::kEn, MessageId::kUnknownAction, {"\"A\"", ""}), "unknown action \"A\"");
}

TEST(ScenarioMessages, EveryMessageHasKoreanWithTheSamePlaceholders) {
  for (int id = 0; id <= static_cast<int>(MessageId::kNotSaved); ++id) {
    auto m = static_cast<MessageId>(id);
    std::string en = Message(Lang::kEn, m), ko = Message(Lang::kKo, m);
    EXPECT_FALSE(ko.empty()) << id;
    for (const char* p : {"{1}", "{2}", "{3}"}) {
      EXPECT_EQ(en.find(p) == std::string::npos, ko.find(p) == std::string::npos)
          << id << " " << en << " / " << ko;
    }
  }
}

}  // namespace
}  // namespace ec2sim::scenario
