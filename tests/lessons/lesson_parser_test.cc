#include <gtest/gtest.h>

#include "sim/lessons/lesson.h"

namespace ec2sim::lessons {
namespace {

// A valid exercises.json with one goal; tests patch parts of it.
nlohmann::json ValidLesson() {
  return nlohmann::json::parse(R"({
    "format": 1,
    "title": {"en": "T", "ko": "제목"},
    "summary": {"en": "S", "ko": "요약"},
    "exercises": [{
      "id": "ex",
      "title": {"en": "E", "ko": "실습"},
      "task": {"en": "Do it", "ko": "하세요"},
      "region": "ap-northeast-2",
      "vars": {"home": "203.0.113.25"},
      "solution": "solution.json",
      "goals": [{
        "id": "g1",
        "title": {"en": "G", "ko": "목표"},
        "hint": {"en": "H", "ko": "힌트"},
        "checks": [{"call": "DescribeAddresses", "with": {},
                    "expect": {"Addresses[?PublicIp==${home}]": {"len": 0}}}]
      }],
      "wrong": [{"file": "wrong-a.json", "misses": ["g1"]}]
    }]
  })");
}

std::string Problems(const nlohmann::json& j, std::string_view slug = "03-x") {
  auto r = ParseLesson(slug, j.dump(), "03-x/exercises.json");
  return r.ok() ? "ok" : r.error().message;
}

TEST(LessonParser, ReadsAValidLesson) {
  auto r = ParseLesson("07-stateful", ValidLesson().dump(), "f");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->number, 7);
  EXPECT_EQ(r->slug, "07-stateful");
  EXPECT_EQ(r->title.In(Lang::kKo), "제목");
  ASSERT_EQ(r->exercises.size(), 1u);
  const Exercise& ex = r->exercises[0];
  EXPECT_EQ(ex.vars.at("home"), "203.0.113.25");
  ASSERT_EQ(ex.goals.size(), 1u);
  ASSERT_EQ(ex.goals[0].checks.size(), 1u);
  EXPECT_EQ(ex.goals[0].checks[0].action, "DescribeAddresses");
  EXPECT_TRUE(r->needs.empty());
}

TEST(LessonParser, NeedsListsTheVerbsBeyondCalls) {
  auto j = ValidLesson();
  j["exercises"][0]["goals"][0]["checks"].push_back({{"bill", nlohmann::json::object()}});
  auto r = ParseLesson("01-x", j.dump(), "f");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->needs, std::vector<std::string>{"bill"});
}

TEST(LessonParser, AllRegionsIsKeptAsTheRegionOfACall) {
  auto j = ValidLesson();
  j["exercises"][0]["goals"][0]["checks"][0]["region"] = "*";
  auto r = ParseLesson("01-x", j.dump(), "f");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->exercises[0].goals[0].checks[0].region, std::string(kAllRegions));
}

TEST(LessonParser, ReportsEachProblemWithItsPlace) {
  auto j = ValidLesson();
  j["exercises"][0]["region"] = "ap-seoul-1";
  j["exercises"][0]["goals"][0]["checks"][0]["call"] = "DescribeInstance";
  j["exercises"][0]["wrong"][0]["misses"] = {"g9"};
  j["exercises"][0]["colour"] = "blue";
  std::string p = Problems(j);
  EXPECT_NE(p.find("03-x/exercises.json: exercise \"ex\": unknown region \"ap-seoul-1\""),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("goal \"g1\", checks: step 1 (\"call\"): unknown action \"DescribeInstance\""),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("misses an unknown goal \"g9\""), std::string::npos) << p;
  EXPECT_NE(p.find("unknown key \"colour\""), std::string::npos) << p;
}

TEST(LessonParser, ChecksOnlyReadStateOfTheLearnersAccount) {
  auto j = ValidLesson();
  j["exercises"][0]["goals"][0]["checks"].push_back({{"advance", "1h"}});
  j["exercises"][0]["goals"][0]["checks"].push_back(
      {{"call", "DescribeInstances"}, {"account", "111122223333"}});
  std::string p = Problems(j);
  EXPECT_NE(p.find("step 2 (\"advance\"): a check reads state"), std::string::npos) << p;
  EXPECT_NE(p.find("step 3 (\"account\"): not allowed in a check"), std::string::npos) << p;
}

TEST(LessonParser, ReferencesMustBeSavedOrDeclared) {
  auto j = ValidLesson();
  j["exercises"][0]["goals"][0]["checks"][0]["with"] = {{"PublicIps", {"${nowhere}"}}};
  std::string p = Problems(j);
  EXPECT_NE(p.find("\"${nowhere}\" is not saved by an earlier step"), std::string::npos) << p;
}

TEST(LessonParser, AfterNamesOnlyEarlierGoalsAndIdsAreUnique) {
  auto j = ValidLesson();
  auto goal = j["exercises"][0]["goals"][0];
  goal["after"] = {"g2"};
  j["exercises"][0]["goals"].push_back(goal);  // a second "g1" waiting for a goal that is not there
  std::string p = Problems(j);
  EXPECT_NE(p.find("\"after\" must name earlier goals, got \"g2\""), std::string::npos) << p;
  EXPECT_NE(p.find("goal id \"g1\" is used twice"), std::string::npos) << p;
}

TEST(LessonParser, FolderNameMustCarryTheLessonNumber) {
  EXPECT_NE(Problems(ValidLesson(), "intro").find("must start with a number"), std::string::npos);
}

TEST(LessonParser, BothLanguagesAreRequired) {
  auto j = ValidLesson();
  j["exercises"][0]["goals"][0]["hint"].erase("ko");
  EXPECT_NE(Problems(j).find("\"hint\": \"ko\" must be a non-empty string"), std::string::npos)
      << Problems(j);
}

TEST(LessonParser, InvalidJsonIsAnErrorNotACrash) {
  auto r = ParseLesson("01-x", "{\"format\": 1,", "01-x/exercises.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kSimInvalidInput);
  EXPECT_EQ(r.error().message.rfind("01-x/exercises.json: ", 0), 0u);
}

TEST(LessonParser, NestingBeyondTheDepthLimitIsRefusedWithItsPlace) {
  std::string text = "{\"format\": 1,\n\"x\": " + std::string(200000, '{') + "}";
  auto r = ParseLesson("03-x", text, "03-x/exercises.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "03-x/exercises.json:2:69: JSON nested deeper than 64 levels");
}

}  // namespace
}  // namespace ec2sim::lessons
