// Route tables: Create/Delete/DescribeRouteTables, Create/Replace/DeleteRoute and
// Associate/Disassociate/ReplaceRouteTableAssociation, in boto3's shapes. The rules live in
// sim/model/vpc/route_tables.h, the answers' shapes in route_table_json.h.
#include "sim/api/action_table.h"
#include "sim/api/actions_describe.h"
#include "sim/api/describe.h"
#include "sim/api/render.h"
#include "sim/api/route_table_json.h"
#include "sim/model/vpc/route_tables.h"
#include "sim/model/vpc/routing.h"

namespace ec2sim::api {
namespace {

using model::Route;
using model::RouteTable;
using model::RouteTableAssociation;
using model::RouteTarget;

Result<json> CreateRouteTableHandler(ApiContext& ctx, Params& p) {
  std::string vpc = p.String("VpcId");
  model::TagList tags = p.TagSpecifications("route-table");
  auto token = p.OptString("ClientToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  // Current SDKs fill ClientToken in on every call; it is echoed. A retry with the same token
  // makes a second table here, where AWS would return the first one (not modelled).
  EC2SIM_ASSIGN_OR_RETURN(RouteTable * table,
                          model::CreateRouteTable(ctx.world, ctx.scope, vpc, std::move(tags)));
  json out = {{"RouteTable", RouteTableJson(ctx.scope, *table)}};
  if (token) out["ClientToken"] = *token;
  return out;
}

Result<json> DeleteRouteTableHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("RouteTableId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::DeleteRouteTable(ctx.scope, id));
  return json::object();
}

// The members CreateRoute, ReplaceRoute and DeleteRoute share; targets only when `targets`.
model::RouteSpec ReadRouteSpec(Params& p, bool targets) {
  model::RouteSpec spec;
  spec.destination4 = p.OptString("DestinationCidrBlock");
  spec.destination6 = p.OptString("DestinationIpv6CidrBlock");
  if (!targets) return spec;
  spec.gateway_id = p.OptString("GatewayId").value_or("");
  spec.egress_only_gateway_id = p.OptString("EgressOnlyInternetGatewayId").value_or("");
  spec.nat_gateway_id = p.OptString("NatGatewayId").value_or("");
  spec.network_interface_id = p.OptString("NetworkInterfaceId").value_or("");
  spec.instance_id = p.OptString("InstanceId").value_or("");
  spec.peering_id = p.OptString("VpcPeeringConnectionId").value_or("");
  return spec;
}

Result<json> CreateRouteHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("RouteTableId");
  model::RouteSpec spec = ReadRouteSpec(p, true);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(RouteTable * table, model::FindRouteTable(ctx.scope, id));
  EC2SIM_RETURN_IF_ERROR(model::CreateRoute(ctx.scope, *table, spec));
  return json{{"Return", true}};
}

Result<json> ReplaceRouteHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("RouteTableId");
  model::RouteSpec spec = ReadRouteSpec(p, true);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(RouteTable * table, model::FindRouteTable(ctx.scope, id));
  EC2SIM_RETURN_IF_ERROR(model::ReplaceRoute(ctx.scope, *table, spec));
  return json::object();
}

Result<json> DeleteRouteHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("RouteTableId");
  model::RouteSpec spec = ReadRouteSpec(p, false);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(RouteTable * table, model::FindRouteTable(ctx.scope, id));
  EC2SIM_RETURN_IF_ERROR(model::DeleteRoute(*table, spec));
  return json::object();
}

Result<json> AssociateRouteTableHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("RouteTableId");
  std::string subnet = p.String("SubnetId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(RouteTable * table, model::FindRouteTable(ctx.scope, id));
  EC2SIM_ASSIGN_OR_RETURN(std::string assoc,
                          model::AssociateRouteTable(ctx.world, ctx.scope, *table, subnet));
  return json{{"AssociationId", assoc}, {"AssociationState", {{"State", "associated"}}}};
}

Result<json> DisassociateRouteTableHandler(ApiContext& ctx, Params& p) {
  std::string assoc = p.String("AssociationId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::DisassociateRouteTable(ctx.scope, assoc));
  return json::object();
}

Result<json> ReplaceRouteTableAssociationHandler(ApiContext& ctx, Params& p) {
  std::string assoc = p.String("AssociationId");
  std::string id = p.String("RouteTableId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(RouteTable * table, model::FindRouteTable(ctx.scope, id));
  EC2SIM_ASSIGN_OR_RETURN(std::string new_id,
                          model::ReplaceRouteTableAssociation(ctx.world, ctx.scope, assoc, *table));
  return json{{"NewAssociationId", new_id}, {"AssociationState", {{"State", "associated"}}}};
}

// Values of one member over every route or association of a table (the route.* and
// association.* filters match a table when any of them matches).
template <typename F>
std::vector<std::string> RouteValues(const RouteTable& t, F value) {
  std::vector<std::string> out;
  for (const Route& r : t.routes) {
    std::string v = value(r);
    if (!v.empty()) out.push_back(std::move(v));
  }
  return out;
}

template <typename F>
std::vector<std::string> RtbAssocValues(const RouteTable& t, F value) {
  std::vector<std::string> out;
  for (const RouteTableAssociation& a : t.associations) {
    std::string v = value(a);
    if (!v.empty()) out.push_back(std::move(v));
  }
  return out;
}

// The target id of a route when it is of `kind` (or of either kind), else "".
auto RouteTargetOf(RouteTarget kind, RouteTarget other) {
  return [kind, other](const Route& r) {
    return r.target == kind || r.target == other ? r.target_id : std::string();
  };
}

void AddRouteFilters(FilterSchema<RouteTable>& schema, const model::Scope* scope) {
  auto& f = schema.fields;
  f["route.destination-cidr-block"] = [](const RouteTable& t) {
    return RouteValues(t, [](const Route& r) {
      return r.destination4 ? r.destination4->ToString() : std::string();
    });
  };
  f["route.destination-ipv6-cidr-block"] = [](const RouteTable& t) {
    return RouteValues(t, [](const Route& r) {
      return r.destination6 ? r.destination6->ToString() : std::string();
    });
  };
  auto by_target = [](RouteTarget kind, RouteTarget other) {
    return
        [kind, other](const RouteTable& t) { return RouteValues(t, RouteTargetOf(kind, other)); };
  };
  f["route.gateway-id"] = by_target(RouteTarget::kLocal, RouteTarget::kInternetGateway);
  f["route.egress-only-internet-gateway-id"] =
      by_target(RouteTarget::kEgressOnlyGateway, RouteTarget::kEgressOnlyGateway);
  f["route.nat-gateway-id"] = by_target(RouteTarget::kNatGateway, RouteTarget::kNatGateway);
  f["route.instance-id"] = by_target(RouteTarget::kInstance, RouteTarget::kInstance);
  f["route.vpc-peering-connection-id"] = by_target(RouteTarget::kPeering, RouteTarget::kPeering);
  f["route.origin"] = [](const RouteTable& t) {
    return RouteValues(t, [](const Route& r) { return r.origin; });
  };
  f["route.state"] = [scope](const RouteTable& t) {
    return RouteValues(t, [&](const Route& r) {
      return std::string(model::RouteStateName(model::StateOfRoute(*scope, t, r)));
    });
  };
  auto none = [](const RouteTable&) { return std::vector<std::string>{}; };
  f["route.destination-prefix-list-id"] = none;
  f["route.transit-gateway-id"] = none;
}

// DescribeRouteTables filters (EC2 API Reference).
FilterSchema<RouteTable> RouteTableFilters(const model::Scope& scope) {
  FilterSchema<RouteTable> schema;
  auto& f = schema.fields;
  std::string account = scope.account;
  f["route-table-id"] = [](const RouteTable& t) { return OneValue(t.id); };
  f["vpc-id"] = [](const RouteTable& t) { return OneValue(t.vpc_id); };
  f["owner-id"] = [account](const RouteTable&) { return OneValue(account); };
  f["association.route-table-association-id"] = [](const RouteTable& t) {
    return RtbAssocValues(t, [](const RouteTableAssociation& a) { return a.id; });
  };
  f["association.route-table-id"] = [](const RouteTable& t) {
    return RtbAssocValues(t, [&](const RouteTableAssociation&) { return t.id; });
  };
  f["association.subnet-id"] = [](const RouteTable& t) {
    return RtbAssocValues(t, [](const RouteTableAssociation& a) { return a.subnet_id; });
  };
  // "Route tables that do not have an association ID are not returned in the response."
  f["association.main"] = [](const RouteTable& t) {
    return RtbAssocValues(
        t, [](const RouteTableAssociation& a) { return std::string(a.main ? "true" : "false"); });
  };
  f["association.gateway-id"] = [](const RouteTable&) { return std::vector<std::string>{}; };
  AddRouteFilters(schema, &scope);
  schema.tags = [](const RouteTable& t) -> const model::TagList& { return t.tags; };
  return schema;
}

Result<json> DescribeRouteTablesHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kRouteTable);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 100});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = RouteTableFilters(ctx.scope);
  auto spec = KindSpec(schema, kind, IdMember<RouteTable, &RouteTable::id>);
  return DescribeList(ctx.scope, ctx.scope.route_tables.values(), query, spec, kind.list_member,
                      [&](const RouteTable& t) { return RouteTableJson(ctx.scope, t); });
}

}  // namespace

void RegisterRouteTableActions(ActionTable& table) {
  table.Add("CreateRouteTable", CreateRouteTableHandler, kMutating);
  table.Add("DeleteRouteTable", DeleteRouteTableHandler, kMutating);
  table.Add("DescribeRouteTables", DescribeRouteTablesHandler, kStateDescribe);
  table.Add("CreateRoute", CreateRouteHandler, kMutating);
  table.Add("ReplaceRoute", ReplaceRouteHandler, kMutating);
  table.Add("DeleteRoute", DeleteRouteHandler, kMutating);
  table.Add("AssociateRouteTable", AssociateRouteTableHandler, kMutating);
  table.Add("DisassociateRouteTable", DisassociateRouteTableHandler, kMutating);
  table.Add("ReplaceRouteTableAssociation", ReplaceRouteTableAssociationHandler, kMutating);
}

}  // namespace ec2sim::api
