// The goal checker: decides which goals of an exercise a learner's state meets.
#ifndef EC2SIM_SIM_LESSONS_CHECKER_H_
#define EC2SIM_SIM_LESSONS_CHECKER_H_

#include <string>
#include <vector>

#include "ec2sim/backend.h"
#include "ec2sim/scenario.h"
#include "sim/lessons/lesson.h"

namespace ec2sim::lessons {

enum class GoalStatus {
  kMet,
  kMissed,
  kWaiting,      // not checked: a goal named in `after` is not met
  kUnavailable,  // a check needs a verb this build or server does not support
};

struct GoalResult {
  const Goal* goal = nullptr;
  GoalStatus status = GoalStatus::kMissed;
  // kMissed: which check failed and why ("check 2 (call DescribeInstances): Reservations...:
  // expected length 1, got length 0: []"), for teachers and --verbose; kUnavailable: the
  // error's message; kWaiting: empty (see waiting_for).
  std::string detail;
  std::vector<std::string> waiting_for;  // kWaiting: the unmet goals it waits for
};

struct ExerciseResult {
  const Exercise* exercise = nullptr;
  std::vector<GoalResult> goals;  // one per goal, in the exercise's order

  bool AllMet() const;
  int MetCount() const;
  bool AnyUnavailable() const;
};

// Checks every goal of `exercise` against `account`'s state on `state` (a Sandbox after the
// learner's scenario ran, or the HTTP client of a running server), in order. Each goal's checks
// run as the steps of a scenario (region: the exercise's; account: `account`) with the
// exercise's vars available as "${name}", stopping at the first failing check. Checks only
// read: they never move the clock or wait. Never fails: a check that cannot run is a missed
// goal (or kUnavailable when the backend answers kSimUnsupported for a verb).
ExerciseResult CheckExercise(const Exercise& exercise, Backend& state, const std::string& account);

// What went wrong in a learner's run before the goals were checked. It is reported before any
// goal, since it is the real cause of the goals it makes miss (a goal's hint about regions is
// beside the point when the launch failed).
struct RunProblems {
  // Empty when every step passed; otherwise the first failed step, its verb and its error:
  // "step 3 (call RunInstances): MissingParameter: The request must contain the parameter
  // ImageId". The goals are still checked against the state where the scenario stopped.
  std::string stopped;
  // Instances still changing state where the run ended, "i-0abc (web) in ap-northeast-2:
  // pending": with realistic timing a launch or start takes simulated seconds, and a goal that
  // wants a running server misses until the scenario waits for it.
  std::vector<std::string> unsettled;

  bool empty() const { return stopped.empty() && unsettled.empty(); }
};

// A learner's scenario file, run and then checked.
struct AnswerResult {
  RunProblems run;
  ExerciseResult result;
};

// Runs `answer` in a fresh Sandbox built from its own options, then checks `exercise` against
// that Sandbox's end state in the scenario's account.

// The instances of `account` in any region that are pending, stopping or shutting-down, as
// RunProblems::unsettled lists them.
std::vector<std::string> UnsettledInstances(Backend& state, const std::string& account);
AnswerResult CheckScenarioAnswer(const Exercise& exercise, const Scenario& answer);

}  // namespace ec2sim::lessons

#endif  // EC2SIM_SIM_LESSONS_CHECKER_H_
