// The admin routes of the course, for the console's Lessons page:
//   GET  /_ec2sim/lessons?lang=L               the lessons
//   GET  /_ec2sim/lessons/N?lang=L             one lesson with its exercises and goals
//   POST /_ec2sim/lessons/N/check?exercise=ID&lang=L   the exercise's goals checked now
//   GET  /_ec2sim/lessons/progress             every lesson's goals met, per account
// on the caller's account (AdminApi settles which account that is, and for progress which
// accounts: a teacher's class).
#ifndef EC2SIM_SERVER_ADMIN_LESSONS_H_
#define EC2SIM_SERVER_ADMIN_LESSONS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ec2sim/result.h"
#include "sim/server/lesson_guide.h"
#include "sim/server/shared_world.h"
#include "sim/wire/query_decoder.h"

namespace ec2sim::server {

// `route` is the path after /_ec2sim/ ("lessons", "lessons/3", "lessons/3/check"). Errors:
// kSimInvalidInput for a language other than en/ko or a malformed lesson number, kSimNotFound
// for an unknown route, lesson or exercise, kMissingParameter for a check without ?exercise=.
Result<nlohmann::json> LessonsRoute(SharedWorld& world, const LessonGuide& guide,
                                    const std::string& route, const wire::QueryParams& query,
                                    const std::string& account);

// The progress of each of `accounts` over the whole course (LessonGuide::Progress), in order:
// {"accounts": [{"account", "met", "total", "lessons"}]}. An account the server has not seen
// yet is checked as an empty account, and not created. Only reads.
Result<nlohmann::json> ProgressRoute(SharedWorld& world, const LessonGuide& guide,
                                     const std::vector<std::string>& accounts);

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_ADMIN_LESSONS_H_
