// Meters: what existed, and when, for everything that can cost money. They record facts only
// (an instance ran from t1 to t2, a volume of 8 GiB gp3 existed from t3); pricing policy, rates
// and the free tier are applied later, when an invoice is built. Each state change appends or
// closes one span, so memory and work grow with the number of changes, never with the length
// of simulated time.
#ifndef EC2SIM_MODEL_BILLING_METERS_H_
#define EC2SIM_MODEL_BILLING_METERS_H_

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ec2sim/sim_time.h"
#include "sim/model/catalog.h"

namespace ec2sim::billing {

// A span of simulated time [from, to); `to` is kOpen while it lasts.
struct Span {
  SimTime from = 0;
  SimTime to = 0;
  bool open() const;
};
inline constexpr SimTime kOpen = std::numeric_limits<SimTime>::max();
inline bool Span::open() const { return to == kOpen; }

// From `at` on, the instance's CPU utilization is `percent` (0..100, the scenario verb `cpu`) and
// its credit option `unlimited` or standard (sim/model/billing/cpu_credits.h).
struct CpuMark {
  SimTime at = 0;
  int percent = 0;
  bool unlimited = false;
};

// The spans an instance spent in `running`, in order and disjoint.
struct InstanceMeter {
  std::string id;
  std::string region;
  std::string instance_type;
  model::OsFamily os = model::OsFamily::kLinux;
  bool hourly = false;  // the image is billed per started hour (Windows in the catalog)
  std::vector<Span> runs;
  std::vector<CpuMark> cpu;  // in time order; empty: never under declared CPU load
};

struct VolumeMeter {
  std::string id;
  std::string region;
  std::string volume_type;  // "gp3"
  std::int64_t size_gib = 0;
  std::int64_t iops = 0;   // provisioned IOPS (gp3: the 3,000 included ones count too)
  std::int64_t mibps = 0;  // provisioned throughput, MiB/s (gp3 only)
  Span life;
};

// An EBS snapshot, billed on the size of the volume it was taken of for its life.
struct SnapshotMeter {
  std::string id;
  std::string region;
  std::int64_t size_gib = 0;
  Span life;
};

// An auto-assigned public IPv4 on one network interface: one span per address it held.
struct AutoIpMeter {
  std::string interface_id;
  std::string owner_id;  // the instance the interface belonged to, else the interface id
  std::string region;
  std::vector<Span> attached;
};

struct Association {
  Span span;
  std::string instance_id;
};

// An Elastic IP: allocated for `life`, associated during `associations` (each start is a remap
// for the legacy pricing rule).
struct ElasticIpMeter {
  std::string allocation_id;
  std::string region;
  Span life;
  std::vector<Association> associations;
};

// A NAT gateway: the spans it was pending or available (billed per hour or part of one).
struct NatGatewayMeter {
  std::string id;
  std::string region;
  std::vector<Span> billed;
};

// Data moved at an instant, in MiB (1 GB as AWS bills data transfer = 1,024 MiB).
struct TransferAmount {
  SimTime at = 0;
  std::int64_t mib = 0;
};

// The data one resource moved under one usage type ("DataTransfer-Out-Bytes",
// "DataTransfer-Regional-Bytes", "NatGateway-Bytes", or "AWS-Out-Bytes" to `peer_region`).
struct TransferMeter {
  std::string usage_base;
  std::string resource_id;
  std::string region;
  std::string peer_region;
  std::vector<TransferAmount> amounts;  // in time order
};

// Resource id -> position in a list of meters, for lookups by id when an invoice is built (the
// ledger finds the meters of events by resource serial). Never iterated, so its order cannot reach
// an invoice.
class MeterIndex {
 public:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  // The position of `id`, or kNone.
  std::size_t Find(std::string_view id) const;
  // Precondition: `id` is not in the index.
  void Add(std::string_view id, std::size_t position);

 private:
  // Hashes views like strings, so a lookup by an event's view builds no string.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
  };
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> positions_;
};

// Everything one account was ever billed for, in creation order per kind.
struct AccountMeters {
  std::vector<InstanceMeter> instances;
  std::vector<VolumeMeter> volumes;
  std::vector<AutoIpMeter> auto_ips;
  std::vector<ElasticIpMeter> elastic_ips;
  std::vector<NatGatewayMeter> nat_gateways;
  std::vector<TransferMeter> transfers;
  // (usage base, resource, peer region) -> position in `transfers`; transfers carry no serial.
  std::map<std::string, std::size_t, std::less<>> transfer_index;
  MeterIndex instance_index;           // Elastic IP associations name instances by id
  std::vector<std::uint64_t> serials;  // the world serial of every resource metered here
  std::vector<SnapshotMeter> snapshots;

  const InstanceMeter* FindInstance(std::string_view id) const;
};

// Opens a span at `at` unless the last one is still open.
void OpenSpan(std::vector<Span>& spans, SimTime at);
// Closes the last span at `at` if it is open.
void CloseSpan(std::vector<Span>& spans, SimTime at);

// `span` clipped to [from, to); empty (from >= to) when they do not overlap.
Span Clip(const Span& span, SimTime from, SimTime to);

// The parts of `outer` not covered by `holes` (sorted by start, disjoint), in order.
std::vector<Span> Subtract(const Span& outer, const std::vector<Span>& holes);
// The parts of `sorted` (sorted by start, disjoint) inside `span`, in order; O(log n + output).
std::vector<Span> Overlap(const Span& span, const std::vector<Span>& sorted);

}  // namespace ec2sim::billing

#endif  // EC2SIM_MODEL_BILLING_METERS_H_
