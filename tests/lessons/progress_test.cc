#include "sim/lessons/progress.h"

#include <gtest/gtest.h>

#include "ec2sim/sandbox.h"
#include "tests/lessons/lesson_fixtures.h"

namespace ec2sim::lessons {
namespace {

using fixtures::BuiltCourse;
using nlohmann::json;

constexpr const char* kAlice = "111111111111";
constexpr const char* kBob = "222222222222";

const json* Lesson3(const json& row) {
  for (const json& l : row["lessons"]) {
    if (l["lesson"] == 3) return &l;
  }
  return nullptr;
}

TEST(LessonProgress, ListsEachAccountsGoalsPerLesson) {
  auto sandbox = std::make_shared<Sandbox>(SandboxOptions{.timing = Timing::kInstant});
  Result<json> launched = fixtures::LaunchFirstServer(*sandbox, kAlice);
  ASSERT_TRUE(launched.ok()) << launched.error().message;
  std::vector<std::string> opened;
  auto progress = CollectProgress(BuiltCourse(), {kAlice, kBob}, [&](const std::string& account) {
    opened.push_back(account);
    return Result<std::shared_ptr<Backend>>(sandbox);
  });
  EXPECT_EQ(opened, (std::vector<std::string>{kAlice, kBob}));
  ASSERT_TRUE(progress.ok()) << progress.error().message;
  const json& rows = (*progress)["accounts"];
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["account"], kAlice);
  EXPECT_EQ(rows[1]["account"], kBob);

  const json* alice = Lesson3(rows[0]);
  const json* bob = Lesson3(rows[1]);
  ASSERT_NE(alice, nullptr);
  ASSERT_NE(bob, nullptr);
  EXPECT_EQ((*alice)["met"], (*alice)["total"]) << alice->dump();
  EXPECT_EQ((*alice)["goals"]["named-web"], "met");
  EXPECT_EQ((*bob)["met"], 0) << "accounts never see each other's servers";
  EXPECT_EQ((*bob)["goals"]["named-web"], "missed");
  EXPECT_EQ((*bob)["goals"]["free-tier"], "waiting");
  // Every lesson is listed for every account, and the totals add up.
  int total = 0;
  for (const json& l : rows[0]["lessons"]) total += l["total"].get<int>();
  EXPECT_EQ(rows[0]["total"], total);
  EXPECT_EQ(rows[0]["lessons"].size(), 10u);
}

TEST(LessonProgress, ALessonNobodyStartedIsNotStartedAndEarnsNoCredit) {
  auto sandbox = std::make_shared<Sandbox>(SandboxOptions{.timing = Timing::kInstant});
  Result<json> launched = fixtures::LaunchFirstServer(*sandbox, kAlice);
  ASSERT_TRUE(launched.ok()) << launched.error().message;
  auto progress = CollectProgress(BuiltCourse(), {kAlice, kBob}, [&](const std::string&) {
    return Result<std::shared_ptr<Backend>>(sandbox);
  });
  ASSERT_TRUE(progress.ok()) << progress.error().message;
  const json& bob = (*progress)["accounts"][1];
  // An empty account meets goals such as "no idle Elastic IP"; they count for nothing here.
  for (const json& l : bob["lessons"]) {
    EXPECT_FALSE(l["started"].get<bool>()) << l.dump();
    EXPECT_EQ(l["met"], 0) << l.dump();
  }
  EXPECT_EQ(bob["met"], 0);
  const json* alice = Lesson3((*progress)["accounts"][0]);
  ASSERT_NE(alice, nullptr);
  EXPECT_TRUE((*alice)["started"].get<bool>());
}

TEST(LessonProgress, AnAccountThatCannotBeOpenedIsAnError) {
  auto progress = CollectProgress(BuiltCourse(), {kAlice}, [](const std::string&) {
    return Result<std::shared_ptr<Backend>>(MakeError(ErrorCode::kAuthFailure, "unknown account"));
  });
  ASSERT_FALSE(progress.ok());
  EXPECT_EQ(progress.error().code, ErrorCode::kAuthFailure);
}

}  // namespace
}  // namespace ec2sim::lessons
