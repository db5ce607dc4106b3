// Expectation matchers: {"eq": V}, {"ne": V}, {"approx": X, "tol": T}, {"between": [LO, HI]},
// {"matches": "REGEX"}, {"exists": B}, {"len": N}, {"contains": V}, and over lists
// {"any": M} (some element meets matcher M) and {"all": M} (every element does; true for an
// empty list). Any other value (including an object without a matcher key) must be equal to the
// actual value.
#ifndef EC2SIM_SIM_SCENARIO_MATCHERS_H_
#define EC2SIM_SIM_SCENARIO_MATCHERS_H_

#include <nlohmann/json.hpp>
#include <string>

#include "ec2sim/result.h"

namespace ec2sim::scenario {

// Tolerance of "approx" when "tol" is not given.
inline constexpr double kDefaultApproxTolerance = 0.005;

// True when `spec` is an object that names a matcher key (or "tol"); such an object must pass
// ValidateMatcher.
bool IsMatcherObject(const nlohmann::json& spec);

// Checks a matcher as written in a file, before substitution: one matcher key (plus "tol" next
// to "approx"), operands of the right type, a regex that compiles. An operand that is exactly
// "${name}" is accepted where a number is needed and checked when the step runs. Error
// kSimInvalidInput, e.g. `matcher "approx" needs a number`.
Status ValidateMatcher(const nlohmann::json& spec);

struct MatchOutcome {
  bool passed = false;
  std::string expected;  // what the matcher wanted, for failure messages
  std::string actual;    // what was found, for failure messages
};

// Applies a matcher (after substitution) to `actual`, which is null when the path did not
// resolve; `missing_reason` then says why. Never fails: a bad operand is a failed match whose
// `expected` explains the problem.
MatchOutcome EvaluateMatcher(const nlohmann::json& spec, const nlohmann::json* actual,
                             const std::string& missing_reason);

// A JSON value as one short line (long values are cut with "...").
std::string Brief(const nlohmann::json& value);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_MATCHERS_H_
