// The CLI's own headings and short words in the output language, looked up by their English
// text (as gettext does): English output is the key itself, so English output never changes when
// a Korean word is added. Sentences with values in them are built by each command.
#ifndef EC2SIM_CLI_WORDS_H_
#define EC2SIM_CLI_WORDS_H_

#include <string>
#include <string_view>

#include "ec2sim/lang.h"

namespace ec2sim::cli {

// `english` in `lang`; `english` itself when `lang` is English or the word has no Korean entry.
std::string Word(Lang lang, std::string_view english);

}  // namespace ec2sim::cli

#endif  // EC2SIM_CLI_WORDS_H_
