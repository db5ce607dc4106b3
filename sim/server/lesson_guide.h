// The course as the server shows it (the console's Lessons page): the server knows no lessons
// layer, so whoever starts it (the CLI) hands it one of these. Texts come in "en" or "ko".
#ifndef EC2SIM_SERVER_LESSON_GUIDE_H_
#define EC2SIM_SERVER_LESSON_GUIDE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "ec2sim/backend.h"
#include "ec2sim/result.h"

namespace ec2sim::server {

class LessonGuide {
 public:
  virtual ~LessonGuide() = default;
  // The lessons in order: [{"number", "title", "summary"}].
  virtual nlohmann::json List(std::string_view lang) const = 0;
  // One lesson: {"number", "title", "text" (Markdown), "exercises": [{"id", "title", "task",
  // "region", "goals": [{"id", "title"}]}]}. Error kSimNotFound for an unknown number.
  virtual Result<nlohmann::json> Lesson(int number, std::string_view lang) const = 0;
  // Checks exercise `exercise` of lesson `number` against `account`'s state in `state`, as
  // `ec2sim lesson check --output json` reports it ({"all_met", "goals": [{"id", "title",
  // "status", "hint", ...}], ...}). Only reads. Error kSimNotFound for an unknown lesson or
  // exercise.
  virtual Result<nlohmann::json> Check(int number, std::string_view exercise, std::string_view lang,
                                       Backend& state, const std::string& account) const = 0;
  // `account`'s progress over the whole course in `state`, as `ec2sim lesson progress --output
  // json` reports one account: {"account", "met", "total", "lessons": [{"lesson", "exercise",
  // "started", "met", "total", "goals"}]}. Only reads.
  virtual Result<nlohmann::json> Progress(Backend& state, const std::string& account) const = 0;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_LESSON_GUIDE_H_
