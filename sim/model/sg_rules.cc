#include "sim/model/sg_rules.h"

#include <algorithm>
#include <cctype>

#include "sim/engine/ascii.h"
#include "sim/model/resource_ids.h"
#include "sim/model/security_groups.h"

namespace ec2sim::model {
namespace {

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalidParameterValue, std::move(message));
}

bool IsIcmp(const std::string& protocol) { return protocol == "icmp" || protocol == "icmpv6"; }

// Ports as stored: tcp/udp need an explicit range, icmp a type and code (optional for icmpv6,
// where omitting them means all), and every other protocol ignores them (BC-MODEL
// IpPermission.IpProtocol/FromPort/ToPort).
Status ResolvePorts(const std::string& protocol, const PermissionSpec& p, SgRule& rule) {
  rule.from_port = rule.to_port = -1;
  if (protocol == "tcp" || protocol == "udp") {
    if (!p.from_port || !p.to_port) {
      return Invalid("Invalid value for portRange. Must specify both from and to ports with " +
                     std::string(protocol == "tcp" ? "TCP" : "UDP") + ".");
    }
    for (std::int64_t port : {*p.from_port, *p.to_port}) {
      if (port < 0 || port > 65535) {
        return Invalid("Invalid value '" + std::to_string(port) +
                       "' for portRange. Ports must be between 0 and 65535.");
      }
    }
    if (*p.from_port > *p.to_port) {
      return Invalid("Invalid port range: from port " + std::to_string(*p.from_port) +
                     " is greater than to port " + std::to_string(*p.to_port) + ".");
    }
  } else if (IsIcmp(protocol)) {
    if (protocol == "icmp" && (!p.from_port || !p.to_port)) {
      return Invalid(
          "Invalid value for portRange. Must specify both the ICMP type (FromPort) "
          "and code (ToPort); use -1 for all.");
    }
    std::int64_t type = p.from_port.value_or(-1);
    std::int64_t code = p.to_port.value_or(-1);
    if (type < -1 || type > 255 || code < -1 || code > 255) {
      return Invalid("Invalid value for ICMP type " + std::to_string(type) + " and code " +
                     std::to_string(code) + ": each must be between -1 and 255.");
    }
    if (type == -1 && code != -1) {
      return Invalid("Invalid ICMP code " + std::to_string(code) +
                     ": all ICMP types (-1) require all codes (-1).");
    }
  } else {
    return OkStatus();
  }
  rule.from_port = static_cast<int>(p.from_port.value_or(-1));
  rule.to_port = static_cast<int>(p.to_port.value_or(-1));
  return OkStatus();
}

Status ResolvePeer(Scope& scope, const SecurityGroup& group, const PeerSpec& peer, SgRule& rule) {
  if (!IsValidGroupText(peer.description)) {
    return Invalid(
        "Invalid rule description. Descriptions are up to 255 characters from "
        "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*");
  }
  rule.peer = peer.kind;
  rule.description = peer.description;
  switch (peer.kind) {
    case SgRule::Peer::kCidr4: {
      // EC2 clears host bits: 10.0.0.1/8 is stored as 10.0.0.0/8 (ansible/ansible#25403
      // shows the stored rule differing from the requested one).
      auto cidr = ParseCidr4(peer.value, /*canonicalize=*/true);
      if (!cidr) {
        return Invalid("Value (" + peer.value +
                       ") for parameter cidrIp is invalid. This is not a valid CIDR block.");
      }
      rule.peer_value = cidr->ToString();
      return OkStatus();
    }
    case SgRule::Peer::kCidr6: {
      // Canonicalised like IPv4 [derived].
      auto cidr = ParseCidr6(peer.value, /*canonicalize=*/true);
      if (!cidr) {
        return Invalid("Value (" + peer.value +
                       ") for parameter cidrIpv6 is invalid. This is not a valid IPv6 CIDR "
                       "block.");
      }
      rule.peer_value = cidr->ToString();
      return OkStatus();
    }
    case SgRule::Peer::kPrefixList:
      if (!IsHexId(peer.value, "pl-")) {
        return Invalid("The prefix list ID '" + peer.value + "' is malformed.");
      }
      rule.peer_value = peer.value;
      return OkStatus();
    case SgRule::Peer::kGroup:
      break;
  }
  const SecurityGroup* ref = nullptr;
  if (!peer.value.empty()) {
    EC2SIM_ASSIGN_OR_RETURN(ref, FindGroupById(scope, peer.value));
  } else if (!peer.group_name.empty()) {
    // Names identify groups only in the default VPC (BC-MODEL UserIdGroupPair.GroupName).
    EC2SIM_ASSIGN_OR_RETURN(ref, FindGroupByName(scope, scope.default_vpc_id, peer.group_name));
  } else {
    return MakeError(ErrorCode::kMissingParameter,
                     "Each UserIdGroupPairs entry must contain GroupId or GroupName");
  }
  // Other accounts' groups are not simulated.
  if (!peer.user_id.empty() && peer.user_id != scope.account) {
    return MakeError(
        ErrorCode::kInvalidGroupNotFound,
        "The security group '" + ref->id + "' does not exist for account '" + peer.user_id + "'");
  }
  if (ref->vpc_id != group.vpc_id) {
    return MakeError(ErrorCode::kInvalidGroupNotFound,
                     "You have specified two resources that belong to different networks.");
  }
  rule.peer_value = ref->id;
  rule.peer_user_id = scope.account;
  return OkStatus();
}

}  // namespace

Result<std::string> CanonicalProtocol(std::string_view protocol) {
  std::string lower = engine::AsciiLower(protocol);
  if (lower == "tcp" || lower == "udp" || lower == "icmp" || lower == "icmpv6" || lower == "-1") {
    return lower;
  }
  bool digits = !lower.empty() && lower.size() <= 3 &&
                std::all_of(lower.begin(), lower.end(),
                            [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  int number = digits ? std::stoi(lower) : -1;  // at most three digits: stoi cannot throw
  if (number >= 0 && number <= 255) {
    // The well-known numbers are stored under their names, as DescribeSecurityGroups shows them.
    if (number == 6) return std::string("tcp");
    if (number == 17) return std::string("udp");
    if (number == 1) return std::string("icmp");
    if (number == 58) return std::string("icmpv6");
    return std::to_string(number);
  }
  return Invalid("Invalid value '" + std::string(protocol) +
                 "' for IP protocol. Unknown protocol.");
}

Result<std::vector<SgRule>> ResolvePermissions(Scope& scope, const SecurityGroup& group,
                                               bool egress,
                                               const std::vector<PermissionSpec>& permissions) {
  std::vector<SgRule> rules;
  for (const PermissionSpec& p : permissions) {
    SgRule base;
    base.egress = egress;
    EC2SIM_ASSIGN_OR_RETURN(base.protocol, CanonicalProtocol(p.protocol));
    EC2SIM_RETURN_IF_ERROR(ResolvePorts(base.protocol, p, base));
    if (p.peers.empty()) {
      return MakeError(ErrorCode::kMissingParameter,
                       std::string("Each permission must name a ") +
                           (egress ? "destination" : "source") +
                           ": IpRanges, Ipv6Ranges, UserIdGroupPairs or PrefixListIds");
    }
    for (const PeerSpec& peer : p.peers) {
      SgRule rule = base;
      EC2SIM_RETURN_IF_ERROR(ResolvePeer(scope, group, peer, rule));
      rules.push_back(std::move(rule));
    }
  }
  return rules;
}

bool SameRule(const SgRule& a, const SgRule& b) {
  return a.egress == b.egress && a.protocol == b.protocol && a.from_port == b.from_port &&
         a.to_port == b.to_port && a.peer == b.peer && a.peer_value == b.peer_value;
}

std::string RuleText(const SgRule& rule) {
  // The tcp/udp and "-1" shapes are observed (ISSUE-PERMDUP and public build logs); the ICMP
  // and protocol-number shapes follow the same pattern [unverified].
  std::string text = "peer: " + rule.peer_value + ", ";
  std::string upper = rule.protocol;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (rule.protocol == "-1") {
    text += "ALL";
  } else if (rule.protocol == "tcp" || rule.protocol == "udp") {
    text += upper + ", from port: " + std::to_string(rule.from_port) +
            ", to port: " + std::to_string(rule.to_port);
  } else if (IsIcmp(rule.protocol)) {
    text += upper + ", type: " + std::to_string(rule.from_port) +
            ", code: " + std::to_string(rule.to_port);
  } else {
    text += upper;
  }
  return text + ", ALLOW";
}

RuleCounts CountRules(const std::vector<SgRule>& rules, bool egress) {
  RuleCounts counts;
  for (const SgRule& r : rules) {
    if (r.egress != egress) continue;
    if (r.peer != SgRule::Peer::kCidr6) ++counts.ipv4;
    if (r.peer != SgRule::Peer::kCidr4) ++counts.ipv6;
  }
  return counts;
}

Result<std::vector<SgRule>> AuthorizeRules(World& world, Scope& scope, SecurityGroup& group,
                                           bool egress,
                                           const std::vector<PermissionSpec>& permissions,
                                           const TagList& rule_tags) {
  if (permissions.empty()) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter IpPermissions");
  }
  EC2SIM_ASSIGN_OR_RETURN(std::vector<SgRule> added,
                          ResolvePermissions(scope, group, egress, permissions));
  for (size_t i = 0; i < added.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      // AWS answers a rule repeated within one request this way (input-output-hk/bitte#24).
      if (SameRule(added[i], added[j])) {
        return Invalid("The same permission must not appear multiple times");
      }
    }
    for (const SgRule& existing : group.rules) {
      if (SameRule(added[i], existing)) {
        return MakeError(ErrorCode::kInvalidPermissionDuplicate,
                         "the specified rule \"" + RuleText(added[i]) + "\" already exists");
      }
    }
  }
  std::vector<SgRule> all = group.rules;
  all.insert(all.end(), added.begin(), added.end());
  RuleCounts counts = CountRules(all, egress);
  if (counts.ipv4 > kRulesPerDirection || counts.ipv6 > kRulesPerDirection) {
    return MakeError(ErrorCode::kRulesPerSecurityGroupLimitExceeded,
                     "The maximum number of rules per security group has been reached.");
  }
  for (SgRule& rule : added) {
    rule.rule_id = world.NewId("sgr");
    rule.tags = rule_tags;
    group.rules.push_back(rule);
  }
  return added;
}

Result<RevokeOutcome> RevokeRules(Scope& scope, SecurityGroup& group, bool egress,
                                  const std::vector<PermissionSpec>& permissions) {
  if (permissions.empty()) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter IpPermissions");
  }
  EC2SIM_ASSIGN_OR_RETURN(std::vector<SgRule> wanted,
                          ResolvePermissions(scope, group, egress, permissions));
  const Vpc* vpc = scope.vpcs.Find(group.vpc_id);
  bool lenient = vpc != nullptr && vpc->is_default;
  RevokeOutcome outcome;
  std::vector<std::string> remove;
  for (const SgRule& w : wanted) {
    auto it = std::find_if(group.rules.begin(), group.rules.end(),
                           [&](const SgRule& r) { return SameRule(r, w); });
    if (it == group.rules.end()) {
      if (!lenient) {
        return MakeError(ErrorCode::kInvalidPermissionNotFound,
                         "The specified rule does not exist in this security group.");
      }
      outcome.unknown.push_back(w);
    } else if (std::find(remove.begin(), remove.end(), it->rule_id) == remove.end()) {
      remove.push_back(it->rule_id);
      outcome.revoked.push_back(*it);
    }
  }
  std::erase_if(group.rules, [&](const SgRule& r) {
    return std::find(remove.begin(), remove.end(), r.rule_id) != remove.end();
  });
  return outcome;
}

Result<std::vector<SgRule>> RevokeRulesById(SecurityGroup& group, bool egress,
                                            const std::vector<std::string>& rule_ids) {
  if (rule_ids.empty()) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter SecurityGroupRuleIds");
  }
  std::vector<SgRule> revoked;
  for (const std::string& id : rule_ids) {
    auto it = std::find_if(group.rules.begin(), group.rules.end(),
                           [&](const SgRule& r) { return r.rule_id == id && r.egress == egress; });
    if (it == group.rules.end()) {
      return MakeError(ErrorCode::kInvalidSecurityGroupRuleIdNotFound,
                       "The security group rule ID '" + id + "' does not exist in " +
                           (egress ? "the egress" : "the ingress") + " rules of '" + group.id +
                           "'");
    }
    bool seen = std::any_of(revoked.begin(), revoked.end(),
                            [&](const SgRule& r) { return r.rule_id == id; });
    if (!seen) revoked.push_back(*it);
  }
  std::erase_if(group.rules, [&](const SgRule& r) {
    return std::any_of(revoked.begin(), revoked.end(),
                       [&](const SgRule& gone) { return gone.rule_id == r.rule_id; });
  });
  return revoked;
}

}  // namespace ec2sim::model
