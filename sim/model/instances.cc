#include "sim/model/instances.h"

#include <algorithm>
#include <cassert>

#include "sim/model/catalog.h"
#include "sim/model/resource_events.h"
#include "sim/model/resource_ids.h"
#include "sim/model/resource_kinds.h"
#include "sim/model/volumes.h"

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
  EmitInstanceState(world, scope, inst);
}

void AttachPublicIp(World& world, Scope& scope, NetworkInterface& eni, Ipv4 ip,
                    const std::string& allocation_id) {
  eni.public_ip = ip;
  eni.public_allocation_id = allocation_id;
  EmitPublicIp(world, scope, eni, /*attached=*/true, ip, allocation_id);
}

// Gives back an auto-assigned address; Elastic IPs stay on the interface.
void ReleaseAutoPublicIp(World& world, Scope& scope, NetworkInterface& eni) {
  if (eni.public_ip == 0 || !eni.public_allocation_id.empty()) return;
  EmitPublicIp(world, scope, eni, /*attached=*/false, eni.public_ip, "");
  world.ReturnPublicIp(eni.public_ip);
  eni.public_ip = 0;
}

// Transitions hold the instance itself: its record outlives them, since terminating cancels a
// pending transition and World::DropAccount cancels every one before it drops the records.
void BecomeRunning(World& world, Scope& scope, Instance& inst) {
  if (inst.state != InstanceState::kPending) return;
  inst.transition_event = 0;
  if (NetworkInterface* eni = PrimaryInterface(scope, inst);
      eni != nullptr && eni->public_ip == 0 && inst.wants_public_ip) {
    AttachPublicIp(world, scope, *eni, world.TakePublicIp(*scope.region, inst.last_auto_public_ip),
                   "");
  }
  inst.running_since = world.now();
  SetState(world, scope, inst, InstanceState::kRunning);
}

void BecomeStopped(World& world, Scope& scope, Instance& inst) {
  if (inst.state != InstanceState::kStopping) return;
  inst.transition_event = 0;
  SetState(world, scope, inst, InstanceState::kStopped);
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
  if (NetworkInterface* eni = PrimaryInterface(scope, *inst)) {
    ReleaseAutoPublicIp(world, scope, *eni);
    // An Elastic IP is disassociated but stays allocated to the account.
    for (Address& a : scope.addresses.values()) {
      if (a.eni_id == eni->id) {
        EmitPublicIp(world, scope, *eni, /*attached=*/false, a.public_ip, a.allocation_id);
        EmitAddress(world, scope, a, ResourceEvent::Kind::kAddressDisassociated, inst->id);
        a.association_id.clear();
        a.instance_id.clear();
        a.eni_id.clear();
        a.private_ip = 0;
      }
    }
    if (Subnet* subnet = scope.subnets.Find(eni->subnet_id)) subnet->used.erase(eni->private_ip);
    inst->primary_eni = nullptr;
    scope.interfaces.Erase(eni->id);
  }
  ReleaseInstanceVolumes(world, scope, *inst);
  inst->terminated_at = world.now();
  SetState(world, scope, *inst, InstanceState::kTerminated);
  Scope* sp = &scope;
  world.sim().After(world.times().terminated_visible, [sp, id] { Purge(*sp, id); });
}

}  // namespace

void SchedulePendingToRunning(World& world, Scope& scope, Instance& inst, Duration delay) {
  Scope* sp = &scope;
  Instance* ip = &inst;
  inst.transition_event =
      world.sim().After(delay, [&world, sp, ip] { BecomeRunning(world, *sp, *ip); });
}

bool IsWellFormedInstanceId(std::string_view id) {
  return IsWellFormedId(KindInfo(Kind::kInstance), id);
}

Result<Instance*> FindInstance(Scope& scope, std::string_view id) {
  const ResourceKind& kind = KindInfo(Kind::kInstance);
  if (!IsWellFormedId(kind, id)) return MalformedIdError(kind, id);
  Instance* inst = scope.instances.Find(id);
  if (inst == nullptr) return NotFoundError(kind, id);
  return inst;
}

Result<std::vector<Instance*>> ResolveInstances(Scope& scope, const std::vector<std::string>& ids) {
  EC2SIM_RETURN_IF_ERROR(CheckIds(KindInfo(Kind::kInstance), scope, ids));
  std::vector<Instance*> found;
  found.reserve(ids.size());
  for (const std::string& id : ids) found.push_back(scope.instances.Find(id));
  return found;
}

Status CheckInstanceIds(Scope& scope, const std::vector<std::string>& ids) {
  auto resolved = ResolveInstances(scope, ids);
  if (!resolved.ok()) return std::move(resolved).error();
  return OkStatus();
}

NetworkInterface* PrimaryInterface(Scope& scope, const Instance& instance) {
  assert(instance.primary_eni == scope.interfaces.Find(instance.eni_id));
  (void)scope;
  return instance.primary_eni;
}

Ipv4 PublicIpOf(Scope& scope, const Instance& instance) {
  const NetworkInterface* eni = PrimaryInterface(scope, instance);
  return eni == nullptr ? 0 : eni->public_ip;
}

void AssignAutoPublicIp(World& world, Scope& scope, Instance& instance) {
  NetworkInterface* eni = PrimaryInterface(scope, instance);
  if (eni == nullptr || eni->public_ip != 0 || !instance.wants_public_ip ||
      instance.state != InstanceState::kRunning) {
    return;
  }
  AttachPublicIp(world, scope, *eni, world.TakePublicIp(*scope.region), "");
}

Result<std::vector<StateChange>> StartInstances(World& world, Scope& scope,
                                                const std::vector<std::string>& ids) {
  EC2SIM_ASSIGN_OR_RETURN(std::vector<Instance*> instances, ResolveInstances(scope, ids));
  for (const Instance* inst : instances) {
    if (inst->state == InstanceState::kStopping || inst->state == InstanceState::kShuttingDown ||
        inst->state == InstanceState::kTerminated) {
      return StateError(*inst, "started");
    }
  }
  std::vector<StateChange> changes;
  changes.reserve(instances.size());
  for (Instance* ip : instances) {
    Instance& inst = *ip;
    InstanceState before = inst.state;
    if (before == InstanceState::kStopped) {
      inst.launch_time = world.now();
      inst.state_transition_reason.clear();
      inst.state_reason_code.clear();
      SetState(world, scope, inst, InstanceState::kPending);
      SchedulePendingToRunning(world, scope, inst, world.times().start);
    }
    changes.push_back({inst.id, before, inst.state});
  }
  return changes;
}

Result<std::vector<StateChange>> StopInstances(World& world, Scope& scope,
                                               const std::vector<std::string>& ids) {
  EC2SIM_ASSIGN_OR_RETURN(std::vector<Instance*> instances, ResolveInstances(scope, ids));
  for (const Instance* inst : instances) {
    // A pending instance has never reached running and cannot be stopped (ISSUE-STOPPEND).
    if (inst->state == InstanceState::kPending || inst->state == InstanceState::kShuttingDown ||
        inst->state == InstanceState::kTerminated) {
      return StateError(*inst, "stopped");
    }
    // Stop protection (disableApiStop), as AWS words it for the termination kind:
    // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-stop-protection.html
    if (inst->disable_api_stop && inst->state == InstanceState::kRunning) {
      return MakeError(ErrorCode::kOperationNotPermitted,
                       "The instance '" + inst->id +
                           "' may not be stopped. Modify its 'disableApiStop' instance "
                           "attribute and try again.");
    }
  }
  std::vector<StateChange> changes;
  changes.reserve(instances.size());
  const std::string reason = "User initiated (" + GmtStamp(world.now()) + ")";
  for (Instance* ip : instances) {
    Instance& inst = *ip;
    InstanceState before = inst.state;
    if (before == InstanceState::kRunning) {
      inst.state_transition_reason = reason;
      inst.state_reason_code = "Client.UserInitiatedShutdown";
      // The auto-assigned address goes back to Amazon's pool as the instance stops.
      if (NetworkInterface* eni = PrimaryInterface(scope, inst)) {
        if (eni->public_allocation_id.empty()) inst.last_auto_public_ip = eni->public_ip;
        ReleaseAutoPublicIp(world, scope, *eni);
      }
      SetState(world, scope, inst, InstanceState::kStopping);
      Scope* sp = &scope;
      inst.transition_event = world.sim().After(
          world.times().stop, [&world, sp, ip] { BecomeStopped(world, *sp, *ip); });
    }
    changes.push_back({inst.id, before, inst.state});
  }
  return changes;
}

Result<std::vector<StateChange>> TerminateInstances(World& world, Scope& scope,
                                                    const std::vector<std::string>& ids) {
  EC2SIM_ASSIGN_OR_RETURN(std::vector<Instance*> instances, ResolveInstances(scope, ids));
  for (const Instance* inst : instances) {
    if (inst->disable_api_termination && inst->state != InstanceState::kTerminated) {
      return MakeError(ErrorCode::kOperationNotPermitted,
                       "The instance '" + inst->id +
                           "' may not be terminated. Modify its 'disableApiTermination' "
                           "instance attribute and try again.");
    }
  }
  std::vector<StateChange> changes;
  changes.reserve(instances.size());
  const std::string reason = "User initiated (" + GmtStamp(world.now()) + ")";
  for (Instance* ip : instances) {
    Instance& inst = *ip;
    const std::string& id = inst.id;
    InstanceState before = inst.state;
    if (before != InstanceState::kShuttingDown && before != InstanceState::kTerminated) {
      if (inst.transition_event != 0) world.sim().Cancel(inst.transition_event);
      inst.state_transition_reason = reason;
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
  EC2SIM_ASSIGN_OR_RETURN(std::vector<Instance*> instances, ResolveInstances(scope, ids));
  for (const Instance* inst : instances) {
    // Reboots of terminated instances are ignored; other non-running states cannot reboot.
    if (inst->state == InstanceState::kPending || inst->state == InstanceState::kStopping ||
        inst->state == InstanceState::kStopped) {
      return StateError(*inst, "rebooted");
    }
  }
  // A reboot keeps every address, the host and the billing period: nothing to change here.
  return OkStatus();
}

}  // namespace ec2sim::model
