#include "sim/lessons/progress.h"

#include <gtest/gtest.h>

#include "ec2sim/sandbox.h"

namespace ec2sim::lessons {
namespace {

using nlohmann::json;

constexpr const char* kAlice = "111111111111";
constexpr const char* kBob = "222222222222";

const Course& Built() {
  static const Course* course = [] {
    auto c = BuiltInCourse();
    return c.ok() ? *c : nullptr;
  }();
  EXPECT_NE(course, nullptr);
  static const Course kEmpty;
  return course != nullptr ? *course : kEmpty;
}

// Lesson 3's answer, done by hand in one account of a shared sandbox (as on a class server).
void LaunchFirstServer(Sandbox& sandbox, const std::string& account) {
  CallContext ctx{account, "ap-northeast-2"};
  ASSERT_TRUE(sandbox.Call("CreateKeyPair", {{"KeyName", "k"}}, ctx).ok());
  json run = {{"ImageId", "ami-0c9c942bd7bf113a2"},
              {"InstanceType", "t2.micro"},
              {"KeyName", "k"},
              {"MinCount", 1},
              {"MaxCount", 1},
              {"TagSpecifications",
               {{{"ResourceType", "instance"}, {"Tags", {{{"Key", "Name"}, {"Value", "web"}}}}}}}};
  ASSERT_TRUE(sandbox.Call("RunInstances", run, ctx).ok());
}

const json* Lesson3(const json& row) {
  for (const json& l : row["lessons"]) {
    if (l["lesson"] == 3) return &l;
  }
  return nullptr;
}

TEST(LessonProgress, ListsEachAccountsGoalsPerLesson) {
  Sandbox sandbox({.timing = Timing::kInstant});
  LaunchFirstServer(sandbox, kAlice);
  auto progress = CollectProgress(Built(), {kAlice, kBob}, [&](const std::string& account) {
    return Result<std::unique_ptr<StateSource>>(
        std::make_unique<SandboxStateSource>(sandbox, account));
  });
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
  EXPECT_EQ(rows[0]["lessons"].size(), 8u);
}

TEST(LessonProgress, AnAccountThatCannotBeOpenedIsAnError) {
  auto progress = CollectProgress(Built(), {kAlice}, [](const std::string&) {
    return Result<std::unique_ptr<StateSource>>(
        MakeError(ErrorCode::kAuthFailure, "unknown account"));
  });
  ASSERT_FALSE(progress.ok());
  EXPECT_EQ(progress.error().code, ErrorCode::kAuthFailure);
}

}  // namespace
}  // namespace ec2sim::lessons
