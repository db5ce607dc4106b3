// Paths into a step's JSON result: "Reservations[0].Instances[-1].State.Name".
//
// Grammar: parts separated by '.'; a part is an object key (any characters but '.', '[' and
// ']') followed by zero or more list indexes "[N]"; "[-1]" is the last element, "[-2]" the one
// before. The first part may be indexes alone ("[0].Name").
#ifndef EC2SIM_SIM_SCENARIO_JSON_PATH_H_
#define EC2SIM_SIM_SCENARIO_JSON_PATH_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ec2sim/result.h"

namespace ec2sim::scenario {

struct JsonPath {
  using Segment = std::variant<std::string, std::int64_t>;  // key or list index
  std::vector<Segment> segments;
};

// Parses a path. Error kSimInvalidInput naming the problem (empty path, empty key, bad index).
Result<JsonPath> ParseJsonPath(std::string_view text);

// Finds the value at `path` in `root`. The pointer stays valid while `root` is unchanged.
// Error kSimNotFound with a message that says which part did not resolve and why (missing key,
// index out of range, key into a non-object, index into a non-list).
Result<const nlohmann::json*> ResolveJsonPath(const nlohmann::json& root, const JsonPath& path);

// Both steps at once; a syntax error is reported as kSimInvalidInput.
Result<const nlohmann::json*> ResolveJsonPath(const nlohmann::json& root, std::string_view text);

// "an object", "a list", "a string", ... for messages.
std::string_view JsonKindName(const nlohmann::json& value);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_JSON_PATH_H_
