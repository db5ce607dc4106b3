#include "sim/lessons/feedback.h"

#include <algorithm>
#include <array>
#include <cassert>

#include "sim/lessons/terminal_text.h"
#include "sim/lessons/text_width.h"

namespace ec2sim::lessons {
namespace {

struct PhraseRow {
  std::string_view key;
  std::string_view en;
  std::string_view ko;
};

constexpr std::array<PhraseRow, 22> kPhrases = {{
    {"lesson", "Lesson", "레슨"},
    {"exercise", "Exercise", "실습"},
    {"task", "Your task", "할 일"},
    {"goals", "Goals", "목표"},
    {"met", "[met]", "[달성]"},
    {"missed", "[missed]", "[미달성]"},
    {"waiting", "[waiting]", "[대기]"},
    {"unavailable", "[n/a]", "[확인 불가]"},
    {"hint", "Hint: ", "힌트: "},
    {"waits_for", "Checked once these goals are met: ", "다음 목표를 먼저 달성하면 확인합니다: "},
    {"not_built", "This build cannot check it: ", "이 빌드에서는 확인할 수 없습니다: "},
    {"stopped", "Your scenario stopped early, at ", "시나리오가 중간에 멈췄습니다. 멈춘 곳: "},
    {"stopped_after",
     "Fix this first: the goals below were checked against the state at that point, so a "
     "missed goal's hint may not be about your mistake.",
     "이것부터 고치세요. 아래 목표는 멈춘 시점의 상태로 확인했으므로, 미달성 목표의 힌트가 실제 "
     "실수와 관계없을 수 있습니다."},
    {"unsettled", "When your scenario ended, these instances were still changing state: ",
     "시나리오가 끝났을 때 아직 상태가 바뀌는 중인 인스턴스가 있습니다: "},
    {"unsettled_after",
     "A launched or started instance is pending for a while, and a stopped one is stopping "
     "first. Wait for the state you need ({\"wait\": {\"instance\": \"${web}\", \"state\": "
     "\"running\"}}) before you use the instance or save its values; goals that want a running "
     "or stopped server miss until then.",
     "시작한 인스턴스는 한동안 pending(대기 중)이고, 중지한 인스턴스는 먼저 stopping(중지 중)을 "
     "거칩니다. 인스턴스를 쓰거나 그 값을 저장하기 전에 필요한 상태가 될 때까지 기다리세요"
     "({\"wait\": {\"instance\": \"${web}\", \"state\": \"running\"}}). 그때까지는 실행 중이거나 "
     "중지된 서버를 요구하는 목표가 달성되지 않습니다."},
    {"all_met", "All goals met. Well done!", "모든 목표를 달성했습니다. 잘했어요!"},
    {"try_again", "Change your answer and check again.", "답을 고친 뒤 다시 확인해 보세요."},
    {"detail", "Failed check: ", "실패한 확인: "},
    {"check_file", "Check a scenario file", "시나리오 파일로 확인하기"},
    {"check_server", "Or use the AWS CLI against a local server",
     "또는 로컬 서버에서 AWS CLI로 실습하기"},
    {"check_classroom", "Or work on the classroom server with your own signed profile",
     "또는 교실 서버에서 내 프로필로 서명해 실습하기"},
    {"region", "Region: ", "리전: "},
}};

// Appends `text` wrapped with `first` as the first line's prefix and spaces under it after.
void Wrapped(std::string& out, std::string_view text, size_t width, std::string_view first) {
  std::string rest(DisplayWidth(first), ' ');
  for (const std::string& line : WrapText(text, width, first, rest)) out += line + "\n";
}

std::string Joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

const Goal* FindGoal(const Exercise& ex, std::string_view id) {
  for (const Goal& g : ex.goals) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

}  // namespace

std::string_view Phrase(std::string_view key, Lang lang) {
  for (const PhraseRow& row : kPhrases) {
    if (row.key == key) return lang == Lang::kKo ? row.ko : row.en;
  }
  assert(false && "unknown phrase key");
  return key;
}

std::string_view GoalStatusName(GoalStatus status) {
  switch (status) {
    case GoalStatus::kMet:
      return "met";
    case GoalStatus::kMissed:
      return "missed";
    case GoalStatus::kWaiting:
      return "waiting";
    case GoalStatus::kUnavailable:
      return "unavailable";
  }
  return "missed";
}

std::string FormatFeedback(const Lesson& lesson, const ExerciseResult& result,
                           const RunProblems& run, const FeedbackOptions& options) {
  const Lang lang = options.lang;
  const Exercise& ex = *result.exercise;
  const size_t width = options.width < 30 ? 30 : options.width;
  std::string out;
  Wrapped(out,
          std::string(Phrase("lesson", lang)) + " " + std::to_string(lesson.number) + ": " +
              lesson.title.In(lang) + " / " + std::string(Phrase("exercise", lang)) + ": " +
              ex.title.In(lang),
          width, "");
  out += "\n";
  if (!run.stopped.empty()) {
    Wrapped(out, std::string(Phrase("stopped", lang)) + run.stopped, width, "");
    Wrapped(out, Phrase("stopped_after", lang), width, "");
    out += "\n";
  }
  if (!run.unsettled.empty()) {
    Wrapped(out, std::string(Phrase("unsettled", lang)) + Joined(run.unsettled), width, "");
    Wrapped(out, Phrase("unsettled_after", lang), width, "");
    out += "\n";
  }
  // Status labels padded to the widest one shown, so that titles line up in either language.
  size_t label_width = 0;
  for (const GoalResult& g : result.goals) {
    label_width = std::max(label_width, DisplayWidth(Phrase(GoalStatusName(g.status), lang)));
  }
  const std::string indent(2 + label_width + 1, ' ');
  for (const GoalResult& g : result.goals) {
    std::string label = PadToWidth(Phrase(GoalStatusName(g.status), lang), label_width);
    std::string first = "  " + label + " ";
    for (const std::string& line : WrapText(g.goal->title.In(lang), width, first, indent)) {
      out += line + "\n";
    }
    switch (g.status) {
      case GoalStatus::kMet:
        break;
      case GoalStatus::kMissed:
        Wrapped(out, std::string(Phrase("hint", lang)) + PlainInline(g.goal->hint.In(lang)), width,
                indent);
        if (options.verbose) {
          Wrapped(out, std::string(Phrase("detail", lang)) + g.detail, width, indent);
        }
        break;
      case GoalStatus::kWaiting: {
        std::vector<std::string> titles;
        for (const std::string& id : g.waiting_for) {
          const Goal* w = FindGoal(ex, id);
          titles.push_back(w != nullptr ? "\"" + w->title.In(lang) + "\"" : id);
        }
        Wrapped(out, std::string(Phrase("waits_for", lang)) + Joined(titles), width, indent);
        break;
      }
      case GoalStatus::kUnavailable:
        Wrapped(out, std::string(Phrase("not_built", lang)) + g.detail, width, indent);
        break;
    }
  }
  out += "\n";
  std::string tally = lang == Lang::kKo ? std::to_string(result.goals.size()) + "개 중 " +
                                              std::to_string(result.MetCount()) + "개 목표 달성."
                                        : std::to_string(result.MetCount()) + " of " +
                                              std::to_string(result.goals.size()) + " goals met.";
  out += tally + " " +
         std::string(result.AllMet() ? Phrase("all_met", lang) : Phrase("try_again", lang)) + "\n";
  return out;
}

nlohmann::json FeedbackJson(const Lesson& lesson, const ExerciseResult& result,
                            const RunProblems& run, Lang lang) {
  nlohmann::json goals = nlohmann::json::array();
  for (const GoalResult& g : result.goals) {
    nlohmann::json j = {{"id", g.goal->id},
                        {"title", g.goal->title.In(lang)},
                        {"status", GoalStatusName(g.status)}};
    if (g.status == GoalStatus::kMissed) j["hint"] = g.goal->hint.In(lang);
    if (!g.detail.empty()) j["detail"] = g.detail;
    if (!g.waiting_for.empty()) j["waiting_for"] = g.waiting_for;
    goals.push_back(std::move(j));
  }
  nlohmann::json out = {{"lesson", lesson.number},      {"exercise", result.exercise->id},
                        {"all_met", result.AllMet()},   {"met", result.MetCount()},
                        {"total", result.goals.size()}, {"goals", std::move(goals)}};
  if (!run.stopped.empty()) out["stopped"] = run.stopped;
  if (!run.unsettled.empty()) out["unsettled"] = run.unsettled;
  return out;
}

}  // namespace ec2sim::lessons
