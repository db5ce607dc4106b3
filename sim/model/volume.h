// An EBS volume, as plain data.
#ifndef EC2SIM_MODEL_VOLUME_H_
#define EC2SIM_MODEL_VOLUME_H_

#include <cstdint>
#include <optional>
#include <string>

#include "ec2sim/sim_time.h"
#include "sim/model/tags.h"

namespace ec2sim::model {

// The latest ModifyVolume of a volume: the VolumeModification data type (EC2 API Reference).
struct VolumeModification {
  std::string state;  // "modifying", "optimizing", "completed" (or "failed")
  int original_size_gib = 0;
  std::string original_type;
  int original_iops = 0;
  int original_throughput = 0;
  int target_size_gib = 0;
  std::string target_type;
  int target_iops = 0;
  int target_throughput = 0;
  int progress = 0;  // percent
  SimTime start_time = 0;
  SimTime end_time = -1;  // -1 until completed
};

struct Volume {
  std::string id;
  std::uint64_t serial = 0;  // World::NewSerial, carried by its resource events
  std::string az;
  int size_gib = 8;
  std::string type = "gp3";
  std::string instance_id;
  std::string device;
  bool delete_on_termination = true;
  SimTime create_time = 0;
  TagList tags;
  // "creating", "available", "in-use" or "deleting" (EC2 API Reference, Volume data type).
  std::string state = "in-use";
  // The attachment's state while instance_id is set: "attaching", "attached" or "detaching".
  std::string attach_state = "attached";
  SimTime attach_time = 0;
  int iops = 0;        // 0: the type has no IOPS figure (st1, sc1, standard)
  int throughput = 0;  // MiB/s, gp3 only
  bool encrypted = false;
  std::string snapshot_id;
  bool auto_enable_io = false;
  std::optional<VolumeModification> modification;
  // Bumped by each state change so a transition scheduled before it becomes a no-op.
  std::uint64_t generation = 0;
};

// One Ebs entry of RunInstances' BlockDeviceMappings (the EbsBlockDevice data type). The entry
// naming the image's root device changes the root volume; the others add volumes.
struct BlockDeviceRequest {
  std::string device;
  std::optional<int> size_gib;
  std::optional<std::string> type;
  std::optional<int> iops;
  std::optional<int> throughput;
  std::optional<bool> delete_on_termination;
  bool encrypted = false;
  std::string snapshot_id;  // Ebs.SnapshotId: the volume is restored from this snapshot
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VOLUME_H_
