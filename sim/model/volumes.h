// EBS volume operations: create, attach, detach, delete. Shapes, states and errors follow the
// EC2 API Reference (API_CreateVolume.html, API_AttachVolume.html, API_DetachVolume.html,
// API_DeleteVolume.html) and the EBS User Guide's volume type tables (ebs-volume-types.html).
#ifndef EC2SIM_MODEL_VOLUMES_H_
#define EC2SIM_MODEL_VOLUMES_H_

#include <optional>
#include <string>

#include "ec2sim/result.h"
#include "sim/model/scope.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// What a CreateVolume request (or an Ebs block device mapping) asks for.
struct VolumeSpec {
  std::string az;
  std::optional<int> size_gib;
  std::string type = "gp2";  // CreateVolume's default VolumeType is gp2
  std::optional<int> iops;
  std::optional<int> throughput;
  bool encrypted = false;
  TagList tags;
  std::string snapshot_id;  // set by ApplySnapshotToVolume (snapshots.h)
};

// Checks type, size, IOPS and throughput against the type's limits and fills in the IOPS and
// throughput AWS reports when the request names none (gp2: 3 IOPS per GiB within 100..16,000;
// gp3: 3,000 IOPS and 125 MiB/s). Errors: InvalidParameterValue (unknown type, out of range,
// ratio too high), InvalidParameterCombination (IOPS or throughput for a type without them),
// MissingParameter (no size; io1/io2 without IOPS).
Status CheckVolumeSpec(VolumeSpec& spec);

// A new volume in state "creating" that becomes "available" after TransitionTimes::volume_create.
// Errors: those of CheckVolumeSpec; InvalidParameterValue for an AZ not in the scope's region.
Result<Volume*> CreateVolume(World& world, Scope& scope, VolumeSpec spec);

// Attaches an available volume to a running or stopped instance in its AZ at `device`; the
// attachment goes attaching -> attached after TransitionTimes::volume_attach.
// Errors: malformed or unknown ids; VolumeInUse when attached; IncorrectState when not
// available; IncorrectInstanceState; InvalidVolume.ZoneMismatch; InvalidParameterValue for a
// device name EBS does not take or one the instance already uses.
Result<Volume*> AttachVolume(World& world, Scope& scope, const std::string& volume_id,
                             const std::string& instance_id, const std::string& device);

// Detaches an attached volume (detaching -> available after TransitionTimes::volume_detach).
// `instance_id` and `device`, when not empty, must match the attachment. Errors: IncorrectState
// for a volume that is not attached or for the root volume of an instance that is not stopped
// (Force does not change that).
Result<Volume*> DetachVolume(World& world, Scope& scope, const std::string& volume_id,
                             const std::string& instance_id, const std::string& device);

// Deletes a volume that is not attached. Errors: malformed or unknown id; VolumeInUse.
Status DeleteVolume(World& world, Scope& scope, const std::string& volume_id);

// What a launch's block device mappings ask of each instance: changes to the root volume, and
// the other volumes, checked against their type's limits (those of CheckVolumeSpec) with IOPS
// and throughput filled in.
struct LaunchVolumes {
  std::optional<int> root_gib;
  std::optional<std::string> root_type;
  std::optional<bool> root_delete_on_termination;
  std::vector<BlockDeviceRequest> extra;
};
// An entry without a device name, or naming `root_device`, changes the root volume.
Result<LaunchVolumes> PlanLaunchVolumes(const std::vector<BlockDeviceRequest>& requests,
                                        const std::string& root_device);
// Creates, attaches and bills one volume of LaunchVolumes::extra for `inst`, drawing its id.
void AddLaunchVolume(World& world, Scope& scope, Instance& inst, const BlockDeviceRequest& request,
                     const TagList& tags);

// Volumes attached to the instance, the root volume first, then the others in attach order.
std::vector<const Volume*> AttachedVolumes(const Scope& scope, const Instance& inst);

// Termination: deletes each attached volume whose DeleteOnTermination is set and detaches the
// others (they become available).
void ReleaseInstanceVolumes(World& world, Scope& scope, Instance& inst);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VOLUMES_H_
