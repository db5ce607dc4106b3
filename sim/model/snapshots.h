// EBS snapshot operations: create from a volume, copy across regions, delete, share, and restore
// (volumes from snapshots). Shapes, states and errors follow the EC2 API Reference
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/ API_CreateSnapshot.html,
// API_CopySnapshot.html, API_DeleteSnapshot.html, API_DescribeSnapshots.html,
// API_ModifySnapshotAttribute.html) and the EBS User Guide ("Share an Amazon EBS snapshot",
// ebs-modifying-snapshot-permissions.html).
#ifndef EC2SIM_MODEL_SNAPSHOTS_H_
#define EC2SIM_MODEL_SNAPSHOTS_H_

#include <optional>
#include <string>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/scope.h"
#include "sim/model/volumes.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// The volume id EC2 reports for a copied snapshot (API_Snapshot.html, VolumeId).
inline constexpr const char* kCopiedSnapshotVolumeId = "vol-ffffffff";

// Whether `account` may create volumes from the snapshot: it owns it, or the owner gave the
// permission to it or to the group "all" (DescribeSnapshots' "implicit", "explicit" and "public"
// create volume permissions).
bool SnapshotRestorableBy(const Snapshot& snap, const std::string& account);

// A snapshot the scope's account owns. Errors: InvalidSnapshotID.Malformed,
// InvalidSnapshot.NotFound.
Result<Snapshot*> FindOwnSnapshot(Scope& scope, const std::string& id);

// A snapshot in the scope's region that the scope's account may restore: its own, or another
// account's shared with it. Errors: InvalidSnapshotID.Malformed; InvalidSnapshot.NotFound for an
// id that names none, or one the account has no permission for (EC2 does not tell them apart).
Result<const Snapshot*> FindRestorableSnapshot(World& world, const Scope& scope,
                                               const std::string& id);

// Every snapshot of the scope's region that its account may restore: its own in creation order,
// then other accounts' shared ones, by owner and creation order.
std::vector<const Snapshot*> VisibleSnapshots(World& world, const Scope& scope);

// A snapshot of one of the scope's volumes, "pending" until TransitionTimes::snap_create has
// passed, then "completed" at 100%. Errors: the volume's Malformed / NotFound;
// InvalidParameterValue for a description over 255 characters.
Result<Snapshot*> CreateSnapshot(World& world, Scope& scope, const std::string& volume_id,
                                 const std::string& description, TagList tags);

// Stores a snapshot built by another family (CreateImage, CopyImage) whose id is drawn: pending
// until TransitionTimes::snap_create has passed, then completed.
Snapshot& AddNewSnapshot(World& world, Scope& scope, Snapshot snap);

// What CreateSnapshots asks for: a snapshot of each volume attached to an instance
// (API_CreateSnapshots.html).
struct InstanceSnapshotsRequest {
  std::string instance_id;
  bool exclude_boot_volume = false;
  std::vector<std::string> exclude_volume_ids;
  std::string description;
  TagList tags;
  bool copy_tags_from_volume = false;  // CopyTagsFromSource "volume"
};
// One snapshot per attached volume, root first, as CreateSnapshot makes them. Errors: the
// instance's Malformed / NotFound; those of CreateSnapshot.
Result<std::vector<Snapshot*>> CreateInstanceSnapshots(World& world, Scope& scope,
                                                       const InstanceSnapshotsRequest& request);

// What CopySnapshot asks for; the copy lands in `scope` (the destination region).
struct SnapshotCopyRequest {
  std::string source_region;
  std::string source_snapshot_id;
  std::optional<std::string> description;  // default: "[Copied snap-... from REGION]"
  bool encrypted = false;
  TagList tags;
};
// Errors: InvalidParameterValue for an unknown source region; the source's Malformed /
// NotFound (a snapshot the caller may not restore is not found); IncorrectState while the source
// is still pending.
Result<Snapshot*> CopySnapshot(World& world, Scope& scope, const SnapshotCopyRequest& request);

// Deletes one of the scope's snapshots (pending or completed). Errors: Malformed / NotFound;
// InvalidSnapshot.InUse while an image of the scope maps it.
Status DeleteSnapshot(World& world, Scope& scope, const std::string& id);

// CreateVolume with SnapshotId: the size defaults to the snapshot's and may not be smaller
// (InvalidParameterValue); the volume records the snapshot and its encryption.
Status ApplySnapshotToVolume(World& world, const Scope& scope, const std::string& snapshot_id,
                             VolumeSpec& spec);

// RunInstances' Ebs.SnapshotId entries of volumes other than the root (`root_device`, whose
// volume comes from the image): each is checked and its size filled in as above.
Status ApplySnapshotsToDevices(World& world, const Scope& scope, const std::string& root_device,
                               std::vector<BlockDeviceRequest>& devices);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_SNAPSHOTS_H_
