#include "sim/model/network/route_step.h"

#include "sim/model/vpc/routing.h"

namespace ec2sim::network {
namespace {

// What a route that is not a blackhole gives a packet that needs `need`.
void FollowActiveRoute(const model::Scope& scope, const model::Route& route, RouteNeed need,
                       std::string_view peer_vpc_id, RouteStep& r) {
  switch (route.target) {
    case model::RouteTarget::kLocal:
      if (need == RouteNeed::kLocal) {
        r.via = RouteVia::kLocal;
      } else {
        r.blocked = Reason::kNoRoute;  // a peer's or the internet's address inside a VPC block
      }
      return;
    case model::RouteTarget::kInternetGateway:
      if (need == RouteNeed::kInternet || need == RouteNeed::kInternetGatewayOnly) {
        r.via = RouteVia::kInternetGateway;
      } else {
        r.blocked = Reason::kNoRoute;  // a private address does not cross the internet
      }
      return;
    case model::RouteTarget::kNatGateway:
      r.nat = scope.nat_gateways.Find(route.target_id);
      if (need == RouteNeed::kInternet) {
        r.via = RouteVia::kNatGateway;
      } else {
        // A NAT gateway answers only connections it started ("NAT gateways" in the VPC User
        // Guide), and never forwards one NAT gateway's traffic to another.
        r.blocked =
            need == RouteNeed::kInternetGatewayOnly ? Reason::kNoInternetGateway : Reason::kNoRoute;
      }
      return;
    case model::RouteTarget::kPeering: {
      // "VPC peering limitations": no transitive peering, and no edge-to-edge routing through a
      // peer's internet gateway or NAT gateway
      // (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html).
      r.peering = scope.peerings.Find(route.target_id);
      const model::PeeringSide* other = r.peering == nullptr || r.table == nullptr
                                            ? nullptr
                                            : OtherPeeringSide(*r.peering, scope, r.table->vpc_id);
      if (need == RouteNeed::kPeer && other != nullptr && other->vpc_id == peer_vpc_id) {
        r.via = RouteVia::kPeering;
      } else {
        r.blocked = Reason::kNoRoute;
      }
      return;
    }
    case model::RouteTarget::kEgressOnlyGateway:
    case model::RouteTarget::kNetworkInterface:
    case model::RouteTarget::kInstance:
      // IPv6 only, or an appliance (a NAT instance, a firewall) whose forwarding the simulator
      // does not model: nothing the probe can follow.
      r.blocked = Reason::kNoRoute;
      return;
  }
  r.blocked = Reason::kNoRoute;
}

}  // namespace

RouteStep TakeRoute(const model::Scope& scope, const model::Subnet* subnet,
                    const model::RouteTable* table, model::Ipv4 destination, RouteNeed need,
                    std::string_view peer_vpc_id) {
  RouteStep r;
  r.scope = &scope;
  r.subnet = subnet;
  r.table = table;
  r.destination = destination;
  r.route = table == nullptr ? nullptr : model::MatchRoute(*table, destination);
  if (r.route == nullptr) {
    r.blocked = Reason::kNoRoute;
    return r;
  }
  if (model::StateOfRoute(scope, *table, *r.route) == model::RouteState::kBlackhole) {
    // A gateway that still exists but is attached elsewhere (or nowhere) is named apart from
    // one that is gone: the fix differs (attach it, or point the route at another target).
    bool detached_gateway = r.route->target == model::RouteTarget::kInternetGateway &&
                            scope.internet_gateways.Find(r.route->target_id) != nullptr;
    r.blocked = detached_gateway ? Reason::kNoInternetGateway : Reason::kBlackholeRoute;
    return r;
  }
  FollowActiveRoute(scope, *r.route, need, peer_vpc_id, r);
  return r;
}

bool IsUntouchedDefaultRouteTable(const model::Scope& scope, const model::RouteTable& table) {
  const model::Vpc* vpc = scope.vpcs.Find(table.vpc_id);
  if (vpc == nullptr || !vpc->is_default || table.routes.size() != 2) return false;
  bool main = false;
  for (const model::RouteTableAssociation& a : table.associations) main = main || a.main;
  bool local = false, to_gateway = false;
  for (const model::Route& route : table.routes) {
    if (!route.destination4) return false;
    local =
        local || (route.target == model::RouteTarget::kLocal && *route.destination4 == vpc->cidr);
    to_gateway = to_gateway || (route.target == model::RouteTarget::kInternetGateway &&
                                route.destination4->prefix == 0);
  }
  return main && local && to_gateway;
}

const model::PeeringSide* OtherPeeringSide(const model::VpcPeeringConnection& pcx,
                                           const model::Scope& scope, std::string_view vpc_id) {
  auto is = [&](const model::PeeringSide& side) {
    return side.vpc_id == vpc_id && side.account == scope.account &&
           (scope.region == nullptr || side.region == scope.region->code);
  };
  if (is(pcx.requester)) return &pcx.accepter;
  if (is(pcx.accepter)) return &pcx.requester;
  return nullptr;
}

const model::InternetGateway* AttachedInternetGateway(const model::Scope& scope,
                                                      std::string_view vpc_id) {
  for (const model::InternetGateway& igw : scope.internet_gateways.values()) {
    if (igw.vpc_id == vpc_id) return &igw;
  }
  return nullptr;
}

const model::NatGateway* AvailableNatGateway(const model::Scope& scope, std::string_view vpc_id) {
  for (const model::NatGateway& nat : scope.nat_gateways.values()) {
    if (nat.vpc_id == vpc_id && nat.state == "available") return &nat;
  }
  return nullptr;
}

bool VpcContains(const model::Vpc& vpc, model::Ipv4 ip) {
  if (vpc.cidr.Contains(ip)) return true;
  for (const model::VpcCidrAssociation& a : vpc.secondary_cidrs) {
    if (a.cidr4.Contains(ip)) return true;
  }
  return false;
}

}  // namespace ec2sim::network
