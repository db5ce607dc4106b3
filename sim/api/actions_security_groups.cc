// Security-group actions: Create/DeleteSecurityGroup, Authorize/RevokeSecurityGroupIngress and
// Egress, and changing the groups of an instance or network interface. The Describe actions
// live in actions_sg_describe.cc.
#include <cstdint>

#include "sim/api/action_table.h"
#include "sim/api/render.h"
#include "sim/api/sg_render.h"
#include "sim/model/instances.h"
#include "sim/model/resource_kinds.h"
#include "sim/model/security_groups.h"
#include "sim/model/sg_rules.h"

namespace ec2sim::api {
namespace {

using model::PermissionSpec;
using model::SecurityGroup;
using model::SgRule;

Result<json> CreateSecurityGroupHandler(ApiContext& ctx, Params& p) {
  model::GroupSpec spec;
  // boto3 names the description "Description"; the wire and the error call it GroupDescription.
  for (const char* key : {"GroupName", "Description"}) {
    if (!p.Has(key)) {
      p.Fail(MakeError(ErrorCode::kMissingParameter,
                       std::string("The request must contain the parameter ") +
                           (std::string_view(key) == "Description" ? "GroupDescription" : key)));
    }
  }
  spec.name = p.OptString("GroupName").value_or("");
  spec.description = p.OptString("Description").value_or("");
  spec.vpc_id = p.OptString("VpcId").value_or("");
  spec.tags = p.TagSpecifications("security-group");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(SecurityGroup * group,
                          model::CreateSecurityGroup(ctx.world, ctx.scope, spec));
  json out = {{"GroupId", group->id}};
  if (!group->tags.empty()) out["Tags"] = TagsJson(group->tags);
  return out;
}

Result<json> DeleteSecurityGroupHandler(ApiContext& ctx, Params& p) {
  auto id = p.OptString("GroupId");
  auto name = p.OptString("GroupName");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(SecurityGroup * group, model::FindGroupByIdOrName(ctx.scope, id, name));
  std::string group_id = group->id;
  EC2SIM_RETURN_IF_ERROR(model::DeleteSecurityGroup(ctx.scope, *group));
  // Return and GroupId are in the current API's DeleteSecurityGroupResult (newer than BC-MODEL).
  return json{{"Return", true}, {"GroupId", group_id}};
}

// The keys of the single-rule form that predates IpPermissions.
constexpr const char* kLegacyKeys[] = {"CidrIp",
                                       "IpProtocol",
                                       "FromPort",
                                       "ToPort",
                                       "SourceSecurityGroupName",
                                       "SourceSecurityGroupOwnerId"};

// Reads the single-rule form: CidrIp with IpProtocol/FromPort/ToPort, or
// SourceSecurityGroupName alone, which grants all ICMP, TCP and UDP from that group
// (BC-MODEL AuthorizeSecurityGroupIngressRequest.SourceSecurityGroupName).
std::vector<PermissionSpec> DecodeLegacyForm(Params& p) {
  auto cidr = p.OptString("CidrIp");
  auto protocol = p.OptString("IpProtocol");
  auto from = p.OptInt("FromPort", INT32_MIN, INT32_MAX);
  auto to = p.OptInt("ToPort", INT32_MIN, INT32_MAX);
  auto source_name = p.OptString("SourceSecurityGroupName");
  auto source_owner = p.OptString("SourceSecurityGroupOwnerId");
  if (source_name.has_value()) {
    if (cidr || protocol || from || to) {
      p.Fail(MakeError(ErrorCode::kInvalidParameterCombination,
                       "SourceSecurityGroupName cannot be used with CidrIp, IpProtocol, "
                       "FromPort or ToPort; use IpPermissions for a specific protocol"));
      return {};
    }
    model::PeerSpec peer{SgRule::Peer::kGroup, "", *source_name, source_owner.value_or(""), ""};
    return {PermissionSpec{"icmp", -1, -1, {peer}}, PermissionSpec{"tcp", 0, 65535, {peer}},
            PermissionSpec{"udp", 0, 65535, {peer}}};
  }
  if (!cidr && !protocol && !from && !to) return {};
  if (!protocol.has_value()) {
    p.Fail(MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter IpProtocol"));
    return {};
  }
  PermissionSpec spec{*protocol, from, to, {}};
  if (cidr.has_value()) spec.peers.push_back({SgRule::Peer::kCidr4, *cidr, "", "", ""});
  return {spec};
}

// What an Authorize or Revoke request names: the group and the rules.
struct RuleRequest {
  std::optional<std::string> group_id;
  std::optional<std::string> group_name;
  std::vector<PermissionSpec> permissions;
};

// Reads GroupId (and for ingress GroupName), IpPermissions and the single-rule form. Egress
// has neither GroupName nor the single-rule form (BC-MODEL: "Not supported").
RuleRequest DecodeRuleRequest(Params& p, bool egress) {
  RuleRequest r;
  r.group_id = p.OptString("GroupId");
  if (!egress) {
    r.group_name = p.OptString("GroupName");
  } else if (!p.Has("GroupId")) {
    p.Fail(
        MakeError(ErrorCode::kMissingParameter, "The request must contain the parameter GroupId"));
  }
  bool has_legacy = false;
  for (const char* key : kLegacyKeys) has_legacy = has_legacy || p.Has(key);
  if (const json* list = p.List("IpPermissions")) {
    r.permissions = DecodePermissions(*list, p);
    if (has_legacy) {
      p.Fail(MakeError(ErrorCode::kInvalidParameterCombination,
                       "IpPermissions cannot be used with CidrIp, IpProtocol, FromPort, ToPort "
                       "or SourceSecurityGroupName"));
    }
  } else if (has_legacy && egress) {
    for (const char* key : kLegacyKeys) p.Raw(key);
    p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                     "Egress rules must be given as IpPermissions; CidrIp, IpProtocol, FromPort, "
                     "ToPort and SourceSecurityGroupName are not supported"));
  } else if (has_legacy) {
    r.permissions = DecodeLegacyForm(p);
  }
  return r;
}

Result<json> AuthorizeHandler(ApiContext& ctx, Params& p, bool egress) {
  RuleRequest request = DecodeRuleRequest(p, egress);
  model::TagList tags = p.TagSpecifications("security-group-rule");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(
      SecurityGroup * group,
      model::FindGroupByIdOrName(ctx.scope, request.group_id, request.group_name));
  EC2SIM_ASSIGN_OR_RETURN(
      std::vector<SgRule> added,
      model::AuthorizeRules(ctx.world, ctx.scope, *group, egress, request.permissions, tags));
  json rules = json::array();
  for (const SgRule& rule : added) rules.push_back(RuleJson(ctx.scope, group->id, rule));
  return json{{"Return", true}, {"SecurityGroupRules", rules}};
}

Result<json> RevokeHandler(ApiContext& ctx, Params& p, bool egress) {
  RuleRequest request = DecodeRuleRequest(p, egress);
  std::vector<std::string> rule_ids = p.StringList("SecurityGroupRuleIds");
  if (!rule_ids.empty() && !request.permissions.empty()) {
    p.Fail(MakeError(ErrorCode::kInvalidParameterCombination,
                     "SecurityGroupRuleIds cannot be used with IpPermissions or the single-rule "
                     "parameters"));
  }
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(
      SecurityGroup * group,
      model::FindGroupByIdOrName(ctx.scope, request.group_id, request.group_name));
  model::RevokeOutcome outcome;
  if (!rule_ids.empty()) {
    EC2SIM_ASSIGN_OR_RETURN(outcome.revoked, model::RevokeRulesById(*group, egress, rule_ids));
  } else {
    EC2SIM_ASSIGN_OR_RETURN(outcome,
                            model::RevokeRules(ctx.scope, *group, egress, request.permissions));
  }
  json revoked = json::array();
  for (const SgRule& rule : outcome.revoked) revoked.push_back(RevokedRuleJson(group->id, rule));
  json out = {{"Return", true}, {"RevokedSecurityGroupRules", revoked}};
  // Only a default-VPC group reports rules it did not have instead of failing.
  if (!outcome.unknown.empty())
    out["UnknownIpPermissions"] = IpPermissionsJson(outcome.unknown, egress);
  return out;
}

Result<json> AuthorizeIngressHandler(ApiContext& ctx, Params& p) {
  return AuthorizeHandler(ctx, p, false);
}
Result<json> AuthorizeEgressHandler(ApiContext& ctx, Params& p) {
  return AuthorizeHandler(ctx, p, true);
}
Result<json> RevokeIngressHandler(ApiContext& ctx, Params& p) {
  return RevokeHandler(ctx, p, false);
}
Result<json> RevokeEgressHandler(ApiContext& ctx, Params& p) { return RevokeHandler(ctx, p, true); }

// Reads the attributes ModifyNetworkInterfaceAttribute knows but the simulator does not change, and
// records Ec2sim.ParameterNotModeled for the first one present, before the missing Groups.
void RejectUnsupported(Params& p, std::initializer_list<const char*> keys) {
  for (const char* key : keys) p.NotModeled(key);
}

// The Groups member: required here, since it is the only attribute these actions change.
std::vector<std::string> GroupsAttribute(Params& p) {
  if (!p.Has("Groups")) {
    p.Fail(MakeError(ErrorCode::kMissingParameter,
                     "The request must contain an attribute to modify, such as Groups"));
  }
  return p.StringList("Groups");
}

Result<json> ModifyNetworkInterfaceAttributeHandler(ApiContext& ctx, Params& p) {
  std::string eni_id = p.String("NetworkInterfaceId");
  RejectUnsupported(p, {"Attachment", "Description", "SourceDestCheck", "EnaSrdSpecification"});
  std::vector<std::string> groups = GroupsAttribute(p);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  model::NetworkInterface* eni = ctx.scope.interfaces.Find(eni_id);
  if (eni == nullptr) {
    return model::NotFoundError(model::KindInfo(model::Kind::kNetworkInterface), eni_id);
  }
  EC2SIM_RETURN_IF_ERROR(model::SetInterfaceGroups(ctx.scope, *eni, groups));
  return json::object();
}

}  // namespace

void RegisterSecurityGroupActions(ActionTable& table) {
  table.Add("CreateSecurityGroup", CreateSecurityGroupHandler, kMutating);
  table.Add("DeleteSecurityGroup", DeleteSecurityGroupHandler, kMutating);
  table.Add("AuthorizeSecurityGroupIngress", AuthorizeIngressHandler, kMutating);
  table.Add("AuthorizeSecurityGroupEgress", AuthorizeEgressHandler, kMutating);
  table.Add("RevokeSecurityGroupIngress", RevokeIngressHandler, kMutating);
  table.Add("RevokeSecurityGroupEgress", RevokeEgressHandler, kMutating);
  table.Add("ModifyNetworkInterfaceAttribute", ModifyNetworkInterfaceAttributeHandler, kMutating);
  RegisterSecurityGroupDescribeActions(table);
}

}  // namespace ec2sim::api
