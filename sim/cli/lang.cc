#include "sim/cli/lang.h"

#include <cstdlib>

namespace ec2sim::cli {

Lang LangFor(const std::string& flag, const EnvReader& getenv) {
  if (std::optional<Lang> lang = LangFromCode(flag)) return *lang;
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = getenv ? getenv(var) : std::getenv(var);
    if (value != nullptr && *value != '\0') return LangOfLocale(value);
  }
  return Lang::kEn;
}

void AddLangOption(CLI::App* cmd, std::string& flag) {
  cmd->add_option("--lang", flag, "Language of the output: en or ko (default: from LANG)")
      ->check(CLI::IsMember({"en", "ko"}));
}

}  // namespace ec2sim::cli
