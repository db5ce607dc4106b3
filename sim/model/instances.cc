#include "sim/model/instances.h"

#include <algorithm>

#include "sim/model/catalog.h"
#include "sim/model/resource_ids.h"

namespace ec2sim::model {
namespace {

Error StateError(const Instance& inst, const char* verb) {
  return MakeError(
      ErrorCode::kIncorrectInstanceState,
      "This instance '" + inst.id + "' is not in a state from which it can be " + verb + ".");
}

std::string GmtStamp(SimTime t) {
  // "2026-01-01 00:05:00 GMT", as EC2 writes StateTransitionReason.
  std::string iso = FormatIsoTime(t);
  return iso.substr(0, 10) + " " + iso.substr(11, 8) + " GMT";
}

void SetState(World& world, Scope& scope, Instance& inst, InstanceState next) {
  inst.state = next;
  world.Emit({ResourceEvent::Kind::kInstanceState, 0, scope.account, scope.region->code, inst.id,
              StateName(next), inst.instance_type});
}

void AttachPublicIp(World& world, Scope& scope, NetworkInterface& eni, Ipv4 ip,
                    const std::string& allocation_id) {
  eni.public_ip = ip;
  eni.public_allocation_id = allocation_id;
  world.Emit({ResourceEvent::Kind::kPublicIpAttached, 0, scope.account, scope.region->code, eni.id,
              FormatIpv4(ip), allocation_id});
}

// Gives back an auto-assigned address; Elastic IPs stay on the interface.
void ReleaseAutoPublicIp(World& world, Scope& scope, NetworkInterface& eni) {
  if (eni.public_ip == 0 || !eni.public_allocation_id.empty()) return;
  world.Emit({ResourceEvent::Kind::kPublicIpDetached, 0, scope.account, scope.region->code, eni.id,
              FormatIpv4(eni.public_ip), ""});
  world.ReturnPublicIp(eni.public_ip);
  eni.public_ip = 0;
}

void BecomeRunning(World& world, Scope& scope, const std::string& id) {
  Instance* inst = scope.instances.Find(id);
  if (inst == nullptr || inst->state != InstanceState::kPending) return;
  inst->transition_event = 0;
  if (NetworkInterface* eni = scope.interfaces.Find(inst->eni_id);
      eni != nullptr && eni->public_ip == 0 && inst->wants_public_ip) {
    AttachPublicIp(world, scope, *eni, world.TakePublicIp(*scope.region, inst->last_auto_public_ip),
                   "");
  }
  inst->running_since = world.now();
  SetState(world, scope, *inst, InstanceState::kRunning);
}

void BecomeStopped(World& world, Scope& scope, const std::string& id) {
  Instance* inst = scope.instances.Find(id);
  if (inst == nullptr || inst->state != InstanceState::kStopping) return;
  inst->transition_event = 0;
  SetState(world, scope, *inst, InstanceState::kStopped);
}

void Purge(Scope& scope, const std::string& id) {
  Instance* inst = scope.instances.Find(id);
  if (inst == nullptr || inst->state != InstanceState::kTerminated) return;
  auto res = scope.reservations.find(inst->reservation_id);
  if (res != scope.reservations.end()) {
    auto& ids = res->second.instance_ids;
    ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
    if (ids.empty()) scope.reservations.erase(res);
  }
  scope.instances.Erase(id);
}

void BecomeTerminated(World& world, Scope& scope, const std::string& id) {
  Instance* inst = scope.instances.Find(id);
  if (inst == nullptr || inst->state != InstanceState::kShuttingDown) return;
  inst->transition_event = 0;
  if (NetworkInterface* eni = scope.interfaces.Find(inst->eni_id)) {
    ReleaseAutoPublicIp(world, scope, *eni);
    // An Elastic IP is disassociated but stays allocated to the account.
    for (Address& a : scope.addresses.values()) {
      if (a.eni_id == eni->id) {
        world.Emit({ResourceEvent::Kind::kPublicIpDetached, 0, scope.account, scope.region->code,
                    eni->id, FormatIpv4(a.public_ip), a.allocation_id});
        world.Emit({ResourceEvent::Kind::kAddressDisassociated, 0, scope.account,
                    scope.region->code, a.allocation_id, inst->id, ""});
        a.association_id.clear();
        a.instance_id.clear();
        a.eni_id.clear();
        a.private_ip = 0;
      }
    }
    if (Subnet* subnet = scope.subnets.Find(eni->subnet_id)) subnet->used.erase(eni->private_ip);
    scope.interfaces.Erase(eni->id);
  }
  if (Volume* vol = scope.volumes.Find(inst->root_volume_id)) {
    if (vol->delete_on_termination) {
      world.Emit({ResourceEvent::Kind::kVolumeDeleted, 0, scope.account, scope.region->code,
                  vol->id, vol->type, std::to_string(vol->size_gib)});
      scope.volumes.Erase(vol->id);
    } else {
      vol->instance_id.clear();
    }
  }
  inst->terminated_at = world.now();
  SetState(world, scope, *inst, InstanceState::kTerminated);
  Scope* sp = &scope;
  world.sim().After(world.times().terminated_visible, [sp, id] { Purge(*sp, id); });
}

}  // namespace

void SchedulePendingToRunning(World& world, Scope& scope, Instance& inst, Duration delay) {
  Scope* sp = &scope;
  std::string id = inst.id;
  inst.transition_event =
      world.sim().After(delay, [&world, sp, id] { BecomeRunning(world, *sp, id); });
}

bool IsWellFormedInstanceId(std::string_view id) { return IsHexId(id, "i-"); }

Result<Instance*> FindInstance(Scope& scope, std::string_view id) {
  if (!IsWellFormedInstanceId(id)) {
    return MakeError(ErrorCode::kInvalidInstanceIdMalformed,
                     "Invalid id: \"" + std::string(id) + "\"");
  }
  Instance* inst = scope.instances.Find(id);
  if (inst == nullptr) {
    return MakeError(ErrorCode::kInvalidInstanceIdNotFound,
                     "The instance ID '" + std::string(id) + "' does not exist");
  }
  return inst;
}

Status CheckInstanceIds(Scope& scope, const std::vector<std::string>& ids) {
  std::vector<std::string> missing;
  for (const std::string& id : ids) {
    if (!IsWellFormedInstanceId(id)) {
      return MakeError(ErrorCode::kInvalidInstanceIdMalformed, "Invalid id: \"" + id + "\"");
    }
    if (scope.instances.Find(id) == nullptr &&
        std::find(missing.begin(), missing.end(), id) == missing.end()) {
      missing.push_back(id);
    }
  }
  if (missing.size() == 1) {
    return MakeError(ErrorCode::kInvalidInstanceIdNotFound,
                     "The instance ID '" + missing[0] + "' does not exist");
  }
  if (!missing.empty()) {
    std::string list;
    for (const std::string& id : missing) list += (list.empty() ? "" : ", ") + id;
    return MakeError(ErrorCode::kInvalidInstanceIdNotFound,
                     "The instance IDs '" + list + "' do not exist");
  }
  return OkStatus();
}

Ipv4 PublicIpOf(Scope& scope, const Instance& instance) {
  const NetworkInterface* eni = scope.interfaces.Find(instance.eni_id);
  return eni == nullptr ? 0 : eni->public_ip;
}

void AssignAutoPublicIp(World& world, Scope& scope, Instance& instance) {
  NetworkInterface* eni = scope.interfaces.Find(instance.eni_id);
  if (eni == nullptr || eni->public_ip != 0 || !instance.wants_public_ip ||
      instance.state != InstanceState::kRunning) {
    return;
  }
  AttachPublicIp(world, scope, *eni, world.TakePublicIp(*scope.region), "");
}

Result<std::vector<StateChange>> StartInstances(World& world, Scope& scope,
                                                const std::vector<std::string>& ids) {
  EC2SIM_RETURN_IF_ERROR(CheckInstanceIds(scope, ids));
  for (const std::string& id : ids) {
    const Instance& inst = *scope.instances.Find(id);
    if (inst.state == InstanceState::kStopping || inst.state == InstanceState::kShuttingDown ||
        inst.state == InstanceState::kTerminated) {
      return StateError(inst, "started");
    }
  }
  std::vector<StateChange> changes;
  for (const std::string& id : ids) {
    Instance& inst = *scope.instances.Find(id);
    InstanceState before = inst.state;
    if (before == InstanceState::kStopped) {
      inst.launch_time = world.now();
      inst.state_transition_reason.clear();
      inst.state_reason_code.clear();
      SetState(world, scope, inst, InstanceState::kPending);
      SchedulePendingToRunning(world, scope, inst, world.times().start);
    }
    changes.push_back({id, before, inst.state});
  }
  return changes;
}

Result<std::vector<StateChange>> StopInstances(World& world, Scope& scope,
                                               const std::vector<std::string>& ids) {
  EC2SIM_RETURN_IF_ERROR(CheckInstanceIds(scope, ids));
  for (const std::string& id : ids) {
    const Instance& inst = *scope.instances.Find(id);
    // A pending instance has never reached running and cannot be stopped (ISSUE-STOPPEND).
    if (inst.state == InstanceState::kPending || inst.state == InstanceState::kShuttingDown ||
        inst.state == InstanceState::kTerminated) {
      return StateError(inst, "stopped");
    }
  }
  std::vector<StateChange> changes;
  for (const std::string& id : ids) {
    Instance& inst = *scope.instances.Find(id);
    InstanceState before = inst.state;
    if (before == InstanceState::kRunning) {
      inst.state_transition_reason = "User initiated (" + GmtStamp(world.now()) + ")";
      inst.state_reason_code = "Client.UserInitiatedShutdown";
      // The auto-assigned address goes back to Amazon's pool as the instance stops.
      if (NetworkInterface* eni = scope.interfaces.Find(inst.eni_id)) {
        if (eni->public_allocation_id.empty()) inst.last_auto_public_ip = eni->public_ip;
        ReleaseAutoPublicIp(world, scope, *eni);
      }
      SetState(world, scope, inst, InstanceState::kStopping);
      Scope* sp = &scope;
      inst.transition_event = world.sim().After(
          world.times().stop, [&world, sp, id] { BecomeStopped(world, *sp, id); });
    }
    changes.push_back({id, before, inst.state});
  }
  return changes;
}

Result<std::vector<StateChange>> TerminateInstances(World& world, Scope& scope,
                                                    const std::vector<std::string>& ids) {
  EC2SIM_RETURN_IF_ERROR(CheckInstanceIds(scope, ids));
  for (const std::string& id : ids) {
    const Instance& inst = *scope.instances.Find(id);
    if (inst.disable_api_termination && inst.state != InstanceState::kTerminated) {
      return MakeError(ErrorCode::kOperationNotPermitted,
                       "The instance '" + id +
                           "' may not be terminated. Modify its 'disableApiTermination' "
                           "instance attribute and try again.");
    }
  }
  std::vector<StateChange> changes;
  for (const std::string& id : ids) {
    Instance& inst = *scope.instances.Find(id);
    InstanceState before = inst.state;
    if (before != InstanceState::kShuttingDown && before != InstanceState::kTerminated) {
      if (inst.transition_event != 0) world.sim().Cancel(inst.transition_event);
      inst.state_transition_reason = "User initiated (" + GmtStamp(world.now()) + ")";
      inst.state_reason_code = "Client.UserInitiatedShutdown";
      SetState(world, scope, inst, InstanceState::kShuttingDown);
      Scope* sp = &scope;
      inst.transition_event = world.sim().After(
          world.times().terminate, [&world, sp, id] { BecomeTerminated(world, *sp, id); });
    }
    changes.push_back({id, before, inst.state});
  }
  return changes;
}

Status RebootInstances(World& world, Scope& scope, const std::vector<std::string>& ids) {
  (void)world;
  EC2SIM_RETURN_IF_ERROR(CheckInstanceIds(scope, ids));
  for (const std::string& id : ids) {
    const Instance& inst = *scope.instances.Find(id);
    // Reboots of terminated instances are ignored; other non-running states cannot reboot.
    if (inst.state == InstanceState::kPending || inst.state == InstanceState::kStopping ||
        inst.state == InstanceState::kStopped) {
      return StateError(inst, "rebooted");
    }
  }
  // A reboot keeps every address, the host and the billing period: nothing to change here.
  return OkStatus();
}

}  // namespace ec2sim::model
