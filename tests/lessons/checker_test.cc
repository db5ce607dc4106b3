#include "sim/lessons/checker.h"

#include <gtest/gtest.h>

#include "ec2sim/sandbox.h"

namespace ec2sim::lessons {
namespace {

using nlohmann::json;

constexpr const char* kAccount = "123456789012";
constexpr const char* kSeoul = "ap-northeast-2";

// An exercise built from goals written inline.
Lesson LessonWithGoals(const std::vector<json>& goals, const json& vars = json::object()) {
  json j = {{"format", 1},
            {"title", {{"en", "T"}, {"ko", "T"}}},
            {"summary", {{"en", "S"}, {"ko", "S"}}},
            {"exercises",
             {{{"id", "ex"},
               {"title", {{"en", "E"}, {"ko", "E"}}},
               {"task", {{"en", "E"}, {"ko", "E"}}},
               {"region", kSeoul},
               {"vars", vars},
               {"solution", "solution.json"},
               {"goals", goals},
               {"wrong", json::array()}}}}};
  auto lesson = ParseLesson("01-test", j.dump(), "test");
  EXPECT_TRUE(lesson.ok()) << lesson.error().message;
  return lesson.ok() ? std::move(*lesson) : Lesson{};
}

json GoalJson(const std::string& id, const std::vector<json>& checks,
              const std::vector<std::string>& after = {}) {
  return {{"id", id},
          {"title", {{"en", id}, {"ko", id}}},
          {"hint", {{"en", "hint " + id}, {"ko", "힌트"}}},
          {"after", after},
          {"checks", checks}};
}

json CountInstances(int n) {
  return {{"call", "DescribeInstances"},
          {"with", json::object()},
          {"expect", {{"Reservations[*].Instances[*]", {{"len", n}}}}}};
}

// The region's Amazon Linux 2023 image, found as a learner would (image ids are regional).
std::string ImageIn(Sandbox& sandbox, const std::string& region) {
  json params = {{"Owners", {"amazon"}},
                 {"Filters", json::array({{{"Name", "name"}, {"Values", {"al2023-ami-*"}}}})}};
  auto r = sandbox.Call("DescribeImages", params, CallContext{kAccount, region});
  if (!r.ok() || r->value("Images", json::array()).empty()) return "ami-missing";
  return (*r)["Images"][0].value("ImageId", "");
}

void Launch(Sandbox& sandbox, const std::string& region, const std::string& name) {
  json params = {
      {"ImageId", ImageIn(sandbox, region)},
      {"MinCount", 1},
      {"MaxCount", 1},
      {"TagSpecifications",
       {{{"ResourceType", "instance"}, {"Tags", {{{"Key", "Name"}, {"Value", name}}}}}}}};
  auto r = sandbox.Call("RunInstances", params, CallContext{kAccount, region});
  ASSERT_TRUE(r.ok()) << r.error().message;
}

TEST(GoalChecker, AGoalIsMetWhenEveryCheckPassesAgainstTheState) {
  Lesson lesson =
      LessonWithGoals({GoalJson("one", {CountInstances(1)}), GoalJson("two", {CountInstances(2)})});
  Sandbox sandbox({.timing = Timing::kInstant});
  Launch(sandbox, kSeoul, "web");
  ExerciseResult r = CheckExercise(lesson.exercises[0], sandbox, kAccount);
  ASSERT_EQ(r.goals.size(), 2u);
  EXPECT_EQ(r.goals[0].status, GoalStatus::kMet);
  EXPECT_EQ(r.goals[1].status, GoalStatus::kMissed);
  EXPECT_NE(
      r.goals[1].detail.find("check 1 (call DescribeInstances): Reservations[*].Instances[*]: "
                             "expected length 2, got length 1"),
      std::string::npos)
      << r.goals[1].detail;
  EXPECT_FALSE(r.AllMet());
  EXPECT_EQ(r.MetCount(), 1);
}

TEST(GoalChecker, ChecksSeeOnlyTheExercisesRegionUnlessTheyNameOne) {
  json in_frankfurt = CountInstances(1);
  in_frankfurt["region"] = "eu-central-1";
  Lesson lesson =
      LessonWithGoals({GoalJson("seoul", {CountInstances(1)}), GoalJson("fra", {in_frankfurt})});
  Sandbox sandbox({.timing = Timing::kInstant});
  Launch(sandbox, "eu-central-1", "web");
  ExerciseResult r = CheckExercise(lesson.exercises[0], sandbox, kAccount);
  EXPECT_EQ(r.goals[0].status, GoalStatus::kMissed);
  EXPECT_EQ(r.goals[1].status, GoalStatus::kMet);
}

TEST(GoalChecker, AllRegionsListsTheResultOfEveryRegionTheAccountMayUse) {
  json anywhere = {{"call", "DescribeInstances"},
                   {"region", "*"},
                   {"with", json::object()},
                   {"expect",
                    {{"[*].Reservations[*].Instances[*]", {{"len", 2}}},
                     {"[?Region==eu-central-1].Reservations[*].Instances[*]", {{"len", 1}}},
                     // the 17 regions a new account may use; opt-in ones answer AuthFailure
                     {"[*]", {{"len", 17}}}}}};
  Lesson lesson = LessonWithGoals({GoalJson("anywhere", {anywhere})});
  Sandbox sandbox({.timing = Timing::kInstant});
  Launch(sandbox, "eu-central-1", "a");
  Launch(sandbox, "sa-east-1", "b");
  ExerciseResult r = CheckExercise(lesson.exercises[0], sandbox, kAccount);
  EXPECT_EQ(r.goals[0].status, GoalStatus::kMet) << r.goals[0].detail;
}

TEST(GoalChecker, AGoalWaitsForTheGoalsItComesAfter) {
  Lesson lesson = LessonWithGoals(
      {GoalJson("exists", {CountInstances(1)}), GoalJson("then", {CountInstances(0)}, {"exists"})});
  Sandbox sandbox({.timing = Timing::kInstant});
  ExerciseResult r = CheckExercise(lesson.exercises[0], sandbox, kAccount);
  EXPECT_EQ(r.goals[0].status, GoalStatus::kMissed);
  EXPECT_EQ(r.goals[1].status, GoalStatus::kWaiting) << "would pass, but must not be checked yet";
  EXPECT_EQ(r.goals[1].waiting_for, std::vector<std::string>{"exists"});
}

TEST(GoalChecker, ExerciseVarsAreSubstitutedWithTheirTypes) {
  json check = {{"call", "DescribeInstances"},
                {"with", {{"Filters", {{{"Name", "tag:Name"}, {"Values", "${names}"}}}}}},
                {"expect",
                 {{"Reservations[*].Instances[*].Tags[0].Value", {"${first}"}},
                  {"Reservations[0].Instances[0].Placement.AvailabilityZone",
                   {{"matches", "${region}[a-d]"}}}}}};
  Lesson lesson = LessonWithGoals({GoalJson("vars", {check})},
                                  {{"names", {"web"}}, {"first", "web"}, {"region", kSeoul}});
  Sandbox sandbox({.timing = Timing::kInstant});
  Launch(sandbox, kSeoul, "web");
  Launch(sandbox, kSeoul, "db");
  ExerciseResult r = CheckExercise(lesson.exercises[0], sandbox, kAccount);
  EXPECT_EQ(r.goals[0].status, GoalStatus::kMet) << r.goals[0].detail;
}

TEST(GoalChecker, SavedValuesFlowBetweenTheChecksOfOneGoal) {
  json find = {{"call", "DescribeInstances"},
               {"with", json::object()},
               {"save", {{"id", "Reservations[0].Instances[0].InstanceId"}}}};
  json use = {{"call", "DescribeInstanceStatus"},
              {"with", {{"InstanceIds", {"${id}"}}}},
              {"expect", {{"InstanceStatuses[0].InstanceId", "${id}"}}}};
  Lesson lesson = LessonWithGoals({GoalJson("chain", {find, use})});
  Sandbox sandbox({.timing = Timing::kInstant});
  Launch(sandbox, kSeoul, "web");
  EXPECT_EQ(CheckExercise(lesson.exercises[0], sandbox, kAccount).goals[0].status,
            GoalStatus::kMet);
}

// Answers every call from a fixed world and has no billing. Checks never touch its clock.
class NoBillingBackend : public Backend {
 public:
  Result<json> Call(std::string_view, const json&, const CallContext& ctx) override {
    EXPECT_EQ(ctx.account, kAccount);
    return json{{"Reservations", json::array()}};
  }
  bool HasAction(std::string_view) const override { return true; }
  Result<json> Probe(const json&, const CallContext&) override { return Unsupported("probe"); }
  Result<json> Bill(const json&, const CallContext&) override { return Unsupported("bill"); }
  Result<json> Latency(const json&, const CallContext&) override { return Unsupported("latency"); }
  Result<SimTime> ReadClock() override {
    ADD_FAILURE() << "a check read the clock";
    return SimTime{0};
  }
  Status AdvanceClock(Duration) override {
    ADD_FAILURE() << "a check moved the clock";
    return OkStatus();
  }
  Result<Duration> WaitForInstanceState(const CallContext&, std::string_view, std::string_view,
                                        Duration) override {
    ADD_FAILURE() << "a check waited";
    return Duration{0};
  }

 private:
  static Error Unsupported(const std::string& verb) {
    return MakeError(ErrorCode::kSimUnsupported, "the " + verb + " verb is not supported yet");
  }
};

TEST(GoalChecker, AVerbTheSourceLacksMakesTheGoalUnavailableNotMissed) {
  json bill = {{"bill", json::object()}, {"expect", {{"Total", {{"exists", true}}}}}};
  Lesson lesson =
      LessonWithGoals({GoalJson("calls", {CountInstances(0)}), GoalJson("bill", {bill})});
  NoBillingBackend backend;
  ExerciseResult r = CheckExercise(lesson.exercises[0], backend, kAccount);
  EXPECT_EQ(r.goals[0].status, GoalStatus::kMet);
  EXPECT_EQ(r.goals[1].status, GoalStatus::kUnavailable);
  EXPECT_EQ(r.goals[1].detail, "the bill verb is not supported yet");
  EXPECT_TRUE(r.AnyUnavailable());
  EXPECT_FALSE(r.AllMet());
}

TEST(GoalChecker, AnAnswerThatStopsEarlyIsCheckedWhereItStopped) {
  Lesson lesson = LessonWithGoals({GoalJson("one", {CountInstances(1)})});
  auto answer = ParseScenario(R"({
    "format": 1, "name": "stops", "region": "ap-northeast-2", "timing": "instant",
    "steps": [
      {"call": "RunInstances", "with": {"ImageId": "ami-0c9c942bd7bf113a2", "MinCount": 1, "MaxCount": 1}},
      {"call": "StopInstances", "with": {"InstanceIds": ["i-0123456789abcdef0"]}},
      {"call": "RunInstances", "with": {"ImageId": "ami-0c9c942bd7bf113a2", "MinCount": 1, "MaxCount": 1}}
    ]})",
                              "answer.json");
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  AnswerResult r = CheckScenarioAnswer(lesson.exercises[0], *answer);
  EXPECT_EQ(r.run.stopped.rfind("step 2 (call StopInstances): InvalidInstanceID.NotFound", 0), 0u)
      << r.run.stopped;
  EXPECT_EQ(r.result.goals[0].status, GoalStatus::kMet) << "the third step never ran";
}

}  // namespace
}  // namespace ec2sim::lessons
