// Billing: meters driven by the world's resource events.
//
// The Ledger subscribes to model::World's ResourceEvents when it is built and records, per
// account, when each instance ran, each volume existed and each public IPv4 address was held
// (meters.h). Instances know nothing of billing. Invoices are computed on demand from those
// records (invoice.h), so a year of simulated time costs the same work as a day: work grows with
// the number of state changes only.
#ifndef EC2SIM_MODEL_BILLING_LEDGER_H_
#define EC2SIM_MODEL_BILLING_LEDGER_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/billing/invoice.h"
#include "sim/model/billing/meters.h"
#include "sim/model/world.h"

namespace ec2sim::billing {

// Records every billable change of a world, from construction on. Build it before the world
// emits its first event. The world keeps a listener that points at the ledger, so the world must
// emit nothing once the ledger is gone (destroy them together), and the ledger cannot be copied or
// moved.
class Ledger {
 public:
  explicit Ledger(model::World& world);
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  // The invoice of request.account over [request.from, request.to) as of the world's now.
  // Errors (kSimInvalidInput): to < from (a negative period), to in the future, an unknown
  // region filter. An account or region with no usage gets an empty invoice.
  Result<Invoice> Bill(const BillRequest& request) const;
  // As Bill, cost per usage type in `buckets` (1..1000) consecutive buckets of the period.
  Result<CostSeries> Series(const BillRequest& request, int buckets) const;

  // The pricing terms of the world's options (a request's policy overrides them).
  BillingTerms terms() const;
  // The meters of `account`, or nullptr when it never had a billable resource.
  const AccountMeters* Meters(const std::string& account) const;
  // Forgets every meter of `account`, as if it never had a billable resource (account reset).
  void Forget(const std::string& account);
  // How many resource events the ledger has seen.
  std::uint64_t events() const { return events_; }

 private:
  void OnEvent(const model::ResourceEvent& event);
  // The scope the event's resource lives in (read once per new meter, for what events omit).
  model::Scope* ScopeOf(const model::ResourceEvent& event);
  void OnInstanceState(AccountMeters& acct, const model::ResourceEvent& event);
  void OnPublicIp(AccountMeters& acct, const model::ResourceEvent& event, bool attached);
  void OnAddress(AccountMeters& acct, const model::ResourceEvent& event);
  void OnVolume(AccountMeters& acct, const model::ResourceEvent& event, bool created);
  void OnSnapshot(AccountMeters& acct, const model::ResourceEvent& event, bool created);
  void OnNatGateway(AccountMeters& acct, const model::ResourceEvent& event);
  void OnTransfer(AccountMeters& acct, const model::ResourceEvent& event);
  void OnCpuLoad(AccountMeters& acct, const model::ResourceEvent& event);
  // The meter of the instance the event names, added (with its type and image) on first sight.
  InstanceMeter& InstanceMeterOf(AccountMeters& acct, const model::ResourceEvent& event);
  Status Check(const BillRequest& request) const;
  BillingTerms TermsFor(const BillRequest& request) const;

  model::World& world_;
  std::map<std::string, AccountMeters, std::less<>> accounts_;  // map nodes never move
  std::string last_account_id_;
  AccountMeters* last_account_ = nullptr;
  std::uint64_t events_ = 0;
  // 1 + the position of each resource's meter in its account's list of its kind, indexed by the
  // resource's world serial (0: no meter): one array read per event instead of hashing the id.
  std::vector<std::uint32_t> position_of_serial_;
};

}  // namespace ec2sim::billing

#endif  // EC2SIM_MODEL_BILLING_LEDGER_H_
