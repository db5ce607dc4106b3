#include "sim/model/network/evaluator.h"

#include "sim/model/network/route_step.h"
#include "sim/model/vpc/routing.h"

namespace ec2sim::network {
namespace {

using model::Ipv4;

// Walks one flow. Hops go to the caller's trace when there is one; otherwise only the verdict
// is kept.
class Walk {
 public:
  Walk(const Endpoint& src, const Endpoint& dst, const Traffic& t, const EvalOptions& options,
       Trace* trace)
      : src_(src), dst_(dst), t_(t), options_(options), trace_(trace) {
    private_path_ = src.is_instance() && dst.is_instance() && !dst.via_public;
    same_subnet_ = private_path_ && src.iface->eni->subnet_id == dst.iface->eni->subnet_id;
    peered_ = private_path_ && (src.iface->scope != dst.iface->scope ||
                                src.iface->eni->vpc_id != dst.iface->eni->vpc_id);
    src_seen_ = SeenAddress(src);
    dst_seen_ = SeenAddress(dst);
    if (src.is_instance()) PlanSourceRoute();
    if (HasPorts(t.protocol)) {
      reply_ports_ = t.source_port >= 0  ? PortRange{t.source_port, t.source_port}
                     : src.is_instance() ? kInstanceEphemeralPorts
                                         : kInternetEphemeralPorts;
    }
  }

  Verdict Run() {
    if (!EndpointHop(src_, /*is_source=*/true)) return verdict_;
    if (dst_.is_instance() && !Running(dst_)) {
      EndpointHop(dst_, /*is_source=*/false);
      return verdict_;
    }
    if (!Forward()) return verdict_;
    EndpointHop(dst_, /*is_source=*/false);
    if (!Return()) return verdict_;
    verdict_.allowed = true;
    if (src_.is_instance()) verdict_.source_tracking = TrackingAt(*src_.iface, /*egress=*/true);
    if (dst_.is_instance()) {
      verdict_.destination_tracking = TrackingAt(*dst_.iface, /*egress=*/false);
    }
    return verdict_;
  }

 private:
  // The address the other end's rules see for `e`.
  Ipv4 SeenAddress(const Endpoint& e) const {
    if (!e.is_instance()) return e.address;
    return private_path_ ? e.iface->eni->private_ip : e.iface->eni->public_ip;
  }

  static bool Running(const Endpoint& e) {
    return e.iface->instance != nullptr &&
           e.iface->instance->state == model::InstanceState::kRunning;
  }

  void Record(const Hop& hop) {
    if (trace_ != nullptr) trace_->Add(hop);
  }

  bool Block(Hop hop, Reason reason) {
    hop.result = HopResult::kBlocked;
    verdict_.reason = reason;
    verdict_.blocked_on_return = in_return_;
    verdict_.blocked_hop = trace_ != nullptr ? trace_->size : -1;
    Record(hop);
    return false;
  }

  Hop Base(HopKind kind, const Endpoint& e) const {
    Hop h;
    h.kind = kind;
    h.return_path = in_return_;
    if (e.is_instance()) {
      h.scope = e.iface->scope;
      h.instance = e.iface->instance;
      h.eni = e.iface->eni;
    }
    return h;
  }

  bool EndpointHop(const Endpoint& e, bool is_source) {
    Hop h = Base(e.is_instance() ? HopKind::kInstance : HopKind::kInternet, e);
    h.address = e.is_instance() ? e.iface->eni->private_ip : e.address;
    h.egress = is_source;
    if (e.is_instance() && !Running(e)) return Block(h, Reason::kNotRunning);
    Record(h);
    return true;
  }

  // Security groups of `e` in one direction against `peer`.
  bool GroupCheck(const Endpoint& e, bool egress, SgCheck mode, Ipv4 peer_address,
                  const Endpoint& peer_end, bool reply) {
    Hop h = Base(HopKind::kSecurityGroup, e);
    h.egress = egress;
    h.address = peer_address;
    SgPeer peer{peer_address, {}};
    if (private_path_) peer.groups = peer_end.iface->GroupIndices();
    if (mode == SgCheck::kTracked) {
      h.result = HopResult::kTrackedConnection;
      Record(h);
      return true;
    }
    if (reply) {
      if (mode == SgCheck::kNewFlow) {
        h.result = HopResult::kStatefulReply;
        Record(h);
        return true;
      }
      // An untracked flow's reply is checked like any packet (only TCP/UDP are untracked).
      h.ports = reply_ports_;
      if (!RulesCoverPorts(e.iface->Groups(), egress, peer, t_.protocol, reply_ports_, 0)) {
        return Block(h, Reason::kSecurityGroupNoRule);
      }
      h.result = HopResult::kAllowedByRule;
      Record(h);
      return true;
    }
    h.ports = {t_.port, t_.port};
    for (const CompiledGroup* g : e.iface->Groups()) {
      const auto& rules = egress ? g->egress : g->ingress;
      int i = FirstAllowingRule(rules, peer, t_.protocol, t_.port, t_.icmp_code);
      if (i >= 0) {
        h.result = HopResult::kAllowedByRule;
        h.group = g->group;
        h.rule = &g->group->rules[rules[static_cast<std::size_t>(i)].rule_index];
        Record(h);
        return true;
      }
    }
    return Block(h, Reason::kSecurityGroupNoRule);
  }

  // The network ACL of `e`'s subnet in one direction against `peer`.
  bool AclCheck(const Endpoint& e, bool outbound, Ipv4 peer, bool reply) {
    Hop h = Base(HopKind::kNetworkAcl, e);
    h.egress = outbound;
    h.address = peer;
    const CompiledAcl* acl = e.iface->acl;
    if (acl == nullptr) {  // a subnet always has an ACL; treat a missing one as deny-all
      return Block(h, Reason::kNaclDefaultDeny);
    }
    h.acl = acl->acl;
    const auto& entries = outbound ? acl->outbound : acl->inbound;
    AclDecision d;
    if (!reply) {
      h.ports = {t_.port, t_.port};
      d = DecideAcl(entries, peer, t_.protocol, t_.port, t_.icmp_code);
    } else if (t_.protocol == kProtoIcmp) {
      h.ports = {reply_icmp_type_, reply_icmp_type_};
      d = DecideAcl(entries, peer, kProtoIcmp, reply_icmp_type_, 0);
    } else {
      h.ports = reply_ports_;
      d = DecideAclRange(entries, peer, t_.protocol, reply_ports_);
    }
    if (d.matcher >= 0) {
      h.entry = &acl->acl->entries[entries[static_cast<std::size_t>(d.matcher)].entry_index];
    }
    if (!d.allowed) {
      h.blocked_port = d.port;
      bool star = h.entry == nullptr || h.entry->rule_number >= 32767;
      return Block(h, star ? Reason::kNaclDefaultDeny : Reason::kNaclDenyRule);
    }
    h.result = HopResult::kAllowedByRule;
    Record(h);
    return true;
  }

  // The internet gateway of `e`'s VPC: `e` needs a public address to use it, and the VPC an
  // attached gateway (nothing reaches a VPC from the internet without one).
  bool GatewayHop(const Endpoint& e) {
    Hop h = Base(HopKind::kInternetGateway, e);
    h.address = e.iface->eni->public_ip;
    h.mapped = e.iface->eni->private_ip;
    if (h.address == 0) return Block(h, Reason::kNoPublicIp);
    if (AttachedInternetGateway(*e.iface->scope, e.iface->eni->vpc_id) == nullptr) {
      return Block(h, Reason::kNoInternetGateway);
    }
    Record(h);
    return true;
  }

  // Which way the source's packets leave its subnet, decided before the walk because a NAT
  // gateway changes the source address every later check sees.
  void PlanSourceRoute() {
    const CompiledInterface& s = *src_.iface;
    RouteNeed need = !private_path_ ? RouteNeed::kInternet
                     : peered_      ? RouteNeed::kPeer
                                    : RouteNeed::kLocal;
    std::string_view peer_vpc = peered_ ? std::string_view(dst_.iface->eni->vpc_id) : "";
    src_route_ = TakeRoute(*s.scope, s.subnet, s.route_table, dst_seen_, need, peer_vpc);
    if (src_route_.via != RouteVia::kNatGateway || src_route_.nat == nullptr) return;
    const model::NatGateway& nat = *src_route_.nat;
    const model::Subnet* subnet = s.scope->subnets.Find(nat.subnet_id);
    const model::RouteTable* table =
        subnet == nullptr ? nullptr : model::EffectiveRouteTable(*s.scope, *subnet);
    // The NAT gateway's own subnet must send the packet to an internet gateway.
    nat_route_ = TakeRoute(*s.scope, subnet, table, dst_seen_, RouteNeed::kInternetGatewayOnly);
    src_seen_ = nat.public_ip;  // what the destination sees, and answers
  }

  // The route of the subnet a packet leaves. The default VPC's untouched main table is left
  // out of the trace unless it stops the packet (docs/network.md, "Routes").
  bool RouteHop(const RouteStep& r, const Endpoint* e) {
    Hop h;
    if (e != nullptr) h = Base(HopKind::kRouteTable, *e);
    h.kind = HopKind::kRouteTable;
    h.return_path = in_return_;
    h.egress = true;
    h.scope = r.scope;
    h.subnet = r.subnet;
    h.route_table = r.table;
    h.route = r.route;
    h.address = r.destination;
    if (r.blocked != Reason::kNone) return Block(h, r.blocked);
    if (e == nullptr || !e->iface->untouched_default_routes) Record(h);
    return true;
  }

  Hop NatBase(HopKind kind) const {
    const model::NatGateway& nat = *src_route_.nat;
    Hop h;
    h.kind = kind;
    h.return_path = in_return_;
    h.scope = src_.iface->scope;
    h.nat = &nat;
    h.address = nat.public_ip;
    h.mapped = nat.private_ip;
    return h;
  }

  // The NAT gateway: it must be available and public (a private NAT gateway has no address
  // the internet could answer). AWS: "NAT gateways" in the Amazon VPC User Guide
  // (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html).
  bool NatHop() {
    Hop h = NatBase(HopKind::kNatGateway);
    if (!in_return_) {
      if (h.nat->state != "available") return Block(h, Reason::kNatGatewayNotAvailable);
      if (!h.nat->is_public || h.address == 0) return Block(h, Reason::kNoPublicIp);
    }
    Record(h);
    return true;
  }

  // Out of the VPC: the source's own public address, or the NAT gateway's.
  bool LeaveVpc() {
    if (src_route_.via != RouteVia::kNatGateway) return GatewayHop(src_);
    if (!NatHop() || !RouteHop(nat_route_, nullptr)) return false;
    verdict_.translated_source = src_seen_;
    Record(NatBase(HopKind::kInternetGateway));
    return true;
  }

  // Back in: through the gateway that mapped the source's address, then the NAT gateway.
  bool EnterVpc() {
    if (src_route_.via != RouteVia::kNatGateway) return GatewayHop(src_);
    Record(NatBase(HopKind::kInternetGateway));
    return NatHop();
  }

  bool Forward() {
    // Without a public address the destination has no address outside its VPC at all, so no
    // rule on the way could be checked against one.
    if (dst_.is_instance() && !private_path_ && dst_.iface->eni->public_ip == 0) {
      return GatewayHop(dst_);
    }
    if (src_.is_instance()) {
      if (!GroupCheck(src_, true, options_.source, dst_seen_, dst_, false)) return false;
      if (!same_subnet_ && !AclCheck(src_, true, dst_seen_, false)) return false;
      if (!RouteHop(src_route_, &src_)) return false;
      if (!private_path_ && !LeaveVpc()) return false;
    }
    if (dst_.is_instance()) {
      if (!private_path_ && !GatewayHop(dst_)) return false;
      if (!same_subnet_ && !AclCheck(dst_, false, src_seen_, false)) return false;
      if (!GroupCheck(dst_, false, options_.destination, src_seen_, src_, false)) return false;
    }
    return true;
  }

  bool Return() {
    in_return_ = true;
    if (t_.protocol == kProtoIcmp) {
      reply_icmp_type_ = IcmpReplyType(t_.port);
      if (reply_icmp_type_ < 0) return true;  // the message gets no reply
    }
    if (dst_.is_instance()) {
      if (!GroupCheck(dst_, true, options_.destination, src_seen_, src_, true)) return false;
      if (!same_subnet_ && !AclCheck(dst_, true, src_seen_, true)) return false;
      if (!RouteHop(ReplyRoute(), &dst_)) return false;
      if (!private_path_ && !GatewayHop(dst_)) return false;
    }
    if (src_.is_instance()) {
      if (!private_path_ && !EnterVpc()) return false;
      if (!same_subnet_ && !AclCheck(src_, false, dst_seen_, true)) return false;
      if (!GroupCheck(src_, false, options_.source, dst_seen_, dst_, true)) return false;
    }
    return true;
  }

  // The reply leaves the destination's subnet for the address the request came from. An
  // internet host is answered only through an internet gateway: a subnet whose default route is
  // a NAT gateway is private, whatever public address its instance has.
  RouteStep ReplyRoute() const {
    const CompiledInterface& d = *dst_.iface;
    RouteNeed need = !private_path_ ? RouteNeed::kInternetGatewayOnly
                     : peered_      ? RouteNeed::kPeer
                                    : RouteNeed::kLocal;
    std::string_view peer_vpc = peered_ ? std::string_view(src_.iface->eni->vpc_id) : "";
    return TakeRoute(*d.scope, d.subnet, d.route_table, src_seen_, need, peer_vpc);
  }

  // Untracked only for TCP/UDP allowed by a rule open to everyone while the other direction
  // is open to everyone on every port (§6.4); everything else is tracked.
  Tracking TrackingAt(const CompiledInterface& iface, bool egress) const {
    if (!HasPorts(t_.protocol)) return Tracking::kTracked;
    int family = t_.protocol == kProtoTcp ? 0 : 1;
    bool reverse_open = false;
    bool forward_open = false;
    for (const CompiledGroup* g : iface.Groups()) {
      reverse_open = reverse_open || (egress ? g->ingress_open_all : g->egress_open_all)[family];
      forward_open = forward_open || OpenRuleMatches(egress ? g->egress_open : g->ingress_open,
                                                     t_.protocol, t_.port, t_.icmp_code);
    }
    return reverse_open && forward_open ? Tracking::kUntracked : Tracking::kTracked;
  }

  const Endpoint& src_;
  const Endpoint& dst_;
  const Traffic& t_;
  const EvalOptions& options_;
  Trace* trace_;
  bool private_path_ = false;
  bool same_subnet_ = false;
  bool peered_ = false;  // a private path into a peered VPC
  RouteStep src_route_;  // the source's packets leaving its subnet
  RouteStep nat_route_;  // and leaving the NAT gateway's subnet, when they go through one
  bool in_return_ = false;
  Ipv4 src_seen_ = 0;
  Ipv4 dst_seen_ = 0;
  PortRange reply_ports_{};
  int reply_icmp_type_ = -1;
  Verdict verdict_;
};

}  // namespace

Verdict Evaluate(const Endpoint& source, const Endpoint& destination, const Traffic& traffic,
                 const EvalOptions& options, Trace* trace) {
  return Walk(source, destination, traffic, options, trace).Run();
}

}  // namespace ec2sim::network
