// Security-group rules: validating and canonicalising requested permissions, adding them
// (AuthorizeSecurityGroupIngress/Egress) and removing them (RevokeSecurityGroupIngress/Egress)
// with EC2's checks, quotas and error codes (ec2-semantics.md §6.2, §6.3).
#ifndef EC2SIM_MODEL_SG_RULES_H_
#define EC2SIM_MODEL_SG_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// One peer of a requested permission: an element of IpRanges, Ipv6Ranges, UserIdGroupPairs or
// PrefixListIds.
struct PeerSpec {
  SgRule::Peer kind = SgRule::Peer::kCidr4;
  std::string value;       // CIDR, group id or prefix-list id, as given
  std::string group_name;  // kGroup only: a group named instead of value (default VPC only)
  std::string user_id;     // kGroup only: owner of the referenced group ("" = caller)
  std::string description;
};

// One IpPermission as requested. Ports are wide so that out-of-range input is reported, not
// truncated.
struct PermissionSpec {
  std::string protocol;
  std::optional<std::int64_t> from_port;
  std::optional<std::int64_t> to_port;
  std::vector<PeerSpec> peers;
};

// The protocol as EC2 stores it: "tcp", "udp", "icmp", "icmpv6" (also for 6, 17, 1 and 58),
// "-1", or another protocol number 0-255 in decimal. Names are accepted in any case.
// Errors: kInvalidParameterValue ("Invalid value 'xyz' for IP protocol. Unknown protocol.").
Result<std::string> CanonicalProtocol(std::string_view protocol);

// Turns permissions into rules of `group` (no rule ids yet), one per (permission x peer):
// checks protocol, ports, CIDRs, descriptions and referenced groups (which must exist and be in
// the group's VPC). Errors: kInvalidParameterValue, kMissingParameter, kInvalidGroupNotFound,
// kInvalidGroupIdMalformed.
Result<std::vector<SgRule>> ResolvePermissions(Scope& scope, const SecurityGroup& group,
                                               bool egress,
                                               const std::vector<PermissionSpec>& permissions);

// True when two rules have the same direction, protocol, ports and peer (descriptions and ids
// do not matter, as for duplicates and revocation by attributes).
bool SameRule(const SgRule& a, const SgRule& b);

// EC2's text for a rule in duplicate errors, e.g.
// "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW".
std::string RuleText(const SgRule& rule);

// Adds rules to `group`, all or nothing, each with its own "sgr-" id and `rule_tags`. Returns
// copies of the new rules in request order. Errors: those of ResolvePermissions;
// kMissingParameter for no permissions; kInvalidParameterValue when the request repeats a rule;
// kInvalidPermissionDuplicate when a rule already exists; kRulesPerSecurityGroupLimitExceeded
// when a direction would exceed kRulesPerDirection IPv4 or IPv6 rules.
Result<std::vector<SgRule>> AuthorizeRules(World& world, Scope& scope, SecurityGroup& group,
                                           bool egress,
                                           const std::vector<PermissionSpec>& permissions,
                                           const TagList& rule_tags);

// What a revocation removed, and (default VPC only) the requested rules that did not exist.
struct RevokeOutcome {
  std::vector<SgRule> revoked;
  std::vector<SgRule> unknown;
};

// Removes rules matching the permissions exactly (protocol, ports, peer; not description).
// In a nondefault VPC a missing rule fails the whole call with kInvalidPermissionNotFound and
// nothing is removed; in the default VPC the rules that exist are removed and the others are
// reported in `unknown` (RevokeSecurityGroupIngress API reference). Errors: those of
// ResolvePermissions, kMissingParameter for no permissions.
Result<RevokeOutcome> RevokeRules(Scope& scope, SecurityGroup& group, bool egress,
                                  const std::vector<PermissionSpec>& permissions);

// Removes rules by id, all or nothing. Errors: kInvalidSecurityGroupRuleIdNotFound for an id
// that is not a rule of this group in this direction.
Result<std::vector<SgRule>> RevokeRulesById(SecurityGroup& group, bool egress,
                                            const std::vector<std::string>& rule_ids);

// Rule counts of one direction as the quota sees them: a group reference or prefix list counts
// once for IPv4 and once for IPv6 (VPC-QUOTAS).
struct RuleCounts {
  int ipv4 = 0;
  int ipv6 = 0;
};
RuleCounts CountRules(const std::vector<SgRule>& rules, bool egress);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_SG_RULES_H_
