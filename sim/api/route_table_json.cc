#include "sim/api/route_table_json.h"

#include "sim/api/render.h"
#include "sim/model/vpc/routing.h"

namespace ec2sim::api {

using model::RouteTarget;
using nlohmann::json;

namespace {

// The instance behind an interface or instance route, for InstanceId/InstanceOwnerId and
// NetworkInterfaceId, which AWS shows together.
void AddInstanceMembers(const model::Scope& scope, const model::Route& route, json& j) {
  if (route.target == RouteTarget::kNetworkInterface) {
    j["NetworkInterfaceId"] = route.target_id;
    const model::NetworkInterface* eni = scope.interfaces.Find(route.target_id);
    if (eni != nullptr && !eni->instance_id.empty()) {
      j["InstanceId"] = eni->instance_id;
      j["InstanceOwnerId"] = scope.account;
    }
    return;
  }
  j["InstanceId"] = route.target_id;
  j["InstanceOwnerId"] = scope.account;
  const model::Instance* inst = scope.instances.Find(route.target_id);
  if (inst != nullptr && !inst->eni_id.empty()) j["NetworkInterfaceId"] = inst->eni_id;
}

}  // namespace

json RouteJson(const model::Scope& scope, const model::RouteTable& table,
               const model::Route& route) {
  json j = json::object();
  if (route.destination4) j["DestinationCidrBlock"] = route.destination4->ToString();
  if (route.destination6) j["DestinationIpv6CidrBlock"] = route.destination6->ToString();
  switch (route.target) {
    case RouteTarget::kLocal:
    case RouteTarget::kInternetGateway:
      j["GatewayId"] = route.target_id;
      break;
    case RouteTarget::kEgressOnlyGateway:
      j["EgressOnlyInternetGatewayId"] = route.target_id;
      break;
    case RouteTarget::kNatGateway:
      j["NatGatewayId"] = route.target_id;
      break;
    case RouteTarget::kNetworkInterface:
    case RouteTarget::kInstance:
      AddInstanceMembers(scope, route, j);
      break;
    case RouteTarget::kPeering:
      j["VpcPeeringConnectionId"] = route.target_id;
      break;
  }
  j["Origin"] = route.origin;
  j["State"] = model::RouteStateName(model::StateOfRoute(scope, table, route));
  return j;
}

json AssociationJson(const model::RouteTable& table, const model::RouteTableAssociation& assoc) {
  json j = {{"Main", assoc.main},
            {"RouteTableAssociationId", assoc.id},
            {"RouteTableId", table.id},
            {"AssociationState", {{"State", "associated"}}}};
  if (!assoc.subnet_id.empty()) j["SubnetId"] = assoc.subnet_id;
  return j;
}

json RouteTableJson(const model::Scope& scope, const model::RouteTable& table) {
  json associations = json::array();
  for (const model::RouteTableAssociation& a : table.associations) {
    associations.push_back(AssociationJson(table, a));
  }
  json routes = json::array();
  for (const model::Route& r : table.routes) routes.push_back(RouteJson(scope, table, r));
  return json{{"Associations", associations}, {"PropagatingVgws", json::array()},
              {"RouteTableId", table.id},     {"Routes", routes},
              {"Tags", TagsJson(table.tags)}, {"VpcId", table.vpc_id},
              {"OwnerId", scope.account}};
}

}  // namespace ec2sim::api
