// Usage: the meters of one account seen through a pricing policy. Each UsageLine is one future
// invoice line (a usage type and a resource) with the spans of time it accrues during, the
// one-off amounts it owes at instants (billing minimums, remaps), its rate and the allowance pool
// it draws from.
#ifndef EC2SIM_MODEL_BILLING_USAGE_H_
#define EC2SIM_MODEL_BILLING_USAGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ec2sim/options.h"
#include "sim/model/billing/meters.h"
#include "sim/model/billing/rates.h"

namespace ec2sim::billing {

enum class Measure {
  kHours,      // spans accrue hours; points are milliseconds
  kGbMonths,   // spans accrue weight GiB x the share of their calendar month
  kCount,      // points are counts; no spans
  kGigabytes,  // points are MiB (1,024 to the GB); no spans
};

// Which monthly allowance a line draws from. The free-tier pools are shared by every region of
// the account; the remap pool is per region; the free data transfer out is account-wide and
// renews every month for every account (not only in its free-tier year).
enum class Pool { kNone, kFreeInstanceHours, kFreeEbs, kFreePublicIpv4, kRemaps, kFreeDataOut };

// A one-off amount owed at an instant: milliseconds (kHours), a count (kCount) or MiB
// (kGigabytes).
struct Point {
  SimTime at = 0;
  std::int64_t amount = 0;
};

struct UsageLine {
  std::string usage_type;  // with the region prefix
  std::string resource_id;
  std::string region;
  std::string description;
  std::string unit;  // "Hrs", "GB-Mo", "IP-Hrs", "Count", "GB"
  Measure measure = Measure::kHours;
  std::int64_t weight = 1;  // GiB for kGbMonths
  Rate rate;
  Pool pool = Pool::kNone;
  std::vector<Point> points;  // sorted by time

  // The spans (sorted, disjoint): borrowed from a meter or owned.
  const std::vector<Span>& spans() const { return borrowed_ != nullptr ? *borrowed_ : owned_; }
  void Borrow(const std::vector<Span>& spans) { borrowed_ = &spans; }
  void Own(std::vector<Span> spans) {
    owned_ = std::move(spans);
    borrowed_ = nullptr;
  }

 private:
  const std::vector<Span>* borrowed_ = nullptr;
  std::vector<Span> owned_;
};

// The usage lines of `meters` under `policy`, for resources in `region` (every region when
// empty). Open spans end at `now`; a run's billing minimum (60 s per start, or whole hours for
// hourly images) is a point at the run's last millisecond. Borrowed spans point into `meters`,
// which must outlive the result.
std::vector<UsageLine> BuildUsage(const AccountMeters& meters, PricingPolicy policy,
                                  const std::string& region, SimTime now);

// "public-ipv4-2024" / "legacy-eip".
const char* PricingPolicyName(PricingPolicy policy);

}  // namespace ec2sim::billing

#endif  // EC2SIM_MODEL_BILLING_USAGE_H_
