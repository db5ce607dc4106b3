// ModifyVolume: a volume's size, type, IOPS and throughput change while it stays in use, through
// the modification states modifying -> optimizing -> completed (EC2 API Reference,
// API_ModifyVolume.html and the VolumeModification data type; EBS User Guide, "Monitor the
// progress of volume modifications").
#ifndef EC2SIM_MODEL_VOLUME_MODIFICATIONS_H_
#define EC2SIM_MODEL_VOLUME_MODIFICATIONS_H_

#include <optional>
#include <string>

#include "ec2sim/result.h"
#include "sim/model/scope.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// What ModifyVolume asks for; an empty member keeps the volume's value (IOPS and throughput:
// see ModifyVolume).
struct VolumeChange {
  std::optional<int> size_gib;
  std::optional<std::string> type;
  std::optional<int> iops;
  std::optional<int> throughput;
};

// How long after a modification's start the volume takes another (API_ModifyVolume.html: "wait
// at least six hours ... before you can modify the same volume").
inline constexpr Duration kVolumeModificationCooldown = 6 * kHour;

// Starts a modification of an available or in-use volume. The target is checked like
// CreateVolume (CheckVolumeSpec); IOPS default to the volume's own when the type stays, else to
// 3,000 (gp3, io1, io2; ModifyVolume's Iops member); gp3 throughput likewise to 125. The volume
// takes its new configuration, and is billed for it, when the modification reaches optimizing
// after TransitionTimes::volume_modify; it completes TransitionTimes::volume_tuned later.
// Errors: the volume's Malformed/NotFound; IncorrectState (creating, deleting);
// IncorrectModificationState while a modification is modifying or optimizing;
// VolumeModificationRateExceeded within kVolumeModificationCooldown of the last start;
// InvalidParameterValue for a smaller size; those of CheckVolumeSpec.
Result<Volume*> ModifyVolume(World& world, Scope& scope, const std::string& volume_id,
                             const VolumeChange& change);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VOLUME_MODIFICATIONS_H_
