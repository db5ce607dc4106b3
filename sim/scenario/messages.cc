#include "sim/scenario/messages.h"

#include <array>
#include <vector>

namespace ec2sim::scenario {
namespace {

struct Entry {
  std::string_view en;
  std::string_view ko;
};

constexpr Entry kMessages[] = {
#define EC2SIM_SCENARIO_MESSAGE_ENTRY(id, en, ko) {en, ko},
    EC2SIM_SCENARIO_MESSAGES(EC2SIM_SCENARIO_MESSAGE_ENTRY)
#undef EC2SIM_SCENARIO_MESSAGE_ENTRY
};

}  // namespace

std::string Message(Lang lang, MessageId id, std::initializer_list<std::string_view> args) {
  const Entry& entry = kMessages[static_cast<std::size_t>(id)];
  std::string_view text = lang == Lang::kKo ? entry.ko : entry.en;
  std::vector<std::string_view> values(args);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // "{N}" with one digit N: the catalog never needs more than nine arguments.
    if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9' &&
        text[i + 2] == '}') {
      std::size_t n = static_cast<std::size_t>(text[i + 1] - '1');
      if (n < values.size()) {
        out += values[n];
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string AllKoreanMessages() {
  std::string out;
  for (const Entry& e : kMessages) {
    out += e.ko;
    out += '\n';
  }
  return out;
}

}  // namespace ec2sim::scenario
