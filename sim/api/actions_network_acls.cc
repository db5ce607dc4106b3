// Network ACL actions: CreateNetworkAcl, DeleteNetworkAcl, Create/Replace/DeleteNetworkAclEntry,
// ReplaceNetworkAclAssociation and DescribeNetworkAcls, in boto3's shapes
// (ec2-semantics.md §6.5). The rules live in sim/model/network/nacl.h.
#include <algorithm>
#include <cstdint>

#include "sim/api/action_table.h"
#include "sim/api/actions_describe.h"
#include "sim/api/describe.h"
#include "sim/api/filters.h"
#include "sim/api/render.h"
#include "sim/model/network/nacl.h"

namespace ec2sim::api {
namespace {

using model::NetworkAcl;
using model::NetworkAclEntry;

json EntryJson(const NetworkAclEntry& e) {
  json j = {{"Egress", e.egress},
            {"Protocol", e.protocol},
            {"RuleAction", e.allow ? "allow" : "deny"},
            {"RuleNumber", e.rule_number}};
  if (e.cidr4) j["CidrBlock"] = e.cidr4->ToString();
  if (e.cidr6) j["Ipv6CidrBlock"] = e.cidr6->ToString();
  if (e.protocol == "6" || e.protocol == "17") {
    j["PortRange"] = {{"From", e.port_from}, {"To", e.port_to}};
  }
  if (e.protocol == "1" || e.protocol == "58") {
    j["IcmpTypeCode"] = {{"Code", e.icmp_code}, {"Type", e.icmp_type}};
  }
  return j;
}

// Entries as DescribeNetworkAcls lists them: egress first, each direction by rule number.
std::vector<const NetworkAclEntry*> OrderedEntries(const NetworkAcl& acl) {
  std::vector<const NetworkAclEntry*> out;
  for (const NetworkAclEntry& e : acl.entries) out.push_back(&e);
  std::stable_sort(out.begin(), out.end(), [](const NetworkAclEntry* a, const NetworkAclEntry* b) {
    if (a->egress != b->egress) return a->egress;
    return a->rule_number < b->rule_number;
  });
  return out;
}

json AclJson(const model::Scope& scope, const NetworkAcl& acl) {
  json associations = json::array();
  for (const auto& [subnet, assoc] : acl.associations) {
    associations.push_back(
        {{"NetworkAclAssociationId", assoc}, {"NetworkAclId", acl.id}, {"SubnetId", subnet}});
  }
  json entries = json::array();
  for (const NetworkAclEntry* e : OrderedEntries(acl)) entries.push_back(EntryJson(*e));
  return json{{"Associations", associations}, {"Entries", entries},
              {"IsDefault", acl.is_default},  {"NetworkAclId", acl.id},
              {"Tags", TagsJson(acl.tags)},   {"VpcId", acl.vpc_id},
              {"OwnerId", scope.account}};
}

// Reads a structure member of the request ({"From": 22, "To": 22}) into two integers.
void ReadPair(Params& p, const char* key, const char* first, const char* second,
              std::optional<std::int64_t>& a, std::optional<std::int64_t>& b) {
  const json* v = p.Raw(key);
  if (v == nullptr) return;
  Params pair(*v, key, p);
  if (!pair.ok()) return;
  a = pair.OptInt(first);
  b = pair.OptInt(second);
  pair.Done();
}

// The members of CreateNetworkAclEntry and ReplaceNetworkAclEntry.
network::AclEntrySpec ReadEntry(Params& p) {
  network::AclEntrySpec spec;
  spec.rule_number = p.OptInt("RuleNumber", INT32_MIN, INT32_MAX).value_or(0);
  if (!p.Has("RuleNumber")) p.String("RuleNumber");  // reports MissingParameter
  spec.protocol = p.String("Protocol");
  spec.rule_action = p.String("RuleAction");
  if (!p.Has("Egress")) p.String("Egress");
  spec.egress = p.OptBool("Egress").value_or(false);
  spec.cidr4 = p.OptString("CidrBlock");
  spec.cidr6 = p.OptString("Ipv6CidrBlock");
  ReadPair(p, "PortRange", "From", "To", spec.port_from, spec.port_to);
  ReadPair(p, "IcmpTypeCode", "Type", "Code", spec.icmp_type, spec.icmp_code);
  return spec;
}

Result<json> CreateNetworkAclHandler(ApiContext& ctx, Params& p) {
  std::string vpc_id = p.String("VpcId");
  model::TagList tags = p.TagSpecifications("network-acl");
  auto token = p.OptString("ClientToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  // A repeated ClientToken returns the ACL it created instead of creating another, as
  // RunInstances does ("Ensuring idempotency in Amazon EC2 API requests", EC2 API Reference;
  // current SDKs send a fresh token with every CreateNetworkAcl).
  NetworkAcl* acl = nullptr;
  if (token && !token->empty()) {
    for (NetworkAcl& existing : ctx.scope.acls.values()) {
      if (existing.client_token == *token) acl = &existing;
    }
  }
  if (acl == nullptr) {
    EC2SIM_ASSIGN_OR_RETURN(acl, network::CreateNetworkAcl(ctx.world, ctx.scope, vpc_id, tags));
    if (token) acl->client_token = *token;
  }
  json out = {{"NetworkAcl", AclJson(ctx.scope, *acl)}};
  if (token) out["ClientToken"] = *token;
  return out;
}

Result<json> DeleteNetworkAclHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("NetworkAclId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(NetworkAcl * acl, network::FindNetworkAcl(ctx.scope, id));
  EC2SIM_RETURN_IF_ERROR(network::DeleteNetworkAcl(ctx.scope, *acl));
  return json::object();
}

Result<json> CreateEntryHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("NetworkAclId");
  network::AclEntrySpec spec = ReadEntry(p);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(NetworkAcl * acl, network::FindNetworkAcl(ctx.scope, id));
  EC2SIM_RETURN_IF_ERROR(network::CreateAclEntry(*acl, spec));
  return json::object();
}

Result<json> ReplaceEntryHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("NetworkAclId");
  network::AclEntrySpec spec = ReadEntry(p);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(NetworkAcl * acl, network::FindNetworkAcl(ctx.scope, id));
  EC2SIM_RETURN_IF_ERROR(network::ReplaceAclEntry(*acl, spec));
  return json::object();
}

Result<json> DeleteEntryHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("NetworkAclId");
  if (!p.Has("RuleNumber")) p.String("RuleNumber");
  std::int64_t number = p.OptInt("RuleNumber", INT32_MIN, INT32_MAX).value_or(0);
  if (!p.Has("Egress")) p.String("Egress");
  bool egress = p.OptBool("Egress").value_or(false);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(NetworkAcl * acl, network::FindNetworkAcl(ctx.scope, id));
  EC2SIM_RETURN_IF_ERROR(network::DeleteAclEntry(*acl, number, egress));
  return json::object();
}

Result<json> ReplaceAssociationHandler(ApiContext& ctx, Params& p) {
  std::string association = p.String("AssociationId");
  std::string id = p.String("NetworkAclId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(NetworkAcl * acl, network::FindNetworkAcl(ctx.scope, id));
  EC2SIM_ASSIGN_OR_RETURN(std::string new_id,
                          network::ReplaceAclAssociation(ctx.world, ctx.scope, association, *acl));
  return json{{"NewAssociationId", new_id}};
}

// Values of one field over every entry (the entry.* filters).
template <typename F>
std::vector<std::string> EntryValues(const NetworkAcl& acl, F field) {
  std::vector<std::string> out;
  for (const NetworkAclEntry& e : acl.entries) {
    std::string v = field(e);
    if (!v.empty()) out.push_back(std::move(v));
  }
  return out;
}

FilterSchema<NetworkAcl> AclFilters(const model::Scope& scope) {
  FilterSchema<NetworkAcl> schema;
  auto& f = schema.fields;
  std::string account = scope.account;
  auto num = [](int n) { return std::to_string(n); };
  f["network-acl-id"] = [](const NetworkAcl& a) { return OneValue(a.id); };
  f["vpc-id"] = [](const NetworkAcl& a) { return OneValue(a.vpc_id); };
  f["default"] = [](const NetworkAcl& a) { return BoolValue(a.is_default); };
  f["owner-id"] = [account](const NetworkAcl&) { return OneValue(account); };
  f["association.association-id"] = [](const NetworkAcl& a) {
    std::vector<std::string> out;
    for (const auto& [subnet, assoc] : a.associations) out.push_back(assoc);
    return out;
  };
  f["association.subnet-id"] = [](const NetworkAcl& a) {
    std::vector<std::string> out;
    for (const auto& [subnet, assoc] : a.associations) out.push_back(subnet);
    return out;
  };
  f["association.network-acl-id"] = [](const NetworkAcl& a) {
    return a.associations.empty() ? std::vector<std::string>{} : OneValue(a.id);
  };
  f["entry.cidr"] = [](const NetworkAcl& a) {
    return EntryValues(a, [](auto& e) { return e.cidr4 ? e.cidr4->ToString() : ""; });
  };
  f["entry.ipv6-cidr"] = [](const NetworkAcl& a) {
    return EntryValues(a, [](auto& e) { return e.cidr6 ? e.cidr6->ToString() : ""; });
  };
  f["entry.egress"] = [](const NetworkAcl& a) {
    return EntryValues(a, [](auto& e) { return std::string(e.egress ? "true" : "false"); });
  };
  f["entry.protocol"] = [](const NetworkAcl& a) {
    return EntryValues(a, [](auto& e) { return e.protocol; });
  };
  f["entry.rule-action"] = [](const NetworkAcl& a) {
    return EntryValues(a, [](auto& e) { return std::string(e.allow ? "allow" : "deny"); });
  };
  f["entry.rule-number"] = [num](const NetworkAcl& a) {
    return EntryValues(a, [&](auto& e) { return num(e.rule_number); });
  };
  f["entry.port-range.from"] = [num](const NetworkAcl& a) {
    return EntryValues(a, [&](auto& e) { return e.port_from < 0 ? "" : num(e.port_from); });
  };
  f["entry.port-range.to"] = [num](const NetworkAcl& a) {
    return EntryValues(a, [&](auto& e) { return e.port_to < 0 ? "" : num(e.port_to); });
  };
  f["entry.icmp.type"] = [num](const NetworkAcl& a) {
    return EntryValues(a, [&](auto& e) { return e.protocol == "1" ? num(e.icmp_type) : ""; });
  };
  f["entry.icmp.code"] = [num](const NetworkAcl& a) {
    return EntryValues(a, [&](auto& e) { return e.protocol == "1" ? num(e.icmp_code) : ""; });
  };
  schema.tags = [](const NetworkAcl& a) -> const model::TagList& { return a.tags; };
  return schema;
}

Result<json> DescribeNetworkAclsHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kNetworkAcl);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 100});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = AclFilters(ctx.scope);
  DescribeSpec<NetworkAcl> spec = KindSpec(schema, kind, IdMember<NetworkAcl, &NetworkAcl::id>);
  return DescribeList(ctx.scope, ctx.scope.acls.values(), query, spec, kind.list_member,
                      [&](const NetworkAcl& a) { return AclJson(ctx.scope, a); });
}

}  // namespace

void RegisterNetworkAclActions(ActionTable& table) {
  table.Add("CreateNetworkAcl", CreateNetworkAclHandler, kMutating);
  table.Add("DeleteNetworkAcl", DeleteNetworkAclHandler, kMutating);
  table.Add("CreateNetworkAclEntry", CreateEntryHandler, kMutating);
  table.Add("ReplaceNetworkAclEntry", ReplaceEntryHandler, kMutating);
  table.Add("DeleteNetworkAclEntry", DeleteEntryHandler, kMutating);
  table.Add("ReplaceNetworkAclAssociation", ReplaceAssociationHandler, kMutating);
  table.Add("DescribeNetworkAcls", DescribeNetworkAclsHandler, kStateDescribe);
}

}  // namespace ec2sim::api
