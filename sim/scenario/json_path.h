// Paths into a step's JSON result: "Reservations[0].Instances[-1].State.Name".
//
// Grammar: parts separated by '.'; a part is an object key (any characters but '.', '[' and
// ']') followed by zero or more list indexes "[N]"; "[-1]" is the last element, "[-2]" the one
// before. The first part may be indexes alone ("[0].Name").
//
// Two selectors make a path select many values (a "multi-valued" path):
//   [*]       every element of a list (or every value of an object, in key order);
//   [?COND]   the elements of a list for which COND holds; "[?A && B]" needs both. COND is
//             `PATH`, true when the element has a value there that is neither null nor false;
//             `!PATH`, its negation; or `PATH OP LITERAL` with OP one of == != < <= > >=. PATH is
//             a single-valued path relative to the element. LITERAL is a number, true, false,
//             null, a 'quoted' string or a bare word (a string). == and != compare JSON values;
//             < <= > >= compare two numbers or two strings and are false otherwise; a missing
//             PATH is != anything. Spaces around "&&" and operators are ignored.
// A multi-valued path selects a list: every value it reaches, in document order, flattened one
// level per selector ("Reservations[*].Instances[*].InstanceId" is a list of ids). Parts that do
// not resolve below a selector are skipped, so the list may be empty.
//
// A pipe "LEFT | RIGHT" (JMESPath's, as in `aws ... --query`) applies the path RIGHT to the value
// LEFT selects: "Addresses[?!AssociationId].PublicIp | [0]" is the first such address, a
// string, not a list. RIGHT is a path whose first part may be indexes alone; only "|" outside
// brackets and quotes splits, and a path may have several ("A[*] | [0].B[*] | [-1]").
//
// A filter's LITERAL may be a reference to a saved value, "[?SubnetId == '${subnet}']": the path
// is parsed with the reference in place, and BindJsonPath (substitute.h) puts the value in
// before the path is used. References anywhere else in a path are an error.
#ifndef EC2SIM_SIM_SCENARIO_JSON_PATH_H_
#define EC2SIM_SIM_SCENARIO_JSON_PATH_H_

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ec2sim/result.h"

namespace ec2sim::scenario {

struct JsonPath;

// "[*]": every element.
struct JsonWildcard {
  bool operator==(const JsonWildcard&) const = default;
};

// One test of a "[?...]" filter (see the grammar above).
struct JsonCondition {
  enum class Op { kTruthy, kFalsy, kEq, kNe, kLt, kLe, kGt, kGe };
  std::shared_ptr<const JsonPath> path;  // relative to the element; never multi-valued
  Op op = Op::kTruthy;
  nlohmann::json literal;  // the right-hand side; null for kTruthy and kFalsy
  bool quoted = false;     // the literal was written in 'quotes' (always a string)
};

// "[?COND && COND ...]": keeps the elements for which every condition holds.
struct JsonFilter {
  std::vector<JsonCondition> all;
};

struct JsonPath {
  // Key, list index, or a selector.
  using Segment = std::variant<std::string, std::int64_t, JsonWildcard, JsonFilter>;
  std::vector<Segment> segments;
  // "| RIGHT": the path applied to what `segments` select; null when there is no pipe.
  std::shared_ptr<const JsonPath> then;
};

// True when the path selects a list of values: its last piped part (the whole path when there
// is no "|") has a [*] or [?...] selector.
bool IsMultiValued(const JsonPath& path);

// Parses a path. Error kSimInvalidInput naming the problem (empty path, empty key, bad index).
Result<JsonPath> ParseJsonPath(std::string_view text);

// Finds the value at `path` in `root`. The pointer stays valid while `root` is unchanged.
// Error kSimNotFound with a message that says which part did not resolve and why (missing key,
// index out of range, key into a non-object, index into a non-list); kSimInvalidInput for a
// multi-valued path or one with "|" (use SelectJsonPath).
Result<const nlohmann::json*> ResolveJsonPath(const nlohmann::json& root, const JsonPath& path);

// Both steps at once; a syntax error is reported as kSimInvalidInput.
Result<const nlohmann::json*> ResolveJsonPath(const nlohmann::json& root, std::string_view text);

// A copy of what `path` selects: for a single-valued path the value ResolveJsonPath finds (same
// errors); for a multi-valued path the list of selected values. The part before the first
// selector must resolve (kSimNotFound as above) and the first selector must meet a list (or an
// object for [*]); after that, parts that do not resolve are skipped. After a "|", errors name
// "the value before '|'" (e.g. "index [0] out of range: the value before '|' has 0 elements").
Result<nlohmann::json> SelectJsonPath(const nlohmann::json& root, const JsonPath& path);
Result<nlohmann::json> SelectJsonPath(const nlohmann::json& root, std::string_view text);

// "an object", "a list", "a string", ... for messages.
std::string_view JsonKindName(const nlohmann::json& value);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_JSON_PATH_H_
