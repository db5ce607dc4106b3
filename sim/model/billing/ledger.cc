#include "sim/model/billing/ledger.h"

#include <cassert>
#include <charconv>

#include "sim/model/regions.h"

namespace ec2sim::billing {
namespace {

using Kind = model::ResourceEvent::Kind;

template <typename Meter>
Meter& FindOrAdd(std::vector<Meter>& list, MeterIndex& index, const std::string& id, bool& added) {
  std::size_t i = index.Find(id);
  added = i == MeterIndex::kNone;
  if (added) {
    i = list.size();
    index.Add(id, i);
    list.emplace_back();
  }
  return list[i];
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
  accounts_.erase(account);
  if (last_account_id_ == account) {
    last_account_ = nullptr;
    last_account_id_.clear();
  }
}

void Ledger::OnEvent(const model::ResourceEvent& event) {
  ++events_;
  // The events of one call all belong to one account.
  if (last_account_ == nullptr || event.account != last_account_id_) {
    last_account_ = &accounts_[event.account];
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
  }
}

void Ledger::OnInstanceState(AccountMeters& acct, const model::ResourceEvent& event) {
  bool added = false;
  InstanceMeter& m = FindOrAdd(acct.instances, acct.instance_index, event.resource_id, added);
  if (added) {
    m.id = event.resource_id;
    m.region = event.region;
    m.instance_type = event.detail2;
    // The image decides how the instance is billed; the world still holds the instance here.
    if (model::Scope* scope = world_.FindScope(event.account, event.region)) {
      if (const model::Instance* inst = scope->instances.Find(event.resource_id)) {
        m.os = inst->platform == "windows" ? model::OsFamily::kWindows : model::OsFamily::kLinux;
        m.hourly = inst->hourly_billing;
      }
    }
  }
  // Only `running` is billed: pending, stopping, stopped, shutting-down and terminated are not.
  if (event.detail == "running") {
    OpenSpan(m.runs, event.at);
  } else {
    CloseSpan(m.runs, event.at);
  }
}

void Ledger::OnPublicIp(AccountMeters& acct, const model::ResourceEvent& event, bool attached) {
  // Elastic IPs are metered from their own allocation and association events.
  if (!event.detail2.empty()) return;
  bool added = false;
  AutoIpMeter& m = FindOrAdd(acct.auto_ips, acct.auto_ip_index, event.resource_id, added);
  if (added) {
    m.interface_id = event.resource_id;
    m.owner_id = event.resource_id;
    m.region = event.region;
    if (model::Scope* scope = world_.FindScope(event.account, event.region)) {
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
  ElasticIpMeter& m = FindOrAdd(acct.elastic_ips, acct.elastic_ip_index, event.resource_id, added);
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
      m.associations.push_back(Association{Span{event.at, kOpen}, event.detail});
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
  VolumeMeter& m = FindOrAdd(acct.volumes, acct.volume_index, event.resource_id, added);
  if (added) {
    m.id = event.resource_id;
    m.region = event.region;
    m.volume_type = event.detail;
    const std::string& size = event.detail2;
    auto [end, ec] = std::from_chars(size.data(), size.data() + size.size(), m.size_gib);
    assert(ec == std::errc() && end == size.data() + size.size() && "volume size in GiB");
    (void)end;
    m.life = Span{event.at, kOpen};
  }
  if (!created && m.life.open()) m.life.to = event.at;
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
