// DescribeSecurityGroups and DescribeSecurityGroupRules, with their filters and pagination.
#include <algorithm>

#include "sim/api/actions_describe.h"
#include "sim/api/describe.h"
#include "sim/api/filters.h"
#include "sim/api/sg_render.h"
#include "sim/model/security_groups.h"

namespace ec2sim::api {
namespace {

using model::SecurityGroup;
using model::SgRule;

using Values = std::vector<std::string>;

// The ip-permission.* filters of one direction: each filter matches if any rule of the group
// has the value (BC-MODEL DescribeSecurityGroupsRequest.Filters: "any combination of rules").
void AddRuleFilters(FilterSchema<SecurityGroup>& schema, model::Scope* scope, bool egress) {
  std::string prefix = egress ? "egress.ip-permission." : "ip-permission.";
  auto per_rule = [egress](auto value_of) {
    return [egress, value_of](const SecurityGroup& g) {
      Values out;
      for (const SgRule& r : g.rules) {
        if (r.egress != egress) continue;
        if (auto v = value_of(r); v.has_value()) out.push_back(*v);
      }
      return out;
    };
  };
  auto peer = [](SgRule::Peer kind) {
    return [kind](const SgRule& r) -> std::optional<std::string> {
      return r.peer == kind ? std::optional(r.peer_value) : std::nullopt;
    };
  };
  auto& f = schema.fields;
  f[prefix + "protocol"] = per_rule([](const SgRule& r) { return std::optional(r.protocol); });
  f[prefix + "from-port"] =
      per_rule([](const SgRule& r) { return std::optional(std::to_string(r.from_port)); });
  f[prefix + "to-port"] =
      per_rule([](const SgRule& r) { return std::optional(std::to_string(r.to_port)); });
  f[prefix + "cidr"] = per_rule(peer(SgRule::Peer::kCidr4));
  f[prefix + "ipv6-cidr"] = per_rule(peer(SgRule::Peer::kCidr6));
  f[prefix + "prefix-list-id"] = per_rule(peer(SgRule::Peer::kPrefixList));
  f[prefix + "group-id"] = per_rule(peer(SgRule::Peer::kGroup));
  f[prefix + "user-id"] = per_rule([](const SgRule& r) -> std::optional<std::string> {
    if (r.peer != SgRule::Peer::kGroup) return std::nullopt;
    return r.peer_user_id;
  });
  f[prefix + "group-name"] = per_rule([scope](const SgRule& r) -> std::optional<std::string> {
    if (r.peer != SgRule::Peer::kGroup) return std::nullopt;
    const SecurityGroup* ref = scope->groups.Find(r.peer_value);
    return ref == nullptr ? std::nullopt : std::optional(ref->name);
  });
}

FilterSchema<SecurityGroup> GroupFilters(model::Scope& scope) {
  FilterSchema<SecurityGroup> schema;
  model::Scope* bound = &scope;
  auto& f = schema.fields;
  f["group-id"] = [](const SecurityGroup& g) { return Values{g.id}; };
  f["group-name"] = [](const SecurityGroup& g) { return Values{g.name}; };
  f["description"] = [](const SecurityGroup& g) { return Values{g.description}; };
  f["vpc-id"] = [](const SecurityGroup& g) { return Values{g.vpc_id}; };
  f["owner-id"] = [bound](const SecurityGroup&) { return Values{bound->account}; };
  AddRuleFilters(schema, bound, false);
  AddRuleFilters(schema, bound, true);
  schema.tags = [](const SecurityGroup& g) -> const model::TagList& { return g.tags; };
  return schema;
}

Result<json> DescribeSecurityGroupsHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kSecurityGroup);
  DescribeQuery query;
  query.ids = p.StringList(kind.ids_param);
  std::vector<std::string> names = p.StringList("GroupNames");
  query.filters = p.Filters();
  query.max_results = p.OptInt("MaxResults", 5, 1000);
  query.next_token = p.OptString("NextToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const FilterSchema<SecurityGroup> schema = GroupFilters(ctx.scope);
  model::Scope& scope = ctx.scope;
  auto listed = [](const std::vector<std::string>& list, const std::string& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
  };
  DescribeSpec<SecurityGroup> spec;
  spec.schema = &schema;
  // Ids first, then names: the first unknown one is the answer.
  spec.check_ids = [&]() -> Status {
    EC2SIM_RETURN_IF_ERROR(model::CheckIds(kind, scope, query.ids));
    for (const std::string& name : names) {
      EC2SIM_RETURN_IF_ERROR(model::FindGroupByName(scope, scope.default_vpc_id, name));
    }
    return OkStatus();
  };
  // Named by id or, in the default VPC, by name; everything when neither is given.
  spec.requested = [&](const SecurityGroup& g) {
    if (query.ids.empty() && names.empty()) return true;
    return listed(query.ids, g.id) || (g.vpc_id == scope.default_vpc_id && listed(names, g.name));
  };
  spec.page_size_excludes_ids =
      PageSizeExcludesIds{query.ids.empty() ? "groupName" : "groupIdSet", "maxResults"};
  spec.other_selectors = !names.empty();
  return DescribeList(scope, scope.groups.values(), query, spec, kind.list_member,
                      [&](const SecurityGroup& g) { return SecurityGroupJson(scope, g); });
}

// A rule together with the group that holds it, for filtering.
struct RuleRef {
  const SecurityGroup* group;
  const SgRule* rule;
};

FilterSchema<RuleRef> RuleFilters() {
  FilterSchema<RuleRef> schema;
  schema.fields["group-id"] = [](const RuleRef& r) { return Values{r.group->id}; };
  schema.fields["security-group-rule-id"] = [](const RuleRef& r) {
    return Values{r.rule->rule_id};
  };
  schema.tags = [](const RuleRef& r) -> const model::TagList& { return r.rule->tags; };
  return schema;
}

Result<json> DescribeSecurityGroupRulesHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kSecurityGroupRule);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 1000});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const FilterSchema<RuleRef> schema = RuleFilters();
  // Group creation order, then the order rules were added to each group.
  std::vector<RuleRef> rules;
  for (const SecurityGroup& g : ctx.scope.groups.values()) {
    for (const SgRule& r : g.rules) rules.push_back({&g, &r});
  }
  DescribeSpec<RuleRef> spec =
      KindSpec(schema, kind, [](const RuleRef& r) -> std::string_view { return r.rule->rule_id; });
  return DescribeList(ctx.scope, rules, query, spec, kind.list_member,
                      [&](const RuleRef& r) { return RuleJson(ctx.scope, r.group->id, *r.rule); });
}

}  // namespace

void RegisterSecurityGroupDescribeActions(ActionTable& table) {
  table.Add("DescribeSecurityGroups", DescribeSecurityGroupsHandler, kStateDescribe);
  table.Add("DescribeSecurityGroupRules", DescribeSecurityGroupRulesHandler, kStateDescribe);
}

}  // namespace ec2sim::api
