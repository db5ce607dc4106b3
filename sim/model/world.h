// World: every simulated account and region, the clock they share and the public address pools.
#ifndef EC2SIM_MODEL_WORLD_H_
#define EC2SIM_MODEL_WORLD_H_

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ec2sim/options.h"
#include "ec2sim/result.h"
#include "sim/engine/event_queue.h"
#include "sim/engine/rng.h"
#include "sim/model/network/conntrack.h"
#include "sim/model/scope.h"

namespace ec2sim::model {

// A change to a resource that costs money or matters to an observer (billing, journals).
// The model emits these; it never knows who listens. The text fields view the model's own
// strings and live only as long as the World::Emit call: a listener copies what it keeps.
struct ResourceEvent {
  enum class Kind {
    kInstanceState,         // detail: new state name; detail2: instance type
    kPublicIpAttached,      // resource: interface id; address; detail2: allocation id or ""
    kPublicIpDetached,      // same fields as kPublicIpAttached
    kAddressAllocated,      // resource: allocation id; address
    kAddressReleased,       // resource: allocation id; address
    kAddressAssociated,     // resource: allocation id; detail: instance id
    kAddressDisassociated,  // resource: allocation id; detail: instance id
    kVolumeCreated,         // resource: volume id; detail: volume type; size_gib, iops, mibps
    kVolumeDeleted,         // same fields as kVolumeCreated
    kNatGatewayState,       // resource: NAT gateway id; detail: new state name
    // Data moved along a path that AWS bills (sim/model/vpc/traffic.h). resource: the instance or
    // NAT gateway billed; detail: the usage type without region prefix ("DataTransfer-Out-Bytes",
    // "DataTransfer-Regional-Bytes", "NatGateway-Bytes", "AWS-Out-Bytes"); detail2: the other
    // region for "AWS-Out-Bytes"; mib. serial is 0: transfers are not resources.
    kDataTransfer,
    // The instance's declared CPU load or credit option changed (scenario verb `cpu`,
    // ModifyInstanceCreditSpecification): percent; detail: "standard" or "unlimited".
    kCpuLoad,
    kSnapshotCreated,  // resource: snapshot id; size_gib: the volume size it was taken of
    kSnapshotDeleted,  // same fields as kSnapshotCreated
  };
  Kind kind = Kind::kInstanceState;
  std::string_view account;
  std::string_view region;
  std::string_view resource_id;
  std::string_view detail;
  std::string_view detail2;
  // The resource's World::NewSerial number: small, dense and never reused, so listeners can keep
  // per-resource state in an array indexed by it.
  std::uint64_t serial = 0;
  Ipv4 address = 0;
  int size_gib = 0;
  int iops = 0;          // kVolumeCreated: provisioned IOPS (0 for types without a figure)
  int mibps = 0;         // kVolumeCreated: provisioned throughput in MiB/s (gp3 only)
  std::int64_t mib = 0;  // kDataTransfer: MiB moved (1 GB as AWS bills data = 1,024 MiB)
  int percent = 0;       // kCpuLoad: CPU utilization, 0..100
  SimTime at = 0;        // set by World::Emit
};

// Durations of state transitions in Timing::kRealistic (documented in docs/model.md).
struct TransitionTimes {
  Duration launch = 12 * kSecond;        // pending -> running after RunInstances
  Duration start = 10 * kSecond;         // pending -> running after StartInstances
  Duration stop = 20 * kSecond;          // stopping -> stopped
  Duration terminate = 15 * kSecond;     // shutting-down -> terminated
  Duration terminated_visible = kHour;   // terminated records stay describable this long
  Duration status_checks = 2 * kMinute;  // status checks report "initializing" this long
  Duration nat_create = 2 * kMinute;     // NAT gateway pending -> available (or failed)
  Duration nat_delete = kMinute;         // NAT gateway deleting -> deleted
  Duration nat_gone_visible = kHour;     // deleted or failed NAT gateways stay describable
  Duration volume_create = 5 * kSecond;  // EBS volume creating -> available
  Duration volume_attach = 3 * kSecond;  // attachment attaching -> attached
  Duration volume_detach = 3 * kSecond;  // attachment detaching -> volume available
  Duration volume_modify = kMinute;      // ModifyVolume: modifying -> optimizing
  Duration volume_tuned = 10 * kMinute;  // ModifyVolume: optimizing -> completed
  Duration snap_create = 2 * kMinute;    // EBS snapshot (or copy) pending -> completed
};

class World {
 public:
  explicit World(const SandboxOptions& options);

  engine::Simulation& sim() { return sim_; }
  SimTime now() const { return sim_.now(); }
  engine::Rng& rng() { return rng_; }
  const SandboxOptions& options() const { return options_; }
  // Transition durations for the configured timing (all zero for kInstant, except how long
  // terminated records stay visible).
  const TransitionTimes& times() const { return times_; }

  // The account's resources in a region, created with the region's default VPC on first use.
  // Errors: kInvalidParameterValue for an unknown region, naming close matches.
  Result<Scope*> GetScope(const std::string& account, const std::string& region);
  // Existing scope or nullptr; never creates.
  Scope* FindScope(const std::string& account, const std::string& region);
  // Whether `account` may use `region`: regions enabled by default always, opt-in regions when
  // SandboxOptions::opted_in_regions lists them or OptInRegion enabled them for the account.
  bool RegionEnabled(const std::string& account, const RegionInfo& region) const;
  // Enables the opt-in region `region_code` for `account` (precondition: a known region).
  void OptInRegion(const std::string& account, const std::string& region_code) {
    account_opt_ins_.insert({account, region_code});
  }
  // Every scope, ordered by (account, region).
  std::vector<Scope*> AllScopes();
  // Forgets everything `account` owns in every region: its scopes, the public addresses they
  // held (back to the pool), its pending transitions and the probes' connections that touch it.
  // Events already scheduled for its resources become no-ops. Emits no resource events (billing
  // forgets the account separately). Returns whether the account had any scope.
  bool DropAccount(const std::string& account);

  // A number for a new resource that events carry (ResourceEvent::serial): 1, 2, 3, ... in
  // creation order across the world, never reused.
  std::uint64_t NewSerial() { return ++last_serial_; }
  // A fresh id "prefix-" + 17 hex digits.
  std::string NewId(std::string_view prefix) { return rng_.ResourceId(prefix); }
  // An id "prefix-" + 17 hex digits that follows from the world's seed and `parent` alone,
  // leaving the main id sequence untouched: the default VPC's gateway, route table and
  // associations take theirs this way, so adding them kept every other seeded id as it was.
  std::string DerivedId(std::string_view prefix, std::string_view parent);

  // Takes a free public address from the region's pool, never `avoid` (so a restarted instance
  // gets a different address). No two live resources share an address.
  Ipv4 TakePublicIp(const RegionInfo& region, Ipv4 avoid = 0);
  // Marks a specific free address as taken (recovering a released Elastic IP).
  void TakeSpecificPublicIp(Ipv4 ip) { public_in_use_.insert(ip); }
  void ReturnPublicIp(Ipv4 ip) { public_in_use_.erase(ip); }
  bool PublicIpInUse(Ipv4 ip) const { return public_in_use_.count(ip) > 0; }

  void Subscribe(std::function<void(const ResourceEvent&)> listener) {
    listeners_.push_back(std::move(listener));
  }
  // Stamps the event with now() and hands it to every listener, in subscription order.
  void Emit(ResourceEvent event);

  // Connections opened by probes (sim/model/network/conntrack.h).
  network::ConnectionTable& connections() { return connections_; }

 private:
  SandboxOptions options_;
  TransitionTimes times_;
  engine::Simulation sim_;
  engine::Rng rng_;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<Scope>> scopes_;
  // Emptied scopes of dropped accounts: queued events still hold their addresses.
  std::vector<std::unique_ptr<Scope>> retired_scopes_;
  std::unordered_set<Ipv4> public_in_use_;
  std::set<std::pair<std::string, std::string>> account_opt_ins_;  // (account, region)
  std::uint64_t last_serial_ = 0;
  std::vector<std::function<void(const ResourceEvent&)>> listeners_;
  network::ConnectionTable connections_;
};

// Helpers shared by the operation files.
Ipv4 AllocatePrivateIp(World& world, Subnet& subnet);
std::string NewMac(World& world);
// A new interface in `subnet`: its id, serial, subnet, VPC, AZ and MAC address, drawn in that
// order; the caller adds the private address and the rest.
NetworkInterface NewInterfaceIn(World& world, const Subnet& subnet);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_WORLD_H_
