#include "sim/model/vpc/traffic.h"

#include "sim/model/resource_events.h"
#include "sim/model/vpc/routing.h"

namespace ec2sim::model {
namespace {

// The NAT gateway the source subnet's route to `destination` targets, or nullptr.
const NatGateway* RouteNatGateway(const network::ProbeEnd& source, Ipv4 destination) {
  if (source.scope == nullptr || source.eni == nullptr || destination == 0) return nullptr;
  const Scope& scope = *source.scope;
  const Subnet* subnet = scope.subnets.Find(source.eni->subnet_id);
  if (subnet == nullptr) return nullptr;
  const RouteTable* table = EffectiveRouteTable(scope, *subnet);
  if (table == nullptr) return nullptr;
  const Route* route = MatchRoute(*table, destination);
  if (route == nullptr || route->target != RouteTarget::kNatGateway) return nullptr;
  // A route to a NAT gateway that is not available is a blackhole: nothing goes through it.
  if (StateOfRoute(scope, *table, *route) != RouteState::kActive) return nullptr;
  return scope.nat_gateways.Find(route->target_id);
}

void AddTrafficCharge(TrafficPlan& plan, const network::ProbeEnd& end, const char* base,
                      std::string peer = {}) {
  plan.charges.push_back({end.scope, end.instance->id, base, std::move(peer)});
}

}  // namespace

TrafficPlan PlanTraffic(const network::ProbeOutcome& o) {
  TrafficPlan plan;
  const network::ProbeEnd& src = o.source;
  const network::ProbeEnd& dst = o.destination;
  if (!src.is_instance() || src.scope == nullptr) {
    plan.path = "inbound";  // data in from the internet is free
    return plan;
  }
  bool same_vpc = dst.is_instance() && dst.eni != nullptr && src.eni != nullptr &&
                  dst.scope == src.scope && dst.eni->vpc_id == src.eni->vpc_id;
  const NatGateway* nat = same_vpc ? nullptr : RouteNatGateway(src, dst.address);
  if (nat != nullptr) {
    plan.nat_gateway_id = nat->id;
    plan.charges.push_back({src.scope, nat->id, "NatGateway-Bytes", {}});
    const Subnet* nat_subnet = src.scope->subnets.Find(nat->subnet_id);
    if (nat_subnet != nullptr && nat_subnet->az != src.instance->az) {
      AddTrafficCharge(plan, src, "DataTransfer-Regional-Bytes");
    }
  }
  if (!dst.is_instance() || dst.scope == nullptr) {
    plan.path = "internet";
    // Through a NAT gateway the data leaves from the gateway's address, and the usage is the
    // gateway's; otherwise it is the instance's.
    if (nat != nullptr) {
      plan.charges.push_back({src.scope, nat->id, "DataTransfer-Out-Bytes", {}});
    } else {
      AddTrafficCharge(plan, src, "DataTransfer-Out-Bytes");
    }
    return plan;
  }
  if (dst.scope->region != src.scope->region) {
    plan.path = "inter-region";
    AddTrafficCharge(plan, src, "AWS-Out-Bytes", dst.scope->region->code);
    return plan;
  }
  if (dst.instance->az != src.instance->az || dst.via_public) {
    plan.path = dst.instance->az != src.instance->az ? "cross-az" : "public-ip-same-region";
    AddTrafficCharge(plan, src, "DataTransfer-Regional-Bytes");
    AddTrafficCharge(plan, dst, "DataTransfer-Regional-Bytes");
    return plan;
  }
  plan.path = "same-az";
  return plan;
}

void MeterTraffic(World& world, const TrafficPlan& plan, std::int64_t mib) {
  if (mib <= 0) return;
  for (const TransferCharge& c : plan.charges) {
    EmitDataTransfer(world, *c.scope, c.resource_id, c.usage_base, c.peer_region, mib);
  }
}

}  // namespace ec2sim::model
