#include "sim/model/network/compiled_rules.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <optional>

namespace ec2sim::network {
namespace {

using model::Ipv4;

// The protocol number of a security-group rule ("tcp", "-1", "50"...); nullopt for ICMPv6,
// which never matches IPv4 traffic.
std::optional<std::uint16_t> SgProtocol(const std::string& p) {
  if (p == "-1") return kAnyProtocol;
  if (p == "tcp") return kProtoTcp;
  if (p == "udp") return kProtoUdp;
  if (p == "icmp") return kProtoIcmp;
  if (p == "icmpv6") return std::nullopt;
  return static_cast<std::uint16_t>(std::stoi(p));  // the model stores only 0-255 here
}

bool PortsMatch(std::uint16_t protocol, std::uint16_t lo, std::uint16_t hi, std::int16_t type,
                std::int16_t code, int want_protocol, int port, int icmp_code) {
  if (protocol == kAnyProtocol) return true;
  if (protocol != want_protocol) return false;
  if (HasPorts(want_protocol)) return lo <= port && port <= hi;
  if (want_protocol == kProtoIcmp) {
    return (type == -1 || type == port) && (code == -1 || code == icmp_code);
  }
  return true;  // other protocols have no ports
}

bool PeerMatches(const SgMatcher& m, const SgPeer& peer) {
  if (m.group_ref < 0) return (peer.address & m.mask) == m.net;
  for (std::uint32_t g : peer.groups) {
    if (static_cast<std::int32_t>(g) == m.group_ref) return true;
  }
  return false;
}

// Does `m` cover every port of its protocol? (-1 rules cover all protocols.)
bool CoversAllPorts(const SgMatcher& m, int protocol) {
  if (m.protocol == kAnyProtocol) return true;
  return m.protocol == protocol && m.lo == 0 && m.hi == 65535;
}

}  // namespace

CompiledGroup CompileGroup(const model::SecurityGroup& group, const GroupIndexer& index_of) {
  CompiledGroup out;
  out.group = &group;
  for (std::size_t i = 0; i < group.rules.size(); ++i) {
    const model::SgRule& r = group.rules[i];
    auto protocol = SgProtocol(r.protocol);
    if (!protocol) continue;
    SgMatcher m;
    m.protocol = *protocol;
    m.rule_index = static_cast<std::uint16_t>(i);
    if (HasPorts(m.protocol)) {
      m.lo = static_cast<std::uint16_t>(r.from_port);
      m.hi = static_cast<std::uint16_t>(r.to_port);
    } else if (m.protocol == kProtoIcmp) {
      m.icmp_type = static_cast<std::int16_t>(r.from_port);
      m.icmp_code = static_cast<std::int16_t>(r.to_port);
    }
    switch (r.peer) {
      case model::SgRule::Peer::kCidr4: {
        auto cidr = model::ParseCidr4(r.peer_value);
        if (!cidr) continue;  // the model stores canonical CIDRs; defensive
        m.net = cidr->base;
        m.mask = cidr->mask();
        m.open_to_all = cidr->prefix == 0;
        break;
      }
      case model::SgRule::Peer::kGroup:
        m.group_ref = index_of(r.peer_value);
        if (m.group_ref < 0) continue;
        break;
      case model::SgRule::Peer::kCidr6:
      case model::SgRule::Peer::kPrefixList:
        continue;
    }
    (r.egress ? out.egress : out.ingress).push_back(m);
    if (m.open_to_all) {
      (r.egress ? out.egress_open : out.ingress_open).push_back(m);
      bool* open = r.egress ? out.egress_open_all : out.ingress_open_all;
      open[0] = open[0] || CoversAllPorts(m, kProtoTcp);
      open[1] = open[1] || CoversAllPorts(m, kProtoUdp);
    }
  }
  return out;
}

int FirstAllowingRule(std::span<const SgMatcher> rules, const SgPeer& peer, int protocol, int port,
                      int icmp_code) {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const SgMatcher& m = rules[i];
    if (PortsMatch(m.protocol, m.lo, m.hi, m.icmp_type, m.icmp_code, protocol, port, icmp_code) &&
        PeerMatches(m, peer)) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

bool OpenRuleMatches(std::span<const SgMatcher> open_rules, int protocol, int port, int icmp_code) {
  for (const SgMatcher& m : open_rules) {
    if (PortsMatch(m.protocol, m.lo, m.hi, m.icmp_type, m.icmp_code, protocol, port, icmp_code)) {
      return true;
    }
  }
  return false;
}

bool RulesCoverPorts(std::span<const CompiledGroup* const> groups, bool egress, const SgPeer& peer,
                     int protocol, PortRange ports, int icmp_code) {
  if (!HasPorts(protocol)) {
    for (const CompiledGroup* g : groups) {
      if (FirstAllowingRule(egress ? g->egress : g->ingress, peer, protocol, ports.from,
                            icmp_code) >= 0) {
        return true;
      }
    }
    return false;
  }
  std::vector<PortRange> covered;
  for (const CompiledGroup* g : groups) {
    for (const SgMatcher& m : egress ? g->egress : g->ingress) {
      if (!PeerMatches(m, peer)) continue;
      if (m.protocol == kAnyProtocol) return true;
      if (m.protocol == protocol) covered.push_back({m.lo, m.hi});
    }
  }
  std::sort(covered.begin(), covered.end(),
            [](const PortRange& a, const PortRange& b) { return a.from < b.from; });
  int next = ports.from;  // the lowest port not yet known to be covered
  for (const PortRange& r : covered) {
    if (r.from > next) break;
    next = std::max(next, r.to + 1);
    if (next > ports.to) return true;
  }
  return next > ports.to;
}

CompiledAcl CompileAcl(const model::NetworkAcl& acl) {
  CompiledAcl out;
  out.acl = &acl;
  for (std::size_t i = 0; i < acl.entries.size(); ++i) {
    const model::NetworkAclEntry& e = acl.entries[i];
    if (!e.cidr4) continue;  // IPv6 entries never match IPv4 traffic
    AclMatcher m;
    m.net = e.cidr4->base;
    m.mask = e.cidr4->mask();
    m.protocol =
        e.protocol == "-1" ? kAnyProtocol : static_cast<std::uint16_t>(std::stoi(e.protocol));
    if (m.protocol == kProtoIcmpv6) continue;
    if (HasPorts(m.protocol)) {
      m.lo = static_cast<std::uint16_t>(e.port_from);
      m.hi = static_cast<std::uint16_t>(e.port_to);
    } else if (m.protocol == kProtoIcmp) {
      m.icmp_type = static_cast<std::int16_t>(e.icmp_type);
      m.icmp_code = static_cast<std::int16_t>(e.icmp_code);
    }
    m.entry_index = static_cast<std::uint16_t>(i);
    m.allow = e.allow;
    (e.egress ? out.outbound : out.inbound).push_back(m);
  }
  auto by_number = [&acl](const AclMatcher& a, const AclMatcher& b) {
    return acl.entries[a.entry_index].rule_number < acl.entries[b.entry_index].rule_number;
  };
  std::sort(out.inbound.begin(), out.inbound.end(), by_number);
  std::sort(out.outbound.begin(), out.outbound.end(), by_number);
  return out;
}

AclDecision DecideAcl(std::span<const AclMatcher> entries, Ipv4 peer, int protocol, int port,
                      int icmp_code) {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const AclMatcher& m = entries[i];
    if ((peer & m.mask) != m.net) continue;
    if (!PortsMatch(m.protocol, m.lo, m.hi, m.icmp_type, m.icmp_code, protocol, port, icmp_code)) {
      continue;
    }
    return {static_cast<int>(i), m.allow, m.allow ? -1 : port};
  }
  return {-1, false, port};
}

AclDecision DecideAclRange(std::span<const AclMatcher> entries, Ipv4 peer, int protocol,
                           PortRange ports) {
  if (!HasPorts(protocol)) return DecideAcl(entries, peer, protocol, ports.from, 0);
  // Ports not yet decided, as disjoint ranges. Each allowing entry splits at most one range in
  // two, so the count stays below the number of entries plus one.
  constexpr std::size_t kMaxPending = 64;
  std::array<PortRange, kMaxPending> pending{};
  std::size_t count = 1;
  pending[0] = ports;
  int first_allow = -1;
  for (std::size_t i = 0; i < entries.size() && count > 0; ++i) {
    const AclMatcher& m = entries[i];
    if ((peer & m.mask) != m.net) continue;
    if (m.protocol != kAnyProtocol && m.protocol != protocol) continue;
    int lo = m.protocol == kAnyProtocol ? 0 : m.lo;
    int hi = m.protocol == kAnyProtocol ? 65535 : m.hi;
    if (!m.allow) {
      int lowest = -1;
      for (std::size_t k = 0; k < count; ++k) {
        if (pending[k].to < lo || pending[k].from > hi) continue;
        int first = std::max(pending[k].from, lo);
        if (lowest < 0 || first < lowest) lowest = first;
      }
      if (lowest >= 0) return {static_cast<int>(i), false, lowest};
      continue;
    }
    std::array<PortRange, kMaxPending> next{};
    std::size_t n = 0;
    bool touched = false;
    for (std::size_t k = 0; k < count; ++k) {
      assert(n + 2 <= kMaxPending);
      PortRange r = pending[k];
      if (r.to < lo || r.from > hi) {
        next[n++] = r;
        continue;
      }
      touched = true;
      if (r.from < lo) next[n++] = {r.from, lo - 1};
      if (r.to > hi) next[n++] = {hi + 1, r.to};
    }
    if (touched && first_allow < 0) first_allow = static_cast<int>(i);
    pending = next;
    count = n;
  }
  if (count == 0) return {first_allow, true, -1};
  return {-1, false, pending[0].from};
}

}  // namespace ec2sim::network
