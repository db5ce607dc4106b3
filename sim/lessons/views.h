// The pages `ec2sim lesson list|show|start` print, laid out for a terminal.
#ifndef EC2SIM_SIM_LESSONS_VIEWS_H_
#define EC2SIM_SIM_LESSONS_VIEWS_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "sim/lessons/catalog.h"
#include "sim/lessons/lesson.h"

namespace ec2sim::lessons {

// One row per lesson: number, title and, when its checks need them, the verbs beyond EC2 calls.
// Columns are aligned by display width, titles wrapped to `width`.
std::string FormatLessonList(const Course& course, Lang lang, std::size_t width);

// [{"lesson": N, "slug", "title", "summary", "exercises": [ID...], "needs": [...]}].
nlohmann::json LessonListJson(const Course& course, Lang lang);

// The lesson's text in `lang`, rendered for the terminal.
std::string FormatLessonText(const Lesson& lesson, Lang lang, std::size_t width);

// What `lesson start` prints after the text for one exercise: the task, the goals (titles only,
// never hints or checks), a starter scenario file, and how to check an answer both ways (a
// scenario file; the AWS CLI against `ec2sim serve` at `endpoint`). With `classroom` (the
// server at `endpoint` runs with --users), the second way uses the learner's own signed profile
// (placeholders for the key and secret) and their own clock, never an unsigned request.
std::string FormatExerciseStart(const Lesson& lesson, const Exercise& exercise, Lang lang,
                                std::size_t width, const std::string& endpoint,
                                bool classroom = false);

// A scenario file to start an answer from: format, name, the exercise's region and one note (in
// `lang`).
std::string StarterScenario(const Lesson& lesson, const Exercise& exercise, Lang lang);

}  // namespace ec2sim::lessons

#endif  // EC2SIM_SIM_LESSONS_VIEWS_H_
