// DescribeSecurityGroups and DescribeSecurityGroupRules, with their filters and pagination.
#include <set>

#include "sim/api/actions_describe.h"
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
  std::vector<std::string> ids = p.StringList("GroupIds");
  std::vector<std::string> names = p.StringList("GroupNames");
  std::vector<Filter> filters = p.Filters();
  auto max_results = p.OptInt("MaxResults", 5, 1000);
  auto token = p.OptString("NextToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(NoPageSizeWithIds(!ids.empty() || !names.empty(), max_results.has_value(),
                                           ids.empty() ? "groupName" : "groupIdSet", "maxResults"));
  const FilterSchema<SecurityGroup> schema = GroupFilters(ctx.scope);
  EC2SIM_RETURN_IF_ERROR(CheckFilters(filters, schema));
  std::set<std::string> wanted;
  for (const std::string& id : ids) {
    EC2SIM_ASSIGN_OR_RETURN(SecurityGroup * g, model::FindGroupById(ctx.scope, id));
    wanted.insert(g->id);
  }
  for (const std::string& name : names) {
    EC2SIM_ASSIGN_OR_RETURN(SecurityGroup * g,
                            model::FindGroupByName(ctx.scope, ctx.scope.default_vpc_id, name));
    wanted.insert(g->id);
  }
  bool by_identity = !ids.empty() || !names.empty();
  std::vector<const SecurityGroup*> selected;
  for (const SecurityGroup& g : ctx.scope.groups.values()) {
    if (by_identity && wanted.count(g.id) == 0) continue;
    if (MatchesFilters(g, filters, schema)) selected.push_back(&g);
  }
  EC2SIM_ASSIGN_OR_RETURN(Page page, Paginate(selected.size(), max_results, token));
  json groups = json::array();
  for (size_t i = page.begin; i < page.end; ++i) {
    groups.push_back(SecurityGroupJson(ctx.scope, *selected[i]));
  }
  json out = {{"SecurityGroups", groups}};
  if (!page.next_token.empty()) out["NextToken"] = page.next_token;
  return out;
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
  std::vector<std::string> ids = p.StringList("SecurityGroupRuleIds");
  std::vector<Filter> filters = p.Filters();
  auto max_results = p.OptInt("MaxResults", 5, 1000);
  auto token = p.OptString("NextToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const FilterSchema<RuleRef> schema = RuleFilters();
  EC2SIM_RETURN_IF_ERROR(CheckFilters(filters, schema));
  for (const std::string& id : ids) {
    if (model::FindRule(ctx.scope, id) == nullptr) {
      return MakeError(ErrorCode::kInvalidSecurityGroupRuleIdNotFound,
                       "The security group rule ID '" + id + "' does not exist");
    }
  }
  std::set<std::string> wanted(ids.begin(), ids.end());
  // Group creation order, then the order rules were added to each group.
  std::vector<RuleRef> selected;
  for (const SecurityGroup& g : ctx.scope.groups.values()) {
    for (const SgRule& r : g.rules) {
      RuleRef ref{&g, &r};
      if (!wanted.empty() && wanted.count(r.rule_id) == 0) continue;
      if (MatchesFilters(ref, filters, schema)) selected.push_back(ref);
    }
  }
  EC2SIM_ASSIGN_OR_RETURN(Page page, Paginate(selected.size(), max_results, token));
  json rules = json::array();
  for (size_t i = page.begin; i < page.end; ++i) {
    rules.push_back(RuleJson(ctx.scope, selected[i].group->id, *selected[i].rule));
  }
  json out = {{"SecurityGroupRules", rules}};
  if (!page.next_token.empty()) out["NextToken"] = page.next_token;
  return out;
}

}  // namespace

void RegisterSecurityGroupDescribeActions(ActionTable& table) {
  table.Add("DescribeSecurityGroups", DescribeSecurityGroupsHandler, kStateDescribe);
  table.Add("DescribeSecurityGroupRules", DescribeSecurityGroupRulesHandler, kStateDescribe);
}

}  // namespace ec2sim::api
