// The route a packet takes when it leaves a subnet, as the probe needs it: the subnet's route
// table, the longest-prefix route for the destination, where that route leads (the VPC itself,
// an internet gateway, a NAT gateway, a peering connection) and, when it leads nowhere the
// packet can use, why. AWS: "Route tables" and "Route priority" in the Amazon VPC User Guide
// (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html).
#ifndef EC2SIM_MODEL_NETWORK_ROUTE_STEP_H_
#define EC2SIM_MODEL_NETWORK_ROUTE_STEP_H_

#include <cstdint>
#include <string_view>

#include "sim/model/network/flow.h"

namespace ec2sim::network {

// Where the destination is, so what the route must lead to.
enum class RouteNeed : std::uint8_t {
  kLocal,     // a private address of the subnet's own VPC: the local route
  kPeer,      // a private address of a peered VPC: an active peering connection to that VPC
  kInternet,  // an internet address: an attached internet gateway, or a NAT gateway
  // An internet address that only an internet gateway reaches: a reply to an internet host (a
  // NAT gateway drops replies to connections it did not start) or a NAT gateway's own traffic.
  kInternetGatewayOnly,
};

enum class RouteVia : std::uint8_t { kNone, kLocal, kInternetGateway, kNatGateway, kPeering };

// One route lookup. Pointers refer into the World.
struct RouteStep {
  const model::Scope* scope = nullptr;
  const model::Subnet* subnet = nullptr;
  const model::RouteTable* table = nullptr;
  const model::Route* route = nullptr;  // the longest-prefix match; nullptr when none matches
  model::Ipv4 destination = 0;
  RouteVia via = RouteVia::kNone;
  Reason blocked = Reason::kNone;          // kNoRoute, kBlackholeRoute or kNoInternetGateway
  const model::NatGateway* nat = nullptr;  // via a NAT gateway
  const model::VpcPeeringConnection* peering = nullptr;  // via a peering connection
};

// Looks up `destination` in `table` (the route table of `subnet`, which may be null when the
// VPC has none) and checks that the route leads where `need` says. `peer_vpc_id`: for kPeer,
// the destination's VPC. Never allocates.
RouteStep TakeRoute(const model::Scope& scope, const model::Subnet* subnet,
                    const model::RouteTable* table, model::Ipv4 destination, RouteNeed need,
                    std::string_view peer_vpc_id = {});

// True for the default VPC's main route table while it holds exactly the routes the simulator
// gave it (local, and 0.0.0.0/0 to the VPC's internet gateway): the probe leaves such a table
// out of its path, so that answers about the default VPC read as they always did.
bool IsUntouchedDefaultRouteTable(const model::Scope& scope, const model::RouteTable& table);

// The side of `pcx` that is not (`scope`, `vpc_id`), or nullptr when `vpc_id` is on neither.
const model::PeeringSide* OtherPeeringSide(const model::VpcPeeringConnection& pcx,
                                           const model::Scope& scope, std::string_view vpc_id);

// The internet gateway attached to `vpc_id`, or nullptr.
const model::InternetGateway* AttachedInternetGateway(const model::Scope& scope,
                                                      std::string_view vpc_id);

// The first NAT gateway of `vpc_id` that is available, or nullptr (for advice).
const model::NatGateway* AvailableNatGateway(const model::Scope& scope, std::string_view vpc_id);

// Whether `ip` is in one of the VPC's IPv4 blocks (primary or secondary).
bool VpcContains(const model::Vpc& vpc, model::Ipv4 ip);

}  // namespace ec2sim::network

#endif  // EC2SIM_MODEL_NETWORK_ROUTE_STEP_H_
