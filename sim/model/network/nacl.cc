#include "sim/model/network/nacl.h"

#include <algorithm>
#include <cctype>

#include "sim/engine/ascii.h"
#include "sim/model/resource_kinds.h"

namespace ec2sim::network {
namespace {

using model::NetworkAcl;
using model::NetworkAclEntry;
using model::Scope;

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalidParameterValue, std::move(message));
}

std::string EntryName(std::int64_t rule_number) {
  return "The network acl entry identified by " + std::to_string(rule_number);
}

Status CheckRuleNumber(std::int64_t n) {
  if (n < kMinAclRuleNumber || n > kMaxAclRuleNumber) {
    return Invalid("Invalid value '" + std::to_string(n) +
                   "' for RuleNumber. Rule numbers must be between 1 and 32766; 32767 and "
                   "above are reserved for the default \"*\" rules.");
  }
  return OkStatus();
}

Status ResolvePorts(const AclEntrySpec& spec, NetworkAclEntry& e) {
  if (e.protocol == "6" || e.protocol == "17") {
    if (!spec.port_from || !spec.port_to) {
      return MakeError(ErrorCode::kMissingParameter,
                       "The request must contain the parameter portRange (From and To) for "
                       "protocol " +
                           e.protocol);
    }
    for (std::int64_t port : {*spec.port_from, *spec.port_to}) {
      if (port < 0 || port > 65535) {
        return Invalid("Invalid value '" + std::to_string(port) +
                       "' for portRange. Ports must be between 0 and 65535.");
      }
    }
    if (*spec.port_from > *spec.port_to) {
      return Invalid("Invalid port range: from port " + std::to_string(*spec.port_from) +
                     " is greater than to port " + std::to_string(*spec.port_to) + ".");
    }
    e.port_from = static_cast<int>(*spec.port_from);
    e.port_to = static_cast<int>(*spec.port_to);
  } else if (e.protocol == "1" || e.protocol == "58") {
    if (!spec.icmp_type || !spec.icmp_code) {
      return MakeError(ErrorCode::kMissingParameter,
                       "The request must contain the parameter icmpTypeCode (Type and Code) for "
                       "protocol " +
                           e.protocol);
    }
    std::int64_t type = *spec.icmp_type, code = *spec.icmp_code;
    if (type < -1 || type > 255 || code < -1 || code > 255) {
      return Invalid("Invalid value for ICMP type " + std::to_string(type) + " and code " +
                     std::to_string(code) + ": each must be between -1 and 255.");
    }
    e.icmp_type = static_cast<int>(type);
    e.icmp_code = static_cast<int>(code);
  }
  // Every other protocol covers all ports: a given range or type is ignored (BC-MODEL
  // CreateNetworkAclEntryRequest.Protocol).
  return OkStatus();
}

bool SameFamily(const NetworkAclEntry& a, const NetworkAclEntry& b) {
  return a.cidr6.has_value() == b.cidr6.has_value();
}

}  // namespace

Result<NetworkAcl*> FindNetworkAcl(Scope& scope, std::string_view id) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kNetworkAcl);
  NetworkAcl* acl = model::IsWellFormedId(kind, id) ? scope.acls.Find(id) : nullptr;
  if (acl == nullptr) return model::NotFoundError(kind, id);
  return acl;
}

NetworkAcl* AclOfSubnet(Scope& scope, std::string_view subnet_id) {
  for (NetworkAcl& acl : scope.acls.values()) {
    if (acl.associations.count(std::string(subnet_id)) > 0) return &acl;
  }
  return nullptr;
}

const NetworkAcl* AclOfSubnet(const Scope& scope, std::string_view subnet_id) {
  for (const NetworkAcl& acl : scope.acls.values()) {
    if (acl.associations.count(std::string(subnet_id)) > 0) return &acl;
  }
  return nullptr;
}

Result<NetworkAcl*> CreateNetworkAcl(model::World& world, Scope& scope, const std::string& vpc_id,
                                     const model::TagList& tags) {
  if (vpc_id.empty()) {
    return MakeError(ErrorCode::kMissingParameter, "The request must contain the parameter VpcId");
  }
  if (scope.vpcs.Find(vpc_id) == nullptr) {
    return model::NotFoundError(model::KindInfo(model::Kind::kVpc), vpc_id);
  }
  int in_vpc = 0;
  for (const NetworkAcl& acl : scope.acls.values()) in_vpc += acl.vpc_id == vpc_id ? 1 : 0;
  if (in_vpc >= kAclsPerVpc) {
    return MakeError(ErrorCode::kNetworkAclLimitExceeded,
                     "The maximum number of network ACLs has been reached.");
  }
  NetworkAcl acl;
  acl.id = world.NewId("acl");
  acl.vpc_id = vpc_id;
  acl.tags = tags;
  // Only the fixed "*" rules: a new custom ACL denies everything (VPC-NACL). The VPC has no
  // IPv6 block, so there is no 32768 rule.
  for (bool egress : {true, false}) {
    NetworkAclEntry star;
    star.rule_number = kStarRuleIpv4;
    star.egress = egress;
    star.protocol = "-1";
    star.allow = false;
    star.cidr4 = model::ParseCidr4("0.0.0.0/0");
    acl.entries.push_back(std::move(star));
  }
  std::string id = acl.id;
  return &scope.acls.Insert(id, std::move(acl));
}

Status DeleteNetworkAcl(Scope& scope, NetworkAcl& acl) {
  if (acl.is_default) {
    return Invalid("cannot delete default network ACL " + acl.id);
  }
  if (!acl.associations.empty()) {
    return MakeError(ErrorCode::kDependencyViolation,
                     "The networkAcl '" + acl.id + "' has dependencies and cannot be deleted.");
  }
  std::string id = acl.id;
  scope.acls.Erase(id);
  return OkStatus();
}

Result<std::string> CanonicalAclProtocol(std::string_view protocol) {
  std::string lower = engine::AsciiLower(protocol);
  if (lower == "-1" || lower == "all") return std::string("-1");
  if (lower == "tcp") return std::string("6");
  if (lower == "udp") return std::string("17");
  if (lower == "icmp") return std::string("1");
  if (lower == "icmpv6") return std::string("58");
  bool digits = !lower.empty() && lower.size() <= 3 &&
                std::all_of(lower.begin(), lower.end(),
                            [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  int number = digits ? std::stoi(lower) : -1;  // at most three digits: stoi cannot throw
  if (number >= 0 && number <= 255) return std::to_string(number);
  return Invalid("Invalid value '" + std::string(protocol) +
                 "' for protocol. Use -1 (all), a protocol number from 0 to 255, or tcp, udp, "
                 "icmp or icmpv6.");
}

Result<NetworkAclEntry> ResolveAclEntry(const AclEntrySpec& spec) {
  EC2SIM_RETURN_IF_ERROR(CheckRuleNumber(spec.rule_number));
  NetworkAclEntry e;
  e.rule_number = static_cast<int>(spec.rule_number);
  e.egress = spec.egress;
  EC2SIM_ASSIGN_OR_RETURN(e.protocol, CanonicalAclProtocol(spec.protocol));
  if (spec.rule_action != "allow" && spec.rule_action != "deny") {
    return Invalid("Invalid value '" + spec.rule_action + "' for ruleAction. Use allow or deny.");
  }
  e.allow = spec.rule_action == "allow";
  if (spec.cidr4 && spec.cidr6) {
    return MakeError(ErrorCode::kInvalidParameterCombination,
                     "An entry takes either CidrBlock or Ipv6CidrBlock, not both.");
  }
  if (!spec.cidr4 && !spec.cidr6) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter CidrBlock or Ipv6CidrBlock");
  }
  if (spec.cidr4) {
    // Host bits are cleared: 100.68.0.18/18 is stored as 100.68.0.0/18 (BC-MODEL).
    e.cidr4 = model::ParseCidr4(*spec.cidr4, /*canonicalize=*/true);
    if (!e.cidr4) {
      return Invalid("Value (" + *spec.cidr4 +
                     ") for parameter cidrBlock is invalid. This is not a valid CIDR block.");
    }
  } else {
    e.cidr6 = model::ParseCidr6(*spec.cidr6, /*canonicalize=*/true);
    if (!e.cidr6) {
      return Invalid("Value (" + *spec.cidr6 +
                     ") for parameter ipv6CidrBlock is invalid. This is not a valid IPv6 CIDR "
                     "block.");
    }
  }
  if (e.protocol == "58" && e.cidr4) {
    return Invalid("ICMPv6 (protocol 58) entries need an Ipv6CidrBlock.");
  }
  EC2SIM_RETURN_IF_ERROR(ResolvePorts(spec, e));
  return e;
}

Status CreateAclEntry(NetworkAcl& acl, const AclEntrySpec& spec) {
  EC2SIM_ASSIGN_OR_RETURN(NetworkAclEntry entry, ResolveAclEntry(spec));
  int same_family = 0;
  for (const NetworkAclEntry& e : acl.entries) {
    if (e.egress != entry.egress || IsStarRule(e)) continue;
    if (e.rule_number == entry.rule_number) {
      return MakeError(ErrorCode::kNetworkAclEntryAlreadyExists,
                       EntryName(entry.rule_number) + " already exists.");
    }
    same_family += SameFamily(e, entry) ? 1 : 0;
  }
  if (same_family >= kAclEntriesPerDirection) {
    return MakeError(ErrorCode::kNetworkAclEntryLimitExceeded,
                     "The maximum number of network ACL entries has been reached.");
  }
  acl.entries.push_back(std::move(entry));
  return OkStatus();
}

Status ReplaceAclEntry(NetworkAcl& acl, const AclEntrySpec& spec) {
  EC2SIM_ASSIGN_OR_RETURN(NetworkAclEntry entry, ResolveAclEntry(spec));
  for (NetworkAclEntry& e : acl.entries) {
    if (e.egress == entry.egress && e.rule_number == entry.rule_number) {
      e = std::move(entry);
      return OkStatus();
    }
  }
  return MakeError(ErrorCode::kInvalidNetworkAclEntryNotFound,
                   EntryName(spec.rule_number) + " does not exist");
}

Status DeleteAclEntry(NetworkAcl& acl, std::int64_t rule_number, bool egress) {
  EC2SIM_RETURN_IF_ERROR(CheckRuleNumber(rule_number));
  auto it = std::find_if(acl.entries.begin(), acl.entries.end(), [&](const NetworkAclEntry& e) {
    return e.egress == egress && e.rule_number == rule_number;
  });
  if (it == acl.entries.end()) {
    return MakeError(ErrorCode::kInvalidNetworkAclEntryNotFound,
                     EntryName(rule_number) + " does not exist");
  }
  acl.entries.erase(it);
  return OkStatus();
}

Result<std::string> ReplaceAclAssociation(model::World& world, Scope& scope,
                                          const std::string& association_id, NetworkAcl& acl) {
  NetworkAcl* from = nullptr;
  std::string subnet_id;
  for (NetworkAcl& candidate : scope.acls.values()) {
    for (const auto& [subnet, assoc] : candidate.associations) {
      if (assoc == association_id) {
        from = &candidate;
        subnet_id = subnet;
      }
    }
  }
  if (from == nullptr) {
    return MakeError(ErrorCode::kInvalidAssociationIdNotFound,
                     "The association ID '" + association_id + "' does not exist");
  }
  const model::Subnet* subnet = scope.subnets.Find(subnet_id);
  if (subnet == nullptr || subnet->vpc_id != acl.vpc_id) {
    return Invalid("The network ACL " + acl.id + " and subnet " + subnet_id +
                   " belong to different VPCs.");
  }
  from->associations.erase(subnet_id);
  std::string new_id = world.NewId("aclassoc");
  acl.associations[subnet_id] = new_id;
  return new_id;
}

}  // namespace ec2sim::network
