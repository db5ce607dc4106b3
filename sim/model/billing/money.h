// Exact billing arithmetic: quantities and money as integers over one fixed denominator.
//
// Billing divides time by hours and by calendar months (28, 29, 30 or 31 days). Every one of
// those lengths, in milliseconds, divides kDenominator, so any usage measured in whole
// milliseconds is an exact integer number of 1/kDenominator units, and so is its price once
// multiplied by an integer micro-USD rate. Nothing is rounded until an invoice shows a cent
// amount or a decimal quantity.
#ifndef EC2SIM_MODEL_BILLING_MONEY_H_
#define EC2SIM_MODEL_BILLING_MONEY_H_

#include <compare>
#include <cstdint>
#include <string>

#include "ec2sim/sim_time.h"

namespace ec2sim::billing {

__extension__ typedef __int128 Int128;

// lcm(28, 29, 30, 31) days in ms: 377,580 days. One hour is kDenominator / 9,061,920 ms units.
inline constexpr std::int64_t kDenominator = 377'580LL * kDay;
inline constexpr std::int64_t kUnitsPerHourMs = kDenominator / kHour;  // units per ms of an hour

// A non-negative amount of something (hours, GB-months, a count, micro-USD), stored exactly as
// units() / kDenominator.
class Exact {
 public:
  constexpr Exact() = default;
  static constexpr Exact FromUnits(Int128 units) { return Exact(units); }
  // n whole things (n hours, n remaps, n micro-USD).
  static constexpr Exact Whole(std::int64_t n) { return Exact(Int128{n} * kDenominator); }
  // `ms` milliseconds expressed in hours.
  static constexpr Exact Hours(Duration ms) { return Exact(Int128{ms} * kUnitsPerHourMs); }
  // `gib` GiB held for `ms` of a calendar month lasting `month_ms`, in GB-months.
  // Precondition: month_ms is 28..31 days.
  static constexpr Exact GbMonths(std::int64_t gib, Duration ms, Duration month_ms) {
    return Exact(Int128{gib} * ms * (kDenominator / month_ms));
  }

  constexpr Int128 units() const { return units_; }
  constexpr bool zero() const { return units_ == 0; }

  // This quantity priced at `micro_usd` per whole unit: an exact micro-USD amount.
  constexpr Exact Times(std::int64_t micro_usd) const { return Exact(units_ * micro_usd); }

  // The value times 10^digits, rounded half up (digits 0..12).
  std::int64_t ScaledHalfUp(int digits) const;
  // The value as a double, rounded half up to `digits` decimals first (for display only).
  double ToDouble(int digits) const;
  // For a micro-USD amount: whole cents, rounded half up.
  std::int64_t CentsHalfUp() const;

  constexpr Exact& operator+=(Exact o) {
    units_ += o.units_;
    return *this;
  }
  constexpr Exact& operator-=(Exact o) {
    units_ -= o.units_;
    return *this;
  }
  friend constexpr Exact operator+(Exact a, Exact b) { return a += b; }
  friend constexpr Exact operator-(Exact a, Exact b) { return a -= b; }
  friend constexpr auto operator<=>(Exact a, Exact b) = default;

 private:
  constexpr explicit Exact(Int128 units) : units_(units) {}
  Int128 units_ = 0;
};

// "0.0116" from 11600 micro-USD: the shortest decimal spelling, at least two decimals.
std::string FormatMicroUsd(std::int64_t micro_usd);
// "12.34" from 1234 cents.
std::string FormatCents(std::int64_t cents);

}  // namespace ec2sim::billing

#endif  // EC2SIM_MODEL_BILLING_MONEY_H_
