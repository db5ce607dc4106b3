// The lines the teaching and verbose transcripts add under a step: its key facts, the values it
// saved and (verbose) its whole result, every line made safe for a terminal. Values come from
// the backend, which may be a remote server: nothing in them may move the cursor or forge a line.
#ifndef EC2SIM_SIM_SCENARIO_TRANSCRIPT_TEXT_H_
#define EC2SIM_SIM_SCENARIO_TRANSCRIPT_TEXT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ec2sim/scenario.h"

namespace ec2sim::scenario {

// Saved values longer than this many characters are cut short outside --verbose.
inline constexpr size_t kMaxShownValueChars = 100;

// "ip1 = 3.35.120.7". A string shows without quotes, anything else as compact JSON. Outside
// `verbose`, a value of several lines shows its first line and "... (N lines)" (a PEM private
// key), and a long one its first kMaxShownValueChars characters and "... (N characters)"; with
// `verbose`, every line, the later ones aligned under the first. Escaped for a terminal.
std::vector<std::string> SavedValueLines(const SavedValue& saved, bool verbose);

// `value` as JSON (pretty with `indent` >= 0, compact with -1) that a terminal shows as text:
// what JSON leaves raw and some terminals obey (DEL, the C1 controls) is written as \u00NN, so
// the text is still the same JSON. Invalid UTF-8 becomes U+FFFD.
std::string TerminalSafeJson(const nlohmann::json& value, int indent);

// The lines under a step's own line at `detail` (nothing at kQuiet): key facts, saved values,
// and at kVerbose the result. Each line is escaped; the caller indents them.
std::vector<std::string> StepDetailLines(const StepOutcome& step, TranscriptDetail detail);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_TRANSCRIPT_TEXT_H_
