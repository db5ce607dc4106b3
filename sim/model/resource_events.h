// The resource events the model emits (ResourceEvent in world.h), one function per kind of
// change, so that the field conventions of each kind live in one place.
#ifndef EC2SIM_MODEL_RESOURCE_EVENTS_H_
#define EC2SIM_MODEL_RESOURCE_EVENTS_H_

#include <cstdint>
#include <string_view>

#include "sim/model/scope.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// The instance entered its current state (kInstanceState).
void EmitInstanceState(World& world, const Scope& scope, const Instance& instance);
// `ip` was mapped to or unmapped from the interface (kPublicIpAttached / kPublicIpDetached);
// `allocation_id` is the Elastic IP's, empty for an auto-assigned address.
void EmitPublicIp(World& world, const Scope& scope, const NetworkInterface& eni, bool attached,
                  Ipv4 ip, std::string_view allocation_id);
// The volume was created or deleted (kVolumeCreated / kVolumeDeleted).
void EmitVolume(World& world, const Scope& scope, const Volume& volume, bool created);
// The snapshot was created or deleted (kSnapshotCreated / kSnapshotDeleted).
void EmitSnapshot(World& world, const Scope& scope, const Snapshot& snapshot, bool created);
// An Elastic IP event (kAddressAllocated, kAddressReleased, kAddressAssociated,
// kAddressDisassociated); `instance_id` is the instance associated or disassociated.
void EmitAddress(World& world, const Scope& scope, const Address& address, ResourceEvent::Kind kind,
                 std::string_view instance_id = {});

// The NAT gateway entered its current state (kNatGatewayState).
void EmitNatGatewayState(World& world, const Scope& scope, const NatGateway& gateway);
// `mib` MiB billed to `resource_id` under the usage type `usage_base` (kDataTransfer);
// `peer_region` names the other region of an inter-region transfer.
void EmitDataTransfer(World& world, const Scope& scope, std::string_view resource_id,
                      std::string_view usage_base, std::string_view peer_region, std::int64_t mib);

// The instance's CPU load (`percent`) or credit option (`cpu_credits`) changed (kCpuLoad).
void EmitCpuLoad(World& world, const Scope& scope, const Instance& instance, int percent,
                 std::string_view cpu_credits);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_RESOURCE_EVENTS_H_
