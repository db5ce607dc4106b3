// The course in order: every exercise can be done from the starter file `lesson start N`
// prints, with what its lesson and the ones before it teach, under the same settings as its
// reference solution; the feedback names a run's real problem before any goal's hint.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ec2sim/sandbox.h"
#include "ec2sim/scenario.h"
#include "sim/lessons/checker.h"
#include "sim/lessons/feedback.h"
#include "sim/lessons/scenario_text.h"
#include "sim/lessons/views.h"
#include "tests/lessons/lesson_fixtures.h"

namespace ec2sim::lessons {
namespace {

using nlohmann::json;

struct ExerciseCase {
  const Lesson* lesson;
  const Exercise* exercise;
};

std::vector<ExerciseCase> Exercises() {
  std::vector<ExerciseCase> out;
  for (const Lesson& lesson : fixtures::BuiltCourse().lessons) {
    for (const Exercise& ex : lesson.exercises) out.push_back({&lesson, &ex});
  }
  return out;
}

// The steps of a scenario document that do something (notes left out).
json ActingSteps(const json& doc) {
  json out = json::array();
  for (const json& step : doc["steps"]) {
    if (!(step.is_object() && step.size() == 1 && step.contains("note"))) out.push_back(step);
  }
  return out;
}

// The starter as `lesson start` prints it, its acting steps followed by the reference
// solution's remaining ones: what a learner who starts from the starter ends up writing.
json FilledStarter(const ExerciseCase& c, Lang lang) {
  json starter = json::parse(StarterScenario(*c.lesson, *c.exercise, lang));
  json solution = json::parse(*c.lesson->File(c.exercise->solution));
  json given = ActingSteps(starter);
  json all = ActingSteps(solution);
  EXPECT_LE(given.size(), all.size());
  json steps = given;
  for (size_t i = 0; i < all.size(); ++i) {
    if (i < given.size()) {
      EXPECT_EQ(given[i], all[i]) << "lesson " << c.lesson->number << ": the starter's step "
                                  << i + 1 << " is not where the solution goes";
      continue;
    }
    steps.push_back(all[i]);
  }
  starter["steps"] = steps;
  return starter;
}

TEST(CourseInOrder, EveryStarterRunsAndCarriesItsSolutionsSettings) {
  for (const ExerciseCase& c : Exercises()) {
    json solution = json::parse(*c.lesson->File(c.exercise->solution));
    for (Lang lang : {Lang::kEn, Lang::kKo}) {
      std::string text = StarterScenario(*c.lesson, *c.exercise, lang);
      json starter = json::parse(text);
      for (std::string_view key : kScenarioSettings) {
        EXPECT_EQ(starter.value(std::string(key), json()), solution.value(std::string(key), json()))
            << "lesson " << c.lesson->number << ": \"" << key << "\"";
      }
      auto parsed = ParseScenario(text, "starter.json");
      ASSERT_TRUE(parsed.ok()) << parsed.error().message;
      AnswerResult run = CheckScenarioAnswer(*c.exercise, *parsed);
      EXPECT_TRUE(run.run.empty()) << "lesson " << c.lesson->number << ": " << run.run.stopped;
    }
  }
}

TEST(CourseInOrder, EveryStarterFilledInByTheSolutionMeetsEveryGoal) {
  for (const ExerciseCase& c : Exercises()) {
    for (Lang lang : {Lang::kEn, Lang::kKo}) {
      auto answer = ParseScenario(FilledStarter(c, lang).dump(), "answer.json");
      ASSERT_TRUE(answer.ok()) << answer.error().message;
      AnswerResult checked = CheckScenarioAnswer(*c.exercise, *answer);
      EXPECT_TRUE(checked.run.empty())
          << "lesson " << c.lesson->number << ": " << checked.run.stopped;
      for (const GoalResult& g : checked.result.goals) {
        EXPECT_EQ(g.status, GoalStatus::kMet)
            << "lesson " << c.lesson->number << " goal " << g.goal->id << ": " << g.detail;
      }
    }
  }
}

// Lessons 1 and 2 come before lesson 3 teaches launching: their starters launch for them.
TEST(CourseInOrder, LessonsBeforeTheLaunchLessonGetTheLaunchInTheirStarter) {
  for (int number : {1, 2}) {
    const Lesson& lesson = *FindLesson(fixtures::BuiltCourse(), number);
    std::string starter = StarterScenario(lesson, lesson.exercises[0], Lang::kKo);
    EXPECT_NE(starter.find("\"call\": \"RunInstances\""), std::string::npos) << number;
    EXPECT_NE(starter.find("ami-0c9c942bd7bf113a2"), std::string::npos) << number;
  }
  const Lesson& two = *FindLesson(fixtures::BuiltCourse(), 2);
  for (Lang lang : {Lang::kEn, Lang::kKo}) {
    std::string text = two.text.In(lang);
    EXPECT_NE(text.find("DescribeImages"), std::string::npos);
    EXPECT_NE(text.find("\"Owners\": [\"amazon\"]"), std::string::npos);
    EXPECT_NE(text.find("\"Name\": \"name\""), std::string::npos);
  }
}

// Every literal image id a lesson file launches is one the simulator's catalog has in that
// region, as a real account would need (AWS answers InvalidAMIID.NotFound otherwise).
TEST(CourseInOrder, EveryImageIdInTheCourseExistsInItsRegion) {
  namespace fs = std::filesystem;
  Sandbox sandbox;
  int launches = 0;
  for (const auto& dir : fs::directory_iterator(std::string(EC2SIM_SOURCE_DIR) + "/lessons")) {
    if (!dir.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(dir.path())) {
      if (file.path().extension() != ".json" || file.path().filename() == "exercises.json") {
        continue;
      }
      std::ifstream in(file.path());
      json doc = json::parse(in);
      for (const json& step : doc["steps"]) {
        if (step.value("call", "") != "RunInstances") continue;
        std::string image = step["with"].value("ImageId", "");
        if (image.rfind("ami-", 0) != 0) continue;  // a saved "${name}"
        std::string region = step.value("region", doc.value("region", "us-east-1"));
        auto found =
            sandbox.Call("DescribeImages", {{"ImageIds", {image}}}, {"123456789012", region});
        EXPECT_TRUE(found.ok()) << file.path() << ": " << image << " in " << region;
        ++launches;
      }
    }
  }
  EXPECT_GT(launches, 30);
}

TEST(CourseInOrder, KoreanSaysReleaseAsTheConsoleDoes) {
  for (const Lesson& lesson : fixtures::BuiltCourse().lessons) {
    std::string texts = lesson.text.ko + lesson.summary.ko;
    for (const Exercise& ex : lesson.exercises) {
      texts += ex.task.ko;
      for (const Goal& g : ex.goals) texts += g.title.ko + g.hint.ko;
    }
    // 해제 only in 연결 해제 (disassociate); releasing an address is 릴리스.
    for (size_t at = texts.find("해제"); at != std::string::npos; at = texts.find("해제", at + 1)) {
      EXPECT_GE(at, 7u);
      EXPECT_EQ(texts.substr(at - 7, 7), "연결 ")
          << lesson.slug << ": ..." << texts.substr(at < 60 ? 0 : at - 60, 90);
    }
  }
  EXPECT_NE(FindLesson(fixtures::BuiltCourse(), 5)->text.ko.find("릴리스"), std::string::npos);
}

TEST(CourseInOrder, SolutionNotesAndTitlesAreShownInTheLearnersLanguage) {
  for (const ExerciseCase& c : Exercises()) {
    const std::string& file = *c.lesson->File(c.exercise->solution);
    for (Lang lang : {Lang::kEn, Lang::kKo}) {
      std::string shown = LocalizedScenario(file, lang);
      auto parsed = ParseScenario(shown, "solution.json");
      ASSERT_TRUE(parsed.ok()) << parsed.error().message;
      json doc = json::parse(shown);
      EXPECT_TRUE(doc["title"].is_string()) << c.lesson->slug;
      for (const json& step : doc["steps"]) {
        if (step.contains("note")) {
          EXPECT_TRUE(step["note"].is_string()) << c.lesson->slug;
        }
      }
    }
    auto original = ParseScenario(file, "solution.json");
    ASSERT_TRUE(original.ok());
    for (const ScenarioStep& step : original->steps) {
      if (step.verb == StepVerb::kNote || !step.note.empty()) {
        EXPECT_FALSE(step.note_ko.empty()) << c.lesson->slug << " step " << step.index;
      }
    }
  }
  std::string ko =
      LocalizedScenario(*FindLesson(fixtures::BuiltCourse(), 5)->File("solution.json"), Lang::kKo);
  EXPECT_NE(ko.find("\"note\": \"프로젝트가 일주일 동안 운영됩니다.\""), std::string::npos) << ko;
  EXPECT_NE(ko.find("\"title\": \"참고 답안:"), std::string::npos);
}

// --- The real cause first ---

AnswerResult CheckLesson2(const std::string& steps, const std::string& timing) {
  const Lesson& two = *FindLesson(fixtures::BuiltCourse(), 2);
  auto answer = ParseScenario(R"({"format": 1, "name": "answer", "region": "ap-northeast-2",
    "timing": ")" + timing + R"(", "steps": )" +
                                  steps + "}",
                              "answer.json");
  EXPECT_TRUE(answer.ok()) << answer.error().message;
  return CheckScenarioAnswer(two.exercises[0], *answer);
}

constexpr char kLaunchWeb[] = R"({"call": "RunInstances", "with": {"ImageId":
  "ami-0c9c942bd7bf113a2", "InstanceType": "t2.micro", "MinCount": 1, "MaxCount": 1,
  "TagSpecifications": [{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "web"}]}]},
  "save": {"web": "Instances[0].InstanceId"}})";

// The first place `needle` appears in the feedback, which must be before the first hint.
void ExpectBeforeAnyHint(const std::string& text, const std::string& needle,
                         std::string_view hint) {
  size_t at = text.find(needle);
  ASSERT_NE(at, std::string::npos) << text;
  size_t first_hint = text.find(hint);
  ASSERT_NE(first_hint, std::string::npos) << text;
  EXPECT_LT(at, first_hint) << text;
}

TEST(CourseFeedback, AFailedCallIsReportedFirstWithItsStepAndError) {
  AnswerResult r = CheckLesson2(R"([{"note": "first try"},
    {"call": "RunInstances", "with": {"InstanceType": "t2.micro", "MinCount": 1, "MaxCount": 1}}])",
                                "instant");
  EXPECT_EQ(r.run.stopped.rfind("step 2 (call RunInstances): MissingParameter: ", 0), 0u)
      << r.run.stopped;
  const Lesson& two = *FindLesson(fixtures::BuiltCourse(), 2);
  std::string en = FormatFeedback(two, r.result, r.run, {Lang::kEn, 100, false});
  ExpectBeforeAnyHint(en, "stopped early, at step 2 (call RunInstances): MissingParameter",
                      "Hint: ");
  ExpectBeforeAnyHint(en, "Fix this first", "Hint: ");
  std::string ko = FormatFeedback(two, r.result, r.run, {Lang::kKo, 100, false});
  ExpectBeforeAnyHint(ko, "step 2 (call RunInstances): MissingParameter", "힌트: ");
  json j = FeedbackJson(two, r.result, r.run, Lang::kEn);
  EXPECT_EQ(j["stopped"], r.run.stopped);
}

TEST(CourseFeedback, APendingInstanceIsReportedFirstNotAsTheWrongRegion) {
  // The right region, but realistic timing and no wait: web is still pending at the end.
  AnswerResult r = CheckLesson2(std::string("[") + kLaunchWeb + "]", "realistic");
  EXPECT_EQ(r.run.stopped, "");
  ASSERT_EQ(r.run.unsettled.size(), 1u);
  EXPECT_NE(r.run.unsettled[0].find(" (web) in ap-northeast-2: pending"), std::string::npos)
      << r.run.unsettled[0];
  const Lesson& two = *FindLesson(fixtures::BuiltCourse(), 2);
  std::string en = FormatFeedback(two, r.result, r.run, {Lang::kEn, 400, false});
  ExpectBeforeAnyHint(en, "still changing state: i-", "Hint: ");
  ExpectBeforeAnyHint(en, "(web) in ap-northeast-2: pending", "Hint: ");
  std::string ko = FormatFeedback(two, r.result, r.run, {Lang::kKo, 100, false});
  ExpectBeforeAnyHint(ko, "아직 상태가 바뀌는 중인 인스턴스", "힌트: ");
  EXPECT_EQ(FeedbackJson(two, r.result, r.run, Lang::kEn)["unsettled"][0], r.run.unsettled[0]);
}

TEST(CourseFeedback, SavingFromAPendingInstanceNamesTheStepAndThePendingInstance) {
  // A pending instance has no public address yet: the save fails, and the cause is shown.
  AnswerResult r = CheckLesson2(std::string("[") + kLaunchWeb + R"(,
    {"call": "DescribeInstances", "with": {"InstanceIds": ["${web}"]},
     "save": {"ip": "Reservations[0].Instances[0].PublicIpAddress"}}])",
                                "realistic");
  EXPECT_EQ(r.run.stopped.rfind("step 2 (call DescribeInstances): cannot save \"ip\"", 0), 0u)
      << r.run.stopped;
  ASSERT_EQ(r.run.unsettled.size(), 1u);
  EXPECT_NE(r.run.unsettled[0].find("pending"), std::string::npos);
}

TEST(CourseFeedback, AWaitThatTimesOutIsReportedFirst) {
  AnswerResult r = CheckLesson2(std::string("[") + kLaunchWeb + R"(,
    {"wait": {"instance": "${web}", "state": "running", "timeout": "1s"}}])",
                                "realistic");
  EXPECT_EQ(r.run.stopped.rfind("step 2 (wait ", 0), 0u) << r.run.stopped;
}

TEST(CourseFeedback, AnAnswerThatWaitsHasNoRunProblems) {
  AnswerResult r = CheckLesson2(std::string("[") + kLaunchWeb + R"(,
    {"wait": {"instance": "${web}", "state": "running"}}])",
                                "realistic");
  EXPECT_TRUE(r.run.empty()) << r.run.stopped;
}

TEST(CourseFeedback, LessonListSaysWhatALessonNeedsInPlainWords) {
  std::string ko = FormatLessonList(fixtures::BuiltCourse(), Lang::kKo, 100);
  std::string en = FormatLessonList(fixtures::BuiltCourse(), Lang::kEn, 100);
  EXPECT_NE(ko.find("시뮬레이터의 요금 계산(bill)을 씁니다."), std::string::npos) << ko;
  EXPECT_NE(en.find("Uses the simulator's billing (bill)."), std::string::npos) << en;
  EXPECT_EQ(ko.find("필요한 기능"), std::string::npos);
  EXPECT_EQ(en.find("needs:"), std::string::npos);
  EXPECT_EQ(en.find("Needs:"), std::string::npos);
}

}  // namespace
}  // namespace ec2sim::lessons
