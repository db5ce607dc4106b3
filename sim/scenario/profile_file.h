// Load profile files: the small JSON format `ec2sim cost compare --profile FILE` reads
// (docs/cost.md, "Profile files"). The fleet models (sim/model/cost) take the parsed
// LoadProfile and know no JSON.
//
//   {"name": "shop", "unit": "requests/s", "step": "1h", "repeat": 7,
//    "demand": [100, 80, 60, 900, 1200],
//    "server_capacity": 250, "instance_capacity": 250,
//    "failures": [{"at": "30h", "repair": "2d"}]}
//
// Only "demand" is required. Durations are strings such as "15m", "1h", "2d" (ParseDuration).
#ifndef EC2SIM_SCENARIO_PROFILE_FILE_H_
#define EC2SIM_SCENARIO_PROFILE_FILE_H_

#include <string>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/model/cost/profile.h"

namespace ec2sim::scenario {

// The largest profile accepted: steps after repetition, and horizon.
inline constexpr std::size_t kMaxProfileSteps = 1'000'000;
inline constexpr Duration kMaxProfileHorizon = 10 * 366 * kDay;

// Parses profile text. Errors are kSimInvalidInput with a message that starts with
// `source_name`: "shop.json:3:14: syntax error ..." for malformed JSON (1-based line and column),
// "shop.json: field 'demand[2]': must be a whole number >= 0" for a bad value, and likewise for
// unknown fields, missing "demand", and anything ValidateProfile rejects.
Result<cost::LoadProfile> ParseProfileText(std::string_view text, const std::string& source_name);

// Reads and parses the file at `path` (name defaults to the file name without directory and
// extension). kSimInvalidInput "PATH: cannot read the file" when it cannot be read.
Result<cost::LoadProfile> LoadProfileFile(const std::string& path);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SCENARIO_PROFILE_FILE_H_
