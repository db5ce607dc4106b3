// An EBS snapshot, as plain data: the Snapshot data type of the EC2 API Reference
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Snapshot.html).
#ifndef EC2SIM_MODEL_SNAPSHOT_H_
#define EC2SIM_MODEL_SNAPSHOT_H_

#include <cstdint>
#include <set>
#include <string>

#include "ec2sim/sim_time.h"
#include "sim/model/tags.h"

namespace ec2sim::model {

struct Snapshot {
  std::string id;
  std::uint64_t serial = 0;  // World::NewSerial, carried by its resource events
  std::string owner_id;      // the account that created (or copied) it
  // The volume it was taken of; "vol-ffffffff" for a copy, as EC2 reports copies ("Snapshots
  // created by the CopySnapshot action have an arbitrary volume ID", API_Snapshot.html).
  std::string volume_id;
  int volume_size_gib = 0;
  std::string description;
  std::string state = "pending";  // "pending", "completed" ("error" is never reached here)
  int progress = 0;               // percent; reported as "0%" .. "100%"
  SimTime start_time = 0;
  bool encrypted = false;
  TagList tags;
  // createVolumePermission: accounts given it by id, and whether the group "all" has it.
  std::set<std::string> create_volume_users;
  bool public_restore = false;
  // Bumped by each state change so a transition scheduled before it becomes a no-op.
  std::uint64_t generation = 0;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_SNAPSHOT_H_
