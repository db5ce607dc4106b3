#include "sim/model/billing/ledger.h"

#include <algorithm>
#include <cassert>

#include "sim/model/regions.h"

namespace ec2sim::billing {
namespace {

using Kind = model::ResourceEvent::Kind;

// The meter of the event's resource in `list`, added on its first event.
// `position_of_serial` maps a world serial to 1 + the meter's position in its list (0: none yet).
template <typename Meter>
Meter& FindOrAdd(std::vector<Meter>& list, AccountMeters& acct,
                 std::vector<std::uint32_t>& position_of_serial, const model::ResourceEvent& event,
                 bool& added) {
  assert(event.serial != 0 && "resource events carry the resource's world serial");
  if (event.serial >= position_of_serial.size()) {
    position_of_serial.resize(
        std::max<std::size_t>(2 * position_of_serial.size(), event.serial + 1));
  }
  std::uint32_t& slot = position_of_serial[event.serial];
  added = slot == 0;
  if (added) {
    slot = static_cast<std::uint32_t>(list.size() + 1);
    acct.serials.push_back(event.serial);
    list.emplace_back();
  }
  return list[slot - 1];
}

// The meters of an account that never had a billable resource.
const AccountMeters& NoMeters() {
  static const auto* none = new AccountMeters();
  return *none;
}

}  // namespace

Ledger::Ledger(model::World& world) : world_(world) {
  world_.Subscribe([this](const model::ResourceEvent& event) { OnEvent(event); });
}

void Ledger::Forget(const std::string& account) {
  auto it = accounts_.find(account);
  if (it != accounts_.end()) {
    for (std::uint64_t serial : it->second.serials) position_of_serial_[serial] = 0;
    accounts_.erase(it);
  }
  if (last_account_id_ == account) {
    last_account_ = nullptr;
    last_account_id_.clear();
  }
}

void Ledger::OnEvent(const model::ResourceEvent& event) {
  ++events_;
  // The events of one call all belong to one account.
  if (last_account_ == nullptr || event.account != last_account_id_) {
    auto it = accounts_.find(event.account);
    if (it == accounts_.end())
      it = accounts_.emplace(std::string(event.account), AccountMeters{}).first;
    last_account_ = &it->second;
    last_account_id_ = event.account;
  }
  AccountMeters& acct = *last_account_;
  switch (event.kind) {
    case Kind::kInstanceState:
      OnInstanceState(acct, event);
      break;
    case Kind::kPublicIpAttached:
    case Kind::kPublicIpDetached:
      OnPublicIp(acct, event, event.kind == Kind::kPublicIpAttached);
      break;
    case Kind::kAddressAllocated:
    case Kind::kAddressReleased:
    case Kind::kAddressAssociated:
    case Kind::kAddressDisassociated:
      OnAddress(acct, event);
      break;
    case Kind::kVolumeCreated:
    case Kind::kVolumeDeleted:
      OnVolume(acct, event, event.kind == Kind::kVolumeCreated);
      break;
    case Kind::kNatGatewayState:
      OnNatGateway(acct, event);
      break;
    case Kind::kSnapshotCreated:
    case Kind::kSnapshotDeleted:
      OnSnapshot(acct, event, event.kind == Kind::kSnapshotCreated);
      break;
    case Kind::kDataTransfer:
      OnTransfer(acct, event);
      break;
    case Kind::kCpuLoad:
      OnCpuLoad(acct, event);
      break;
  }
}

model::Scope* Ledger::ScopeOf(const model::ResourceEvent& event) {
  return world_.FindScope(std::string(event.account), std::string(event.region));
}

void Ledger::OnCpuLoad(AccountMeters& acct, const model::ResourceEvent& event) {
  InstanceMeter& m = InstanceMeterOf(acct, event);
  CpuMark mark{event.at, event.percent, event.detail == "unlimited"};
  // A later mark at the same instant replaces the earlier one.
  if (!m.cpu.empty() && m.cpu.back().at == mark.at) {
    m.cpu.back() = mark;
  } else {
    m.cpu.push_back(mark);
  }
}

void Ledger::OnInstanceState(AccountMeters& acct, const model::ResourceEvent& event) {
  InstanceMeter& m = InstanceMeterOf(acct, event);
  // Only `running` is billed: pending, stopping, stopped, shutting-down and terminated are not.
  if (event.detail == "running") {
    OpenSpan(m.runs, event.at);
  } else {
    CloseSpan(m.runs, event.at);
  }
}

InstanceMeter& Ledger::InstanceMeterOf(AccountMeters& acct, const model::ResourceEvent& event) {
  bool added = false;
  InstanceMeter& m = FindOrAdd(acct.instances, acct, position_of_serial_, event, added);
  if (added) {
    acct.instance_index.Add(event.resource_id, acct.instances.size() - 1);
    m.id = event.resource_id;
    m.region = event.region;
    m.instance_type = event.detail2;
    // The image decides how the instance is billed; the world still holds the instance here.
    if (model::Scope* scope = ScopeOf(event)) {
      if (const model::Instance* inst = scope->instances.Find(event.resource_id)) {
        m.os = inst->platform == "windows" ? model::OsFamily::kWindows : model::OsFamily::kLinux;
        m.hourly = inst->hourly_billing;
      }
    }
  }
  return m;
}

void Ledger::OnPublicIp(AccountMeters& acct, const model::ResourceEvent& event, bool attached) {
  // Elastic IPs are metered from their own allocation and association events.
  if (!event.detail2.empty()) return;
  bool added = false;
  AutoIpMeter& m = FindOrAdd(acct.auto_ips, acct, position_of_serial_, event, added);
  if (added) {
    m.interface_id = event.resource_id;
    m.owner_id = event.resource_id;
    m.region = event.region;
    if (model::Scope* scope = ScopeOf(event)) {
      const model::NetworkInterface* eni = scope->interfaces.Find(event.resource_id);
      if (eni != nullptr && !eni->instance_id.empty()) m.owner_id = eni->instance_id;
    }
  }
  if (attached) {
    OpenSpan(m.attached, event.at);
  } else {
    CloseSpan(m.attached, event.at);
  }
}

void Ledger::OnAddress(AccountMeters& acct, const model::ResourceEvent& event) {
  bool added = false;
  ElasticIpMeter& m = FindOrAdd(acct.elastic_ips, acct, position_of_serial_, event, added);
  if (added) {
    m.allocation_id = event.resource_id;
    m.region = event.region;
    m.life = Span{event.at, kOpen};
  }
  switch (event.kind) {
    case Kind::kAddressReleased:
      if (m.life.open()) m.life.to = event.at;
      break;
    case Kind::kAddressAssociated:
      m.associations.push_back(Association{Span{event.at, kOpen}, std::string(event.detail)});
      break;
    case Kind::kAddressDisassociated:
      if (!m.associations.empty() && m.associations.back().span.open()) {
        m.associations.back().span.to = event.at;
      }
      break;
    default:
      break;
  }
}

void Ledger::OnVolume(AccountMeters& acct, const model::ResourceEvent& event, bool created) {
  bool added = false;
  VolumeMeter& m = FindOrAdd(acct.volumes, acct, position_of_serial_, event, added);
  if (added) {
    m.id = event.resource_id;
    m.region = event.region;
    m.volume_type = event.detail;
    assert(event.size_gib > 0 && "volume size in GiB");
    m.size_gib = event.size_gib;
    m.iops = event.iops;
    m.mibps = event.mibps;
    m.life = Span{event.at, kOpen};
  }
  if (!created && m.life.open()) m.life.to = event.at;
}

void Ledger::OnSnapshot(AccountMeters& acct, const model::ResourceEvent& event, bool created) {
  bool added = false;
  SnapshotMeter& m = FindOrAdd(acct.snapshots, acct, position_of_serial_, event, added);
  if (added) {
    m.id = event.resource_id;
    m.region = event.region;
    m.size_gib = event.size_gib;
    m.life = Span{event.at, kOpen};
  }
  if (!created && m.life.open()) m.life.to = event.at;
}

void Ledger::OnNatGateway(AccountMeters& acct, const model::ResourceEvent& event) {
  bool added = false;
  NatGatewayMeter& m = FindOrAdd(acct.nat_gateways, acct, position_of_serial_, event, added);
  if (added) {
    m.id = event.resource_id;
    m.region = event.region;
  }
  // Billed from creation until it is deleted or failed (Amazon VPC pricing: "NAT gateway
  // hourly charge ... for each hour that your NAT gateway is provisioned and available").
  // One that fails while pending was never provisioned, and is not billed.
  if (event.detail == "pending" || event.detail == "available") {
    OpenSpan(m.billed, event.at);
  } else if (event.detail == "failed" && !m.billed.empty() && m.billed.back().open()) {
    m.billed.pop_back();
  } else {
    CloseSpan(m.billed, event.at);
  }
}

void Ledger::OnTransfer(AccountMeters& acct, const model::ResourceEvent& event) {
  std::string key = std::string(event.detail) + '\n' + std::string(event.resource_id) + '\n' +
                    std::string(event.detail2);
  auto [it, added] = acct.transfer_index.emplace(std::move(key), acct.transfers.size());
  if (added) {
    TransferMeter m;
    m.usage_base = event.detail;
    m.resource_id = event.resource_id;
    m.region = event.region;
    m.peer_region = event.detail2;
    acct.transfers.push_back(std::move(m));
  }
  // The data has arrived by `event.at`: stamped a millisecond earlier, it belongs to a bill that
  // ends now (bills count [from, to)), and a transfer at midnight to the month it ends.
  SimTime at = std::max(event.at - 1, world_.options().start);
  // Transfers at one instant add up in one point, so a loop of traffic steps that never moves
  // the clock keeps one point, not one per step.
  std::vector<TransferAmount>& amounts = acct.transfers[it->second].amounts;
  if (!amounts.empty() && amounts.back().at == at) {
    amounts.back().mib += event.mib;
  } else {
    amounts.push_back(TransferAmount{at, event.mib});
  }
}

BillingTerms Ledger::terms() const {
  const SandboxOptions& options = world_.options();
  return BillingTerms{options.pricing, options.free_tier, options.start};
}

BillingTerms Ledger::TermsFor(const BillRequest& request) const {
  BillingTerms t = terms();
  if (request.policy.has_value()) t.policy = *request.policy;
  return t;
}

const AccountMeters* Ledger::Meters(const std::string& account) const {
  auto it = accounts_.find(account);
  return it == accounts_.end() ? nullptr : &it->second;
}

Status Ledger::Check(const BillRequest& request) const {
  if (request.to < request.from) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "The billing period ends (" + FormatIsoTime(request.to) +
                         ") before it starts (" + FormatIsoTime(request.from) +
                         "): a period cannot have a negative duration");
  }
  if (request.to > world_.now()) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "The billing period ends at " + FormatIsoTime(request.to) +
                         ", after the simulated now (" + FormatIsoTime(world_.now()) +
                         "): usage in the future is not known yet");
  }
  if (!request.region.empty() && model::FindRegion(request.region) == nullptr) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "Unknown region '" + request.region + "' in the billing request");
  }
  return OkStatus();
}

Result<Invoice> Ledger::Bill(const BillRequest& request) const {
  EC2SIM_RETURN_IF_ERROR(Check(request));
  const AccountMeters* meters = Meters(request.account);
  return BuildInvoice(meters != nullptr ? *meters : NoMeters(), TermsFor(request), request,
                      world_.now());
}

Result<CostSeries> Ledger::Series(const BillRequest& request, int buckets) const {
  EC2SIM_RETURN_IF_ERROR(Check(request));
  if (buckets < 1 || buckets > 1000) {
    return MakeError(
        ErrorCode::kSimInvalidInput,
        "The number of cost buckets must be 1 to 1000, got " + std::to_string(buckets));
  }
  const AccountMeters* meters = Meters(request.account);
  return BuildCostSeries(meters != nullptr ? *meters : NoMeters(), TermsFor(request), request,
                         world_.now(), buckets);
}

}  // namespace ec2sim::billing
