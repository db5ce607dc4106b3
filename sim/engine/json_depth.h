// How deep a JSON text may nest, checked on the text before any parser builds a tree from it.
//
// nlohmann's parser itself is iterative, but copying, comparing, dumping and destroying the
// tree it builds recurse once per level: a 160 KB request body nested 80,000 deep overflowed
// the server's stack (issue 14). Every JSON text ec2sim reads from outside (admin request
// bodies, scenarios, lessons, load profiles, users files, journal records) goes through
// FindJsonTooDeep first, so no tree deeper than kMaxJsonDepth is ever built.
#ifndef EC2SIM_ENGINE_JSON_DEPTH_H_
#define EC2SIM_ENGINE_JSON_DEPTH_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ec2sim::engine {

// 64 levels of arrays and objects. The deepest legitimate text is a scenario step whose
// `expect` spells out a whole DescribeInstances answer: scenario, steps, step, expect,
// Reservations, reservation, Instances, instance, NetworkInterfaces, interface, Groups, group
// is 12 levels (an EC2 request's deepest member, IpPermissions.N.IpRanges.N.CidrIp, is 5).
// 64 leaves five times that, and 64 frames of recursion cost nothing.
inline constexpr int kMaxJsonDepth = 64;

struct JsonTooDeep {
  std::size_t offset = 0;  // 0-based offset of the '[' or '{' that opens the level too many
  std::string reason;      // "JSON nested deeper than 64 levels"
};

// The first bracket of `text` that opens a level deeper than `max_depth`, or nullopt when none
// does. One pass that skips strings, linear in the text. Texts that are not JSON may pass or
// not; their parser refuses them anyway, and on any prefix that is valid JSON the count here is
// exactly the parser's depth, so a text that passes never nests deeper once parsed.
std::optional<JsonTooDeep> FindJsonTooDeep(std::string_view text, int max_depth = kMaxJsonDepth);

}  // namespace ec2sim::engine

#endif  // EC2SIM_ENGINE_JSON_DEPTH_H_
