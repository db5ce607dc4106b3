// Security-group rules and network ACL entries compiled into compact, string-free matchers for
// IPv4 traffic, and the matching functions the evaluator calls on every verdict.
//
// Rules that can never match IPv4 traffic (IPv6 CIDRs, ICMPv6, prefix lists, whose contents are
// not simulated) are left out of the compiled form; the model keeps them unchanged.
#ifndef EC2SIM_MODEL_NETWORK_COMPILED_RULES_H_
#define EC2SIM_MODEL_NETWORK_COMPILED_RULES_H_

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "sim/model/network/flow.h"
#include "sim/model/scope.h"

namespace ec2sim::network {

// Protocol value of a matcher that matches every protocol ("-1").
inline constexpr std::uint16_t kAnyProtocol = 0xFFFF;

// One security-group rule. Ports: lo..hi for TCP/UDP; ICMP type/code (-1 = all).
struct SgMatcher {
  model::Ipv4 net = 0;
  model::Ipv4 mask = 0;
  std::int32_t group_ref = -1;  // dense index of a referenced group; -1: match net/mask
  std::uint16_t protocol = kAnyProtocol;
  std::uint16_t lo = 0;
  std::uint16_t hi = 65535;
  std::int16_t icmp_type = -1;
  std::int16_t icmp_code = -1;
  std::uint16_t rule_index = 0;  // index into SecurityGroup::rules
  bool open_to_all = false;      // peer 0.0.0.0/0
};

// The peer side of a security-group check: the address the rule sees and, when the peer is an
// interface in the same VPC reached by its private address, the dense indices of its groups
// (group references match only those, §6.2).
struct SgPeer {
  model::Ipv4 address = 0;
  std::span<const std::uint32_t> groups;
};

// A security group's rules, split by direction.
struct CompiledGroup {
  const model::SecurityGroup* group = nullptr;
  std::vector<SgMatcher> ingress;
  std::vector<SgMatcher> egress;
  // The rules of each direction open to 0.0.0.0/0 (the only ones that can leave a flow
  // untracked), so the tracking decision scans a few rules instead of all.
  std::vector<SgMatcher> ingress_open;
  std::vector<SgMatcher> egress_open;
  // Whether a direction has a rule open to 0.0.0.0/0 on every port of TCP ([0]) or UDP ([1]):
  // what makes the opposite direction's flows untracked (§6.4).
  bool ingress_open_all[2] = {false, false};
  bool egress_open_all[2] = {false, false};
};

// Maps the id of a group referenced by a rule to the dense index that interface group lists
// use, or -1 for a group that does not exist (the rule then matches nothing).
using GroupIndexer = std::function<std::int32_t(const std::string& group_id)>;

CompiledGroup CompileGroup(const model::SecurityGroup& group, const GroupIndexer& index_of);

// Index of the first rule in `rules` that allows `traffic` (sent to or received from `peer`),
// or -1. Never allocates.
int FirstAllowingRule(std::span<const SgMatcher> rules, const SgPeer& peer, int protocol, int port,
                      int icmp_code);

// True when a rule open to 0.0.0.0/0 among `rules` matches the traffic. Never allocates.
bool OpenRuleMatches(std::span<const SgMatcher> open_rules, int protocol, int port, int icmp_code);

// True when the rules of `groups` (one direction) together allow every port of `ports` for
// `protocol` from/to `peer`. For protocols without ports, one check decides.
bool RulesCoverPorts(std::span<const CompiledGroup* const> groups, bool egress, const SgPeer& peer,
                     int protocol, PortRange ports, int icmp_code);

// One network ACL entry.
struct AclMatcher {
  model::Ipv4 net = 0;
  model::Ipv4 mask = 0;
  std::uint16_t protocol = kAnyProtocol;
  std::uint16_t lo = 0;
  std::uint16_t hi = 65535;
  std::int16_t icmp_type = -1;
  std::int16_t icmp_code = -1;
  std::uint16_t entry_index = 0;  // index into NetworkAcl::entries
  bool allow = false;
};

// A network ACL's IPv4 entries per direction, in evaluation order (rule number ascending, the
// "*" entry last).
struct CompiledAcl {
  const model::NetworkAcl* acl = nullptr;
  std::vector<AclMatcher> inbound;
  std::vector<AclMatcher> outbound;
};

CompiledAcl CompileAcl(const model::NetworkAcl& acl);

// The first-match decision of one direction. `matcher` indexes the deciding entry in the list
// (-1 when nothing matched, which denies like "*"); `port` is the first refused port when a
// range was checked.
struct AclDecision {
  int matcher = -1;
  bool allowed = false;
  int port = -1;
};

// Decides one packet: ICMP type in `port` for protocol 1. Never allocates.
AclDecision DecideAcl(std::span<const AclMatcher> entries, model::Ipv4 peer, int protocol, int port,
                      int icmp_code);
// Decides every destination port of `ports` at once (a reply may use any port of the client's
// ephemeral range): allowed only if first-match allows each of them. On success `matcher` is
// the lowest-numbered allowing entry. Never allocates.
AclDecision DecideAclRange(std::span<const AclMatcher> entries, model::Ipv4 peer, int protocol,
                           PortRange ports);

}  // namespace ec2sim::network

#endif  // EC2SIM_MODEL_NETWORK_COMPILED_RULES_H_
