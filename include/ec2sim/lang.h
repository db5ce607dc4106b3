// The language of the simulator's own words: probe explanations, latency, cost and bill output,
// scenario file errors and the course. EC2's answers, JSON field names and error codes stay
// English whatever the language, as AWS's own are.
#ifndef EC2SIM_LANG_H_
#define EC2SIM_LANG_H_

#include <optional>
#include <string_view>

namespace ec2sim {

enum class Lang { kEn, kKo };

// "en" or "ko".
constexpr std::string_view LangCode(Lang lang) { return lang == Lang::kKo ? "ko" : "en"; }

// "en" or "ko"; nullopt for anything else.
constexpr std::optional<Lang> LangFromCode(std::string_view code) {
  if (code == "en") return Lang::kEn;
  if (code == "ko") return Lang::kKo;
  return std::nullopt;
}

// Korean for a POSIX locale name starting with "ko" ("ko_KR.UTF-8", "ko"), English otherwise
// ("C", "en_US.UTF-8", "").
constexpr Lang LangOfLocale(std::string_view locale) {
  return locale.substr(0, 2) == "ko" ? Lang::kKo : Lang::kEn;
}

}  // namespace ec2sim

#endif  // EC2SIM_LANG_H_
