#include "sim/lessons/progress.h"

#include <map>
#include <set>

#include "ec2sim/sandbox.h"
#include "sim/lessons/checker.h"
#include "sim/lessons/feedback.h"

namespace ec2sim::lessons {
namespace {

// The goals of `ex` that an account with nothing in it meets already (a bill under a limit, no
// forgotten address, ...): meeting only these is no sign the learner began the exercise.
std::set<std::string> GoalsAnEmptyAccountMeets(const Exercise& ex) {
  Sandbox empty(SandboxOptions{.timing = Timing::kInstant});
  ExerciseResult result = CheckExercise(ex, empty, std::string(kDefaultAccount));
  std::set<std::string> met;
  for (const GoalResult& g : result.goals) {
    if (g.status == GoalStatus::kMet) met.insert(g.goal->id);
  }
  return met;
}

}  // namespace

Result<nlohmann::json> CollectProgress(const Course& course,
                                       const std::vector<std::string>& accounts,
                                       const BackendOpener& open) {
  std::map<const Exercise*, std::set<std::string>> vacuous;
  for (const Lesson& lesson : course.lessons) {
    for (const Exercise& ex : lesson.exercises) vacuous[&ex] = GoalsAnEmptyAccountMeets(ex);
  }
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
        bool started = false;
        for (const GoalResult& g : result.goals) {
          goals[g.goal->id] = GoalStatusName(g.status);
          if (g.status == GoalStatus::kMet && vacuous[&ex].count(g.goal->id) == 0) started = true;
        }
        // Goals an empty account meets count only once the learner has begun the exercise.
        int counted = started ? result.MetCount() : 0;
        met += counted;
        total += static_cast<int>(result.goals.size());
        lessons.push_back({{"lesson", lesson.number},
                           {"exercise", ex.id},
                           {"started", started},
                           {"met", counted},
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
