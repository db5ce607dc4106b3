// Reading and validating a lesson's exercises.json (format in docs/lessons.md).
#include <set>
#include <string>
#include <utility>

#include "ec2sim/sandbox.h"
#include "sim/engine/json_depth.h"
#include "sim/engine/text_position.h"
#include "sim/lessons/lesson.h"
#include "sim/model/regions.h"
#include "sim/scenario/document.h"
#include "sim/scenario/substitute.h"

namespace ec2sim::lessons {
namespace {

using OrderedJson = nlohmann::ordered_json;

bool IsId(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// Parses "NN-..." into NN; 0 when the folder name has no number.
int LessonNumber(std::string_view slug) {
  int n = 0;
  size_t i = 0;
  for (; i < slug.size() && slug[i] >= '0' && slug[i] <= '9'; ++i) n = n * 10 + (slug[i] - '0');
  return i > 0 && i < slug.size() && slug[i] == '-' ? n : 0;
}

class Parser {
 public:
  explicit Parser(const std::string& display) : display_(display) {
    actions_ = [this](std::string_view a) { return sandbox_.HasAction(a); };
  }

  Result<Lesson> Parse(std::string_view slug, std::string_view text) {
    if (auto deep = engine::FindJsonTooDeep(text)) {
      engine::TextPosition at = engine::PositionOfOffset(text, deep->offset);
      return MakeError(ErrorCode::kSimInvalidInput, display_ + ":" + std::to_string(at.line) + ":" +
                                                        std::to_string(at.column) + ": " +
                                                        deep->reason);
    }
    OrderedJson root;
    try {
      root = OrderedJson::parse(text);
    } catch (const nlohmann::json::exception& e) {
      return MakeError(ErrorCode::kSimInvalidInput, display_ + ": " + e.what());
    }
    Lesson lesson;
    lesson.slug = std::string(slug);
    lesson.number = LessonNumber(slug);
    if (lesson.number == 0) Fail("", "the folder name must start with a number and '-'");
    if (!root.is_object()) {
      Fail("", "must be a JSON object");
      return Problems();
    }
    Known(root, "", {"format", "title", "summary", "exercises"});
    if (root.value("format", OrderedJson()) != 1) Fail("", "\"format\" must be 1");
    lesson.title = Text(root, "title", "");
    lesson.summary = Text(root, "summary", "");
    auto exercises = root.find("exercises");
    if (exercises == root.end() || !exercises->is_array() || exercises->empty()) {
      Fail("", "\"exercises\" must be a non-empty list");
    } else {
      std::set<std::string> ids;
      for (const auto& raw : *exercises) {
        Exercise ex = ParseExercise(raw);
        if (!ex.id.empty() && !ids.insert(ex.id).second) {
          Fail("", "exercise id \"" + ex.id + "\" is used twice");
        }
        lesson.exercises.push_back(std::move(ex));
      }
    }
    if (!problems_.empty()) return Problems();
    std::set<std::string> needs;
    for (const Exercise& ex : lesson.exercises) {
      for (const Goal& goal : ex.goals) {
        for (const ScenarioStep& check : goal.checks) {
          if (check.verb != StepVerb::kCall) needs.insert(std::string(VerbName(check.verb)));
        }
      }
    }
    lesson.needs.assign(needs.begin(), needs.end());
    return lesson;
  }

 private:
  void Fail(const std::string& where, const std::string& message) {
    problems_.push_back(display_ + ": " + (where.empty() ? message : where + ": " + message));
  }

  Error Problems() const {
    std::string text;
    for (const std::string& line : problems_) text += (text.empty() ? "" : "\n") + line;
    return MakeError(ErrorCode::kSimInvalidInput, text);
  }

  void Known(const OrderedJson& obj, const std::string& where,
             std::initializer_list<std::string_view> keys) {
    for (const auto& [key, value] : obj.items()) {
      bool known = false;
      for (std::string_view k : keys) known = known || k == key;
      if (!known) Fail(where, "unknown key \"" + key + "\"");
    }
  }

  std::string String(const OrderedJson& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string() || it->get<std::string>().empty()) {
      Fail(where, "\"" + std::string(key) + "\" must be a non-empty string");
      return "";
    }
    return it->get<std::string>();
  }

  LocalText Text(const OrderedJson& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_object()) {
      Fail(where, "\"" + std::string(key) + "\" must be an object {\"en\": ..., \"ko\": ...}");
      return {};
    }
    std::string inner =
        where.empty() ? "\"" + std::string(key) + "\"" : where + ", \"" + std::string(key) + "\"";
    return LocalText{String(*it, "en", inner), String(*it, "ko", inner)};
  }

  Exercise ParseExercise(const OrderedJson& raw) {
    Exercise ex;
    if (!raw.is_object()) {
      Fail("", "an exercise must be an object");
      return ex;
    }
    ex.id = String(raw, "id", "exercise");
    std::string where = "exercise \"" + ex.id + "\"";
    if (!ex.id.empty() && !IsId(ex.id)) Fail(where, "the id must match [a-z0-9-]+");
    Known(raw, where,
          {"id", "title", "task", "region", "vars", "goals", "solution", "starter", "wrong"});
    ex.title = Text(raw, "title", where);
    ex.task = Text(raw, "task", where);
    ex.region = String(raw, "region", where);
    if (!ex.region.empty() && model::FindRegion(ex.region) == nullptr) {
      Fail(where, "unknown region \"" + ex.region + "\"");
    }
    if (auto vars = raw.find("vars"); vars != raw.end()) {
      if (!vars->is_object()) Fail(where, "\"vars\" must be an object of name: value");
      for (const auto& [name, value] : vars->items()) {
        if (!scenario::IsVariableName(name)) Fail(where, "\"" + name + "\" is not a valid name");
        ex.vars[name] = nlohmann::json(value);
      }
    }
    ex.solution = String(raw, "solution", where);
    if (raw.contains("starter")) ex.starter = String(raw, "starter", where);
    std::set<std::string> goal_ids;
    auto goals = raw.find("goals");
    if (goals == raw.end() || !goals->is_array() || goals->empty()) {
      Fail(where, "\"goals\" must be a non-empty list");
    } else {
      for (const auto& g : *goals) {
        Goal goal = ParseGoal(g, ex, where, goal_ids);
        if (!goal.id.empty() && !goal_ids.insert(goal.id).second) {
          Fail(where, "goal id \"" + goal.id + "\" is used twice");
        }
        ex.goals.push_back(std::move(goal));
      }
    }
    auto wrong = raw.find("wrong");
    if (wrong == raw.end() || !wrong->is_array()) {
      Fail(where, "\"wrong\" must be a list of {\"file\", \"misses\"}");
      return ex;
    }
    for (const auto& w : *wrong) {
      WrongAnswer answer;
      if (!w.is_object()) {
        Fail(where, "each wrong answer must be an object");
        continue;
      }
      Known(w, where + ", wrong answer", {"file", "misses", "why"});
      answer.file = String(w, "file", where + ", wrong answer");
      auto misses = w.find("misses");
      if (misses == w.end() || !misses->is_array() || misses->empty()) {
        Fail(where + ", wrong answer \"" + answer.file + "\"", "\"misses\" must list goal ids");
      } else {
        for (const auto& m : *misses) {
          if (!m.is_string() || goal_ids.count(m.get<std::string>()) == 0) {
            Fail(where + ", wrong answer \"" + answer.file + "\"",
                 "misses an unknown goal " + m.dump());
          } else {
            answer.misses.push_back(m.get<std::string>());
          }
        }
      }
      ex.wrong.push_back(std::move(answer));
    }
    return ex;
  }

  Goal ParseGoal(const OrderedJson& raw, const Exercise& ex, const std::string& ex_where,
                 const std::set<std::string>& earlier) {
    Goal goal;
    if (!raw.is_object()) {
      Fail(ex_where, "a goal must be an object");
      return goal;
    }
    goal.id = String(raw, "id", ex_where + ", goal");
    std::string where = ex_where + ", goal \"" + goal.id + "\"";
    if (!goal.id.empty() && !IsId(goal.id)) Fail(where, "the id must match [a-z0-9-]+");
    Known(raw, where, {"id", "title", "hint", "after", "checks"});
    goal.title = Text(raw, "title", where);
    goal.hint = Text(raw, "hint", where);
    if (auto after = raw.find("after"); after != raw.end()) {
      for (const auto& a : *after) {
        if (!a.is_string() || earlier.count(a.get<std::string>()) == 0) {
          Fail(where, "\"after\" must name earlier goals, got " + a.dump());
        } else {
          goal.after.push_back(a.get<std::string>());
        }
      }
    }
    auto checks = raw.find("checks");
    if (checks == raw.end() || !checks->is_array() || checks->empty()) {
      Fail(where, "\"checks\" must be a non-empty list");
      return goal;
    }
    std::set<std::string> saved;
    for (const auto& [name, value] : ex.vars) saved.insert(name);
    scenario::Diagnostics step_diag(display_ + ": " + where + ", checks");
    int index = 0;
    for (OrderedJson check : *checks) {
      ++index;
      bool all_regions = check.is_object() && check.value("region", OrderedJson()) == "*";
      if (all_regions) check.erase("region");
      if (check.is_object() && check.contains("account")) {
        // The learner's account is the one being checked; a check cannot look elsewhere.
        step_diag.AddForStep(index, "account", "not allowed in a check");
      }
      ScenarioStep step = scenario::ValidateStep(check, index, actions_, saved, step_diag);
      if (step.verb == StepVerb::kAdvance || step.verb == StepVerb::kWait ||
          step.verb == StepVerb::kNote) {
        step_diag.AddForStep(index, VerbName(step.verb),
                             "a check reads state: use call, probe, "
                             "bill or latency");
      }
      if (all_regions) step.region = std::string(kAllRegions);
      goal.checks.push_back(std::move(step));
    }
    if (!step_diag.empty()) {
      std::string lines = step_diag.ToError().message;
      for (size_t pos = 0; pos <= lines.size();) {
        size_t nl = lines.find('\n', pos);
        if (nl == std::string::npos) nl = lines.size();
        problems_.push_back(lines.substr(pos, nl - pos));
        pos = nl + 1;
      }
    }
    return goal;
  }

  Sandbox sandbox_;
  scenario::ActionPredicate actions_;
  std::string display_;
  std::vector<std::string> problems_;
};

}  // namespace

std::string_view LangCode(Lang lang) { return lang == Lang::kKo ? "ko" : "en"; }

Result<Lang> ParseLang(std::string_view code) {
  if (code == "en") return Lang::kEn;
  if (code == "ko") return Lang::kKo;
  return MakeError(ErrorCode::kSimInvalidInput,
                   "unknown language \"" + std::string(code) + "\" (choose en or ko)");
}

const std::string* Lesson::File(std::string_view name) const {
  auto it = files.find(name);
  return it == files.end() ? nullptr : &it->second;
}

Result<Lesson> ParseLesson(std::string_view slug, std::string_view exercises_json,
                           const std::string& display) {
  return Parser(display).Parse(slug, exercises_json);
}

}  // namespace ec2sim::lessons
