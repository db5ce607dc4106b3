#include "sim/lessons/progress.h"

#include "sim/lessons/checker.h"
#include "sim/lessons/feedback.h"

namespace ec2sim::lessons {

Result<nlohmann::json> CollectProgress(const Course& course,
                                       const std::vector<std::string>& accounts,
                                       const BackendOpener& open) {
  nlohmann::json rows = nlohmann::json::array();
  for (const std::string& account : accounts) {
    EC2SIM_ASSIGN_OR_RETURN(std::shared_ptr<Backend> backend, open(account));
    nlohmann::json lessons = nlohmann::json::array();
    int met = 0;
    int total = 0;
    for (const Lesson& lesson : course.lessons) {
      for (const Exercise& ex : lesson.exercises) {
        ExerciseResult result = CheckExercise(ex, *backend, account);
        nlohmann::json goals = nlohmann::json::object();
        for (const GoalResult& g : result.goals) goals[g.goal->id] = GoalStatusName(g.status);
        met += result.MetCount();
        total += static_cast<int>(result.goals.size());
        lessons.push_back({{"lesson", lesson.number},
                           {"exercise", ex.id},
                           {"met", result.MetCount()},
                           {"total", result.goals.size()},
                           {"goals", std::move(goals)}});
      }
    }
    rows.push_back(
        {{"account", account}, {"met", met}, {"total", total}, {"lessons", std::move(lessons)}});
  }
  return nlohmann::json{{"accounts", std::move(rows)}};
}

}  // namespace ec2sim::lessons
