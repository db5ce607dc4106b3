// "${name}" references to values saved by earlier steps (see ec2sim/scenario.h for the rules).
#ifndef EC2SIM_SIM_SCENARIO_SUBSTITUTE_H_
#define EC2SIM_SIM_SCENARIO_SUBSTITUTE_H_

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/result.h"
#include "sim/scenario/json_path.h"

namespace ec2sim::scenario {

// Saved values by name. Ordered so that anything derived from it is deterministic.
using Variables = std::map<std::string, nlohmann::json, std::less<>>;

// A saved name: a letter or '_', then letters, digits, '_' or '-'.
bool IsVariableName(std::string_view name);

// Appends the names referenced in `text` to `names`, in order of appearance. Error
// kSimInvalidInput for an unterminated "${" or an invalid name.
Status CollectTextReferences(std::string_view text, std::vector<std::string>& names);

// The same for every string inside `value` (object keys are not looked at).
Status CollectReferences(const nlohmann::json& value, std::vector<std::string>& names);

// True when `value` is a string consisting of exactly one reference, "${name}".
bool IsWholeReference(const nlohmann::json& value);

// Replaces references in a string: always spliced as text. Error kSimNotFound for a name that is
// not in `vars`, kSimInvalidInput for a malformed reference.
Result<std::string> SubstituteText(std::string_view text, const Variables& vars);

// Replaces references in every string of `value`: a whole-string reference becomes the saved
// value with its type, others are spliced. Errors as SubstituteText.
Result<nlohmann::json> Substitute(const nlohmann::json& value, const Variables& vars);

// Appends the names referenced by `path`'s filter values ("[?SubnetId == '${subnet}']") to
// `names`. Error kSimInvalidInput for a reference anywhere else in the path (a key), which
// could change the path's shape, or a malformed one.
Status CollectPathReferences(const JsonPath& path, std::vector<std::string>& names);

// `path` with its filter values' references replaced: a quoted value is spliced as text
// ('${subnet}' stays a string); a bare whole reference (${port}) becomes the saved value with
// its type. Errors as SubstituteText.
Result<JsonPath> BindJsonPath(const JsonPath& path, const Variables& vars);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_SUBSTITUTE_H_
