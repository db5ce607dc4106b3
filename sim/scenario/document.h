// Loading and validating scenario files (internal entry points of ec2sim/scenario.h, with the
// set of known actions injectable for tests).
#ifndef EC2SIM_SIM_SCENARIO_DOCUMENT_H_
#define EC2SIM_SIM_SCENARIO_DOCUMENT_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/lang.h"
#include "ec2sim/result.h"
#include "ec2sim/scenario.h"
#include "sim/scenario/messages.h"

namespace ec2sim::scenario {

// True when a call step may name the action.
using ActionPredicate = std::function<bool(std::string_view action)>;

// True for text shaped like a region code: "us-east-1", "ap-northeast-2", "us-gov-west-1".
bool IsRegionShaped(std::string_view text);
// True for a 12-digit account id.
bool IsAccountId(std::string_view text);

// ParseScenario with `has_action` deciding which call actions exist; messages in `lang`.
Result<Scenario> ParseScenarioText(std::string_view text, const std::string& display_name,
                                   const ActionPredicate& has_action, Lang lang = Lang::kEn);

// LoadScenarioFile with `has_action` deciding which call actions exist; messages in `lang`.
Result<Scenario> LoadScenarioFileWith(const std::string& path, const ActionPredicate& has_action,
                                      Lang lang = Lang::kEn);

// Collects format problems, one message per line, each starting with the file's name, in the
// language the messages are wanted in.
class Diagnostics {
 public:
  explicit Diagnostics(std::string file, Lang lang = Lang::kEn)
      : file_(std::move(file)), lang_(lang) {}

  Lang lang() const { return lang_; }
  // The catalog's message `id` in this language.
  std::string Text(MessageId id, std::initializer_list<std::string_view> args = {}) const {
    return Message(lang_, id, args);
  }

  // "FILE: message".
  void Add(const std::string& message);
  void Add(MessageId id, std::initializer_list<std::string_view> args = {}) { Add(Text(id, args)); }
  // "FILE: step N: message" or, with a key, "FILE: step N ("key"): message".
  void AddForStep(int step, std::string_view key, const std::string& message);

  bool empty() const { return lines_.empty(); }
  // Every message, one per line, as an Error of kind kSimInvalidInput.
  Error ToError() const;

 private:
  std::string file_;
  Lang lang_;
  std::vector<std::string> lines_;
};

// Validates one element of "steps" (1-based `index`) and converts it. `saved` holds the names
// saved by earlier steps; the step's own saves are added to it. Problems go to `diagnostics`;
// the returned step is meaningful only when none were added.
ScenarioStep ValidateStep(const nlohmann::ordered_json& raw, int index,
                          const ActionPredicate& has_action, std::set<std::string>& saved,
                          Diagnostics& diagnostics);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_DOCUMENT_H_
