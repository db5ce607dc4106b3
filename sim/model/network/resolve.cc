#include "sim/model/network/resolve.h"

#include "sim/model/instances.h"
#include "sim/model/network/route_step.h"
#include "sim/model/resource_kinds.h"
#include "sim/model/vpc/routing.h"

namespace ec2sim::network {
namespace {

using model::Ipv4;

// Where one end is, as far as it could be found.
struct Located {
  const model::Scope* scope = nullptr;
  const model::Instance* instance = nullptr;
  const model::NetworkInterface* eni = nullptr;
  bool unknown_instance = false;
  bool by_public = false;        // found through its public address
  bool by_private = false;       // found through its private address
  bool pending_private = false;  // a private address still to look up in a VPC
  bool foreign = false;          // in another account, seen by a confined probe
  bool found() const { return eni != nullptr; }
};

const model::Instance* InstanceOf(const model::Scope& scope, const model::NetworkInterface& eni) {
  return eni.instance_id.empty() ? nullptr : scope.instances.Find(eni.instance_id);
}

// Instance ids and public addresses are unique in the whole world. A confined probe sees
// other accounts as the internet does: their instance ids do not exist, and their public
// addresses are internet hosts, whose rules still decide what reaches them.
Located LocateGlobal(NetworkView& view, const model::Scope& home, const EndRef& ref, bool confined,
                     bool is_source) {
  Located l;
  auto foreign = [&](const model::Scope* scope) {
    return confined && scope->account != home.account;
  };
  if (ref.is_instance_id()) {
    NetworkView::InstanceRef r = view.FindInstance(ref.instance_id, &home);
    if (r.instance == nullptr || foreign(r.scope)) {
      l.unknown_instance = true;
      return l;
    }
    l.scope = r.scope;
    l.instance = r.instance;
    l.eni = r.scope->interfaces.Find(r.instance->eni_id);  // gone once terminated
    return l;
  }
  NetworkView::InterfaceRef pub = view.FindPublicIp(ref.address);
  if (pub.eni != nullptr && foreign(pub.scope) && is_source) {
    // Traffic from it is traffic from an internet address: its egress rules are its owner's.
    return l;
  }
  if (pub.eni != nullptr) {
    l.foreign = foreign(pub.scope);
    l.scope = pub.scope;
    l.eni = pub.eni;
    l.instance = InstanceOf(*pub.scope, *pub.eni);
    l.by_public = true;
  } else {
    l.pending_private = IsPrivateAddress(ref.address);
  }
  return l;
}

void LocatePrivate(NetworkView& view, const model::Scope& scope, std::string_view vpc_id,
                   const EndRef& ref, Located& l) {
  NetworkView::InterfaceRef r = view.FindPrivateIp(scope, vpc_id, ref.address);
  if (r.eni == nullptr) return;
  l.scope = r.scope;
  l.eni = r.eni;
  l.instance = InstanceOf(*r.scope, *r.eni);
  l.by_private = true;
  l.pending_private = false;
}

// The peering connection that `from`'s subnet routes `ip` to, and the VPC on its other side;
// nullptr when the route to `ip` is not a peering route. Routes alone say where a private
// address of another VPC is: the peer VPC named by the route, and no VPC beyond it (peering is
// not transitive).
const model::PeeringSide* PeerRouteTo(const Located& from, Ipv4 ip) {
  const model::Subnet* subnet = from.scope->subnets.Find(from.eni->subnet_id);
  const model::RouteTable* table =
      subnet == nullptr ? nullptr : model::EffectiveRouteTable(*from.scope, *subnet);
  const model::Route* route = table == nullptr ? nullptr : model::MatchRoute(*table, ip);
  if (route == nullptr || route->target != model::RouteTarget::kPeering) return nullptr;
  const model::VpcPeeringConnection* pcx = from.scope->peerings.Find(route->target_id);
  return pcx == nullptr ? nullptr : OtherPeeringSide(*pcx, *from.scope, from.eni->vpc_id);
}

// Looks for a private address in the VPC that `from`'s subnet routes it to by peering.
void LocateThroughPeering(NetworkView& view, const Located& from, const EndRef& ref, Located& l) {
  const model::PeeringSide* side = PeerRouteTo(from, ref.address);
  if (side == nullptr) return;
  model::Scope* peer = view.world().FindScope(side->account, side->region);
  if (peer != nullptr) LocatePrivate(view, *peer, side->vpc_id, ref, l);
}

// Whether a route of either end's subnet sends the other's private address over a peering
// connection between their two VPCs: then they talk by private address (and the walk checks
// that both directions have their route).
bool Peered(const Located& a, const Located& b) {
  auto routes_to = [](const Located& x, const Located& y) {
    const model::PeeringSide* side = PeerRouteTo(x, y.eni->private_ip);
    return side != nullptr && side->vpc_id == y.eni->vpc_id && side->account == y.scope->account &&
           y.scope->region != nullptr && side->region == y.scope->region->code;
  };
  return routes_to(a, b) || routes_to(b, a);
}

bool InAwsPublicPool(Ipv4 ip) {
  for (const model::RegionInfo& region : model::Regions()) {
    for (const model::Cidr4& block : region.public_blocks) {
      if (block.Contains(ip)) return true;
    }
  }
  return false;
}

bool IsUnicast(Ipv4 ip) {
  std::uint32_t first = ip >> 24;
  bool link_local = (ip >> 16) == ((169u << 8) | 254u);
  return first != 0 && first != 127 && first < 224 && !link_local;
}

}  // namespace

Result<EndRef> ParseEnd(std::string_view text, std::string_view key) {
  EndRef ref;
  ref.text = std::string(text);
  if (text.empty()) {
    return MakeError(ErrorCode::kMissingParameter, "The probe must name `" + std::string(key) +
                                                       "`: an instance id or an IPv4 address");
  }
  const model::ResourceKind& instance = model::KindInfo(model::Kind::kInstance);
  if (text.starts_with(instance.prefix)) {
    if (!model::IsWellFormedId(instance, text)) {
      return MakeError(instance.malformed,
                       "Invalid id: \"" + std::string(text) + "\" (" + std::string(key) + ")");
    }
    ref.instance_id = std::string(text);
    return ref;
  }
  if (auto ip = model::ParseIpv4(text)) {
    if (!IsUnicast(*ip)) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "Value (" + ref.text + ") for " + std::string(key) +
                           " is not a unicast address a host could have");
    }
    ref.address = *ip;
    return ref;
  }
  if (model::ParseIpv6(text)) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + ref.text + ") for " + std::string(key) +
                         " is IPv6; no simulated interface has an IPv6 address");
  }
  return MakeError(ErrorCode::kInvalidParameterValue,
                   "Value (" + ref.text + ") for " + std::string(key) +
                       " is neither an instance id (i-...) nor an IPv4 address");
}

bool IsPrivateAddress(Ipv4 ip) {
  static const model::Cidr4 kPrivate[] = {
      *model::ParseCidr4("10.0.0.0/8"), *model::ParseCidr4("172.16.0.0/12"),
      *model::ParseCidr4("192.168.0.0/16"), *model::ParseCidr4("100.64.0.0/10")};
  for (const model::Cidr4& c : kPrivate) {
    if (c.Contains(ip)) return true;
  }
  return false;
}

Result<Resolution> ResolveEnds(NetworkView& view, const model::Scope& home, const EndRef& from,
                               const EndRef& to, bool confined) {
  Resolution res;
  Located s = LocateGlobal(view, home, from, confined, /*is_source=*/true);
  Located d = LocateGlobal(view, home, to, confined, /*is_source=*/false);
  res.destination_foreign = d.foreign;
  auto fail = [&](Reason reason, bool at_source) {
    // A foreign host that cannot answer (stopped, say) is, to the internet, one that does not.
    if (!at_source && d.foreign) reason = Reason::kNoAnswer;
    res.blocked = reason;
    res.blocked_at_source = at_source;
    res.source_instance = s.instance;
    res.destination_instance = d.instance;
    return res;
  };
  if (s.unknown_instance) return fail(Reason::kUnknownInstance, true);
  if (d.unknown_instance) return fail(Reason::kUnknownInstance, false);
  if (s.instance != nullptr && !s.found()) return fail(Reason::kNotRunning, true);
  if (d.instance != nullptr && !d.found()) return fail(Reason::kNotRunning, false);
  // A private address means something only inside a VPC: the other end's, else home's.
  if (s.pending_private) {
    if (d.found() && !d.foreign) {
      LocatePrivate(view, *d.scope, d.eni->vpc_id, from, s);
      if (s.pending_private) LocateThroughPeering(view, d, from, s);
    } else {
      LocatePrivate(view, home, home.default_vpc_id, from, s);
    }
  }
  if (d.pending_private) {
    if (s.found()) {
      LocatePrivate(view, *s.scope, s.eni->vpc_id, to, d);
      if (d.pending_private) LocateThroughPeering(view, s, to, d);
    } else {
      LocatePrivate(view, home, home.default_vpc_id, to, d);
    }
  }
  // An interface without an instance is a NAT gateway's: as a source it is one more internet
  // address, as a destination it answers nothing.
  if (s.found() && s.instance == nullptr) s = Located{};
  if (d.found() && d.instance == nullptr) {
    res.nat_gateway_id = NatGatewayIdAt(d.scope, to.address);
    return fail(res.nat_gateway_id.empty() ? Reason::kUnknownAddress : Reason::kNatGatewayInbound,
                false);
  }
  if (s.found() && s.eni == d.eni) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "`from` and `to` are the same instance; a probe needs two ends");
  }
  if (s.pending_private) return fail(Reason::kUnknownAddress, true);
  if (d.pending_private) {
    if (!s.found()) return fail(Reason::kPrivateFromInternet, false);
    const model::Vpc* vpc = s.scope->vpcs.Find(s.eni->vpc_id);
    bool inside = vpc != nullptr && VpcContains(*vpc, to.address);
    return fail(inside ? Reason::kUnknownAddress : Reason::kNoRoute, false);
  }
  if (!s.found() && !d.found()) {
    return fail(InAwsPublicPool(to.address) ? Reason::kUnknownAddress : Reason::kOutsideSimulation,
                false);
  }
  if (!s.found() && d.by_private) return fail(Reason::kPrivateFromInternet, false);

  bool same_vpc = s.found() && d.found() && s.scope == d.scope && s.eni->vpc_id == d.eni->vpc_id;
  bool private_path = s.found() && d.found() && !d.by_public && (same_vpc || Peered(s, d));
  auto endpoint = [&](const Located& l, const EndRef& ref) {
    Endpoint e;
    if (!l.found()) {
      e.address = ref.address;
      return e;
    }
    e.iface = &view.Interface(*l.scope, *l.eni);
    e.via_public = !private_path;
    e.address = private_path ? l.eni->private_ip : l.eni->public_ip;
    return e;
  };
  res.source = endpoint(s, from);
  res.destination = endpoint(d, to);
  res.source_instance = s.instance;
  res.destination_instance = d.instance;
  return res;
}

std::string NatGatewayIdAt(const model::Scope* scope, Ipv4 ip) {
  if (scope == nullptr || ip == 0) return "";
  for (const model::NatGateway& nat : scope->nat_gateways.values()) {
    if (nat.public_ip == ip || nat.private_ip == ip) return nat.id;
  }
  return "";
}

}  // namespace ec2sim::network
