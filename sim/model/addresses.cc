#include "sim/model/addresses.h"

#include "sim/model/instances.h"
#include "sim/model/resource_events.h"
#include "sim/model/resource_kinds.h"

namespace ec2sim::model {
namespace {

// Removes the address from the interface it is on, without touching the instance's other
// addresses. The caller decides whether the instance gets a replacement.
void Detach(World& world, Scope& scope, Address& a) {
  if (a.association_id.empty()) return;
  if (NetworkInterface* eni = scope.interfaces.Find(a.eni_id);
      eni != nullptr && eni->public_allocation_id == a.allocation_id) {
    EmitPublicIp(world, scope, *eni, /*attached=*/false, a.public_ip, a.allocation_id);
    eni->public_ip = 0;
    eni->public_allocation_id.clear();
  }
  EmitAddress(world, scope, a, ResourceEvent::Kind::kAddressDisassociated, a.instance_id);
  scope.ended_associations.insert(a.association_id);
  a.association_id.clear();
  a.instance_id.clear();
  a.eni_id.clear();
  a.private_ip = 0;
}

// An address held by a NAT gateway stays with it until the gateway is deleted (Amazon VPC User
// Guide, "NAT gateways": the Elastic IP cannot be disassociated while the gateway uses it).
bool HeldByNatGateway(Scope& scope, const Address& a) {
  const NetworkInterface* eni = scope.interfaces.Find(a.eni_id);
  return !a.association_id.empty() && eni != nullptr && eni->requester_managed;
}

Error InUseByNatGateway(const Address& a) {
  return MakeError(ErrorCode::kInvalidIpAddressInUse,
                   "The address with allocation id [" + a.allocation_id +
                       "] is in use by a NAT gateway (network interface " + a.eni_id +
                       "). Delete the NAT gateway first.");
}

void GiveReplacementIp(World& world, Scope& scope, const std::string& instance_id) {
  if (Instance* inst = scope.instances.Find(instance_id)) AssignAutoPublicIp(world, scope, *inst);
}

}  // namespace

Result<Address*> AllocateAddress(World& world, Scope& scope, const std::string& address,
                                 const TagList& tags) {
  if (scope.addresses.size() >= static_cast<size_t>(world.options().quotas.elastic_ips)) {
    return MakeError(ErrorCode::kAddressLimitExceeded,
                     "The maximum number of addresses has been reached.");
  }
  Ipv4 ip = 0;
  if (!address.empty()) {
    // Recovering a released address works only while nobody else holds it.
    auto parsed = ParseIpv4(address);
    bool in_region = false;
    for (const Cidr4& block : scope.region->public_blocks) {
      in_region = in_region || (parsed && block.Contains(*parsed));
    }
    if (!parsed || !in_region || world.PublicIpInUse(*parsed)) {
      return MakeError(ErrorCode::kInvalidAddressNotFound, "Address '" + address + "' not found.");
    }
    ip = *parsed;
    world.TakeSpecificPublicIp(ip);
  } else {
    ip = world.TakePublicIp(*scope.region);
  }
  Address a;
  a.allocation_id = world.NewId("eipalloc");
  a.serial = world.NewSerial();
  a.public_ip = ip;
  a.allocated_at = world.now();
  a.tags = tags;
  EmitAddress(world, scope, a, ResourceEvent::Kind::kAddressAllocated);
  std::string id = a.allocation_id;
  return &scope.addresses.Insert(id, std::move(a));
}

Result<Address*> FindAddress(Scope& scope, const std::string& allocation_id,
                             const std::string& public_ip) {
  if (!allocation_id.empty()) {
    if (Address* a = scope.addresses.Find(allocation_id)) return a;
    return NotFoundError(KindInfo(Kind::kAddress), allocation_id);
  }
  if (!public_ip.empty()) {
    for (Address& a : scope.addresses.values()) {
      if (FormatIpv4(a.public_ip) == public_ip) return &a;
    }
    return MakeError(ErrorCode::kInvalidAddressNotFound,
                     "The address '" + public_ip + "' does not exist");
  }
  return MakeError(ErrorCode::kMissingParameter,
                   "The request must contain the parameter AllocationId or PublicIp");
}

Result<std::string> AssociateAddress(World& world, Scope& scope, Address& address,
                                     const AssociateTarget& target) {
  NetworkInterface* eni = nullptr;
  Instance* inst = nullptr;
  if (!target.instance_id.empty()) {
    EC2SIM_ASSIGN_OR_RETURN(inst, FindInstance(scope, target.instance_id));
    eni = scope.interfaces.Find(inst->eni_id);
  } else if (!target.interface_id.empty()) {
    eni = scope.interfaces.Find(target.interface_id);
    if (eni == nullptr) {
      return NotFoundError(KindInfo(Kind::kNetworkInterface), target.interface_id);
    }
    if (!eni->instance_id.empty()) inst = scope.instances.Find(eni->instance_id);
  } else {
    return MakeError(ErrorCode::kMissingParameter,
                     "Either an instance ID or a network interface ID must be specified");
  }
  if (inst != nullptr && (inst->state == InstanceState::kShuttingDown ||
                          inst->state == InstanceState::kTerminated || eni == nullptr)) {
    return MakeError(ErrorCode::kIncorrectInstanceState,
                     "The instance '" + inst->id + "' is not in a valid state for this operation.");
  }
  if (!target.private_ip.empty() && target.private_ip != FormatIpv4(eni->private_ip)) {
    return MakeError(
        ErrorCode::kInvalidParameterValue,
        "The private IP address " + target.private_ip + " is not assigned to interface " + eni->id);
  }
  if (HeldByNatGateway(scope, address)) {
    return MakeError(
        ErrorCode::kResourceAlreadyAssociated,
        "resource " + address.allocation_id + " is already associated with " + address.eni_id);
  }
  if (eni->requester_managed) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "The network interface " + eni->id +
                         " is managed by a NAT gateway and cannot take another address");
  }
  bool already_here = address.eni_id == eni->id;
  if (!address.association_id.empty() && !already_here && !target.allow_reassociation) {
    return MakeError(
        ErrorCode::kResourceAlreadyAssociated,
        "resource " + address.allocation_id + " is already associated with " + address.eni_id);
  }
  // Move the address off its previous interface; that instance gets a fresh auto address.
  std::string previous_instance = already_here ? "" : address.instance_id;
  Detach(world, scope, address);
  if (!previous_instance.empty()) GiveReplacementIp(world, scope, previous_instance);
  // Whatever public address the target had goes: an auto-assigned one back to the pool, an
  // Elastic one stays allocated but idle.
  if (eni->public_ip != 0) {
    if (eni->public_allocation_id.empty()) {
      EmitPublicIp(world, scope, *eni, /*attached=*/false, eni->public_ip, "");
      world.ReturnPublicIp(eni->public_ip);
      eni->public_ip = 0;
    } else if (Address* other = scope.addresses.Find(eni->public_allocation_id)) {
      Detach(world, scope, *other);
    }
  }
  address.association_id = world.NewId("eipassoc");
  address.eni_id = eni->id;
  address.instance_id = eni->instance_id;
  address.private_ip = eni->private_ip;
  eni->public_ip = address.public_ip;
  eni->public_allocation_id = address.allocation_id;
  EmitPublicIp(world, scope, *eni, /*attached=*/true, address.public_ip, address.allocation_id);
  EmitAddress(world, scope, address, ResourceEvent::Kind::kAddressAssociated, address.instance_id);
  return address.association_id;
}

Status DisassociateAddress(World& world, Scope& scope, const std::string& association_id) {
  for (Address& a : scope.addresses.values()) {
    if (a.association_id == association_id) {
      if (HeldByNatGateway(scope, a)) return InUseByNatGateway(a);
      std::string instance_id = a.instance_id;
      Detach(world, scope, a);
      GiveReplacementIp(world, scope, instance_id);
      return OkStatus();
    }
  }
  if (scope.ended_associations.count(association_id)) return OkStatus();
  return MakeError(ErrorCode::kInvalidAssociationIdNotFound,
                   "The association ID '" + association_id + "' does not exist");
}

Status ReleaseAddress(World& world, Scope& scope, Address& address) {
  if (HeldByNatGateway(scope, address)) return InUseByNatGateway(address);
  if (!address.association_id.empty()) {
    return MakeError(ErrorCode::kInvalidIpAddressInUse, "The address with allocation id [" +
                                                            address.allocation_id +
                                                            "] is in use. Disassociate it first.");
  }
  EmitAddress(world, scope, address, ResourceEvent::Kind::kAddressReleased);
  world.ReturnPublicIp(address.public_ip);
  scope.addresses.Erase(address.allocation_id);
  return OkStatus();
}

}  // namespace ec2sim::model
