// The "[?COND && ...]" filters of scenario paths (grammar in json_path.h): parsing and testing
// one element. Split from json_path.cc, which walks paths.
#ifndef EC2SIM_SIM_SCENARIO_JSON_FILTER_H_
#define EC2SIM_SIM_SCENARIO_JSON_FILTER_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/scenario/json_path.h"

namespace ec2sim::scenario {

// `s` without leading and trailing spaces.
std::string_view TrimSpaces(std::string_view s);

// Parses the text between "[?" and "]". `whole` is the full path, for messages. Error
// kSimInvalidInput ("invalid path \"...\": filter [?X ==] has no value").
Result<JsonFilter> ParseJsonFilter(std::string_view whole, std::string_view text);

// True when every condition of `filter` holds for `element`.
bool FilterPasses(const JsonFilter& filter, const nlohmann::json& element);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_JSON_FILTER_H_
