// An instance and its reservation, as plain data. Operations: instances.h.
#ifndef EC2SIM_MODEL_INSTANCE_H_
#define EC2SIM_MODEL_INSTANCE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/sim_time.h"
#include "sim/engine/event_queue.h"
#include "sim/model/ip.h"
#include "sim/model/network_interface.h"
#include "sim/model/tags.h"

namespace ec2sim::model {

// InstanceState codes are EC2's (ec2-semantics.md §1.1).
enum class InstanceState : int {
  kPending = 0,
  kRunning = 16,
  kShuttingDown = 32,
  kTerminated = 48,
  kStopping = 64,
  kStopped = 80,
};
const char* StateName(InstanceState state);
std::optional<InstanceState> ParseStateName(std::string_view name);

// The instance metadata service's options (ModifyInstanceMetadataOptions). Defaults as AWS
// launches an Amazon Linux 2023 image: IMDSv2 required, hop limit 2.
struct InstanceMetadataOptions {
  std::string http_tokens = "required";
  int hop_limit = 2;
  std::string http_endpoint = "enabled";
  std::string http_protocol_ipv6 = "disabled";
  std::string instance_metadata_tags = "disabled";
};

struct Instance {
  // The fields every state change touches come first, to share cache lines.
  std::string id;
  std::uint64_t serial = 0;  // World::NewSerial, carried by its resource events
  InstanceState state = InstanceState::kPending;
  bool wants_public_ip = false;  // gets an auto-assigned address whenever it starts
  Ipv4 last_auto_public_ip = 0;  // never handed back to the same instance on its next start
  engine::EventId transition_event = 0;
  // The record of eni_id while it exists (it is deleted at termination): the hot state changes
  // reach it without a lookup. Use PrimaryInterface(), which checks it against the scope.
  NetworkInterface* primary_eni = nullptr;
  SimTime launch_time = 0;  // last time it entered pending
  SimTime running_since = -1;
  std::string instance_type;
  std::string state_transition_reason;
  std::string state_reason_code;  // e.g. "Client.UserInitiatedShutdown"

  std::string reservation_id;
  std::string image_id;
  int launch_index = 0;
  std::string az;
  std::string subnet_id;
  std::string vpc_id;
  std::string eni_id;
  std::string key_name;
  std::string root_volume_id;
  // Volumes attached after launch or by extra block device mappings, in attach order.
  std::vector<std::string> data_volume_ids;
  std::string root_device_name;
  std::string platform;  // "" for Linux, "windows"
  std::string architecture;
  bool hourly_billing = false;
  bool disable_api_termination = false;
  std::string shutdown_behavior = "stop";
  std::string client_token;
  // Attributes of DescribeInstanceAttribute / ModifyInstanceAttribute (instance_attributes.h).
  std::string user_data;  // base64, as the caller sent it ("" when none)
  bool disable_api_stop = false;
  bool ebs_optimized = false;
  // Detailed monitoring (MonitorInstances, RunInstances Monitoring.Enabled): "enabled" or
  // "disabled".
  std::string monitoring = "disabled";
  bool ena_support = true;
  std::string sriov_net_support;  // "" or "simple"
  std::string cpu_credits;        // "standard" | "unlimited"; "" = the account's family default
  int cpu_percent = -1;  // CPU utilization the scenario verb `cpu` declared; -1: never declared
  InstanceMetadataOptions metadata;
  SimTime terminated_at = -1;
  TagList tags;
};

struct Reservation {
  std::string id;
  std::vector<std::string> instance_ids;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_INSTANCE_H_
