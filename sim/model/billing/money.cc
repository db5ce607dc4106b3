#include "sim/model/billing/money.h"

#include <cassert>
#include <cstdlib>

namespace ec2sim::billing {
namespace {

Int128 FloorDiv(Int128 a, Int128 b) {
  Int128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// round(a / b) with halves going up, for b > 0.
Int128 DivHalfUp(Int128 a, Int128 b) { return FloorDiv(2 * a + b, 2 * b); }

}  // namespace

std::int64_t Exact::ScaledHalfUp(int digits) const {
  assert(digits >= 0 && digits <= 12);
  Int128 scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  return static_cast<std::int64_t>(DivHalfUp(units_ * scale, kDenominator));
}

double Exact::ToDouble(int digits) const {
  double scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  // The integer is exact; one division by a power of ten gives the double nearest the decimal.
  return static_cast<double>(ScaledHalfUp(digits)) / scale;
}

std::int64_t Exact::CentsHalfUp() const {
  return static_cast<std::int64_t>(DivHalfUp(units_, Int128{kDenominator} * 10'000));
}

std::string FormatMicroUsd(std::int64_t micro_usd) {
  std::string sign = micro_usd < 0 ? "-" : "";
  std::int64_t v = std::llabs(micro_usd);
  std::string frac = std::to_string(v % 1'000'000);
  frac.insert(0, 6 - frac.size(), '0');
  while (frac.size() > 2 && frac.back() == '0') frac.pop_back();
  return sign + std::to_string(v / 1'000'000) + "." + frac;
}

std::string FormatCents(std::int64_t cents) {
  std::string sign = cents < 0 ? "-" : "";
  std::int64_t v = std::llabs(cents);
  std::string frac = std::to_string(v % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return sign + std::to_string(v / 100) + "." + frac;
}

}  // namespace ec2sim::billing
