// Monthly allowances (the free tier's 750 hours, 30 GB-months and 750 IP-hours, and the legacy
// rule's 100 free remaps) handed out in the order the usage happens.
//
// Within one calendar month, the usage drawing from one pool is a set of spans (accruing at a
// fixed number of units per ms) and points (a number of units at an instant). The allowance
// covers everything before the moment it runs out; at that moment the last units go to the
// spans then accruing, one millisecond's worth each, in item order. Every quantity is an exact
// integer of billing units (sim/model/billing/money.h), so the free amounts add up to exactly
// the allowance once it is used up.
#ifndef EC2SIM_MODEL_BILLING_FREE_TIER_H_
#define EC2SIM_MODEL_BILLING_FREE_TIER_H_

#include <cstddef>
#include <vector>

#include "ec2sim/sim_time.h"
#include "sim/model/billing/money.h"

namespace ec2sim::billing {

// One piece of usage in one month. A span accrues `rate` units per ms over [from, to); a point
// (from == to, is_point) owes `amount` units at `from`.
struct PoolItem {
  SimTime from = 0;
  SimTime to = 0;
  Int128 rate = 0;
  Int128 amount = 0;
  bool is_point = false;
  std::size_t line = 0;  // index of the usage line it belongs to
};

// Hands out `allowance` units over `items` (any order; they are sorted by (from, line) in place).
// Adds to free_units[item.line] the free units that fall at or after `count_from` (usage before
// it belongs to an earlier invoice period but still uses up the allowance). Returns the units
// used in all, at most `allowance`. Precondition: free_units has an entry for every line.
Int128 AllocateAllowance(std::vector<PoolItem>& items, Int128 allowance, SimTime count_from,
                         std::vector<Int128>& free_units);

// The free tier covers the calendar month of `start` (the account's sign-up in the simulator)
// and the eleven after it: this returns the first millisecond after that window.
SimTime FreeTierEnd(SimTime start);

}  // namespace ec2sim::billing

#endif  // EC2SIM_MODEL_BILLING_FREE_TIER_H_
