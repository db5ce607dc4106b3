#include "sim/model/billing/usage.h"

#include <algorithm>

#include "sim/model/billing/cpu_credits.h"
#include "sim/model/billing/network_rates.h"

namespace ec2sim::billing {
namespace {

constexpr Duration kPerSecondMinimum = kMinute;

// Milliseconds a run is billed beyond its length: up to 60 s for per-second billing, up to the
// end of the started hour (at least one) for hourly billing.
Duration TopUp(Duration length, bool hourly) {
  if (!hourly) return std::max<Duration>(0, kPerSecondMinimum - length);
  Duration hours = std::max<Duration>(1, (length + kHour - 1) / kHour);
  return hours * kHour - length;
}

void AddInstance(const InstanceMeter& m, SimTime now, std::vector<UsageLine>& out) {
  UsageLine line;
  line.usage_type = UsageType(m.region, "BoxUsage:" + m.instance_type);
  line.resource_id = m.id;
  line.region = m.region;
  line.unit = "Hrs";
  line.measure = Measure::kHours;
  line.rate = InstanceRate(m.region, m.instance_type, m.os);
  std::string os(model::OsFamilyName(m.os));
  os[0] = static_cast<char>(os[0] - 'a' + 'A');
  line.description = "On-demand " + os + " " + m.instance_type + " instance-hour" +
                     (m.hourly ? ", billed per started hour"
                               : ", billed per second with a 60 s minimum per start");
  if (m.os == model::OsFamily::kLinux && m.instance_type == FreeTierInstanceType(m.region)) {
    line.pool = Pool::kFreeInstanceHours;
  }
  for (const Span& run : m.runs) {
    SimTime end = std::min(run.to, now);
    Duration extra = TopUp(end - run.from, m.hourly);
    if (extra > 0) line.points.push_back(Point{std::max(run.from, end - 1), extra});
  }
  line.Borrow(m.runs);
  out.push_back(std::move(line));
}

void AddVolume(const VolumeMeter& m, std::vector<UsageLine>& out) {
  UsageLine line;
  line.usage_type = UsageType(m.region, VolumeUsageBase(m.volume_type));
  line.resource_id = m.id;
  line.region = m.region;
  line.unit = "GB-Mo";
  line.measure = Measure::kGbMonths;
  line.weight = m.size_gib;
  line.rate = VolumeRate(m.region, m.volume_type);
  line.description = m.volume_type + " volume storage, per GB-month of provisioned size";
  if (FreeTierVolumeType(m.volume_type)) line.pool = Pool::kFreeEbs;
  line.Own({m.life});
  out.push_back(std::move(line));
}

// EBS snapshot storage (usage type EBS:SnapshotUsage, as on AWS's EBS billing-code list). EBS
// bills the blocks a snapshot stores; the simulator keeps no blocks and bills the full size of
// the volume, what the first snapshot of a full volume stores.
void AddSnapshot(const SnapshotMeter& m, std::vector<UsageLine>& out) {
  UsageLine line;
  line.usage_type = UsageType(m.region, "EBS:SnapshotUsage");
  line.resource_id = m.id;
  line.region = m.region;
  line.unit = "GB-Mo";
  line.measure = Measure::kGbMonths;
  line.weight = m.size_gib;
  line.rate = SnapshotRate(m.region);
  line.description = "EBS snapshot storage (standard tier), per GB-month of volume size";
  line.Own({m.life});
  out.push_back(std::move(line));
}

// One line of provisioned performance: `amount` IOPS or MiB/s for the volume's life, accrued
// like storage (per unit-month, prorated by the second).
void AddVolumePerformance(const VolumeMeter& m, const std::string& base, const char* charge,
                          const char* unit, std::int64_t amount, std::string description,
                          std::vector<UsageLine>& out) {
  if (amount <= 0) return;
  UsageLine line;
  line.usage_type = UsageType(m.region, base);
  line.resource_id = m.id;
  line.region = m.region;
  line.unit = unit;
  line.measure = Measure::kGbMonths;
  line.weight = amount;
  line.rate = VolumePerformanceRate(m.region, charge);
  line.description = std::move(description);
  line.Own({m.life});
  out.push_back(std::move(line));
}

// What AWS charges beyond storage (https://aws.amazon.com/ebs/pricing/): gp3 IOPS above 3,000 and
// throughput above 125 MiB/s; every provisioned IOPS of io1; io2's IOPS in tiers of up to 32,000,
// 32,001 to 64,000 and more. Usage types as on AWS's EBS billing-code list: EBS:VolumeP-IOPS.gp3,
// EBS:VolumeP-Throughput.gp3, EBS:VolumeP-IOPS.piops (io1), EBS:VolumeP-IOPS.io2(.tier2/.tier3).
void AddVolumePerformanceLines(const VolumeMeter& m, std::vector<UsageLine>& out) {
  const char* kIops = "IOPS-Mo";
  if (m.volume_type == "gp3") {
    AddVolumePerformance(m, "EBS:VolumeP-IOPS.gp3", "gp3-iops", kIops, m.iops - 3000,
                         "gp3 IOPS provisioned above the included 3,000, per IOPS-month", out);
    AddVolumePerformance(
        m, "EBS:VolumeP-Throughput.gp3", "gp3-throughput", "MiBps-Mo", m.mibps - 125,
        "gp3 throughput provisioned above the included 125 MiB/s, per MiB/s-month", out);
  } else if (m.volume_type == "io1") {
    AddVolumePerformance(m, "EBS:VolumeP-IOPS.piops", "io1-iops", kIops, m.iops,
                         "io1 provisioned IOPS, per IOPS-month", out);
  } else if (m.volume_type == "io2") {
    constexpr std::int64_t kTier = 32'000;
    AddVolumePerformance(m, "EBS:VolumeP-IOPS.io2", "io2-iops-tier1", kIops,
                         std::min(m.iops, kTier),
                         "io2 provisioned IOPS up to 32,000, per IOPS-month", out);
    AddVolumePerformance(m, "EBS:VolumeP-IOPS.io2.tier2", "io2-iops-tier2", kIops,
                         std::clamp<std::int64_t>(m.iops - kTier, 0, kTier),
                         "io2 provisioned IOPS 32,001 to 64,000, per IOPS-month", out);
    AddVolumePerformance(m, "EBS:VolumeP-IOPS.io2.tier3", "io2-iops-tier3", kIops,
                         m.iops - 2 * kTier, "io2 provisioned IOPS above 64,000, per IOPS-month",
                         out);
  }
}

UsageLine IpLine(const std::string& region, const std::string& base, const std::string& id,
                 std::string description) {
  UsageLine line;
  line.usage_type = UsageType(region, base);
  line.resource_id = id;
  line.region = region;
  line.unit = "IP-Hrs";
  line.measure = Measure::kHours;
  line.rate = Rate{kPublicIpv4MicroUsdPerHour};
  line.description = std::move(description);
  return line;
}

std::vector<Span> AssociationSpans(const ElasticIpMeter& m) {
  std::vector<Span> spans;
  for (const Association& a : m.associations) {
    Span s = Clip(a.span, m.life.from, m.life.to);
    if (s.from <= s.to) spans.push_back(s);
  }
  return spans;
}

void AddElasticIp2024(const ElasticIpMeter& m, std::vector<UsageLine>& out) {
  std::vector<Span> in_use = AssociationSpans(m);
  UsageLine idle = IpLine(m.region, "PublicIPv4:IdleAddress", m.allocation_id,
                          "Public IPv4 address allocated but not associated, per hour");
  idle.Own(Subtract(m.life, in_use));
  out.push_back(std::move(idle));
  UsageLine used = IpLine(m.region, "PublicIPv4:InUseAddress", m.allocation_id,
                          "Public IPv4 address in use, per hour");
  used.pool = Pool::kFreePublicIpv4;
  used.Own(std::move(in_use));
  out.push_back(std::move(used));
}

void AddElasticIpLegacy(const ElasticIpMeter& m, const AccountMeters& meters,
                        std::vector<UsageLine>& out) {
  // Free while associated with an instance that is running; charged for the rest of its life.
  std::vector<Span> free;
  for (const Association& a : m.associations) {
    // No instance: a NAT gateway's interface holds it, which the legacy rule did not charge.
    if (a.instance_id.empty()) {
      Span s = Clip(a.span, m.life.from, m.life.to);
      if (s.from <= s.to) free.push_back(s);
      continue;
    }
    const InstanceMeter* inst = meters.FindInstance(a.instance_id);
    if (inst == nullptr) continue;
    for (const Span& s : Overlap(Clip(a.span, m.life.from, m.life.to), inst->runs)) {
      free.push_back(s);
    }
  }
  UsageLine idle = IpLine(m.region, "ElasticIP:IdleAddress", m.allocation_id,
                          "Elastic IP not associated with a running instance, per hour");
  idle.Own(Subtract(m.life, free));
  out.push_back(std::move(idle));

  UsageLine remaps;
  remaps.usage_type = UsageType(m.region, "ElasticIP:Remap");
  remaps.resource_id = m.allocation_id;
  remaps.region = m.region;
  remaps.unit = "Count";
  remaps.measure = Measure::kCount;
  remaps.rate = Rate{kRemapMicroUsd};
  remaps.pool = Pool::kRemaps;
  remaps.description = "Elastic IP remap; the first 100 a month in a region are free";
  for (const Association& a : m.associations) remaps.points.push_back(Point{a.span.from, 1});
  out.push_back(std::move(remaps));
}

// Billed per NAT gateway-hour, a started hour counting as a whole one (Amazon VPC pricing:
// "Each partial NAT gateway-hour consumed is billed as a full hour").
void AddNatGateway(const NatGatewayMeter& m, SimTime now, std::vector<UsageLine>& out) {
  UsageLine line;
  line.usage_type = UsageType(m.region, kNatHoursBase);
  line.resource_id = m.id;
  line.region = m.region;
  line.unit = "Hrs";
  line.measure = Measure::kHours;
  line.rate = NatGatewayHourRate(m.region);
  line.description = "NAT gateway-hour, a partial hour billed as a full hour";
  for (const Span& life : m.billed) {
    SimTime end = std::min(life.to, now);
    Duration extra = TopUp(end - life.from, /*hourly=*/true);
    if (extra > 0) line.points.push_back(Point{std::max(life.from, end - 1), extra});
  }
  line.Borrow(m.billed);
  out.push_back(std::move(line));
}

void AddTransfer(const TransferMeter& m, std::vector<UsageLine>& out) {
  UsageLine line;
  line.usage_type = TransferUsageType(m.region, m.usage_base, m.peer_region);
  line.resource_id = m.resource_id;
  line.region = m.region;
  line.unit = "GB";
  line.measure = Measure::kGigabytes;
  if (m.usage_base == kDataOutBase) {
    line.rate = DataOutGbRate(m.region);
    line.pool = Pool::kFreeDataOut;
    line.description =
        "Data transfer out to the internet, per GB; the first 100 GB a month "
        "across all regions are free";
  } else if (m.usage_base == kRegionalBase) {
    line.rate = RegionalGbRate(m.region);
    line.description =
        "Data transfer between Availability Zones (or over public addresses) in "
        "one region, per GB on each side";
  } else if (m.usage_base == kNatBytesBase) {
    line.rate = NatGatewayGbRate(m.region);
    line.description = "Data processed by the NAT gateway, per GB";
  } else {
    line.rate = InterRegionGbRate(m.region);
    line.description = "Data transfer to " + m.peer_region + ", per GB";
  }
  for (const TransferAmount& a : m.amounts) line.points.push_back(Point{a.at, a.mib});
  out.push_back(std::move(line));
}

}  // namespace

const char* PricingPolicyName(PricingPolicy policy) {
  return policy == PricingPolicy::kLegacyEip ? "legacy-eip" : "public-ipv4-2024";
}

std::vector<UsageLine> BuildUsage(const AccountMeters& meters, PricingPolicy policy,
                                  const std::string& region, SimTime now) {
  auto wanted = [&region](const std::string& r) { return region.empty() || r == region; };
  std::vector<UsageLine> out;
  for (const InstanceMeter& m : meters.instances) {
    if (wanted(m.region)) AddInstance(m, now, out);
  }
  for (const InstanceMeter& m : meters.instances) {
    if (wanted(m.region) && !m.cpu.empty()) AddCpuCreditLine(m, now, out);
  }
  for (const VolumeMeter& m : meters.volumes) {
    if (!wanted(m.region)) continue;
    AddVolume(m, out);
    AddVolumePerformanceLines(m, out);
  }
  for (const SnapshotMeter& m : meters.snapshots) {
    if (wanted(m.region)) AddSnapshot(m, out);
  }
  for (const ElasticIpMeter& m : meters.elastic_ips) {
    if (!wanted(m.region)) continue;
    if (policy == PricingPolicy::kLegacyEip) {
      AddElasticIpLegacy(m, meters, out);
    } else {
      AddElasticIp2024(m, out);
    }
  }
  for (const NatGatewayMeter& m : meters.nat_gateways) {
    if (wanted(m.region)) AddNatGateway(m, now, out);
  }
  for (const TransferMeter& m : meters.transfers) {
    if (wanted(m.region)) AddTransfer(m, out);
  }
  // Before 2024 an auto-assigned address cost nothing.
  if (policy == PricingPolicy::kPublicIpv4_2024) {
    for (const AutoIpMeter& m : meters.auto_ips) {
      if (!wanted(m.region)) continue;
      UsageLine line = IpLine(m.region, "PublicIPv4:InUseAddress", m.owner_id,
                              "Public IPv4 address in use, per hour");
      line.pool = Pool::kFreePublicIpv4;
      line.Borrow(m.attached);
      out.push_back(std::move(line));
    }
  }
  return out;
}

}  // namespace ec2sim::billing
