#include "sim/model/vpc/routing.h"

namespace ec2sim::model {

const RouteTable* EffectiveRouteTable(const Scope& scope, const Subnet& subnet) {
  const RouteTable* main = nullptr;
  for (const RouteTable& table : scope.route_tables.values()) {
    if (table.vpc_id != subnet.vpc_id) continue;
    for (const RouteTableAssociation& assoc : table.associations) {
      if (assoc.subnet_id == subnet.id) return &table;
      if (assoc.main) main = &table;
    }
  }
  return main;
}

RouteState StateOfRoute(const Scope& scope, const RouteTable& table, const Route& route) {
  auto state = [](bool ok) { return ok ? RouteState::kActive : RouteState::kBlackhole; };
  switch (route.target) {
    case RouteTarget::kLocal:
      return RouteState::kActive;
    case RouteTarget::kInternetGateway: {
      const InternetGateway* igw = scope.internet_gateways.Find(route.target_id);
      return state(igw != nullptr && igw->vpc_id == table.vpc_id);
    }
    case RouteTarget::kEgressOnlyGateway:
      return state(scope.egress_only_gateways.Find(route.target_id) != nullptr);
    case RouteTarget::kNatGateway: {
      const NatGateway* nat = scope.nat_gateways.Find(route.target_id);
      return state(nat != nullptr && (nat->state == "available" || nat->state == "pending"));
    }
    case RouteTarget::kNetworkInterface: {
      const NetworkInterface* eni = scope.interfaces.Find(route.target_id);
      return state(eni != nullptr && !eni->instance_id.empty());
    }
    case RouteTarget::kInstance: {
      const Instance* instance = scope.instances.Find(route.target_id);
      return state(instance != nullptr && instance->state == InstanceState::kRunning);
    }
    case RouteTarget::kPeering: {
      const VpcPeeringConnection* pcx = scope.peerings.Find(route.target_id);
      return state(pcx != nullptr && pcx->status == "active");
    }
  }
  return RouteState::kBlackhole;
}

std::string_view RouteStateName(RouteState state) {
  return state == RouteState::kActive ? "active" : "blackhole";
}

const Route* MatchRoute(const RouteTable& table, Ipv4 destination) {
  const Route* best = nullptr;
  for (const Route& route : table.routes) {
    if (!route.destination4 || !route.destination4->Contains(destination)) continue;
    if (best == nullptr || route.destination4->prefix > best->destination4->prefix) best = &route;
  }
  return best;
}

}  // namespace ec2sim::model
