// Elastic IP addresses: allocation, association with an instance or interface, release
// (ec2-semantics.md §3.1).
#ifndef EC2SIM_MODEL_ADDRESSES_H_
#define EC2SIM_MODEL_ADDRESSES_H_

#include <string>

#include "ec2sim/result.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// Default quota of Elastic IPs per account and region (UG-EIP).
// A world's own is options().quotas.elastic_ips.
inline constexpr int kAddressQuota = AccountQuotas{}.elastic_ips;

// Errors: kAddressLimitExceeded; kInvalidAddressNotFound when a requested `address` to recover
// is not free in this region's pool.
Result<Address*> AllocateAddress(World& world, Scope& scope, const std::string& address,
                                 const TagList& tags);

// Finds an address by allocation id ("eipalloc-...") or public IP. Errors:
// kInvalidAllocationIdNotFound, kInvalidAddressNotFound.
Result<Address*> FindAddress(Scope& scope, const std::string& allocation_id,
                             const std::string& public_ip);

struct AssociateTarget {
  std::string instance_id;
  std::string interface_id;
  std::string private_ip;  // optional; must be the interface's address
  bool allow_reassociation = true;
};

// Maps the address to the instance's primary interface (or the given interface). The target's
// auto-assigned public IP goes back to Amazon's pool; an Elastic IP it already had is detached
// but stays allocated; with allow_reassociation the address moves from wherever it was.
// Returns the new association id. Errors: kInvalidInstanceIdNotFound/Malformed,
// kInvalidNetworkInterfaceIdNotFound, kResourceAlreadyAssociated, kIncorrectInstanceState (the
// instance is shutting down or terminated), kInvalidParameterValue (private IP),
// kMissingParameter (no target).
Result<std::string> AssociateAddress(World& world, Scope& scope, Address& address,
                                     const AssociateTarget& target);

// Errors: kInvalidAssociationIdNotFound for an id this account never had. Repeating a
// disassociation succeeds. A running instance left without a public address gets a new
// auto-assigned one, if its subnet or launch asked for one.
Status DisassociateAddress(World& world, Scope& scope, const std::string& association_id);

// Errors: kInvalidIpAddressInUse while associated (disassociate first).
Status ReleaseAddress(World& world, Scope& scope, Address& address);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_ADDRESSES_H_
