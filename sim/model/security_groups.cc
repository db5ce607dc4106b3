#include "sim/model/security_groups.h"

#include <algorithm>
#include <cctype>

#include "sim/model/resource_ids.h"
#include "sim/model/resource_kinds.h"

namespace ec2sim::model {
namespace {

constexpr std::string_view kAllowedPunctuation = " ._-:/()#,@[]+=&;{}!$*";

Status CheckText(std::string_view parameter, const std::string& value) {
  std::string prefix =
      "Value (" + value + ") for parameter " + std::string(parameter) + " is invalid. ";
  if (value.size() > kMaxGroupText) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     prefix + "It must be at most 255 characters long.");
  }
  if (!IsValidGroupText(value)) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     prefix +
                         "Allowed characters are a-z, A-Z, 0-9, spaces, and "
                         "._-:/()#,@[]+=&;{}!$*");
  }
  return OkStatus();
}

bool IsDefaultGroup(const Scope& scope, const SecurityGroup& group) {
  const Vpc* vpc = scope.vpcs.Find(group.vpc_id);
  return vpc != nullptr && vpc->default_group_id == group.id;
}

}  // namespace

bool IsValidGroupText(std::string_view text) {
  return text.size() <= kMaxGroupText && std::all_of(text.begin(), text.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) ||
                  kAllowedPunctuation.find(c) != std::string_view::npos;
         });
}

Result<SecurityGroup*> FindGroupById(Scope& scope, std::string_view id) {
  const ResourceKind& kind = KindInfo(Kind::kSecurityGroup);
  if (!IsWellFormedId(kind, id)) return MalformedIdError(kind, id);
  SecurityGroup* g = scope.groups.Find(id);
  if (g == nullptr) return NotFoundError(kind, id);
  return g;
}

Result<SecurityGroup*> FindGroupByName(Scope& scope, std::string_view vpc_id,
                                       std::string_view name) {
  for (SecurityGroup& g : scope.groups.values()) {
    if (g.vpc_id == vpc_id && g.name == name) return &g;
  }
  return MakeError(ErrorCode::kInvalidGroupNotFound, "The security group '" + std::string(name) +
                                                         "' does not exist in default VPC '" +
                                                         std::string(vpc_id) + "'");
}

Result<SecurityGroup*> FindGroupByIdOrName(Scope& scope, const std::optional<std::string>& id,
                                           const std::optional<std::string>& name) {
  if (id.has_value()) return FindGroupById(scope, *id);
  if (name.has_value()) return FindGroupByName(scope, scope.default_vpc_id, *name);
  return MakeError(ErrorCode::kMissingParameter,
                   "The request must contain the parameter groupName or groupId");
}

Result<SecurityGroup*> CreateSecurityGroup(World& world, Scope& scope, const GroupSpec& spec) {
  std::string name = spec.name;
  while (!name.empty() && name.back() == ' ') name.pop_back();
  if (name.empty()) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter GroupName");
  }
  if (spec.description.empty()) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter GroupDescription");
  }
  if (name.rfind("sg-", 0) == 0) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + name +
                         ") for parameter GroupName is invalid. Group names may not be in the "
                         "format sg-*.");
  }
  EC2SIM_RETURN_IF_ERROR(CheckText("GroupName", name));
  EC2SIM_RETURN_IF_ERROR(CheckText("GroupDescription", spec.description));
  std::string vpc_id = spec.vpc_id.empty() ? scope.default_vpc_id : spec.vpc_id;
  if (scope.vpcs.Find(vpc_id) == nullptr) {
    return NotFoundError(KindInfo(Kind::kVpc), vpc_id);
  }
  if (FindGroupByName(scope, vpc_id, name).ok()) {
    return MakeError(ErrorCode::kInvalidGroupDuplicate,
                     "The security group '" + name + "' already exists for VPC '" + vpc_id + "'");
  }
  if (scope.groups.size() >= static_cast<size_t>(kGroupsPerRegion)) {
    return MakeError(ErrorCode::kSecurityGroupLimitExceeded,
                     "The maximum number of security groups for the region has been reached.");
  }
  SecurityGroup group;
  group.id = world.NewId("sg");
  group.name = name;
  group.description = spec.description;
  group.vpc_id = vpc_id;
  group.tags = spec.tags;
  // A new group sends anywhere and receives nothing (VPC-SGRULES).
  SgRule egress;
  egress.rule_id = world.NewId("sgr");
  egress.egress = true;
  egress.protocol = "-1";
  egress.peer = SgRule::Peer::kCidr4;
  egress.peer_value = "0.0.0.0/0";
  group.rules.push_back(std::move(egress));
  std::string id = group.id;
  return &scope.groups.Insert(id, std::move(group));
}

Status DeleteSecurityGroup(Scope& scope, SecurityGroup& group) {
  if (IsDefaultGroup(scope, group)) {
    return MakeError(ErrorCode::kCannotDelete, "the specified group: \"" + group.id +
                                                   "\" name: \"" + group.name +
                                                   "\" cannot be deleted by a user");
  }
  Error dependent = MakeError(ErrorCode::kDependencyViolation,
                              "resource " + group.id + " has a dependent object");
  for (const NetworkInterface& eni : scope.interfaces.values()) {
    if (std::find(eni.group_ids.begin(), eni.group_ids.end(), group.id) != eni.group_ids.end()) {
      return dependent;
    }
  }
  for (const SecurityGroup& other : scope.groups.values()) {
    if (other.id == group.id) continue;  // a rule referencing its own group does not block
    for (const SgRule& r : other.rules) {
      if (r.peer == SgRule::Peer::kGroup && r.peer_value == group.id) return dependent;
    }
  }
  std::string id = group.id;
  scope.groups.Erase(id);
  return OkStatus();
}

Status SetInterfaceGroups(Scope& scope, NetworkInterface& eni,
                          const std::vector<std::string>& group_ids) {
  if (group_ids.empty()) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "You must specify at least one security group.");
  }
  std::vector<std::string> ids;
  for (const std::string& id : group_ids) {
    EC2SIM_ASSIGN_OR_RETURN(SecurityGroup * g, FindGroupById(scope, id));
    if (g->vpc_id != eni.vpc_id) {
      return MakeError(ErrorCode::kInvalidGroupNotFound,
                       "You have specified two resources that belong to different networks.");
    }
    if (std::find(ids.begin(), ids.end(), g->id) == ids.end()) ids.push_back(g->id);
  }
  if (ids.size() > static_cast<size_t>(kGroupsPerInterface)) {
    return MakeError(ErrorCode::kSecurityGroupsPerInterfaceLimitExceeded,
                     "The maximum number of security groups per interface has been reached.");
  }
  eni.group_ids = std::move(ids);
  return OkStatus();
}

SgRule* FindRule(Scope& scope, std::string_view rule_id, SecurityGroup** owner) {
  for (SecurityGroup& g : scope.groups.values()) {
    for (SgRule& r : g.rules) {
      if (r.rule_id == rule_id) {
        if (owner != nullptr) *owner = &g;
        return &r;
      }
    }
  }
  return nullptr;
}

TagList* FindGroupOrRuleTags(Scope& scope, std::string_view id) {
  const ResourceKind* kind = KindOfId(id);
  if (kind == nullptr ||
      (kind->kind != Kind::kSecurityGroup && kind->kind != Kind::kSecurityGroupRule)) {
    return nullptr;
  }
  return kind->find(scope, id);
}

}  // namespace ec2sim::model
