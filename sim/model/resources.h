// The simulated resources of one account in one region, as plain data. Operations on them live
// in instances.h, addresses.h, key_pairs.h and security_groups.h; rendering to EC2's JSON shapes
// lives in the action layer.
#ifndef EC2SIM_MODEL_RESOURCES_H_
#define EC2SIM_MODEL_RESOURCES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ec2sim/sim_time.h"
#include "sim/engine/event_queue.h"
#include "sim/model/id_map.h"
#include "sim/model/ip.h"
#include "sim/model/regions.h"

namespace ec2sim::model {

struct Tag {
  std::string key;
  std::string value;
};
using TagList = std::vector<Tag>;  // insertion order, unique keys

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

struct Vpc {
  std::string id;
  Cidr4 cidr;
  bool is_default = false;
  bool dns_hostnames = true;
  bool dns_support = true;
  std::string dhcp_options_id;
  std::string default_group_id;
  std::string default_acl_id;
  TagList tags;
};

struct Subnet {
  std::string id;
  std::string vpc_id;
  std::string az;
  std::string az_id;
  Cidr4 cidr;
  bool default_for_az = false;
  bool map_public_ip_on_launch = false;
  std::set<Ipv4> used;  // private addresses handed out
  TagList tags;
  // AWS reserves the first four addresses and the last one of every subnet.
  std::uint64_t available() const { return cidr.size() - 5 - used.size(); }
};

// One security-group rule as EC2 stores it (one peer per rule).
struct SgRule {
  enum class Peer { kCidr4, kCidr6, kGroup, kPrefixList };
  std::string rule_id;  // "sgr-..."
  bool egress = false;
  std::string protocol;  // "-1", "tcp", "udp", "icmp", "icmpv6" or a protocol number
  int from_port = -1;    // ICMP: type
  int to_port = -1;      // ICMP: code
  Peer peer = Peer::kCidr4;
  std::string peer_value;    // canonical CIDR, group id or prefix-list id
  std::string peer_user_id;  // owner of a referenced group
  std::string description;
  TagList tags;
};

struct SecurityGroup {
  std::string id;
  std::string name;
  std::string description;
  std::string vpc_id;
  std::vector<SgRule> rules;  // ingress and egress, in the order they were added
  TagList tags;
};

struct NetworkAclEntry {
  int rule_number = 0;  // 32767 for the fixed "*" IPv4 rule
  bool egress = false;
  std::string protocol;  // "-1" or a protocol number ("6", "17", "1", "58")
  bool allow = false;
  std::optional<Cidr4> cidr4;
  std::optional<Cidr6> cidr6;
  int port_from = -1, port_to = -1;
  int icmp_type = -1, icmp_code = -1;
};

struct NetworkAcl {
  std::string id;
  std::string vpc_id;
  bool is_default = false;
  std::vector<NetworkAclEntry> entries;
  std::map<std::string, std::string> associations;  // subnet id -> "aclassoc-..."
  TagList tags;
};

struct NetworkInterface {
  std::string id;
  std::uint64_t serial = 0;  // World::NewSerial, carried by its resource events
  // Public IPv4 mapped to this interface: auto-assigned (allocation_id empty) or an Elastic IP.
  // (Next to the id: every stop and start touches these.)
  Ipv4 public_ip = 0;
  std::string public_allocation_id;
  std::string subnet_id;
  std::string vpc_id;
  std::string az;
  std::string description;
  std::string mac;
  Ipv4 private_ip = 0;
  std::vector<std::string> group_ids;
  std::string instance_id;  // empty when detached
  std::string attachment_id;
  SimTime attach_time = 0;
  bool delete_on_termination = true;
  bool source_dest_check = true;
  TagList tags;
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
  std::string root_device_name;
  std::string platform;  // "" for Linux, "windows"
  std::string architecture;
  bool hourly_billing = false;
  bool disable_api_termination = false;
  std::string shutdown_behavior = "stop";
  std::string client_token;
  SimTime terminated_at = -1;
  TagList tags;
};

struct Address {
  std::string allocation_id;  // "eipalloc-..."
  std::uint64_t serial = 0;   // World::NewSerial, carried by its resource events
  Ipv4 public_ip = 0;
  std::string association_id;  // "eipassoc-..." while associated
  std::string instance_id;
  std::string eni_id;
  Ipv4 private_ip = 0;
  SimTime allocated_at = 0;
  TagList tags;
};

struct KeyPairRecord {
  std::string key_pair_id;  // "key-..."
  std::string name;
  std::string type;  // "rsa" or "ed25519"
  std::string fingerprint;
  std::string public_key;
  SimTime create_time = 0;
  TagList tags;
};

struct Reservation {
  std::string id;
  std::vector<std::string> instance_ids;
};

// Everything one account owns in one region.
struct Scope {
  std::string account;
  const RegionInfo* region = nullptr;
  std::string default_vpc_id;
  IdMap<Vpc, InlineId> vpcs;
  IdMap<Subnet, InlineId> subnets;
  IdMap<SecurityGroup, InlineId> groups;
  IdMap<NetworkAcl, InlineId> acls;
  IdMap<NetworkInterface, InlineId> interfaces;
  IdMap<Volume, InlineId> volumes;
  IdMap<Instance, InlineId> instances;
  IdMap<Address, InlineId> addresses;
  IdMap<KeyPairRecord> key_pairs;  // keyed by key name
  std::map<std::string, Reservation> reservations;
  // Ended Elastic IP associations: disassociating one again is a no-op, not an error.
  std::set<std::string> ended_associations;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_RESOURCES_H_
