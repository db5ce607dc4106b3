// The course's data: lessons, their exercises, and each exercise's goals as checks on state.
//
// A lesson is a folder "NN-slug/" with en.md and ko.md (the text) and exercises.json (see
// docs/lessons.md for the format). A goal is met when every one of its checks passes against
// the learner's resulting state. A check has the shape of a scenario step limited to the verbs
// that read state (call, probe, bill, latency) and is run by the scenario runner, so checks use
// the scenario format's paths, matchers, `save`, `expect` and `expect_error`.
#ifndef EC2SIM_SIM_LESSONS_LESSON_H_
#define EC2SIM_SIM_LESSONS_LESSON_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/result.h"
#include "ec2sim/scenario.h"

namespace ec2sim::lessons {

enum class Lang { kEn, kKo };

// "en" or "ko".
std::string_view LangCode(Lang lang);
// Parses "en"/"ko". Error kSimInvalidInput naming the choices.
Result<Lang> ParseLang(std::string_view code);

// A text in both course languages.
struct LocalText {
  std::string en;
  std::string ko;
  const std::string& In(Lang lang) const { return lang == Lang::kKo ? ko : en; }
};

// The region value of a check that runs its call in every region of the catalog; the check's
// result is then a list of {"Region": CODE, ...the call's result...}, in catalog order.
inline constexpr std::string_view kAllRegions = "*";

struct Goal {
  std::string id;  // [a-z0-9-]+, unique in the exercise
  LocalText title;
  LocalText hint;                    // points at the concept, not at the answer
  std::vector<std::string> after;    // goals that must be met before this one is checked
  std::vector<ScenarioStep> checks;  // validated; a check's region may be kAllRegions
};

// A plausible mistake kept next to the reference solution: a scenario file whose end state
// must miss exactly the goals in `misses`.
struct WrongAnswer {
  std::string file;
  std::vector<std::string> misses;
};

struct Exercise {
  std::string id;  // [a-z0-9-]+, unique in the lesson
  LocalText title;
  LocalText task;      // what the learner has to reach, in words
  std::string region;  // region of checks that name none
  // Values every goal may use as "${name}" (e.g. the learner's home address in a lesson).
  std::map<std::string, nlohmann::json, std::less<>> vars;
  std::vector<Goal> goals;
  std::string solution;  // file name of the reference solution in the lesson's folder
  // File name of the scenario `lesson start` prints to begin from, when the exercise needs steps
  // that later lessons teach (a launch); empty for the generic one. Either way the starter
  // carries the solution's settings (timing, start, seed, pricing, free_tier).
  std::string starter;
  std::vector<WrongAnswer> wrong;
};

struct Lesson {
  int number = 0;    // from the folder name's "NN-" prefix
  std::string slug;  // the folder name, e.g. "03-launch-your-first-instance"
  LocalText title;
  LocalText summary;               // one or two sentences for `lesson list`
  LocalText text;                  // en.md and ko.md
  std::vector<std::string> needs;  // verbs beyond EC2 calls its checks use ("bill", ...), sorted
  std::vector<Exercise> exercises;
  std::map<std::string, std::string, std::less<>> files;  // other embedded files by name

  const std::string* File(std::string_view name) const;
};

// Parses a lesson folder's exercises.json. `slug` is the folder name ("NN-slug"). `display`
// names the file in messages. Error kSimInvalidInput with one problem per line, each starting
// with `display`, e.g. `03-x/exercises.json: goal "web": check 2: unknown verb "cal"`.
Result<Lesson> ParseLesson(std::string_view slug, std::string_view exercises_json,
                           const std::string& display);

}  // namespace ec2sim::lessons

#endif  // EC2SIM_SIM_LESSONS_LESSON_H_
