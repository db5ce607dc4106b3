// Instance lifecycle: launch, start, stop, reboot, terminate, and the addressing that follows
// each state (ec2-semantics.md §1).
#ifndef EC2SIM_MODEL_INSTANCES_H_
#define EC2SIM_MODEL_INSTANCES_H_

#include <optional>
#include <string>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// What RunInstances was asked for, already decoded from the request.
struct LaunchSpec {
  std::string image_id;
  std::string instance_type = "t2.micro";
  int min_count = 1;
  int max_count = 1;
  std::string key_name;
  std::vector<std::string> group_ids;
  std::vector<std::string> group_names;
  std::string subnet_id;
  std::string availability_zone;
  std::optional<bool> associate_public_ip;
  std::optional<std::string> private_ip;
  std::optional<int> root_volume_gib;
  std::optional<std::string> root_volume_type;
  std::optional<bool> root_delete_on_termination;
  std::vector<BlockDeviceRequest> block_devices;  // RunInstances' BlockDeviceMappings
  TagList instance_tags;
  TagList volume_tags;
  std::string client_token;
  bool disable_api_termination = false;
  std::string shutdown_behavior = "stop";
  std::string user_data;  // base64
  bool disable_api_stop = false;
  bool ebs_optimized = false;
  bool monitoring = false;  // Monitoring.Enabled
  std::string cpu_credits;  // "" = the account's default for the family
  std::optional<InstanceMetadataOptions> metadata;
};

// Default quota: vCPUs of running On-Demand standard instances per region (ISSUE-VCPU in
// ec2-semantics.md reports 32 as a common default); a world's own is options().quotas.vcpus.
inline constexpr int kDefaultVcpuQuota = AccountQuotas{}.vcpus;

// Launches instances. Returns the reservation id; the instances start in `pending`.
// Errors: kInvalidAmiIdMalformed/NotFound, kInvalidParameterValue (type, counts, AZ),
// kInvalidKeyPairNotFound, kInvalidGroupNotFound, kInvalidSubnetIdNotFound,
// kVcpuLimitExceeded, kInstanceLimitExceeded (1000 non-terminated instances per Region),
// kInvalidParameterCombination (subnet vs AZ).
Result<std::string> RunInstances(World& world, Scope& scope, const LaunchSpec& spec);

struct StateChange {
  std::string instance_id;
  InstanceState previous;
  InstanceState current;
};

// All-or-nothing on ids: one malformed or unknown id fails the whole call and changes nothing.
Result<std::vector<StateChange>> StartInstances(World& world, Scope& scope,
                                                const std::vector<std::string>& ids);
Result<std::vector<StateChange>> StopInstances(World& world, Scope& scope,
                                               const std::vector<std::string>& ids);
Result<std::vector<StateChange>> TerminateInstances(World& world, Scope& scope,
                                                    const std::vector<std::string>& ids);
Status RebootInstances(World& world, Scope& scope, const std::vector<std::string>& ids);

// Schedules the pending -> running transition of a launched or started instance.
void SchedulePendingToRunning(World& world, Scope& scope, Instance& inst, Duration delay);

// Checks the shape of an instance id ("i-" + 8 or 17 hex digits).
bool IsWellFormedInstanceId(std::string_view id);
// The instance's primary network interface, or nullptr once it was deleted at termination.
NetworkInterface* PrimaryInterface(Scope& scope, const Instance& instance);
// Looks up one instance. Errors: kInvalidInstanceIdMalformed, kInvalidInstanceIdNotFound.
Result<Instance*> FindInstance(Scope& scope, std::string_view id);
// Validates a list of ids as EC2 does (malformed first, then every missing id named at once).
Status CheckInstanceIds(Scope& scope, const std::vector<std::string>& ids);
// As CheckInstanceIds, and the instances named, in the order of `ids` (repeats kept).
Result<std::vector<Instance*>> ResolveInstances(Scope& scope, const std::vector<std::string>& ids);

// The public IPv4 of an instance (auto-assigned or Elastic), or 0.
Ipv4 PublicIpOf(Scope& scope, const Instance& instance);
// Gives a running instance without a public address a new auto-assigned one (after an EIP is
// disassociated). No-op when the instance does not want one or is not running.
void AssignAutoPublicIp(World& world, Scope& scope, Instance& instance);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_INSTANCES_H_
