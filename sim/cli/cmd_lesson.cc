// `ec2sim lesson list|show|start|check|progress|solution`: the self-paced course.
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ec2sim/scenario.h"
#include "sim/cli/commands.h"
#include "sim/cli/lang.h"
#include "sim/cli/remote.h"
#include "sim/client/connector.h"
#include "sim/engine/terminal_text.h"
#include "sim/lessons/catalog.h"
#include "sim/lessons/checker.h"
#include "sim/lessons/feedback.h"
#include "sim/lessons/learner_key.h"
#include "sim/lessons/progress.h"
#include "sim/lessons/scenario_text.h"
#include "sim/lessons/text_width.h"
#include "sim/lessons/views.h"

namespace ec2sim::cli {
namespace {

using lessons::Course;
using lessons::Exercise;
using lessons::Lang;
using lessons::Lesson;

constexpr const char* kDefaultEndpoint = "http://127.0.0.1:4566";

struct LessonArgs {
  int number = 0;
  std::string lang;       // "" = from the environment
  std::size_t width = 0;  // 0 = from the environment
  std::string lessons_dir;
  std::string exercise;
  std::string file;
  std::string endpoint;
  std::string access_key;
  std::string account;
  std::string profile;
  std::string output = "text";
  bool verbose = false;
};

// Korean when the locale asks for it, English otherwise.
Lang LangOf(const LessonArgs& args) {
  return LangFor(args.lang) == ::ec2sim::Lang::kKo ? Lang::kKo : Lang::kEn;
}

std::size_t WidthOf(const LessonArgs& args) {
  if (args.width > 0) return args.width;
  if (const char* columns = std::getenv("COLUMNS")) {
    int n = std::atoi(columns);
    if (n >= 30) return static_cast<std::size_t>(std::min(n, 100));
  }
  return 80;
}

// The course to use: a teacher's folder, or the one built in. Prints the problem on failure.
std::optional<Course> LoadCourse(const LessonArgs& args) {
  if (!args.lessons_dir.empty()) {
    auto course = lessons::LoadCourseFromDirectory(args.lessons_dir);
    if (!course.ok()) {
      std::cerr << course.error().message << "\n";
      return std::nullopt;
    }
    return std::move(*course);
  }
  auto course = lessons::BuiltInCourse();
  if (!course.ok()) {
    std::cerr << "ec2sim: the built-in lessons are broken:\n" << course.error().message << "\n";
    return std::nullopt;
  }
  return **course;
}

const Lesson* LessonOrComplain(const Course& course, int number) {
  const Lesson* lesson = lessons::FindLesson(course, number);
  if (lesson == nullptr) {
    std::cerr << "ec2sim: no lesson " << number << " (lessons 1 to "
              << (course.lessons.empty() ? 0 : course.lessons.back().number)
              << "; see `ec2sim lesson list`)\n";
  }
  return lesson;
}

const Exercise* ExerciseOrComplain(const Lesson& lesson, const std::string& id) {
  if (id.empty()) return &lesson.exercises.front();
  for (const Exercise& ex : lesson.exercises) {
    if (ex.id == id) return &ex;
  }
  std::string ids;
  for (const Exercise& ex : lesson.exercises) ids += (ids.empty() ? "" : ", ") + ex.id;
  std::cerr << "ec2sim: lesson " << lesson.number << " has no exercise \"" << id
            << "\" (exercises: " << ids << ")\n";
  return nullptr;
}

int List(const LessonArgs& args) {
  auto course = LoadCourse(args);
  if (!course) return 2;
  if (args.output == "json") {
    std::cout << lessons::LessonListJson(*course, LangOf(args)).dump(2) << "\n";
  } else {
    std::cout << lessons::FormatLessonList(*course, LangOf(args), WidthOf(args));
  }
  return 0;
}

int Show(const LessonArgs& args, bool start) {
  auto course = LoadCourse(args);
  if (!course) return 2;
  const Lesson* lesson = LessonOrComplain(*course, args.number);
  if (lesson == nullptr) return 2;
  const Exercise* only = nullptr;
  if (start && !args.exercise.empty()) {
    only = ExerciseOrComplain(*lesson, args.exercise);
    if (only == nullptr) return 2;
  }
  Lang lang = LangOf(args);
  std::cout << lessons::FormatLessonText(*lesson, lang, WidthOf(args));
  if (!start) return 0;
  std::string endpoint = args.endpoint.empty() ? kDefaultEndpoint : args.endpoint;
  // A classroom server wants signed requests from each learner's own key: say how, there.
  const bool classroom = !args.endpoint.empty() && IsClassroomServer(args.endpoint);
  for (const Exercise& ex : lesson->exercises) {
    if (only != nullptr && only != &ex) continue;
    std::cout << "\n"
              << lessons::FormatExerciseStart(*lesson, ex, lang, WidthOf(args), endpoint,
                                              classroom);
  }
  return 0;
}

int Solution(const LessonArgs& args) {
  auto course = LoadCourse(args);
  if (!course) return 2;
  const Lesson* lesson = LessonOrComplain(*course, args.number);
  if (lesson == nullptr) return 2;
  const Exercise* ex = ExerciseOrComplain(*lesson, args.exercise);
  if (ex == nullptr) return 2;
  // Bilingual notes are shown in the learner's language.
  std::cout << lessons::LocalizedScenario(*lesson->File(ex->solution), LangOf(args));
  return 0;
}

int Report(const Lesson& lesson, const lessons::ExerciseResult& result,
           const lessons::RunProblems& run, const LessonArgs& args) {
  if (args.output == "json") {
    std::cout << lessons::FeedbackJson(lesson, result, run, LangOf(args)).dump(2) << "\n";
  } else {
    std::cout << lessons::FormatFeedback(lesson, result, run,
                                         {LangOf(args), WidthOf(args), args.verbose});
  }
  return result.AllMet() ? 0 : 1;
}

int Check(const LessonArgs& args) {
  if (args.file.empty() == args.endpoint.empty()) {
    std::cerr << "ec2sim lesson check: give either a scenario FILE or --endpoint URL\n";
    return 2;
  }
  auto course = LoadCourse(args);
  if (!course) return 2;
  const Lesson* lesson = LessonOrComplain(*course, args.number);
  if (lesson == nullptr) return 2;
  const Exercise* ex = ExerciseOrComplain(*lesson, args.exercise);
  if (ex == nullptr) return 2;
  if (!args.file.empty()) {
    Result<Scenario> answer = LoadScenarioFile(args.file);
    if (!answer.ok()) {
      std::cerr << answer.error().message << "\n";
      return 2;
    }
    lessons::AnswerResult checked = lessons::CheckScenarioAnswer(*ex, *answer);
    return Report(*lesson, checked.result, checked.run, args);
  }
  client::RemoteConnector remote(SigningOptions(args.profile, ex->region));
  // A teacher names the account; a learner's own key comes from the flag or the AWS CLI's set-up.
  Result<std::unique_ptr<client::HttpBackend>> source =
      MakeError(ErrorCode::kSimInvalidInput, "no account");
  if (!args.account.empty()) {
    source = remote.ForAccount(args.endpoint, args.account);
  } else {
    Result<lessons::LearnerKey> key =
        lessons::FindLearnerKey(args.access_key, args.profile, Getenv, ReadWholeFile);
    if (!key.ok()) {
      std::cerr << "ec2sim lesson check: " << key.error().message << "\n";
      return 2;
    }
    source = remote.ForAccessKey(args.endpoint, key->key);
  }
  if (!source.ok()) {
    std::cerr << "ec2sim: " << AboutEndpoint(args.endpoint, source.error().message) << "\n";
    return 2;
  }
  lessons::ExerciseResult result = lessons::CheckExercise(*ex, **source, (*source)->account());
  // A server's clock may be real time: an instance launched a moment ago is still pending.
  lessons::RunProblems run;
  if (!result.AllMet()) run.unsettled = lessons::UnsettledInstances(**source, (*source)->account());
  return Report(*lesson, result, run, args);
}

// One row per account: its users' names, then per lesson "met/total" over its exercises, or
// "-" for a lesson not started (nothing met that an empty account would not meet).
void PrintProgressTable(const Course& course, const nlohmann::json& progress) {
  std::string header = lessons::PadToWidth("NAME", 12) + lessons::PadToWidth("ACCOUNT", 14);
  for (const Lesson& lesson : course.lessons) {
    header += lessons::PadToWidth("L" + std::to_string(lesson.number), 6);
  }
  std::cout << header << "TOTAL  ACCESS KEYS\n";
  // Names and keys come from a server: escaped, so none can carry terminal control sequences.
  auto joined = [](const nlohmann::json& list) {
    std::string out;
    for (const auto& item : list) {
      out += (out.empty() ? "" : ",") + engine::ForTerminal(item.get<std::string>());
    }
    return out.empty() ? std::string("-") : out;
  };
  for (const auto& row : progress["accounts"]) {
    std::string names = joined(row.value("names", nlohmann::json::array()));
    std::string line =
        lessons::PadToWidth(names, 11) + " " +
        lessons::PadToWidth(engine::ForTerminal(row["account"].get<std::string>()), 14);
    for (const Lesson& lesson : course.lessons) {
      int met = 0;
      int total = 0;
      bool started = false;
      for (const auto& l : row["lessons"]) {
        if (l["lesson"] != lesson.number) continue;
        met += l["met"].get<int>();
        total += l["total"].get<int>();
        started = started || l.value("started", true);
      }
      line +=
          lessons::PadToWidth(started ? std::to_string(met) + "/" + std::to_string(total) : "-", 6);
    }
    std::string total =
        std::to_string(row["met"].get<int>()) + "/" + std::to_string(row["total"].get<int>());
    std::cout << line << lessons::PadToWidth(total, 7) << joined(row["access_keys"]) << "\n";
  }
}

int Progress(const LessonArgs& args) {
  auto course = LoadCourse(args);
  if (!course) return 2;
  // The list of accounts is the teacher's: a classroom server wants an admin's signature.
  client::RemoteConnector remote(SigningOptions(args.profile, ""));
  auto listed = remote.AccountsWithKeys(args.endpoint);
  if (!listed.ok()) {
    std::cerr << "ec2sim: " << AboutEndpoint(args.endpoint, listed.error().message) << "\n";
    return 2;
  }
  std::vector<std::string> accounts;
  std::map<std::string, const client::RemoteAccount*> listing;
  for (const client::RemoteAccount& a : *listed) {
    accounts.push_back(a.account);
    listing[a.account] = &a;
  }
  auto progress = lessons::CollectProgress(
      *course, accounts, [&](const std::string& account) -> Result<std::shared_ptr<Backend>> {
        EC2SIM_ASSIGN_OR_RETURN(std::unique_ptr<client::HttpBackend> backend,
                                remote.ForAccount(args.endpoint, account));
        return std::shared_ptr<Backend>(std::move(backend));
      });
  if (!progress.ok()) {
    std::cerr << "ec2sim: " << AboutEndpoint(args.endpoint, progress.error().message) << "\n";
    return 2;
  }
  // Teachers know learners by the names and keys they handed out, so each row has them too.
  for (auto& row : (*progress)["accounts"]) {
    const client::RemoteAccount& a = *listing[row["account"].get<std::string>()];
    row["access_keys"] = a.access_keys;
    row["names"] = a.names;
  }
  if (args.output == "json") {
    std::cout << progress->dump(2) << "\n";
    return 0;
  }
  PrintProgressTable(*course, *progress);
  return 0;
}
void CommonOptions(CLI::App* cmd, LessonArgs& args, bool text) {
  AddLangOption(cmd, args.lang);
  if (text) {
    cmd->add_option("--width", args.width, "Terminal width in columns (default: COLUMNS or 80)")
        ->check(CLI::Range(20, 400));
  }
  cmd->add_option("--lessons-dir", args.lessons_dir,
                  "Read lessons from this folder instead of the built-in course");
}

}  // namespace

void AddLessonCommand(CLI::App& app, Registry& commands) {
  CLI::App* lesson = app.add_subcommand("lesson", "The course: lessons, exercises and checks");
  lesson->require_subcommand(1);

  auto list_args = std::make_shared<LessonArgs>();
  CLI::App* list = lesson->add_subcommand("list", "List the lessons");
  CommonOptions(list, *list_args, true);
  list->add_option("--output", list_args->output, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  commands.push_back({list, [list_args] { return List(*list_args); }});

  auto show_args = std::make_shared<LessonArgs>();
  CLI::App* show = lesson->add_subcommand("show", "Print a lesson's text");
  show->add_option("N", show_args->number, "Lesson number")->required();
  CommonOptions(show, *show_args, true);
  commands.push_back({show, [show_args] { return Show(*show_args, false); }});

  auto start_args = std::make_shared<LessonArgs>();
  CLI::App* start =
      lesson->add_subcommand("start", "Print a lesson, its exercises, and how to check an answer");
  start->add_option("N", start_args->number, "Lesson number")->required();
  start->add_option("--exercise", start_args->exercise, "Only this exercise");
  start->add_option("--endpoint", start_args->endpoint, "Server URL to show in the commands");
  CommonOptions(start, *start_args, true);
  commands.push_back({start, [start_args] { return Show(*start_args, true); }});

  auto check_args = std::make_shared<LessonArgs>();
  CLI::App* check = lesson->add_subcommand(
      "check", "Check an answer: a scenario file, or an account on `ec2sim serve`");
  check->add_option("N", check_args->number, "Lesson number")->required();
  check->add_option("FILE", check_args->file, "Scenario file with your answer");
  check->add_option("--exercise", check_args->exercise, "Exercise id (default: the first)");
  check->add_option("--endpoint", check_args->endpoint, "URL of a running `ec2sim serve`");
  CLI::Option* key_opt =
      check->add_option("--access-key", check_args->access_key,
                        "Access key of the account to check (default: as the AWS CLI finds it)");
  check->add_option("--profile", check_args->profile,
                    "AWS CLI profile whose key and secret to use (signs the requests)");
  check->add_option("--account", check_args->account, "Account id to check (teachers)")
      ->excludes(key_opt);
  check->add_option("--output", check_args->output, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  check->add_flag("--verbose", check_args->verbose, "Also show which check failed");
  CommonOptions(check, *check_args, true);
  commands.push_back({check, [check_args] { return Check(*check_args); }});

  auto progress_args = std::make_shared<LessonArgs>();
  progress_args->output = "table";
  CLI::App* progress = lesson->add_subcommand(
      "progress", "Teacher's view: goals met per lesson for every account on a server");
  progress->add_option("--endpoint", progress_args->endpoint, "URL of a running `ec2sim serve`")
      ->required();
  progress->add_option("--profile", progress_args->profile,
                       "AWS CLI profile with the teacher's key and secret (classroom servers)");
  progress->add_option("--output", progress_args->output, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  CommonOptions(progress, *progress_args, false);
  commands.push_back({progress, [progress_args] { return Progress(*progress_args); }});

  auto solution_args = std::make_shared<LessonArgs>();
  CLI::App* solution = lesson->add_subcommand(
      "solution", "Print the reference solution of an exercise (try it yourself first)");
  solution->add_option("N", solution_args->number, "Lesson number")->required();
  solution->add_option("--exercise", solution_args->exercise, "Exercise id (default: the first)");
  CommonOptions(solution, *solution_args, false);
  commands.push_back({solution, [solution_args] { return Solution(*solution_args); }});
}

}  // namespace ec2sim::cli
