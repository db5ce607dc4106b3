// The language a command prints its own words in: `--lang en|ko`, else the locale.
#ifndef EC2SIM_CLI_LANG_H_
#define EC2SIM_CLI_LANG_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "ec2sim/lang.h"

namespace ec2sim::cli {

// Reads an environment variable (nullptr when unset); std::getenv by default, a map in tests.
using EnvReader = std::function<const char*(const char* name)>;

// `flag` ("en" or "ko") when given; otherwise the first of LC_ALL, LC_MESSAGES and LANG that is
// set and not empty decides, as POSIX orders them (ko... is Korean, anything else English);
// English when none is set.
Lang LangFor(const std::string& flag, const EnvReader& getenv = nullptr);

// Adds `--lang en|ko` to `cmd`, stored in `flag` ("" when not given).
void AddLangOption(CLI::App* cmd, std::string& flag);

}  // namespace ec2sim::cli

#endif  // EC2SIM_CLI_LANG_H_
