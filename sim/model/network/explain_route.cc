// The English words for route tables and NAT gateways on a probe's path: which route was taken
// or is missing, and which route to add. The facts (RouteFactsOf) are shared with the other
// languages.
#include "sim/model/network/explain.h"
#include "sim/model/network/resolve.h"
#include "sim/model/network/route_step.h"

namespace ec2sim::network {
namespace {

using model::FormatIpv4;

// "Subnet subnet-x uses route table rtb-y" (the NAT gateway's subnet when the hop has no
// interface: that lookup is made for the NAT gateway, not for an instance).
std::string RouteLead(const Hop& h, const RouteFacts& f) {
  return std::string(h.eni == nullptr ? "The NAT gateway's subnet " : "Subnet ") + f.subnet +
         " uses route table " + f.table;
}

// The route to add so that the packet reaches its destination.
std::string RouteFix(const Hop& h, const RouteFacts& f) {
  if (!f.internet) {
    if (f.peering.empty()) {
      return "No active peering connection of " + f.vpc + " leads to a VPC that holds " +
             f.destination +
             ". Peering is not transitive: a peer VPC's own peerings, internet gateway and NAT "
             "gateways cannot be used.";
    }
    return "Add a route " + f.peer_cidr + " -> " + f.peering +
           " (the peering connection to the VPC that holds " + f.destination + ")" +
           (h.return_path ? "; each side of a peering needs its own route to the other." : ".");
  }
  std::string gateway = f.gateway.empty() ? "an internet gateway attached to " + f.vpc
                                          : f.gateway + " (the VPC's internet gateway)";
  if (h.return_path) {
    return "Add a route 0.0.0.0/0 -> " + gateway +
           ": a subnet is public when its route table sends traffic to an internet gateway, and "
           "replies to the internet take that route.";
  }
  if (h.eni == nullptr) return "Give that subnet a route 0.0.0.0/0 -> " + gateway + ".";
  return "Add a route 0.0.0.0/0 -> " + gateway + " or, for outbound only, a NAT gateway" +
         (f.nat.empty() ? " in a public subnet" : " (" + f.nat + ")") + ".";
}

// Why a route that matched does not lead where the packet goes.
std::string RouteWrongTarget(const Hop& h) {
  switch (h.route->target) {
    case model::RouteTarget::kPeering:
      return "a peering connection reaches only the peer VPC's own addresses (no transitive "
             "routing: not a peer's internet gateway, NAT gateway or other peerings).";
    case model::RouteTarget::kLocal:
      return "it keeps the packet inside the VPC.";
    case model::RouteTarget::kNatGateway:
      return "a NAT gateway carries only traffic to the internet.";
    case model::RouteTarget::kInternetGateway:
      return "a private address is not reachable through the internet.";
    default:
      return "forwarding by an instance or network interface (a NAT instance, an appliance) is "
             "not simulated.";
  }
}

std::string NoGatewayAdvice(const Hop& h, const RouteFacts& f) {
  if (h.route != nullptr && h.route->target == model::RouteTarget::kInternetGateway) {
    return RouteLead(h, f) + ", whose route " + f.route + " points to internet gateway " +
           f.target + ", which is not attached to " + f.vpc +
           ". Attach it (AttachInternetGateway) or " +
           "point the route at the VPC's own internet gateway" +
           (f.gateway.empty() ? "" : " (" + f.gateway + ")") + ".";
  }
  if (h.return_path) {
    return RouteLead(h, f) + ", which sends the reply to " + f.destination + " by route " +
           f.route +
           ". A NAT gateway carries only connections that instances behind it start, so nothing "
           "on the internet can start a connection to this subnet: it is private. " +
           RouteFix(h, f) + " Or reach the instance from inside the VPC.";
  }
  return RouteLead(h, f) + ", whose route for " + f.destination + " is " + f.route +
         ", not an internet gateway: a public NAT gateway belongs in a public subnet. " +
         RouteFix(h, f);
}

}  // namespace

std::string RouteEntryText(const model::Route& route) {
  std::string destination = route.destination4   ? route.destination4->ToString()
                            : route.destination6 ? route.destination6->ToString()
                                                 : std::string("?");
  return destination + " -> " + route.target_id;
}

const std::string& GatewayVpcId(const Hop& hop) {
  return hop.nat != nullptr ? hop.nat->vpc_id : hop.eni->vpc_id;
}

RouteFacts RouteFactsOf(const Hop& h) {
  RouteFacts f;
  if (h.route_table != nullptr) f.table = h.route_table->id;
  if (h.subnet != nullptr) f.subnet = h.subnet->id;
  f.vpc = h.route_table != nullptr ? h.route_table->vpc_id
          : h.subnet != nullptr    ? h.subnet->vpc_id
                                   : std::string();
  f.destination = FormatIpv4(h.address);
  if (h.route != nullptr) {
    f.route = RouteEntryText(*h.route);
    f.target = h.route->target_id;
  }
  f.internet = !IsPrivateAddress(h.address);
  if (h.scope == nullptr) return f;
  if (const model::InternetGateway* igw = AttachedInternetGateway(*h.scope, f.vpc)) {
    f.gateway = igw->id;
  }
  if (const model::NatGateway* nat = AvailableNatGateway(*h.scope, f.vpc)) f.nat = nat->id;
  for (const model::VpcPeeringConnection& pcx : h.scope->peerings.values()) {
    const model::PeeringSide* other = OtherPeeringSide(pcx, *h.scope, f.vpc);
    if (pcx.status == "active" && other != nullptr && other->cidr.Contains(h.address)) {
      f.peering = pcx.id;
      f.peer_cidr = other->cidr.ToString();
      break;
    }
  }
  return f;
}

std::string RouteHopText(const Hop& h) {
  RouteFacts f = RouteFactsOf(h);
  if (f.table.empty()) return "no route table for " + f.subnet;
  return "route table " + f.table + " of " + f.subnet + ": " +
         (f.route.empty() ? "no route for " + f.destination : f.route);
}

std::string NatHopText(const Hop& h) {
  return "NAT gateway " + h.nat->id + " (" + FormatIpv4(h.mapped) + " <-> " +
         (h.address != 0 ? FormatIpv4(h.address) : "no public IP") + ")";
}

std::string RouteAdvice(const ProbeOutcome& o, const Hop& h) {
  RouteFacts f = RouteFactsOf(h);
  if (f.table.empty()) {
    return "Subnet " + f.subnet + " has no route table: " + f.vpc +
           " has no main route table. Associate a route table with the subnet.";
  }
  switch (o.verdict.reason) {
    case Reason::kBlackholeRoute:
      return RouteLead(h, f) + ", whose route " + f.route + " is a blackhole: " + f.target +
             " no longer exists or is not active. Replace the route's target (ReplaceRoute) or "
             "delete the route. " +
             RouteFix(h, f);
    case Reason::kNoInternetGateway:
      return NoGatewayAdvice(h, f);
    default:
      break;
  }
  if (f.route.empty()) {
    std::string wanted = f.internet ? "0.0.0.0/0" : f.destination;
    return RouteLead(h, f) + ", which has no route for " + wanted +
           (f.internet ? " (nor any route that contains " + f.destination + ")" : "") + ". " +
           RouteFix(h, f);
  }
  return RouteLead(h, f) + ", whose route for " + f.destination + " is " + f.route +
         ", which does not lead there: " + RouteWrongTarget(h) + " " + RouteFix(h, f);
}

std::string NatAdvice(const ProbeOutcome& o, const Hop& h) {
  if (o.verdict.reason == Reason::kNatGatewayNotAvailable) {
    return "NAT gateway " + h.nat->id + " is " + h.nat->state +
           "; only an available NAT gateway forwards traffic" +
           (h.nat->state == "pending" ? " (it becomes available shortly after it is created)."
                                      : ". Point the route at an available NAT gateway.");
  }
  return "NAT gateway " + h.nat->id +
         " is private (it has no Elastic IP), so it cannot take traffic to the internet. Use a "
         "public NAT gateway with an Elastic IP, in a subnet that routes 0.0.0.0/0 to an "
         "internet gateway.";
}

}  // namespace ec2sim::network
