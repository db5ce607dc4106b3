// Security groups and their rules in boto3's shapes: decoding IpPermissions from a request,
// rendering groups (DescribeSecurityGroups) and rules (DescribeSecurityGroupRules).
#ifndef EC2SIM_API_SG_RENDER_H_
#define EC2SIM_API_SG_RENDER_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/api/action_table.h"
#include "sim/api/params.h"
#include "sim/model/sg_rules.h"

namespace ec2sim::api {

using nlohmann::json;

// Decodes an IpPermissions list, read with p.List("IpPermissions") ([{IpProtocol, FromPort, ToPort,
// IpRanges, Ipv6Ranges, UserIdGroupPairs, PrefixListIds}]). Shape problems (wrong types, unknown
// members) are recorded in `p`, so the handler's p.Finish() reports them.
std::vector<model::PermissionSpec> DecodePermissions(const json& list, Params& p);

// One element of SecurityGroupRules[] (DescribeSecurityGroupRules and Authorize* results).
json RuleJson(const model::Scope& scope, const std::string& group_id, const model::SgRule& rule);
// One element of RevokedSecurityGroupRules[] (Revoke* results).
json RevokedRuleJson(const std::string& group_id, const model::SgRule& rule);
// The rules of one direction as IpPermission entries: one entry per (protocol, from, to) in
// the order first seen, each listing its peers under IpRanges, Ipv6Ranges, PrefixListIds and
// UserIdGroupPairs. FromPort/ToPort are left out for protocol "-1", as AWS shows them.
json IpPermissionsJson(const std::vector<model::SgRule>& rules, bool egress);
// One element of SecurityGroups[].
json SecurityGroupJson(const model::Scope& scope, const model::SecurityGroup& group);

// DescribeSecurityGroups and DescribeSecurityGroupRules (called by
// RegisterSecurityGroupActions).
void RegisterSecurityGroupDescribeActions(ActionTable& table);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_SG_RENDER_H_
