#include "sim/model/volume_modifications.h"

#include "sim/model/resource_events.h"
#include "sim/model/resource_kinds.h"
#include "sim/model/volumes.h"

namespace ec2sim::model {
namespace {

bool TypeTakesIops(const std::string& type) {
  return type == "gp3" || type == "io1" || type == "io2";
}

// The target of `change` on `vol`, checked against the target type's limits.
Result<VolumeSpec> ModificationTarget(const Volume& vol, const VolumeChange& change) {
  VolumeSpec spec;
  spec.az = vol.az;
  spec.type = change.type.value_or(vol.type);
  spec.size_gib = change.size_gib.value_or(vol.size_gib);
  if (*spec.size_gib < vol.size_gib) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "New size cannot be smaller than existing size");
  }
  bool same_type = spec.type == vol.type;
  spec.iops = change.iops;
  // gp2's IOPS follow its size, so only the types that provision IOPS keep or default them.
  if (!spec.iops && TypeTakesIops(spec.type)) spec.iops = same_type ? vol.iops : 3000;
  spec.throughput = change.throughput;
  if (!spec.throughput && spec.type == "gp3" && same_type) spec.throughput = vol.throughput;
  EC2SIM_RETURN_IF_ERROR(CheckVolumeSpec(spec));
  return spec;
}

// Runs `fn` on the volume after `delay` while the modification started at `start` is its latest.
template <typename Fn>
void AfterModification(World& world, Scope& scope, const Volume& vol, Duration delay, Fn fn) {
  Scope* sp = &scope;
  World* wp = &world;
  std::string id = vol.id;
  SimTime start = vol.modification->start_time;
  world.sim().After(delay, [sp, wp, id, start, fn] {
    Volume* v = sp->volumes.Find(id);
    if (v != nullptr && v->modification && v->modification->start_time == start) fn(*wp, *sp, *v);
  });
}

// The volume takes its target configuration. Billing sees the old configuration end and the new
// one begin: a new meter under a new serial, merged on the bill by volume id and usage type.
void ApplyModification(World& world, Scope& scope, Volume& vol) {
  VolumeModification& m = *vol.modification;
  m.state = "optimizing";
  m.progress = 0;
  EmitVolume(world, scope, vol, /*created=*/false);
  vol.size_gib = m.target_size_gib;
  vol.type = m.target_type;
  vol.iops = m.target_iops;
  vol.throughput = m.target_throughput;
  vol.serial = world.NewSerial();
  EmitVolume(world, scope, vol, /*created=*/true);
}

}  // namespace

Result<Volume*> ModifyVolume(World& world, Scope& scope, const std::string& volume_id,
                             const VolumeChange& change) {
  const ResourceKind& kind = KindInfo(Kind::kVolume);
  if (!IsWellFormedId(kind, volume_id)) return MalformedIdError(kind, volume_id);
  Volume* vol = scope.volumes.Find(volume_id);
  if (vol == nullptr) return NotFoundError(kind, volume_id);
  if (vol->state != "available" && vol->state != "in-use") {
    return MakeError(ErrorCode::kIncorrectState,
                     "Volume '" + vol->id + "' is in the '" + vol->state + "' state.");
  }
  if (vol->modification) {
    const VolumeModification& last = *vol->modification;
    if (last.state == "modifying" || last.state == "optimizing") {
      return MakeError(ErrorCode::kIncorrectModificationState,
                       "Volume " + vol->id + " is already being modified");
    }
    if (world.now() - last.start_time < kVolumeModificationCooldown) {
      return MakeError(ErrorCode::kVolumeModificationRateExceeded,
                       "You've reached the maximum modification rate per volume limit. Wait at "
                       "least 6 hours between modifications per EBS volume.");
    }
  }
  EC2SIM_ASSIGN_OR_RETURN(VolumeSpec target, ModificationTarget(*vol, change));
  VolumeModification m;
  m.state = "modifying";
  m.original_size_gib = vol->size_gib;
  m.original_type = vol->type;
  m.original_iops = vol->iops;
  m.original_throughput = vol->throughput;
  m.target_size_gib = *target.size_gib;
  m.target_type = target.type;
  m.target_iops = target.iops.value_or(0);
  m.target_throughput = target.throughput.value_or(0);
  m.start_time = world.now();
  vol->modification = m;
  AfterModification(
      world, scope, *vol, world.times().volume_modify, [](World& w, Scope& s, Volume& v) {
        ApplyModification(w, s, v);
        AfterModification(w, s, v, w.times().volume_tuned, [](World& w2, Scope&, Volume& v2) {
          v2.modification->state = "completed";
          v2.modification->progress = 100;
          v2.modification->end_time = w2.now();
        });
      });
  return vol;
}

}  // namespace ec2sim::model
