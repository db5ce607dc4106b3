// Network ACLs as resources: creating and deleting them, their numbered entries and their
// association with subnets, with EC2's checks, quotas and error codes (ec2-semantics.md §6.5).
// Evaluating traffic against them is evaluator.h's job.
#ifndef EC2SIM_MODEL_NETWORK_NACL_H_
#define EC2SIM_MODEL_NETWORK_NACL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/model/world.h"

namespace ec2sim::network {

// Rule numbers a user may use; 32767 (IPv4) and 32768 (IPv6) are the fixed "*" rules
// (BC-MODEL CreateNetworkAclEntryRequest.RuleNumber).
inline constexpr int kMinAclRuleNumber = 1;
inline constexpr int kMaxAclRuleNumber = 32766;
inline constexpr int kStarRuleIpv4 = 32767;
inline constexpr int kStarRuleIpv6 = 32768;
// Default quota: 20 entries per direction per IP family, not counting "*" (VPC-QUOTAS).
inline constexpr int kAclEntriesPerDirection = 20;
// Default quota: 200 network ACLs per VPC (VPC-QUOTAS).
inline constexpr int kAclsPerVpc = 200;

// True for a "*" rule, which no action may change.
inline bool IsStarRule(const model::NetworkAclEntry& e) { return e.rule_number >= kStarRuleIpv4; }

// Looks up a network ACL of the scope. Errors: kInvalidNetworkAclIdNotFound (also for ids that
// are not "acl-" + hex: result.h has no Malformed code for network ACLs).
Result<model::NetworkAcl*> FindNetworkAcl(model::Scope& scope, std::string_view id);

// The ACL a subnet is associated with, or nullptr when (against the invariant) none is.
model::NetworkAcl* AclOfSubnet(model::Scope& scope, std::string_view subnet_id);
const model::NetworkAcl* AclOfSubnet(const model::Scope& scope, std::string_view subnet_id);

// Creates a custom ACL in a VPC. It has only the "*" rules, so it denies everything until
// entries are added (VPC-NACL). Errors: kMissingParameter (no VPC), kInvalidVpcIdNotFound,
// kNetworkAclLimitExceeded beyond kAclsPerVpc.
Result<model::NetworkAcl*> CreateNetworkAcl(model::World& world, model::Scope& scope,
                                            const std::string& vpc_id, const model::TagList& tags);

// Deletes a custom ACL. Errors: kInvalidParameterValue for the VPC's default ACL ("cannot delete
// default network ACL", as public clean-up scripts observe), kDependencyViolation while a subnet
// is associated with it.
Status DeleteNetworkAcl(model::Scope& scope, model::NetworkAcl& acl);

// An entry as requested (CreateNetworkAclEntry / ReplaceNetworkAclEntry). Numbers are wide so
// out-of-range input is reported rather than truncated.
struct AclEntrySpec {
  std::int64_t rule_number = 0;
  bool egress = false;
  std::string protocol;     // "-1", a number 0-255, or tcp/udp/icmp/icmpv6/all (any case)
  std::string rule_action;  // "allow" or "deny"
  std::optional<std::string> cidr4;
  std::optional<std::string> cidr6;
  std::optional<std::int64_t> port_from, port_to;
  std::optional<std::int64_t> icmp_type, icmp_code;
};

// The protocol as EC2 stores it in a network ACL entry: "-1" or a decimal number
// ("tcp" -> "6"). Errors: kInvalidParameterValue for anything else.
Result<std::string> CanonicalAclProtocol(std::string_view protocol);

// Validates and canonicalises a requested entry: rule number 1-32766, protocol, action, exactly
// one CIDR (host bits cleared), a port range for 6/17, an ICMP type and code for 1/58.
// Errors: kInvalidParameterValue, kMissingParameter, kInvalidParameterCombination.
Result<model::NetworkAclEntry> ResolveAclEntry(const AclEntrySpec& spec);

// Adds an entry. Errors: those of ResolveAclEntry; kNetworkAclEntryAlreadyExists for a rule
// number already used in that direction; kNetworkAclEntryLimitExceeded beyond
// kAclEntriesPerDirection entries of the entry's IP family.
Status CreateAclEntry(model::NetworkAcl& acl, const AclEntrySpec& spec);

// Replaces the entry with the same number and direction. Errors: those of ResolveAclEntry;
// kInvalidNetworkAclEntryNotFound when there is none.
Status ReplaceAclEntry(model::NetworkAcl& acl, const AclEntrySpec& spec);

// Deletes the entry with this number and direction. Errors: kInvalidParameterValue for a
// number outside 1-32766 (the "*" rules cannot be deleted), kInvalidNetworkAclEntryNotFound.
Status DeleteAclEntry(model::NetworkAcl& acl, std::int64_t rule_number, bool egress);

// Moves the subnet of an association ("aclassoc-...") to `acl` under a new association id,
// which it returns. Errors: kInvalidAssociationIdNotFound, kInvalidParameterValue when the ACL
// is in another VPC than the subnet.
Result<std::string> ReplaceAclAssociation(model::World& world, model::Scope& scope,
                                          const std::string& association_id,
                                          model::NetworkAcl& acl);

}  // namespace ec2sim::network

#endif  // EC2SIM_MODEL_NETWORK_NACL_H_
