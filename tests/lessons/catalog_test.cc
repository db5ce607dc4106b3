#include "sim/lessons/catalog.h"

#include <gtest/gtest.h>

#include "tests/lessons/lesson_fixtures.h"

namespace ec2sim::lessons {
namespace {

TEST(LessonCatalog, HasTenLessonsNumberedOneToTen) {
  const Course& course = fixtures::BuiltCourse();
  ASSERT_EQ(course.lessons.size(), 10u);
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(course.lessons[i].number, i + 1);
    EXPECT_NE(FindLesson(course, i + 1), nullptr);
  }
  EXPECT_EQ(FindLesson(course, 11), nullptr);
}

TEST(LessonCatalog, EveryLessonIsWrittenInBothLanguages) {
  for (const Lesson& lesson : fixtures::BuiltCourse().lessons) {
    SCOPED_TRACE(lesson.slug);
    EXPECT_GT(lesson.text.en.size(), 1500u) << "the English text is missing or very short";
    EXPECT_GT(lesson.text.ko.size(), 1500u) << "the Korean text is missing or very short";
    EXPECT_NE(lesson.text.en, lesson.text.ko);
    // The Korean text is Korean: most of its letters are Hangul (3-byte sequences EA..ED).
    size_t hangul = 0;
    for (size_t i = 0; i + 2 < lesson.text.ko.size(); ++i) {
      auto b = static_cast<unsigned char>(lesson.text.ko[i]);
      if (b >= 0xEA && b <= 0xED) ++hangul;
    }
    EXPECT_GT(hangul, 300u);
    EXPECT_FALSE(lesson.title.ko.empty());
    EXPECT_FALSE(lesson.summary.ko.empty());
    EXPECT_FALSE(lesson.exercises.empty());
  }
}

TEST(LessonCatalog, EveryExerciseHasItsSolutionAndTwoWrongAnswersPerExercise) {
  for (const Lesson& lesson : fixtures::BuiltCourse().lessons) {
    for (const Exercise& ex : lesson.exercises) {
      SCOPED_TRACE(lesson.slug + "/" + ex.id);
      EXPECT_NE(lesson.File(ex.solution), nullptr) << "the solution is compiled in";
      EXPECT_GE(ex.wrong.size(), 2u);
      for (const Goal& goal : ex.goals) {
        EXPECT_FALSE(goal.hint.en.empty());
        EXPECT_FALSE(goal.hint.ko.empty());
      }
    }
  }
}

TEST(LessonCatalog, TheCourseOverviewIsCompiledIn) {
  const std::string& readme = fixtures::BuiltCourse().readme;
  EXPECT_NE(readme.find("ec2sim lesson"), std::string::npos);
  EXPECT_NE(readme.find("레슨"), std::string::npos);
}

TEST(LessonCatalog, UsesAwsKoreanConsoleTerms) {
  std::string all;
  for (const Lesson& lesson : fixtures::BuiltCourse().lessons) all += lesson.text.ko;
  for (const char* term :
       {"인스턴스 시작", "탄력적 IP", "보안 그룹", "인바운드 규칙", "아웃바운드 규칙", "키 페어",
        "프리 티어", "리전", "가용 영역", "네트워크 ACL"}) {
    EXPECT_NE(all.find(term), std::string::npos) << term;
  }
}

TEST(LessonCatalog, ProblemsInAFolderAreReportedNotFatal) {
  CourseFiles files = {{"01-a/exercises.json", "{"},
                       {"02-b/en.md", "text"},  // no exercises.json: not a lesson
                       {"README.md", "x"}};
  auto course = BuildCourse(files, "mine");
  ASSERT_FALSE(course.ok());
  EXPECT_EQ(course.error().message.rfind("mine/01-a/exercises.json: ", 0), 0u)
      << course.error().message;
  auto dir = LoadCourseFromDirectory("/nonexistent/lessons");
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.error().code, ErrorCode::kSimInvalidInput);
}

TEST(LessonCatalog, TheSourceFolderBuildsTheSameCourse) {
  auto from_dir = LoadCourseFromDirectory(std::string(EC2SIM_SOURCE_DIR) + "/lessons");
  ASSERT_TRUE(from_dir.ok()) << from_dir.error().message;
  ASSERT_EQ(from_dir->lessons.size(), fixtures::BuiltCourse().lessons.size());
  for (size_t i = 0; i < from_dir->lessons.size(); ++i) {
    EXPECT_EQ(from_dir->lessons[i].text.ko, fixtures::BuiltCourse().lessons[i].text.ko)
        << "rebuild to embed the edited lessons";
  }
}

}  // namespace
}  // namespace ec2sim::lessons
