#include "sim/cli/serve_lessons.h"

#include <iostream>
#include <string>

#include "sim/lessons/catalog.h"
#include "sim/lessons/checker.h"
#include "sim/lessons/feedback.h"
#include "sim/lessons/progress.h"
#include "sim/lessons/views.h"

namespace ec2sim::cli {
namespace {

using nlohmann::json;

lessons::Lang LangOf(std::string_view code) {
  return code == "ko" ? lessons::Lang::kKo : lessons::Lang::kEn;
}

class CourseGuide : public server::LessonGuide {
 public:
  explicit CourseGuide(const lessons::Course* course) : course_(course) {}

  json List(std::string_view lang) const override {
    return lessons::LessonListJson(*course_, LangOf(lang));
  }

  Result<json> Lesson(int number, std::string_view lang_code) const override {
    EC2SIM_ASSIGN_OR_RETURN(const lessons::Lesson* lesson, Find(number));
    lessons::Lang lang = LangOf(lang_code);
    json exercises = json::array();
    for (const lessons::Exercise& e : lesson->exercises) {
      json goals = json::array();
      for (const lessons::Goal& g : e.goals)
        goals.push_back({{"id", g.id}, {"title", g.title.In(lang)}});
      exercises.push_back({{"id", e.id},
                           {"title", e.title.In(lang)},
                           {"task", e.task.In(lang)},
                           {"region", e.region},
                           {"goals", goals}});
    }
    return json{{"number", lesson->number},
                {"title", lesson->title.In(lang)},
                {"summary", lesson->summary.In(lang)},
                {"text", lesson->text.In(lang)},
                {"exercises", exercises}};
  }

  Result<json> Check(int number, std::string_view exercise_id, std::string_view lang_code,
                     Backend& state, const std::string& account) const override {
    EC2SIM_ASSIGN_OR_RETURN(const lessons::Lesson* lesson, Find(number));
    for (const lessons::Exercise& e : lesson->exercises) {
      if (e.id != exercise_id) continue;
      lessons::ExerciseResult result = lessons::CheckExercise(e, state, account);
      lessons::RunProblems run;
      run.unsettled = lessons::UnsettledInstances(state, account);
      return lessons::FeedbackJson(*lesson, result, run, LangOf(lang_code));
    }
    return MakeError(ErrorCode::kSimNotFound, "Lesson " + std::to_string(number) +
                                                  " has no exercise '" +
                                                  std::string(exercise_id.substr(0, 64)) + "'");
  }

  Result<json> Progress(Backend& state, const std::string& account) const override {
    // The state is borrowed for the call: the opener hands it out without owning it.
    auto borrow = [&state](const std::string&) -> Result<std::shared_ptr<Backend>> {
      return std::shared_ptr<Backend>(&state, [](Backend*) {});
    };
    EC2SIM_ASSIGN_OR_RETURN(json all, lessons::CollectProgress(*course_, {account}, borrow));
    return all["accounts"][0];
  }

 private:
  Result<const lessons::Lesson*> Find(int number) const {
    const lessons::Lesson* lesson = lessons::FindLesson(*course_, number);
    if (lesson == nullptr) {
      return MakeError(ErrorCode::kSimNotFound, "No lesson " + std::to_string(number));
    }
    return lesson;
  }

  const lessons::Course* course_;
};

}  // namespace

std::shared_ptr<const server::LessonGuide> BuiltInLessonGuide() {
  Result<const lessons::Course*> course = lessons::BuiltInCourse();
  if (!course.ok()) {
    std::cerr << "ec2sim serve: the built-in course does not load: " << course.error().message
              << "\n";
    return nullptr;
  }
  return std::make_shared<CourseGuide>(*course);
}

}  // namespace ec2sim::cli
