#include "sim/model/network/explain.h"

#include "sim/model/network/nacl.h"

namespace ec2sim::network {
namespace {

using model::FormatIpv4;

std::string EndLabel(const ProbeEnd& end) {
  if (end.instance != nullptr) {
    std::string label = InstanceLabel(*end.instance);
    if (end.address != 0) label += " at " + FormatIpv4(end.address);
    return label;
  }
  if (end.address != 0) return FormatIpv4(end.address) + " (internet)";
  return end.text;
}

std::string RuleText(const model::SgRule& r) {
  std::string what;
  if (r.protocol == "-1") {
    what = "all traffic";
  } else if (r.protocol == "tcp" || r.protocol == "udp") {
    what = r.protocol + " " + PortsText({r.from_port, r.to_port});
  } else if (r.protocol == "icmp" || r.protocol == "icmpv6") {
    what = r.from_port < 0 ? "all " + r.protocol
                           : r.protocol + " type " + std::to_string(r.from_port) +
                                 (r.to_port < 0 ? "" : " code " + std::to_string(r.to_port));
  } else {
    what = "protocol " + r.protocol;
  }
  std::string peer =
      r.peer == model::SgRule::Peer::kGroup ? "members of " + r.peer_value : r.peer_value;
  return what + (r.egress ? " to " : " from ") + peer;
}

std::string EntryText(const model::NetworkAclEntry& e) {
  std::string action = e.allow ? "allow" : "deny";
  if (IsStarRule(e)) return "the final * entry (" + action + ")";
  return "entry " + std::to_string(e.rule_number) + " (" + action + ")";
}

std::string NoAnswerText(const std::string& address) {
  return "The host at " + address +
         " is not in your account and did not answer. Whatever drops the traffic there (its "
         "security groups, its network ACL, a server that is not running) belongs to its owner.";
}

// Why the internet gateway could not map the address: the VPC has none, or the instance has no
// public address.
std::string GatewayAdvice(const ProbeOutcome& o, const Hop& h) {
  if (o.verdict.reason == Reason::kNoInternetGateway) {
    return GatewayVpcId(h) +
           " has no internet gateway attached, so nothing on the internet reaches it. "
           "Attach one (CreateInternetGateway, AttachInternetGateway) and route 0.0.0.0/0 "
           "to it.";
  }
  return OwnerLabel(h) + " has no public IPv4 address, so " +
         (o.destination.eni == h.eni
              ? "nothing outside its VPC can reach it. Launch it with a public IP or "
                "associate an Elastic IP."
              : "it cannot use the internet gateway. Give it a public IP, or route its "
                "subnet's 0.0.0.0/0 to a NAT gateway in a public subnet.");
}

// Why the hop blocked and what would let the traffic through.
std::string BlockAdvice(const ProbeOutcome& o, const Hop& h) {
  std::string traffic = TrafficText(o.traffic);
  std::string peer = FormatIpv4(h.address);
  switch (h.kind) {
    case HopKind::kSecurityGroup: {
      if (h.return_path) {
        return "The flow is untracked at " + OwnerLabel(h) +
               ", so its reply is checked against the rules like any packet, and no " +
               (h.egress ? "outbound" : "inbound") + " rule allows " +
               ProtocolName(o.traffic.protocol) + " ports " + PortsText(h.ports) +
               (h.egress ? " to " : " from ") + peer + " in its groups: " + GroupsText(h) + ".";
      }
      std::string dir = h.egress ? "outbound" : "inbound";
      std::string prep = h.egress ? " to " : " from ";
      return "No " + dir + " rule allows " + traffic + prep + peer + " in the groups of " +
             OwnerLabel(h) + ": " + GroupsText(h) + ". Security groups only allow; add an " + dir +
             " rule for " + traffic + prep + peer + "/32 or a range that contains it" +
             (o.source.eni != nullptr && o.destination.eni != nullptr && !o.destination.via_public
                  ? ", or for a group the other instance carries."
                  : ".");
    }
    case HopKind::kNetworkAcl: {
      std::string dir = h.egress ? "outbound" : "inbound";
      std::string what = h.return_path ? "the reply on " + ProtocolName(o.traffic.protocol) +
                                             " port " + std::to_string(h.blocked_port)
                                       : traffic;
      std::string text =
          h.entry != nullptr && !IsStarRule(*h.entry)
              ? "Entry " + std::to_string(h.entry->rule_number) + " of network ACL " + h.acl->id +
                    " (" + dir + ") denies " + what + (h.egress ? " to " : " from ") + peer +
                    ". Entries are checked from the lowest number and the first match decides, "
                    "so an allow with a higher number never gets a say."
              : "No " + dir + " entry of network ACL " + h.acl->id + " matches " + what +
                    (h.egress ? " to " : " from ") + peer + ", so the final * entry denies it." +
                    (HasUserEntries(*h.acl, h.egress)
                         ? ""
                         : " A new custom network ACL denies everything until allow entries "
                           "are added.");
      if (h.return_path) {
        text += " Network ACLs are stateless: the reply needs its own " + dir +
                " allow entry for the client's ephemeral ports " + PortsText(h.ports) + ".";
      }
      return text;
    }
    case HopKind::kInternetGateway:
      return GatewayAdvice(o, h);
    case HopKind::kRouteTable:
      return RouteAdvice(o, h);
    case HopKind::kNatGateway:
      return NatAdvice(o, h);
    case HopKind::kInstance:
      // An interface of no instance (a NAT gateway's) terminates no connections of its own.
      if (h.instance == nullptr) {
        return OwnerLabel(h) + " belongs to no instance (" + h.eni->description +
               "): nothing there accepts or opens connections.";
      }
      return OwnerLabel(h) + " is " + model::StateName(h.instance->state) +
             ": only a running instance sends or receives traffic" +
             (h.instance->state == model::InstanceState::kStopped
                  ? ", and a stopped one has also given back its public IP."
                  : ".");
    case HopKind::kInternet:
      if (o.verdict.reason == Reason::kNoAnswer) return NoAnswerText(peer);
      break;
  }
  return "";
}

// The sentence for a verdict reached before any component was crossed.
std::string EndAdvice(const ProbeOutcome& o) {
  const ProbeEnd& end = o.blocked_at_source ? o.source : o.destination;
  std::string addr = end.address != 0 ? FormatIpv4(end.address) : end.text;
  switch (o.verdict.reason) {
    case Reason::kUnknownInstance:
      if (o.confined) {
        // The same words whether the id is unused or another account's: ids are private.
        return "No instance " + end.text +
               " exists in your account. A probe names your own instances; reach anyone "
               "else's by its public IP address, as the internet does.";
      }
      return "No instance " + end.text + " exists in any simulated account or region.";
    case Reason::kNoAnswer:
      return NoAnswerText(addr);
    case Reason::kNotRunning:
      return end.instance != nullptr
                 ? InstanceLabel(*end.instance) + " is " + model::StateName(end.instance->state) +
                       ": only a running instance sends or receives traffic."
                 : end.text + " no longer exists.";
    case Reason::kUnknownAddress:
      return "No simulated interface holds " + addr +
             (o.blocked_at_source ? "."
                                  : "; an address given back by a stopped instance "
                                    "or a released Elastic IP leads nowhere.");
    case Reason::kPrivateFromInternet:
      return addr +
             " is a private address, and the internet does not route private "
             "addresses: use the instance's public IP.";
    case Reason::kNoRoute:
      return addr +
             " is a private address outside the source's VPC, and no route leads there: only "
             "a route to an active peering connection reaches another VPC's private addresses, "
             "and only that VPC's own (peering is not transitive; VPNs are not simulated).";
    case Reason::kNatGatewayInbound:
      return addr + " belongs to NAT gateway " + o.nat_gateway_id +
             ", which carries connections that instances behind it start and accepts none from "
             "outside.";
    case Reason::kOutsideSimulation:
      return "Neither " + o.source.text + " nor " + o.destination.text +
             " belongs to a simulated instance.";
    case Reason::kAddressChanged:
      return "The connection used " + addr + ", which no longer belongs to " +
             (end.instance != nullptr ? InstanceLabel(*end.instance) : end.text) +
             " (its public IP changed), so the connection is gone.";
    case Reason::kConnectionClosed:
      return "Connection " + o.connection + " was cut earlier by " + o.closed_by +
             "; open a new one to try again.";
    default:
      return "";
  }
}

std::string TrackingText(const ProbeOutcome& o) {
  std::string out;
  auto one = [&](const ProbeEnd& end, network::Tracking t) {
    if (end.instance == nullptr || t == network::Tracking::kNotApplicable) return;
    if (o.connection.empty()) return;  // tracking matters once a connection is open
    out += ' ';  // appended piecewise: GCC 12 warns (-Wrestrict) on " " + std::string
    out += InstanceLabel(*end.instance);
    if (t == network::Tracking::kUntracked) {
      out +=
          " does not track this flow (its rule is open to 0.0.0.0/0 and the other direction "
          "is open on every port): removing that rule cuts established connections at once.";
    } else {
      out += " tracks this flow: an established connection survives security-group changes.";
    }
  };
  one(o.source, o.verdict.source_tracking);
  one(o.destination, o.verdict.destination_tracking);
  return out;
}

std::string ConnectionText(const ProbeOutcome& o) {
  switch (o.connection_state) {
    case ConnectionState::kNone:
      return "";
    case ConnectionState::kEstablished:
      return " Connection " + o.connection + " is up.";
    case ConnectionState::kRefused:
      return " Connection " + o.connection + " was not opened.";
    case ConnectionState::kCut:
      return " Connection " + o.connection + " is cut.";
    case ConnectionState::kClosed:
      return "";
  }
  return "";
}

}  // namespace

std::string InstanceLabel(const model::Instance& instance) {
  for (const model::Tag& t : instance.tags) {
    if (t.key == "Name" && !t.value.empty()) return instance.id + " (" + t.value + ")";
  }
  return instance.id;
}

std::string HopText(const Hop& h) {
  switch (h.kind) {
    case HopKind::kInternet:
      return "internet host " + FormatIpv4(h.address);
    case HopKind::kInstance:
      return "instance " + OwnerLabel(h);
    case HopKind::kInternetGateway:
      return "internet gateway of " + GatewayVpcId(h) + " (" + FormatIpv4(h.mapped) + " <-> " +
             (h.address != 0 ? FormatIpv4(h.address) : "no public IP") + ")";
    case HopKind::kRouteTable:
      return RouteHopText(h);
    case HopKind::kNatGateway:
      return NatHopText(h);
    case HopKind::kNetworkAcl: {
      std::string text = "network ACL " + (h.acl != nullptr ? h.acl->id : std::string("?")) +
                         (h.egress ? " outbound" : " inbound");
      return h.entry != nullptr ? text + ": " + EntryText(*h.entry) : text;
    }
    case HopKind::kSecurityGroup: {
      std::string text =
          std::string(h.egress ? "egress" : "ingress") + " security groups of " + OwnerLabel(h);
      switch (h.result) {
        case HopResult::kAllowedByRule:
          if (h.rule == nullptr) return text + ": the rules allow the reply";
          return text + ": rule " + h.rule->rule_id + " of " + h.group->id + " allows " +
                 RuleText(*h.rule);
        case HopResult::kStatefulReply:
          return text + ": the reply passes (stateful)";
        case HopResult::kTrackedConnection:
          return text + ": tracked connection, not re-checked";
        default:
          return text + ": no rule allows it";
      }
    }
  }
  return "";
}

std::string BlockSummary(const ProbeOutcome& o) {
  if (o.verdict.allowed) return "";
  if (o.verdict.blocked_hop >= 0) {
    const Hop& h = o.trace.hops[static_cast<std::size_t>(o.verdict.blocked_hop)];
    if (h.kind == HopKind::kSecurityGroup) {
      return std::string(h.egress ? "the egress" : "the ingress") + " security groups of " +
             OwnerLabel(h);
    }
    return HopText(h);
  }
  return std::string(ReasonCode(o.verdict.reason));
}

std::string Explain(const ProbeOutcome& o) {
  std::string traffic = TrafficText(o.traffic);
  std::string from = EndLabel(o.source), to = EndLabel(o.destination);
  std::string text;
  const Hop* block = o.verdict.blocked_hop >= 0
                         ? &o.trace.hops[static_cast<std::size_t>(o.verdict.blocked_hop)]
                         : nullptr;
  if (o.verdict.allowed) {
    text = "Allowed: " + traffic + " from " + from + " reaches " + to +
           (o.traffic.protocol == kProtoIcmp && IcmpReplyType(o.traffic.port) < 0
                ? "."
                : " and the reply gets back.");
  } else if (block != nullptr && block->return_path) {
    text = "Blocked: " + traffic + " from " + from + " reaches " + to +
           ", but the reply is stopped by " + BlockSummary(o) + ".";
  } else if (block != nullptr) {
    text = "Blocked: " + traffic + " from " + from + " to " + to + " is stopped by " +
           BlockSummary(o) + ".";
  } else {
    text = "Blocked: " + traffic + " from " + from + " to " + to + ": " + EndAdvice(o);
  }
  std::string path, reply;
  for (int i = 0; i < o.trace.size; ++i) {
    const Hop& h = o.trace.hops[static_cast<std::size_t>(i)];
    std::string& list = h.return_path ? reply : path;
    list += (list.empty() ? "" : " -> ") + HopText(h);
  }
  if (!path.empty()) text += " Path: " + path + ".";
  if (!reply.empty()) text += " Reply: " + reply + ".";
  if (block != nullptr) {
    text += ' ';
    text += BlockAdvice(o, *block);
  }
  if (o.verdict.allowed) text += TrackingText(o);
  return text + ConnectionText(o);
}

std::string PortsText(PortRange r) {
  return r.from == r.to ? std::to_string(r.from)
                        : std::to_string(r.from) + "-" + std::to_string(r.to);
}

std::string OwnerLabel(const Hop& hop) {
  return hop.instance != nullptr ? InstanceLabel(*hop.instance) : hop.eni->id;
}

std::string GroupsText(const Hop& hop) {
  std::string out;
  for (const std::string& id : hop.eni->group_ids) {
    const model::SecurityGroup* g = hop.scope->groups.Find(id);
    out += (out.empty() ? "" : ", ") + id + (g != nullptr ? " (" + g->name + ")" : "");
  }
  return out;
}

bool HasUserEntries(const model::NetworkAcl& acl, bool egress) {
  for (const model::NetworkAclEntry& e : acl.entries) {
    if (e.egress == egress && !IsStarRule(e)) return true;
  }
  return false;
}

}  // namespace ec2sim::network
