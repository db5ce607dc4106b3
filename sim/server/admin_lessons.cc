#include "sim/server/admin_lessons.h"

#include <charconv>
#include <optional>
#include <string_view>

namespace ec2sim::server {

Result<nlohmann::json> LessonsRoute(SharedWorld& world, const LessonGuide& guide,
                                    const std::string& route, const wire::QueryParams& query,
                                    const std::string& account) {
  std::string lang = wire::FindParam(query, "lang").value_or("en");
  if (lang != "en" && lang != "ko") {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "lang must be en or ko, got '" + lang.substr(0, 16) + "'");
  }
  if (route == "lessons") return guide.List(lang);
  std::string_view rest = std::string_view(route).substr(std::string_view("lessons/").size());
  std::size_t slash = rest.find('/');
  std::string_view digits = rest.substr(0, slash);
  int number = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "a lesson is named by its number, as in "
                     "/_ec2sim/lessons/3");
  }
  if (slash == std::string_view::npos) return guide.Lesson(number, lang);
  if (rest.substr(slash) != "/check") {
    return MakeError(ErrorCode::kSimNotFound, "No lessons route " + route);
  }
  std::optional<std::string> exercise = wire::FindParam(query, "exercise");
  if (!exercise) {
    return MakeError(ErrorCode::kMissingParameter, "The check needs ?exercise=ID");
  }
  // Checks only read, under the world's lock, so they see one consistent state.
  return world.With(account, [&](Sandbox& s) -> Result<nlohmann::json> {
    return guide.Check(number, *exercise, lang, s, account);
  });
}

Result<nlohmann::json> ProgressRoute(SharedWorld& world, const LessonGuide& guide,
                                     const std::vector<std::string>& accounts) {
  nlohmann::json rows = nlohmann::json::array();
  for (const std::string& account : accounts) {
    Result<nlohmann::json> row = MakeError(ErrorCode::kSimNotFound, "unchecked");
    bool known = world.WithExisting(account, [&](Sandbox& s) { row = guide.Progress(s, account); });
    if (!known) {
      // A learner who never came: an empty account, made here rather than in the shared world
      // (reading progress must not create worlds, nor journal them).
      SandboxOptions options;
      options.timing = Timing::kInstant;
      Sandbox empty(options);
      row = guide.Progress(empty, account);
    }
    if (!row.ok()) return row.error();
    rows.push_back(std::move(row).value());
  }
  return nlohmann::json{{"accounts", std::move(rows)}};
}

}  // namespace ec2sim::server
