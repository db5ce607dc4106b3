// Invoices: an account's usage over a period, priced, with the free tier applied, in exact
// integers until the very end (see money.h). Amounts are rounded to the cent, half up, only for
// the lines and the total shown; the total is the rounded sum of the exact line amounts, so it can
// differ by a cent or so from the sum of the rounded lines, as on AWS bills.
#ifndef EC2SIM_MODEL_BILLING_INVOICE_H_
#define EC2SIM_MODEL_BILLING_INVOICE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ec2sim/options.h"
#include "sim/model/billing/meters.h"
#include "sim/model/billing/money.h"
#include "sim/model/billing/usage.h"

namespace ec2sim::billing {

// What to bill: one account over [from, to), optionally one region.
struct BillRequest {
  std::string account;
  SimTime from = 0;
  SimTime to = 0;
  std::string region;  // empty: every region
  // Prices the same usage under another public IPv4 rule ("what would it have cost?").
  std::optional<PricingPolicy> policy;
};

struct InvoiceLine {
  std::string usage_type;
  std::string resource_id;
  std::string region;
  std::string description;
  std::string unit;
  Exact quantity;       // in `unit`, inside the period
  Exact free_quantity;  // the part an allowance covered (free tier, free remaps)
  Rate rate;            // micro-USD per unit
  Exact amount;         // micro-USD: (quantity - free_quantity) x rate
  std::int64_t cents() const { return amount.CentsHalfUp(); }
};

// What is left of the free tier in the calendar month that holds the end of the period.
struct FreeTierRemaining {
  bool active = false;      // the account is in its free tier during that month
  SimTime month = 0;        // first millisecond of that month
  Exact instance_hours;     // of kFreeTierInstanceHours
  Exact ebs_gb_months;      // of kFreeTierEbsGbMonths
  Exact public_ipv4_hours;  // of kFreeTierPublicIpv4Hours (public-ipv4-2024 only)
};

struct Invoice {
  std::string account;
  SimTime from = 0;
  SimTime to = 0;
  PricingPolicy policy = PricingPolicy::kPublicIpv4_2024;
  std::vector<InvoiceLine> lines;  // sorted by usage type, then resource id; no empty lines
  Exact total;                     // micro-USD, exact
  FreeTierRemaining free_tier;
  std::int64_t total_cents() const { return total.CentsHalfUp(); }
};

// The pricing context of a sandbox.
struct BillingTerms {
  PricingPolicy policy = PricingPolicy::kPublicIpv4_2024;
  bool free_tier = false;
  SimTime account_start = 0;  // the free tier runs for 12 calendar months from this month
};

// Prices `meters` for `request` as of `now`. Preconditions: request.from <= request.to <= now.
// Work: O(S log S + M) for S spans and points and M calendar months in the period.
Invoice BuildInvoice(const AccountMeters& meters, const BillingTerms& terms,
                     const BillRequest& request, SimTime now);

// Cost per usage type in consecutive buckets covering the request's period: bucket i holds the
// exact micro-USD added between the invoices of [from, edges[i]) and [from, edges[i+1]).
struct CostSeries {
  std::vector<SimTime> edges;                       // buckets + 1 instants, from .. to
  std::map<std::string, std::vector<Exact>> costs;  // usage type -> one amount per bucket
};
// The buckets have the shortest round length (1, 5 or 15 minutes, 1, 3, 6 or 12 hours, 1, 7, 30
// or 365 days) that covers the period in at most `buckets` (>= 1) of them; the last one may be
// shorter. Cumulative cost never goes down (a run's minimum is owed at its end), so no bucket is
// negative; one that would be shows zero. Work: one invoice per bucket.
CostSeries BuildCostSeries(const AccountMeters& meters, const BillingTerms& terms,
                           const BillRequest& request, SimTime now, int buckets);

}  // namespace ec2sim::billing

#endif  // EC2SIM_MODEL_BILLING_INVOICE_H_
