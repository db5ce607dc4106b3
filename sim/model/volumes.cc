#include "sim/model/volumes.h"

#include <algorithm>
#include <regex>

#include "sim/model/resource_events.h"
#include "sim/model/resource_kinds.h"

namespace ec2sim::model {
namespace {

// The limits of one EBS volume type: EBS User Guide, "Amazon EBS volume types"
// (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html) and the CreateVolume
// request's Size and Iops members (API_CreateVolume.html): gp2/gp3 1-16,384 GiB, io1 4-16,384,
// io2 4-65,536, st1/sc1 125-16,384, standard 1-1,024; gp3 3,000-16,000 IOPS (500 per GiB),
// io1 100-64,000 (50 per GiB), io2 100-256,000 (500 per GiB); gp3 throughput 125-1,000 MiB/s.
struct EbsTypeLimits {
  const char* type;
  int min_gib;
  int max_gib;
  int min_iops;  // 0: the type takes no Iops member
  int max_iops;
  int iops_per_gib;
};

constexpr EbsTypeLimits kEbsTypeLimits[] = {
    {"gp2", 1, 16384, 0, 0, 0},        {"gp3", 1, 16384, 3000, 16000, 500},
    {"io1", 4, 16384, 100, 64000, 50}, {"io2", 4, 65536, 100, 256000, 500},
    {"st1", 125, 16384, 0, 0, 0},      {"sc1", 125, 16384, 0, 0, 0},
    {"standard", 1, 1024, 0, 0, 0},
};

const EbsTypeLimits* FindEbsType(const std::string& type) {
  for (const EbsTypeLimits& t : kEbsTypeLimits) {
    if (type == t.type) return &t;
  }
  return nullptr;
}

Error BadEbsValue(const std::string& message) {
  return MakeError(ErrorCode::kInvalidParameterValue, message);
}

Status CheckEbsSize(const EbsTypeLimits& t, int gib) {
  if (gib < t.min_gib) {
    return BadEbsValue("Volume of " + std::to_string(gib) + "GiB is too small; minimum is " +
                       std::to_string(t.min_gib) + "GiB.");
  }
  if (gib > t.max_gib) {
    return BadEbsValue("Volume of " + std::to_string(gib) + "GiB is too large; maximum is " +
                       std::to_string(t.max_gib) + "GiB.");
  }
  return OkStatus();
}

Status CheckEbsIops(const EbsTypeLimits& t, const VolumeSpec& spec, int iops) {
  if (iops < t.min_iops) {
    return BadEbsValue("Volume iops of " + std::to_string(iops) + " is too low; minimum is " +
                       std::to_string(t.min_iops) + ".");
  }
  if (iops > t.max_iops) {
    return BadEbsValue("Volume iops of " + std::to_string(iops) + " is too high; maximum is " +
                       std::to_string(t.max_iops) + ".");
  }
  // Integer form of iops / size <= ratio.
  if (static_cast<long long>(iops) > static_cast<long long>(t.iops_per_gib) * *spec.size_gib) {
    return BadEbsValue("Iops to volume size ratio of " +
                       std::to_string(iops / std::max(1, *spec.size_gib)) +
                       " is too high; maximum is " + std::to_string(t.iops_per_gib) + ".");
  }
  return OkStatus();
}

Status CheckEbsThroughput(int throughput, int iops) {
  if (throughput < 125 || throughput > 1000) {
    return BadEbsValue("Throughput of " + std::to_string(throughput) +
                       "MiB/s is out of range; it must be between 125 and 1000 MiB/s.");
  }
  // gp3 allows at most 0.25 MiB/s per provisioned IOPS (EBS User Guide, gp3 volumes).
  if (throughput * 4 > iops) {
    return BadEbsValue("Throughput (MiBps) to iops ratio of " + std::to_string(throughput) + "/" +
                       std::to_string(iops) + " is too high; maximum is 0.25 MiBps per iops.");
  }
  return OkStatus();
}

Error NotSupportedFor(const std::string& member, const std::string& type) {
  return MakeError(ErrorCode::kInvalidParameterCombination,
                   "The parameter " + member + " is not supported for " + type + " volumes.");
}

bool IsEbsDeviceName(const std::string& device) {
  // Linux names EBS takes: /dev/sd[a-z] with an optional partition number, /dev/xvd[a-z] and
  // /dev/xvd[b-c][a-z] (EC2 User Guide, device-naming.html).
  static const std::regex kName("/dev/(sd[a-z]([1-9]|1[0-5])?|xvd[a-z]|xvd[b-c][a-z])");
  return std::regex_match(device, kName);
}

Error VolumeStateError(const Volume& vol) {
  return MakeError(ErrorCode::kIncorrectState,
                   "Volume '" + vol.id + "' is in the '" + vol.state + "' state.");
}

// Runs `fn` on the volume after `delay` unless the volume changed state or went away meanwhile.
template <typename Fn>
void AfterVolume(World& world, Scope& scope, Volume& vol, Duration delay, Fn fn) {
  std::uint64_t generation = ++vol.generation;
  Scope* sp = &scope;
  std::string id = vol.id;
  world.sim().After(delay, [sp, id, generation, fn] {
    Volume* v = sp->volumes.Find(id);
    if (v != nullptr && v->generation == generation) fn(*v);
  });
}

Result<Volume*> FindVolume(Scope& scope, const std::string& id) {
  const ResourceKind& kind = KindInfo(Kind::kVolume);
  if (!IsWellFormedId(kind, id)) return MalformedIdError(kind, id);
  Volume* vol = scope.volumes.Find(id);
  if (vol == nullptr) return NotFoundError(kind, id);
  return vol;
}

bool DeviceInUse(const Scope& scope, const Instance& inst, const std::string& device) {
  for (const Volume* v : AttachedVolumes(scope, inst)) {
    if (v->device == device) return true;
  }
  return false;
}

void DropDataVolume(Instance& inst, const std::string& volume_id) {
  auto& ids = inst.data_volume_ids;
  ids.erase(std::remove(ids.begin(), ids.end(), volume_id), ids.end());
}

}  // namespace

Status CheckVolumeSpec(VolumeSpec& spec) {
  const EbsTypeLimits* t = FindEbsType(spec.type);
  if (t == nullptr) {
    return BadEbsValue("Value (" + spec.type +
                       ") for parameter volumeType is invalid. Valid values: gp2, gp3, io1, io2, "
                       "st1, sc1, standard");
  }
  if (!spec.size_gib) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter size or snapshotId");
  }
  EC2SIM_RETURN_IF_ERROR(CheckEbsSize(*t, *spec.size_gib));
  if (t->min_iops == 0 && spec.iops) return NotSupportedFor("iops", spec.type);
  if (spec.type != "gp3" && spec.throughput) return NotSupportedFor("throughput", spec.type);
  if ((spec.type == "io1" || spec.type == "io2") && !spec.iops) {
    return MakeError(ErrorCode::kMissingParameter, "The request must contain the parameter iops");
  }
  if (spec.type == "gp2") spec.iops = std::clamp(3 * *spec.size_gib, 100, 16000);
  if (spec.type == "gp3") {
    if (spec.iops) EC2SIM_RETURN_IF_ERROR(CheckEbsIops(*t, spec, *spec.iops));
    spec.iops = spec.iops.value_or(3000);
    if (spec.throughput) EC2SIM_RETURN_IF_ERROR(CheckEbsThroughput(*spec.throughput, *spec.iops));
    spec.throughput = spec.throughput.value_or(125);
  } else if (t->min_iops != 0) {
    EC2SIM_RETURN_IF_ERROR(CheckEbsIops(*t, spec, *spec.iops));
  }
  return OkStatus();
}

Result<Volume*> CreateVolume(World& world, Scope& scope, VolumeSpec spec) {
  bool known_zone = false;
  for (int i = 0; i < scope.region->az_count; ++i) {
    if (AzName(*scope.region, i) == spec.az) known_zone = true;
  }
  if (!known_zone) return BadEbsValue("Invalid availability zone: [" + spec.az + "]");
  EC2SIM_RETURN_IF_ERROR(CheckVolumeSpec(spec));
  Volume vol;
  vol.id = world.NewId("vol");
  vol.serial = world.NewSerial();
  vol.az = spec.az;
  vol.size_gib = *spec.size_gib;
  vol.type = spec.type;
  vol.iops = spec.iops.value_or(0);
  vol.throughput = spec.throughput.value_or(0);
  // With encryption by default on, every new volume is encrypted whatever the request says
  // (https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html).
  vol.encrypted = spec.encrypted || scope.ebs_encryption_by_default;
  vol.snapshot_id = spec.snapshot_id;
  vol.delete_on_termination = false;
  vol.create_time = world.now();
  vol.tags = std::move(spec.tags);
  vol.state = "creating";
  vol.attach_state.clear();
  EmitVolume(world, scope, vol, /*created=*/true);
  std::string id = vol.id;
  Volume& stored = scope.volumes.Insert(id, std::move(vol));
  AfterVolume(world, scope, stored, world.times().volume_create,
              [](Volume& v) { v.state = "available"; });
  return &stored;
}

Result<Volume*> AttachVolume(World& world, Scope& scope, const std::string& volume_id,
                             const std::string& instance_id, const std::string& device) {
  EC2SIM_ASSIGN_OR_RETURN(Volume * vol, FindVolume(scope, volume_id));
  const ResourceKind& instance_kind = KindInfo(Kind::kInstance);
  if (!IsWellFormedId(instance_kind, instance_id)) {
    return MalformedIdError(instance_kind, instance_id);
  }
  Instance* inst = scope.instances.Find(instance_id);
  if (inst == nullptr) return NotFoundError(instance_kind, instance_id);
  if (!IsEbsDeviceName(device)) {
    return BadEbsValue("Value (" + device + ") for parameter device is invalid. " + device +
                       " is not a valid EBS device name.");
  }
  if (vol->state == "in-use") {
    return MakeError(ErrorCode::kVolumeInUse, vol->id + " is already attached to an instance");
  }
  if (vol->state != "available") return VolumeStateError(*vol);
  // AWS refuses a volume whose modification is still modifying ("Cannot attach volume ... when it
  // is in modification state: MODIFYING", as reported in ansible-collections/amazon.aws#1558).
  if (vol->modification && vol->modification->state == "modifying") {
    return MakeError(
        ErrorCode::kOperationNotPermitted,
        "Cannot attach volume " + vol->id + " when it is in modification state: MODIFYING");
  }
  if (inst->state != InstanceState::kRunning && inst->state != InstanceState::kStopped) {
    return MakeError(ErrorCode::kIncorrectInstanceState,
                     "Instance '" + inst->id + "' is not 'running' or 'stopped'.");
  }
  if (vol->az != inst->az) {
    return MakeError(ErrorCode::kInvalidVolumeZoneMismatch,
                     "The volume '" + vol->id +
                         "' is not in the same availability zone as instance '" + inst->id + "'");
  }
  if (DeviceInUse(scope, *inst, device)) {
    return BadEbsValue("Invalid value '" + device + "' for unixDevice. Attachment point " + device +
                       " is already in use");
  }
  vol->state = "in-use";
  vol->attach_state = "attaching";
  vol->instance_id = inst->id;
  vol->device = device;
  vol->attach_time = world.now();
  vol->delete_on_termination = false;  // AttachVolume's attachments keep the volume by default
  // A stopped instance's root device may take a volume again (DetachVolume then AttachVolume).
  if (device == inst->root_device_name) {
    inst->root_volume_id = vol->id;
  } else {
    inst->data_volume_ids.push_back(vol->id);
  }
  AfterVolume(world, scope, *vol, world.times().volume_attach,
              [](Volume& v) { v.attach_state = "attached"; });
  return vol;
}

Result<Volume*> DetachVolume(World& world, Scope& scope, const std::string& volume_id,
                             const std::string& instance_id, const std::string& device) {
  EC2SIM_ASSIGN_OR_RETURN(Volume * vol, FindVolume(scope, volume_id));
  if (vol->instance_id.empty() || vol->attach_state == "detaching") return VolumeStateError(*vol);
  if ((!instance_id.empty() && instance_id != vol->instance_id) ||
      (!device.empty() && device != vol->device)) {
    return MakeError(ErrorCode::kIncorrectState,
                     "Volume '" + vol->id + "' is not attached to the given instance and device.");
  }
  Instance* inst = scope.instances.Find(vol->instance_id);
  if (inst != nullptr && inst->root_volume_id == vol->id &&
      inst->state != InstanceState::kStopped) {
    // AWS refuses this even with Force: the root volume leaves only a stopped instance.
    return MakeError(ErrorCode::kIncorrectState, "Unable to detach root volume '" + vol->id +
                                                     "' from instance '" + inst->id + "'");
  }
  if (inst != nullptr) {
    if (inst->root_volume_id == vol->id) inst->root_volume_id.clear();
    DropDataVolume(*inst, vol->id);
  }
  vol->attach_state = "detaching";
  AfterVolume(world, scope, *vol, world.times().volume_detach, [](Volume& v) {
    v.state = "available";
    v.attach_state.clear();
    v.instance_id.clear();
    v.device.clear();
  });
  return vol;
}

Status DeleteVolume(World& world, Scope& scope, const std::string& volume_id) {
  EC2SIM_ASSIGN_OR_RETURN(Volume * vol, FindVolume(scope, volume_id));
  if (vol->state == "in-use") {
    return MakeError(ErrorCode::kVolumeInUse,
                     "Volume " + vol->id + " is currently attached to " + vol->instance_id);
  }
  EmitVolume(world, scope, *vol, /*created=*/false);
  scope.volumes.Erase(vol->id);
  return OkStatus();
}

Result<LaunchVolumes> PlanLaunchVolumes(const std::vector<BlockDeviceRequest>& requests,
                                        const std::string& root_device) {
  LaunchVolumes out;
  for (const BlockDeviceRequest& r : requests) {
    if (r.device.empty() || r.device == root_device) {
      if (r.type && FindEbsType(*r.type) == nullptr) {
        return BadEbsValue("Value (" + *r.type + ") for parameter volumeType is invalid.");
      }
      // gp2 and gp3, the images' root types, share their size limits.
      if (r.size_gib) {
        EC2SIM_RETURN_IF_ERROR(CheckEbsSize(*FindEbsType(r.type.value_or("gp3")), *r.size_gib));
      }
      if (r.size_gib) out.root_gib = r.size_gib;
      if (r.type) out.root_type = r.type;
      if (r.delete_on_termination) out.root_delete_on_termination = r.delete_on_termination;
      continue;
    }
    VolumeSpec spec;
    spec.size_gib = r.size_gib;
    // EbsBlockDevice's VolumeType defaults to gp2 (EC2 API Reference, EbsBlockDevice).
    spec.type = r.type.value_or("gp2");
    spec.iops = r.iops;
    spec.throughput = r.throughput;
    EC2SIM_RETURN_IF_ERROR(CheckVolumeSpec(spec));
    BlockDeviceRequest checked = r;
    checked.size_gib = spec.size_gib;
    checked.type = spec.type;
    checked.iops = spec.iops;
    checked.throughput = spec.throughput;
    out.extra.push_back(std::move(checked));
  }
  return out;
}

void AddLaunchVolume(World& world, Scope& scope, Instance& inst, const BlockDeviceRequest& request,
                     const TagList& tags) {
  Volume vol;
  vol.id = world.NewId("vol");
  vol.serial = world.NewSerial();
  vol.az = inst.az;
  vol.size_gib = request.size_gib.value_or(1);
  vol.type = request.type.value_or("gp2");
  vol.iops = request.iops.value_or(0);
  vol.throughput = request.throughput.value_or(0);
  vol.encrypted = request.encrypted || scope.ebs_encryption_by_default;
  vol.snapshot_id = request.snapshot_id;
  vol.instance_id = inst.id;
  vol.device = request.device;
  // Mappings of RunInstances delete their volume on termination unless told otherwise.
  vol.delete_on_termination = request.delete_on_termination.value_or(true);
  vol.create_time = vol.attach_time = world.now();
  vol.tags = tags;
  EmitVolume(world, scope, vol, /*created=*/true);
  inst.data_volume_ids.push_back(vol.id);
  std::string id = vol.id;
  scope.volumes.Insert(id, std::move(vol));
}

std::vector<const Volume*> AttachedVolumes(const Scope& scope, const Instance& inst) {
  std::vector<const Volume*> out;
  const Volume* root = scope.volumes.Find(inst.root_volume_id);
  if (root != nullptr && root->instance_id == inst.id) out.push_back(root);
  for (const std::string& id : inst.data_volume_ids) {
    const Volume* v = scope.volumes.Find(id);
    if (v != nullptr && v->instance_id == inst.id) out.push_back(v);
  }
  return out;
}

void ReleaseInstanceVolumes(World& world, Scope& scope, Instance& inst) {
  std::vector<std::string> ids;
  for (const Volume* v : AttachedVolumes(scope, inst)) ids.push_back(v->id);
  for (const std::string& id : ids) {
    Volume* vol = scope.volumes.Find(id);
    if (vol->delete_on_termination) {
      EmitVolume(world, scope, *vol, /*created=*/false);
      scope.volumes.Erase(id);
      continue;
    }
    ++vol->generation;  // a pending attach or detach no longer applies
    vol->state = "available";
    vol->attach_state.clear();
    vol->instance_id.clear();
    vol->device.clear();
  }
  inst.data_volume_ids.clear();
}

}  // namespace ec2sim::model
