#include "sim/model/resource_events.h"

namespace ec2sim::model {
namespace {

ResourceEvent EventOf(const Scope& scope, ResourceEvent::Kind kind, std::string_view id,
                      std::uint64_t serial) {
  ResourceEvent event;
  event.kind = kind;
  event.account = scope.account;
  event.region = scope.region->code;
  event.resource_id = id;
  event.serial = serial;
  return event;
}

}  // namespace

void EmitInstanceState(World& world, const Scope& scope, const Instance& instance) {
  ResourceEvent event =
      EventOf(scope, ResourceEvent::Kind::kInstanceState, instance.id, instance.serial);
  event.detail = StateName(instance.state);
  event.detail2 = instance.instance_type;
  world.Emit(event);
}

void EmitPublicIp(World& world, const Scope& scope, const NetworkInterface& eni, bool attached,
                  Ipv4 ip, std::string_view allocation_id) {
  ResourceEvent event = EventOf(
      scope,
      attached ? ResourceEvent::Kind::kPublicIpAttached : ResourceEvent::Kind::kPublicIpDetached,
      eni.id, eni.serial);
  event.detail2 = allocation_id;
  event.address = ip;
  world.Emit(event);
}

void EmitVolume(World& world, const Scope& scope, const Volume& volume, bool created) {
  ResourceEvent event = EventOf(
      scope, created ? ResourceEvent::Kind::kVolumeCreated : ResourceEvent::Kind::kVolumeDeleted,
      volume.id, volume.serial);
  event.detail = volume.type;
  event.size_gib = volume.size_gib;
  event.iops = volume.iops;
  event.mibps = volume.throughput;
  world.Emit(event);
}

void EmitSnapshot(World& world, const Scope& scope, const Snapshot& snapshot, bool created) {
  ResourceEvent event = EventOf(
      scope,
      created ? ResourceEvent::Kind::kSnapshotCreated : ResourceEvent::Kind::kSnapshotDeleted,
      snapshot.id, snapshot.serial);
  event.size_gib = snapshot.volume_size_gib;
  world.Emit(event);
}

void EmitAddress(World& world, const Scope& scope, const Address& address, ResourceEvent::Kind kind,
                 std::string_view instance_id) {
  ResourceEvent event = EventOf(scope, kind, address.allocation_id, address.serial);
  event.detail = instance_id;
  event.address = address.public_ip;
  world.Emit(event);
}

void EmitNatGatewayState(World& world, const Scope& scope, const NatGateway& gateway) {
  ResourceEvent event =
      EventOf(scope, ResourceEvent::Kind::kNatGatewayState, gateway.id, gateway.serial);
  event.detail = gateway.state;
  world.Emit(event);
}

void EmitDataTransfer(World& world, const Scope& scope, std::string_view resource_id,
                      std::string_view usage_base, std::string_view peer_region, std::int64_t mib) {
  ResourceEvent event = EventOf(scope, ResourceEvent::Kind::kDataTransfer, resource_id, 0);
  event.detail = usage_base;
  event.detail2 = peer_region;
  event.mib = mib;
  world.Emit(event);
}

void EmitCpuLoad(World& world, const Scope& scope, const Instance& instance, int percent,
                 std::string_view cpu_credits) {
  ResourceEvent event = EventOf(scope, ResourceEvent::Kind::kCpuLoad, instance.id, instance.serial);
  event.detail = cpu_credits;
  event.detail2 = instance.instance_type;
  event.percent = percent;
  world.Emit(event);
}

}  // namespace ec2sim::model
