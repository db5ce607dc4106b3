#include "sim/model/snapshots.h"

#include <algorithm>

#include "sim/model/images/images.h"
#include "sim/model/resource_events.h"
#include "sim/model/resource_kinds.h"

namespace ec2sim::model {
namespace {

// CreateSnapshot's and CopySnapshot's Description: "Constraints: Up to 255 characters"
// (API_CreateSnapshot.html).
constexpr std::size_t kMaxSnapshotDescription = 255;

Error BadSnapshotValue(const std::string& message) {
  return MakeError(ErrorCode::kInvalidParameterValue, message);
}

Status CheckSnapshotIdShape(const std::string& id) {
  const ResourceKind& kind = KindInfo(Kind::kSnapshot);
  if (!IsWellFormedId(kind, id)) return MalformedIdError(kind, id);
  return OkStatus();
}

// Inserts `snap` into the scope and schedules pending -> completed after `delay`.
Snapshot& StoreSnapshot(World& world, Scope& scope, Snapshot snap) {
  snap.serial = world.NewSerial();
  snap.start_time = world.now();
  snap.state = "pending";
  snap.progress = 0;
  EmitSnapshot(world, scope, snap, /*created=*/true);
  std::string id = snap.id;
  Snapshot& stored = scope.snapshots.Insert(id, std::move(snap));
  std::uint64_t generation = ++stored.generation;
  Scope* sp = &scope;
  world.sim().After(world.times().snap_create, [sp, id, generation] {
    Snapshot* s = sp->snapshots.Find(id);
    if (s == nullptr || s->generation != generation) return;
    s->state = "completed";
    s->progress = 100;
  });
  return stored;
}

}  // namespace

bool SnapshotRestorableBy(const Snapshot& snap, const std::string& account) {
  return snap.owner_id == account || snap.public_restore ||
         snap.create_volume_users.count(account) > 0;
}

Result<Snapshot*> FindOwnSnapshot(Scope& scope, const std::string& id) {
  EC2SIM_RETURN_IF_ERROR(CheckSnapshotIdShape(id));
  Snapshot* snap = scope.snapshots.Find(id);
  if (snap == nullptr) return NotFoundError(KindInfo(Kind::kSnapshot), id);
  return snap;
}

Result<const Snapshot*> FindRestorableSnapshot(World& world, const Scope& scope,
                                               const std::string& id) {
  EC2SIM_RETURN_IF_ERROR(CheckSnapshotIdShape(id));
  for (Scope* other : world.AllScopes()) {
    if (other->region != scope.region) continue;
    const Snapshot* snap = other->snapshots.Find(id);
    if (snap != nullptr && SnapshotRestorableBy(*snap, scope.account)) return snap;
  }
  return NotFoundError(KindInfo(Kind::kSnapshot), id);
}

std::vector<const Snapshot*> VisibleSnapshots(World& world, const Scope& scope) {
  std::vector<const Snapshot*> out;
  for (const Snapshot& snap : scope.snapshots.values()) out.push_back(&snap);
  for (Scope* other : world.AllScopes()) {
    if (other->region != scope.region || other->account == scope.account) continue;
    for (const Snapshot& snap : other->snapshots.values()) {
      if (SnapshotRestorableBy(snap, scope.account)) out.push_back(&snap);
    }
  }
  return out;
}

Result<Snapshot*> CreateSnapshot(World& world, Scope& scope, const std::string& volume_id,
                                 const std::string& description, TagList tags) {
  const ResourceKind& volume_kind = KindInfo(Kind::kVolume);
  if (!IsWellFormedId(volume_kind, volume_id)) return MalformedIdError(volume_kind, volume_id);
  const Volume* vol = scope.volumes.Find(volume_id);
  if (vol == nullptr) return NotFoundError(volume_kind, volume_id);
  if (description.size() > kMaxSnapshotDescription) {
    return BadSnapshotValue("The description must be at most 255 characters.");
  }
  Snapshot snap;
  snap.id = world.NewId("snap");
  snap.owner_id = scope.account;
  snap.volume_id = vol->id;
  snap.volume_size_gib = vol->size_gib;
  snap.description = description;
  snap.encrypted = vol->encrypted;
  snap.tags = std::move(tags);
  return &StoreSnapshot(world, scope, std::move(snap));
}

Result<std::vector<Snapshot*>> CreateInstanceSnapshots(World& world, Scope& scope,
                                                       const InstanceSnapshotsRequest& request) {
  const ResourceKind& instance_kind = KindInfo(Kind::kInstance);
  if (!IsWellFormedId(instance_kind, request.instance_id)) {
    return MalformedIdError(instance_kind, request.instance_id);
  }
  const Instance* inst = scope.instances.Find(request.instance_id);
  if (inst == nullptr) return NotFoundError(instance_kind, request.instance_id);
  if (request.description.size() > kMaxSnapshotDescription) {
    return BadSnapshotValue("The description must be at most 255 characters.");
  }
  std::vector<std::string> volume_ids;
  for (const Volume* v : AttachedVolumes(scope, *inst)) {
    bool boot = v->id == inst->root_volume_id;
    bool excluded = std::find(request.exclude_volume_ids.begin(), request.exclude_volume_ids.end(),
                              v->id) != request.exclude_volume_ids.end();
    if (!(boot && request.exclude_boot_volume) && !excluded) volume_ids.push_back(v->id);
  }
  std::vector<Snapshot*> out;
  for (const std::string& id : volume_ids) {
    TagList tags = request.tags;
    if (request.copy_tags_from_volume) {
      const TagList& from = scope.volumes.Find(id)->tags;
      tags.insert(tags.end(), from.begin(), from.end());
    }
    EC2SIM_ASSIGN_OR_RETURN(Snapshot * s,
                            CreateSnapshot(world, scope, id, request.description, tags));
    out.push_back(s);
  }
  return out;
}

Result<Snapshot*> CopySnapshot(World& world, Scope& scope, const SnapshotCopyRequest& request) {
  if (FindRegion(request.source_region) == nullptr) {
    return BadSnapshotValue("Value (" + request.source_region +
                            ") for parameter sourceRegion is invalid.");
  }
  EC2SIM_RETURN_IF_ERROR(CheckSnapshotIdShape(request.source_snapshot_id));
  const Snapshot* source = nullptr;
  for (Scope* other : world.AllScopes()) {
    if (other->region->code != request.source_region) continue;
    const Snapshot* s = other->snapshots.Find(request.source_snapshot_id);
    if (s != nullptr && SnapshotRestorableBy(*s, scope.account)) source = s;
  }
  if (source == nullptr) {
    return NotFoundError(KindInfo(Kind::kSnapshot), request.source_snapshot_id);
  }
  if (source->state != "completed") {
    return MakeError(ErrorCode::kIncorrectState,
                     "Snapshot '" + source->id + "' is in the '" + source->state + "' state.");
  }
  std::string description = request.description.value_or("[Copied " + source->id + " from " +
                                                         request.source_region + "]");
  if (description.size() > kMaxSnapshotDescription) {
    return BadSnapshotValue("The description must be at most 255 characters.");
  }
  Snapshot copy;
  copy.id = world.NewId("snap");
  copy.owner_id = scope.account;
  copy.volume_id = kCopiedSnapshotVolumeId;
  copy.volume_size_gib = source->volume_size_gib;
  copy.description = std::move(description);
  // A copy of an encrypted snapshot stays encrypted; Encrypted asks to encrypt a plain one.
  copy.encrypted = source->encrypted || request.encrypted;
  copy.tags = request.tags;
  return &StoreSnapshot(world, scope, std::move(copy));
}

Snapshot& AddNewSnapshot(World& world, Scope& scope, Snapshot snap) {
  return StoreSnapshot(world, scope, std::move(snap));
}

Status DeleteSnapshot(World& world, Scope& scope, const std::string& id) {
  EC2SIM_ASSIGN_OR_RETURN(Snapshot * snap, FindOwnSnapshot(scope, id));
  // API_DeleteSnapshot.html: "You cannot delete a snapshot of the root device of an EBS volume
  // used by a registered AMI. You must first deregister the AMI before you can delete the
  // snapshot." EC2 refuses any mapped snapshot the same way.
  if (const Image* image = ImageUsingSnapshot(scope, snap->id)) {
    return MakeError(ErrorCode::kInvalidSnapshotInUse,
                     "The snapshot " + snap->id + " is currently in use by " + image->id);
  }
  EmitSnapshot(world, scope, *snap, /*created=*/false);
  scope.snapshots.Erase(snap->id);
  return OkStatus();
}

Status ApplySnapshotToVolume(World& world, const Scope& scope, const std::string& snapshot_id,
                             VolumeSpec& spec) {
  EC2SIM_ASSIGN_OR_RETURN(const Snapshot* snap, FindRestorableSnapshot(world, scope, snapshot_id));
  if (!spec.size_gib) spec.size_gib = snap->volume_size_gib;
  if (*spec.size_gib < snap->volume_size_gib) {
    return BadSnapshotValue("The volume size is invalid for the given snapshot. Volume size (" +
                            std::to_string(*spec.size_gib) +
                            "GiB) must be greater than or equal to the snapshot size (" +
                            std::to_string(snap->volume_size_gib) + "GiB).");
  }
  spec.snapshot_id = snap->id;
  spec.encrypted = spec.encrypted || snap->encrypted;
  return OkStatus();
}

Status ApplySnapshotsToDevices(World& world, const Scope& scope, const std::string& root_device,
                               std::vector<BlockDeviceRequest>& devices) {
  for (BlockDeviceRequest& d : devices) {
    if (d.snapshot_id.empty() || d.device.empty() || d.device == root_device) continue;
    VolumeSpec spec;
    spec.size_gib = d.size_gib;
    spec.encrypted = d.encrypted;
    EC2SIM_RETURN_IF_ERROR(ApplySnapshotToVolume(world, scope, d.snapshot_id, spec));
    d.size_gib = spec.size_gib;
    d.encrypted = spec.encrypted;
  }
  return OkStatus();
}

}  // namespace ec2sim::model
