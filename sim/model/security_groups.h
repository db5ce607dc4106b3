// Security groups as resources: lookup, creation, deletion, attaching them to network
// interfaces, quotas and EC2's error codes (ec2-semantics.md §6). Rules live in sg_rules.h;
// evaluating traffic against them is network evaluation's job.
#ifndef EC2SIM_MODEL_SECURITY_GROUPS_H_
#define EC2SIM_MODEL_SECURITY_GROUPS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// Default quotas (VPC-QUOTAS in ec2-semantics.md §6.3).
inline constexpr int kGroupsPerInterface = 5;
inline constexpr int kRulesPerDirection = 60;  // per IP family
inline constexpr int kGroupsPerRegion = 2500;
// Longest group name, group description and rule description (BC-MODEL).
inline constexpr std::size_t kMaxGroupText = 255;

// True for text EC2 accepts as a VPC group name or a group/rule description: at most
// kMaxGroupText characters from a-z, A-Z, 0-9, space and ._-:/()#,@[]+=&;{}!$*
// (BC-MODEL CreateSecurityGroupRequest.GroupName).
bool IsValidGroupText(std::string_view text);

// Errors: kInvalidGroupIdMalformed for an id that is not "sg-" + hex, kInvalidGroupNotFound.
Result<SecurityGroup*> FindGroupById(Scope& scope, std::string_view id);
// Errors: kInvalidGroupNotFound.
Result<SecurityGroup*> FindGroupByName(Scope& scope, std::string_view vpc_id,
                                       std::string_view name);
// The group named by `id`, or else by `name` in the default VPC (the GroupId/GroupName pair of
// many actions). Errors: kMissingParameter when neither is given, those of FindGroupById and
// FindGroupByName.
Result<SecurityGroup*> FindGroupByIdOrName(Scope& scope, const std::optional<std::string>& id,
                                           const std::optional<std::string>& name);

// What CreateSecurityGroup was asked for.
struct GroupSpec {
  std::string name;
  std::string description;
  std::string vpc_id;  // empty: the default VPC
  TagList tags;
};

// Creates a group with no inbound rules and one outbound rule allowing all traffic to
// 0.0.0.0/0 (VPC-SGRULES). Trailing spaces of the name are dropped (VPC-SG).
// Errors: kMissingParameter (empty name or description), kInvalidParameterValue (a name
// starting with "sg-", text too long or with characters EC2 refuses), kInvalidVpcIdNotFound,
// kInvalidGroupDuplicate, kSecurityGroupLimitExceeded (kGroupsPerRegion).
Result<SecurityGroup*> CreateSecurityGroup(World& world, Scope& scope, const GroupSpec& spec);

// Deletes a group. Errors: kCannotDelete for a VPC's default group, kDependencyViolation while
// a network interface carries the group or another group's rule references it.
Status DeleteSecurityGroup(Scope& scope, SecurityGroup& group);

// Replaces the groups of a network interface (ModifyInstanceAttribute/
// ModifyNetworkInterfaceAttribute Groups); the change applies at once. Repeated ids count once.
// Errors: kInvalidParameterValue for an empty list, kInvalidGroupIdMalformed,
// kInvalidGroupNotFound (also for a group of another VPC),
// kSecurityGroupsPerInterfaceLimitExceeded (kGroupsPerInterface).
Status SetInterfaceGroups(Scope& scope, NetworkInterface& eni,
                          const std::vector<std::string>& group_ids);

// The rule with this id in any group of the scope, or nullptr; `owner` receives its group.
SgRule* FindRule(Scope& scope, std::string_view rule_id, SecurityGroup** owner = nullptr);

// The tag list of an "sg-" group or an "sgr-" rule, or nullptr when there is no such resource
// (CreateTags/DeleteTags dispatch on the id prefix).
TagList* FindGroupOrRuleTags(Scope& scope, std::string_view id);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_SECURITY_GROUPS_H_
