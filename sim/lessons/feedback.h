// What the learner reads after a check, in English or Korean, and its JSON form.
#ifndef EC2SIM_SIM_LESSONS_FEEDBACK_H_
#define EC2SIM_SIM_LESSONS_FEEDBACK_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "sim/lessons/checker.h"
#include "sim/lessons/lesson.h"

namespace ec2sim::lessons {

struct FeedbackOptions {
  Lang lang = Lang::kEn;
  std::size_t width = 80;  // terminal columns
  bool verbose = false;    // also show which check failed, for teachers
};

// One line per goal, "[met]" or "[missed]" (in the chosen language) and its title; a missed
// goal's hint under it; a waiting goal names the goals it waits for; an unavailable one says
// why. Starts with the lesson and exercise title, then the run's problems when there are any
// (the step where the scenario stopped and its error; instances still pending or stopping),
// before any goal, since they are the real cause; ends with "N of M goals met." and what to do
// next.
std::string FormatFeedback(const Lesson& lesson, const ExerciseResult& result,
                           const RunProblems& run, const FeedbackOptions& options);

// {"lesson": N, "exercise": ID, "all_met": B, "met": N, "total": N, "stopped": S,
//  "unsettled": [S...], "goals": [{"id", "title", "status": "met"|"missed"|"waiting"|
//  "unavailable", "hint", "detail", "waiting_for"}]} with texts in `lang`; "stopped" and
//  "unsettled" only when there are such problems.
nlohmann::json FeedbackJson(const Lesson& lesson, const ExerciseResult& result,
                            const RunProblems& run, Lang lang);

// "met", "missed", "waiting" or "unavailable".
std::string_view GoalStatusName(GoalStatus status);

// The course's few fixed phrases ("Lesson", "Exercise", "Hint", ...) in `lang`.
std::string_view Phrase(std::string_view key, Lang lang);

}  // namespace ec2sim::lessons

#endif  // EC2SIM_SIM_LESSONS_FEEDBACK_H_
