#include "sim/lessons/views.h"

#include <algorithm>
#include <vector>

#include "sim/lessons/feedback.h"
#include "sim/lessons/scenario_text.h"
#include "sim/lessons/terminal_text.h"
#include "sim/lessons/text_width.h"

namespace ec2sim::lessons {
namespace {

std::string Joined(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(sep)) + item;
  return out;
}

void Lines(std::string& out, const std::vector<std::string>& lines) {
  for (const std::string& l : lines) out += l + "\n";
}

// The access key `lesson start` suggests; any key names an account on `ec2sim serve`.
constexpr std::string_view kExampleKey = "AKIDLEARNER1";

// What a lesson's checks use beyond EC2 calls, in a learner's words: "Uses the simulator's
// billing (bill) and latency model (latency)." The verb stays in parentheses, since it is what
// the learner types.
std::string NeedsSentence(const std::vector<std::string>& needs, Lang lang) {
  struct Row {
    std::string_view verb, en, ko;
  };
  static constexpr Row kRows[] = {{"bill", "billing", "요금 계산"},
                                  {"probe", "traffic check", "트래픽 확인"},
                                  {"latency", "latency model", "지연 시간 모델"}};
  std::vector<std::string> parts;
  for (const std::string& verb : needs) {
    std::string words = verb;
    for (const Row& row : kRows) {
      if (row.verb == verb) words = std::string(lang == Lang::kKo ? row.ko : row.en);
    }
    parts.push_back(words + "(" + verb + ")");
    if (lang == Lang::kEn) parts.back().insert(words.size(), " ");
  }
  if (lang == Lang::kKo) return "시뮬레이터의 " + Joined(parts, ", ") + "을 씁니다.";
  return "Uses the simulator's " + Joined(parts, parts.size() > 2 ? ", " : " and ") + ".";
}

std::string Heading(std::string_view text, char rule) {
  return std::string(text) + "\n" + std::string(DisplayWidth(text), rule) + "\n";
}

}  // namespace

std::string FormatLessonList(const Course& course, Lang lang, std::size_t width) {
  width = std::max<size_t>(width, 40);
  std::string out;
  for (const Lesson& lesson : course.lessons) {
    std::string number = (lesson.number < 10 ? " " : "") + std::to_string(lesson.number) + ". ";
    Lines(out, WrapText(lesson.title.In(lang), width, number, std::string(number.size(), ' ')));
    Lines(out, WrapText(PlainInline(lesson.summary.In(lang)), width, "      ", "      "));
    if (!lesson.needs.empty()) {
      Lines(out, WrapText(NeedsSentence(lesson.needs, lang), width, "      ", "      "));
    }
  }
  return out;
}

nlohmann::json LessonListJson(const Course& course, Lang lang) {
  nlohmann::json out = nlohmann::json::array();
  for (const Lesson& lesson : course.lessons) {
    std::vector<std::string> exercises;
    for (const Exercise& ex : lesson.exercises) exercises.push_back(ex.id);
    out.push_back({{"lesson", lesson.number},
                   {"slug", lesson.slug},
                   {"title", lesson.title.In(lang)},
                   {"summary", lesson.summary.In(lang)},
                   {"exercises", exercises},
                   {"needs", lesson.needs}});
  }
  return out;
}

std::string FormatLessonText(const Lesson& lesson, Lang lang, std::size_t width) {
  return RenderForTerminal(lesson.text.In(lang), width);
}

std::string StarterScenario(const Lesson& lesson, const Exercise& exercise, Lang lang) {
  if (const std::string* own = lesson.File(exercise.starter); own != nullptr) {
    return LocalizedScenario(*own, lang);
  }
  nlohmann::ordered_json starter = {
      {"format", 1},
      {"name", "lesson-" + std::to_string(lesson.number) + "-" + exercise.id},
      {"region", exercise.region}};
  // The solution's settings, so that an answer is graded under the conditions it was written
  // for (a starter with realistic timing misses a goal its instant solution meets).
  const std::string* solution = lesson.File(exercise.solution);
  auto parsed = nlohmann::ordered_json::parse(solution != nullptr ? *solution : "", nullptr,
                                              /*allow_exceptions=*/false);
  for (std::string_view key : kScenarioSettings) {
    const std::string name(key);
    if (parsed.is_object() && parsed.contains(name)) starter[name] = parsed[name];
  }
  starter["steps"] = nlohmann::ordered_json::array(
      {{{"note", lang == Lang::kKo ? "여기에 단계를 쓰세요: call, advance, wait ..."
                                   : "Write your steps here: call, advance, wait ..."}}});
  return CompactJson(starter) + "\n";
}

namespace {

// How to work on a server of one's own (open mode): any key names an account there.
void OpenServerSteps(std::string& out, const Exercise& exercise, Lang lang, std::size_t width,
                     const std::string& endpoint, bool needs_time, const std::string& check) {
  const bool ko = lang == Lang::kKo;
  Lines(out, WrapText(ko ? "다른 터미널에서 서버를 켜고, AWS CLI가 그 서버를 보도록 설정합니다. "
                           "액세스 키는 아무 값이나 되고, 그 키가 곧 서버 안의 내 계정입니다. "
                           "학습자마다 다른 키를 쓰세요."
                         : "Start the server in a second terminal and point the AWS CLI at it. "
                           "Any access key works: it names your own account on that server, so "
                           "every learner picks a different one.",
                      width));
  out += std::string("\n    ec2sim serve") + (needs_time ? " --clock manual" : "") + "\n";
  out +=
      "    aws configure set aws_access_key_id " + std::string(kExampleKey) + " --profile ec2sim\n";
  out += "    aws configure set aws_secret_access_key anything --profile ec2sim\n";
  out += "    aws configure set region " + exercise.region + " --profile ec2sim\n";
  out += "    aws --profile ec2sim --endpoint-url " + endpoint + " ec2 describe-instances\n";
  if (needs_time) {
    out += "    curl -XPOST " + endpoint + "/_ec2sim/clock -d '{\"advance\": \"1d\"}'\n";
  }
  out += "    " + check + " --access-key " + std::string(kExampleKey) + "\n";
}

// How to work on a classroom server (`ec2sim serve --users`): every request signed with the
// learner's own key and secret, and time moved on the learner's own clock alone.
void ClassroomSteps(std::string& out, const Exercise& exercise, Lang lang, std::size_t width,
                    const std::string& endpoint, bool needs_time, const std::string& check) {
  const bool ko = lang == Lang::kKo;
  Lines(out, WrapText(ko ? "이 서버는 교실 모드입니다. 모든 요청은 선생님께 받은 내 액세스 키와 "
                           "비밀 키로 서명해야 합니다. 아래의 YOUR_ACCESS_KEY_ID와 "
                           "YOUR_SECRET_ACCESS_KEY를 내 키로 바꿔 프로필 ec2sim을 만들고, AWS "
                           "CLI와 ec2sim 모두 이 프로필로 서명하세요."
                         : "This server is a classroom: every request must be signed with your "
                           "own access key and secret, which your teacher gave you. Replace "
                           "YOUR_ACCESS_KEY_ID and YOUR_SECRET_ACCESS_KEY below with yours to set "
                           "up the profile ec2sim; the AWS CLI and ec2sim both sign with it.",
                      width));
  out += "\n    aws configure set aws_access_key_id YOUR_ACCESS_KEY_ID --profile ec2sim\n";
  out += "    aws configure set aws_secret_access_key YOUR_SECRET_ACCESS_KEY --profile ec2sim\n";
  out += "    aws configure set region " + exercise.region + " --profile ec2sim\n";
  out += "    aws --profile ec2sim --endpoint-url " + endpoint + " ec2 describe-instances\n";
  out += "    ec2sim run answer.json --endpoint " + endpoint + " --profile ec2sim\n";
  if (needs_time) {
    out += "\n";
    Lines(out, WrapText(ko ? "내 계정에는 나만의 시계가 있습니다. 시간을 앞으로 보내도 다른 "
                             "학습자의 시계와 요금은 그대로입니다. 서명된 요청으로 보내세요:"
                           : "Your account has a clock of its own: moving it forward moves no "
                             "other learner's clock or bill. Move it with a signed request:",
                        width));
    out += "\n    ec2sim clock advance 1d --endpoint " + endpoint + " --profile ec2sim\n";
  }
  out += "    " + check + " --profile ec2sim\n";
}

}  // namespace

std::string FormatExerciseStart(const Lesson& lesson, const Exercise& exercise, Lang lang,
                                std::size_t width, const std::string& endpoint, bool classroom) {
  const bool ko = lang == Lang::kKo;
  width = std::max<size_t>(width, 40);
  std::string out;
  out += Heading(std::string(Phrase("exercise", lang)) + ": " + exercise.title.In(lang), '=');
  out += "\n";
  out += RenderForTerminal(exercise.task.In(lang), width);
  out += "\n" + std::string(Phrase("region", lang)) + exercise.region + "\n\n";
  out += Heading(Phrase("goals", lang), '-');
  for (const Goal& goal : exercise.goals) {
    Lines(out, WrapText(PlainInline(goal.title.In(lang)), width, "  - ", "    "));
  }
  std::string n = std::to_string(lesson.number);
  std::string ex = lesson.exercises.size() > 1 ? " --exercise " + exercise.id : "";
  out += "\n" + Heading(std::string("1) ") + std::string(Phrase("check_file", lang)), '-');
  Lines(out, WrapText(ko ? "아래 내용으로 answer.json을 만들고, 단계(steps)를 채운 뒤 확인하세요. "
                           "형식은 docs/scenario-format.md에 있습니다."
                         : "Save this as answer.json, fill in the steps, then check it. The "
                           "format is described in docs/scenario-format.md.",
                      width));
  out += "\n";
  std::string starter = StarterScenario(lesson, exercise, lang);
  size_t pos = 0;
  while (pos < starter.size()) {
    size_t nl = starter.find('\n', pos);
    out += "    " + starter.substr(pos, nl - pos) + "\n";
    pos = nl + 1;
  }
  out += "\n    ec2sim run answer.json\n    ec2sim lesson check " + n + " answer.json" + ex + "\n";
  // Lessons whose checks read the bill need time to pass, which the server's clock allows.
  const bool needs_time =
      std::find(lesson.needs.begin(), lesson.needs.end(), "bill") != lesson.needs.end();
  const std::string check = "ec2sim lesson check " + n + ex + " --endpoint " + endpoint;
  if (classroom) {
    out += "\n" + Heading(std::string("2) ") + std::string(Phrase("check_classroom", lang)), '-');
    ClassroomSteps(out, exercise, lang, width, endpoint, needs_time, check);
  } else {
    out += "\n" + Heading(std::string("2) ") + std::string(Phrase("check_server", lang)), '-');
    OpenServerSteps(out, exercise, lang, width, endpoint, needs_time, check);
  }
  return out;
}

}  // namespace ec2sim::lessons
