// Scenario files as the course prints them (`lesson start`, `lesson solution`): in the
// learner's language and laid out compactly enough to read in a terminal.
#ifndef EC2SIM_SIM_LESSONS_SCENARIO_TEXT_H_
#define EC2SIM_SIM_LESSONS_SCENARIO_TEXT_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "sim/lessons/lesson.h"

namespace ec2sim::lessons {

// `value` as JSON text: an object or list that fits in `width` columns (after `indent` spaces)
// stays on one line, written `{"a": 1, "b": [2, 3]}`; a longer one gets one member per line,
// indented by two more spaces. Ends without a newline.
std::string CompactJson(const nlohmann::ordered_json& value, std::size_t indent = 0,
                        std::size_t width = 100);

// A scenario file's text with each bilingual note ({"en": ..., "ko": ...}, see
// docs/scenario-format.md) replaced by its text in `lang`, laid out by CompactJson. Text without
// bilingual notes, or that is not JSON, is returned unchanged.
std::string LocalizedScenario(std::string_view text, Lang lang);

// The keys of a scenario's top level that decide how it runs (start, seed, timing, pricing,
// free_tier), in that order: a starter copies them from the solution so that an answer built on
// it is graded under the same conditions.
inline constexpr std::string_view kScenarioSettings[] = {"start", "seed", "timing", "pricing",
                                                         "free_tier"};

}  // namespace ec2sim::lessons

#endif  // EC2SIM_SIM_LESSONS_SCENARIO_TEXT_H_
