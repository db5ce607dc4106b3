#include "sim/lessons/views.h"

#include <gtest/gtest.h>

#include <sstream>

#include "sim/lessons/checker.h"
#include "sim/lessons/feedback.h"
#include "sim/lessons/text_width.h"
#include "tests/lessons/lesson_fixtures.h"

namespace ec2sim::lessons {
namespace {

// The widest line that the renderer wraps; code blocks and table rows are printed as written
// and only need to stay readable on a common terminal.
size_t WidestLine(const std::string& text) {
  size_t widest = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    bool verbatim = line.rfind("    ", 0) == 0 || line.rfind("  |", 0) == 0;
    if (verbatim) {
      EXPECT_LE(DisplayWidth(line), 100u) << line;
      continue;
    }
    widest = std::max(widest, DisplayWidth(line));
  }
  return widest;
}

TEST(LessonViews, ListShowsEveryLessonInTheChosenLanguage) {
  std::string en = FormatLessonList(fixtures::BuiltCourse(), Lang::kEn, 80);
  std::string ko = FormatLessonList(fixtures::BuiltCourse(), Lang::kKo, 80);
  for (const Lesson& lesson : fixtures::BuiltCourse().lessons) {
    EXPECT_NE(en.find(std::to_string(lesson.number) + ". " + lesson.title.en), std::string::npos);
    EXPECT_NE(ko.find(std::to_string(lesson.number) + ". " + lesson.title.ko), std::string::npos);
  }
  EXPECT_LE(WidestLine(ko), 80u);
  auto json = LessonListJson(fixtures::BuiltCourse(), Lang::kKo);
  ASSERT_EQ(json.size(), 10u);
  EXPECT_EQ(json[2]["title"], fixtures::BuiltCourse().lessons[2].title.ko);
}

TEST(LessonViews, ShowWrapsEveryLessonToTheWidthInBothLanguages) {
  for (const Lesson& lesson : fixtures::BuiltCourse().lessons) {
    for (Lang lang : {Lang::kEn, Lang::kKo}) {
      for (size_t width : {50u, 72u}) {
        std::string text = FormatLessonText(lesson, lang, width);
        EXPECT_LE(WidestLine(text), width) << lesson.slug << " " << LangCode(lang);
        EXPECT_EQ(text.find("**"), std::string::npos);
      }
    }
  }
}

TEST(LessonViews, StartShowsTheTaskGoalsAndBothWaysToCheckButNoHints) {
  const Lesson& lesson = *FindLesson(fixtures::BuiltCourse(), 3);
  const Exercise& ex = lesson.exercises[0];
  std::string out = FormatExerciseStart(lesson, ex, Lang::kEn, 80, "http://127.0.0.1:4566");
  for (const Goal& g : ex.goals) {
    EXPECT_NE(out.find(g.title.en), std::string::npos) << g.id;
    EXPECT_EQ(out.find(g.hint.en.substr(0, 30)), std::string::npos) << "hints come after a check";
  }
  EXPECT_NE(out.find("ec2sim lesson check 3 answer.json"), std::string::npos);
  EXPECT_NE(out.find("ec2sim serve"), std::string::npos);
  EXPECT_NE(out.find("aws configure set region ap-northeast-2"), std::string::npos);
  EXPECT_NE(out.find("--endpoint-url http://127.0.0.1:4566 ec2"), std::string::npos);
  EXPECT_NE(out.find("--endpoint http://127.0.0.1:4566 --access-key AKIDLEARNER1"),
            std::string::npos);
  EXPECT_EQ(out.find("--clock manual"), std::string::npos) << "lesson 3 needs no time to pass";
  const Lesson& five = *FindLesson(fixtures::BuiltCourse(), 5);
  std::string billed = FormatExerciseStart(five, five.exercises[0], Lang::kKo, 80, "http://h:1");
  EXPECT_NE(billed.find("ec2sim serve --clock manual"), std::string::npos);
  EXPECT_NE(billed.find("curl -XPOST http://h:1/_ec2sim/clock"), std::string::npos);
}

TEST(LessonViews, StartOnAClassroomServerSignsWithTheLearnersOwnProfileAndClock) {
  const Lesson& five = *FindLesson(fixtures::BuiltCourse(), 5);
  for (Lang lang : {Lang::kEn, Lang::kKo}) {
    std::string out = FormatExerciseStart(five, five.exercises[0], lang, 80, "http://h:1",
                                          /*classroom=*/true);
    EXPECT_NE(out.find("aws_access_key_id YOUR_ACCESS_KEY_ID --profile ec2sim"), std::string::npos);
    EXPECT_NE(out.find("aws_secret_access_key YOUR_SECRET_ACCESS_KEY --profile ec2sim"),
              std::string::npos);
    EXPECT_NE(out.find("ec2sim clock advance 1d --endpoint http://h:1 --profile ec2sim"),
              std::string::npos);
    EXPECT_NE(out.find("ec2sim lesson check 5 --endpoint http://h:1 --profile ec2sim"),
              std::string::npos);
    EXPECT_EQ(out.find("curl"), std::string::npos) << "never an unsigned request";
    EXPECT_EQ(out.find("aws_secret_access_key anything"), std::string::npos) << "no made-up secret";
    EXPECT_EQ(out.find("AKIDLEARNER1"), std::string::npos);
    EXPECT_EQ(out.find("ec2sim serve"), std::string::npos) << "the teacher runs the server";
  }
  const Lesson& three = *FindLesson(fixtures::BuiltCourse(), 3);
  std::string untimed = FormatExerciseStart(three, three.exercises[0], Lang::kEn, 80, "http://h:1",
                                            /*classroom=*/true);
  EXPECT_EQ(untimed.find("ec2sim clock"), std::string::npos) << "lesson 3 needs no time to pass";
}

TEST(LessonViews, TheStarterScenarioIsAValidScenarioInTheExercisesRegion) {
  for (const Lesson& lesson : fixtures::BuiltCourse().lessons) {
    for (const Exercise& ex : lesson.exercises) {
      auto parsed = ParseScenario(StarterScenario(lesson, ex, Lang::kKo), "starter.json");
      ASSERT_TRUE(parsed.ok()) << parsed.error().message;
      EXPECT_EQ(parsed->region, ex.region);
    }
  }
}

TEST(LessonViews, FeedbackNamesEachGoalAndGivesHintsOnlyForMissedOnes) {
  const Lesson& lesson = *FindLesson(fixtures::BuiltCourse(), 3);
  const Exercise& ex = lesson.exercises[0];
  ExerciseResult r;
  r.exercise = &ex;
  for (size_t i = 0; i < ex.goals.size(); ++i) {
    GoalResult g;
    g.goal = &ex.goals[i];
    g.status = i == 0 ? GoalStatus::kMet : GoalStatus::kMissed;
    g.detail = "check 1: why";
    r.goals.push_back(g);
  }
  std::string en = FormatFeedback(lesson, r, RunProblems{}, {Lang::kEn, 100, false});
  EXPECT_NE(en.find("[met]    " + ex.goals[0].title.en), std::string::npos) << en;
  EXPECT_EQ(en.find(ex.goals[0].hint.en.substr(0, 30)), std::string::npos);
  EXPECT_NE(en.find("[missed] " + ex.goals[1].title.en), std::string::npos) << en;
  EXPECT_NE(en.find("Hint: "), std::string::npos);
  EXPECT_EQ(en.find("check 1: why"), std::string::npos) << "details only when verbose";
  EXPECT_NE(FormatFeedback(lesson, r, RunProblems{}, {Lang::kEn, 100, true}).find("check 1: why"),
            std::string::npos);
  std::string ko =
      FormatFeedback(lesson, r, RunProblems{"step 2: oops", {}}, {Lang::kKo, 60, false});
  EXPECT_NE(ko.find("[달성]"), std::string::npos);
  EXPECT_NE(ko.find("[미달성]"), std::string::npos);
  EXPECT_NE(ko.find("힌트: "), std::string::npos);
  EXPECT_NE(ko.find("step 2: oops"), std::string::npos);
  EXPECT_LE(WidestLine(ko), 60u) << ko;
  auto json = FeedbackJson(lesson, r, RunProblems{}, Lang::kEn);
  EXPECT_EQ(json["met"], 1);
  EXPECT_EQ(json["goals"][1]["status"], "missed");
  EXPECT_EQ(json["goals"][1]["hint"], ex.goals[1].hint.en);
  EXPECT_FALSE(json["goals"][0].contains("hint"));
}

}  // namespace
}  // namespace ec2sim::lessons
