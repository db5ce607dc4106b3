// Which route a packet leaving a subnet takes: the subnet's route table (its own association or
// the VPC's main table) and the longest-prefix route in it that matches the destination.
#ifndef EC2SIM_MODEL_VPC_ROUTING_H_
#define EC2SIM_MODEL_VPC_ROUTING_H_

#include <string_view>

#include "sim/model/scope.h"

namespace ec2sim::model {

// The route table that decides for `subnet`: the table explicitly associated with it, else its
// VPC's main table; nullptr only when the VPC has no main table (never for a VPC the simulator
// built). Route table association rules:
// https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html
const RouteTable* EffectiveRouteTable(const Scope& scope, const Subnet& subnet);

// Whether a route leads somewhere now. AWS shows a route as "blackhole" when its target is gone:
// a deleted gateway, NAT gateway (or one not available), interface, instance or peering
// connection that is not active. A route to an internet gateway that exists but is not attached
// to the route table's VPC is also a blackhole route.
enum class RouteState { kActive, kBlackhole };
RouteState StateOfRoute(const Scope& scope, const RouteTable& table, const Route& route);
std::string_view RouteStateName(RouteState state);  // "active" / "blackhole"

// The longest-prefix IPv4 route of `table` that contains `destination`, or nullptr. AWS picks
// the most specific route that matches (same page, "Route priority").
const Route* MatchRoute(const RouteTable& table, Ipv4 destination);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_ROUTING_H_
