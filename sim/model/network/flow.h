// The vocabulary of traffic evaluation: what travels (Traffic), why it is stopped (Reason), the
// components it crosses (Hop, Trace) and the answer (Verdict). Plain values without strings, so
// the evaluator's hot path never allocates; text is made from them only when asked.
#ifndef EC2SIM_MODEL_NETWORK_FLOW_H_
#define EC2SIM_MODEL_NETWORK_FLOW_H_

#include <array>
#include <cassert>
#include <cstdint>
#include <string>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/model/scope.h"

namespace ec2sim::network {

// IANA protocol numbers of the protocols rules name (ec2-semantics.md §6.2).
inline constexpr int kProtoIcmp = 1;
inline constexpr int kProtoTcp = 6;
inline constexpr int kProtoUdp = 17;
inline constexpr int kProtoIcmpv6 = 58;

// An inclusive port range.
struct PortRange {
  int from = 0;
  int to = 65535;
};

// Ports a client picks for its end of a connection, so the reply's destination port (§6.5).
// Instances are assumed to run Linux (net.ipv4.ip_local_port_range 32768-60999); internet
// clients may be anything, so AWS's advice for NACLs, 1024-65535, stands for them.
inline constexpr PortRange kInstanceEphemeralPorts{32768, 60999};
inline constexpr PortRange kInternetEphemeralPorts{1024, 65535};

// What travels from the source to the destination.
struct Traffic {
  int protocol = kProtoTcp;  // 0..255
  int port = 0;              // TCP/UDP destination port; ICMP type
  int icmp_code = 0;         // ICMP only
  int source_port = -1;      // the client's port; -1: any port of its ephemeral range
};

inline bool HasPorts(int protocol) { return protocol == kProtoTcp || protocol == kProtoUdp; }

// Parses a probe's protocol: "tcp", "udp", "icmp" (any case) or a number 0-255. Errors:
// kInvalidParameterValue (unknown names, "-1"/"all", which are not one protocol, and icmpv6,
// since no simulated interface has an IPv6 address).
Result<int> ParseTrafficProtocol(std::string_view text);
// "tcp", "udp", "icmp" or the number.
std::string ProtocolName(int protocol);
// "tcp/22", "udp/53", "icmp type 8 code 0", "protocol 50".
std::string TrafficText(const Traffic& t);

// The ICMP type that answers `type` (echo 8 -> 0, timestamp 13 -> 14), or -1 when the message
// gets no reply.
int IcmpReplyType(int type);

// Why traffic does not get through. Stable machine-readable codes (ReasonCode).
enum class Reason : std::uint8_t {
  kNone,
  kSecurityGroupNoRule,     // no rule of the interface's groups allows it
  kNaclDenyRule,            // a numbered network ACL entry denies it
  kNaclDefaultDeny,         // nothing matched before the "*" entry
  kNoPublicIp,              // the instance has no public IPv4 for internet traffic
  kNotRunning,              // the instance is not running
  kUnknownInstance,         // no simulated instance has this id
  kUnknownAddress,          // no simulated interface holds this address
  kPrivateFromInternet,     // a private address cannot be reached from (or come from) the internet
  kNoRoute,                 // no route leads there (none matches, or it leads elsewhere)
  kOutsideSimulation,       // neither end is a simulated instance
  kConnectionClosed,        // the named connection was cut earlier
  kAddressChanged,          // the connection's address no longer maps to the instance
  kNoAnswer,                // another account's host did not answer (a confined probe's view)
  kBlackholeRoute,          // the matching route's target is gone (a "blackhole" route)
  kNoInternetGateway,       // the route to the internet does not lead to an attached gateway
  kNatGatewayNotAvailable,  // the route's NAT gateway is not (yet, or any more) available
  kNatGatewayInbound,       // a NAT gateway's address accepts no connection from outside
};
std::string_view ReasonCode(Reason reason);

// A component on the path.
enum class HopKind : std::uint8_t {
  kInternet,         // a host on the internet
  kInstance,         // an instance (its network interface)
  kSecurityGroup,    // the union of the interface's groups, one direction
  kNetworkAcl,       // the subnet's network ACL, one direction
  kInternetGateway,  // the VPC's internet gateway mapping public <-> private addresses
  kRouteTable,       // the route table of the subnet a packet leaves, and the route it takes
  kNatGateway,       // a NAT gateway that sends a private subnet's traffic out as its own
};

// How a component treated the traffic.
enum class HopResult : std::uint8_t {
  kPassed,             // endpoints and gateways that only forward
  kAllowedByRule,      // a rule or entry allowed it
  kStatefulReply,      // a security group lets a tracked reply through whatever its rules
  kTrackedConnection,  // an established tracked connection is not checked against the rules
  kBlocked,
};

// One component crossed (or the one that blocked). Pointers refer into the World and are only
// valid until it next changes.
struct Hop {
  HopKind kind = HopKind::kInternet;
  HopResult result = HopResult::kPassed;
  bool egress = false;       // security group egress / ACL outbound; false: ingress / inbound
  bool return_path = false;  // on the reply's way back
  const model::Scope* scope = nullptr;
  const model::Instance* instance = nullptr;       // kInstance, kSecurityGroup
  const model::NetworkInterface* eni = nullptr;    // kInstance, kSecurityGroup, gateway
  const model::SecurityGroup* group = nullptr;     // kSecurityGroup: the group of `rule`
  const model::SgRule* rule = nullptr;             // kSecurityGroup: the allowing rule
  const model::NetworkAcl* acl = nullptr;          // kNetworkAcl
  const model::NetworkAclEntry* entry = nullptr;   // kNetworkAcl: the deciding entry
  const model::Subnet* subnet = nullptr;           // kRouteTable: the subnet the packet leaves
  const model::RouteTable* route_table = nullptr;  // kRouteTable (nullptr: the VPC has none)
  const model::Route* route = nullptr;             // kRouteTable: the match (nullptr: none)
  const model::NatGateway* nat = nullptr;          // kNatGateway; kInternetGateway: mapping a NAT's
  // kInternet/kInstance: the address; checks: the peer they saw; kRouteTable: the destination
  // looked up; kNatGateway: its public address.
  model::Ipv4 address = 0;
  model::Ipv4 mapped = 0;  // kInternetGateway, kNatGateway: the private address behind `address`
  PortRange ports{};       // the destination ports checked (a reply checks a range)
  int blocked_port = -1;   // the first port refused when a range was checked
};

// The components of one evaluation in order: the forward path, then the return path.
struct Trace {
  static constexpr int kMaxHops = 24;
  std::array<Hop, kMaxHops> hops{};
  int size = 0;
  Hop& Add(const Hop& hop) {
    // A path has at most 21 hops: 12 forward (2 endpoints, 2 group sets, 2 ACLs, 2 route
    // tables, a NAT gateway and its route table, 2 internet gateways) and 9 back (2 group sets,
    // 2 ACLs, a route table, 2 internet gateways, a NAT gateway).
    assert(size < kMaxHops);
    hops[static_cast<std::size_t>(size)] = hop;
    return hops[static_cast<std::size_t>(size++)];
  }
};

// Tracking of one end's security groups (§6.4).
enum class Tracking : std::uint8_t { kNotApplicable, kTracked, kUntracked };
std::string_view TrackingName(Tracking t);

// The answer. When blocked, `reason` says why and `blocked_hop` indexes the trace's hop that
// stopped it (-1 when no component did, e.g. an unknown address).
struct Verdict {
  bool allowed = false;
  Reason reason = Reason::kNone;
  int blocked_hop = -1;
  bool blocked_on_return = false;
  Tracking source_tracking = Tracking::kNotApplicable;
  Tracking destination_tracking = Tracking::kNotApplicable;
  // The source address the destination sees when a NAT gateway translated it (its public
  // address); 0 when the packet did not leave through a NAT gateway.
  model::Ipv4 translated_source = 0;
};

}  // namespace ec2sim::network

#endif  // EC2SIM_MODEL_NETWORK_FLOW_H_
