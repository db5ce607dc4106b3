// Simulated time. All time in ec2sim is integer milliseconds: a SimTime is milliseconds since
// the Unix epoch on the simulated clock (UTC), a Duration is a span in milliseconds.
// Nothing here reads the wall clock.
#ifndef EC2SIM_SIM_TIME_H_
#define EC2SIM_SIM_TIME_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "ec2sim/result.h"

namespace ec2sim {

using SimTime = std::int64_t;   // ms since 1970-01-01T00:00:00Z
using Duration = std::int64_t;  // ms

inline constexpr Duration kSecond = 1000;
inline constexpr Duration kMinute = 60 * kSecond;
inline constexpr Duration kHour = 60 * kMinute;
inline constexpr Duration kDay = 24 * kHour;

// Parses "2026-01-01T00:00:00Z" (optionally with ".mmm" and/or "+00:00" instead of "Z").
// Only UTC offsets are accepted. Error: kSimInvalidInput with the reason.
Result<SimTime> ParseIsoTime(std::string_view text);

// "2026-01-01T00:00:05+00:00": the form boto3 and the AWS CLI print.
std::string FormatIsoTime(SimTime t);
// "2026-01-01T00:00:05.000Z": the form of EC2's XML responses.
std::string FormatIsoTimeXml(SimTime t);

// Parses a duration such as "90s", "15m", "2h", "30d", "1d12h", "250ms". Units may repeat in
// any order; the value must be positive or zero. Error: kSimInvalidInput with the reason.
Result<Duration> ParseDuration(std::string_view text);
// The shortest "1d2h3m4s"-style spelling ("0s" for zero); milliseconds shown as "ms".
std::string FormatDuration(Duration d);

// Calendar month helpers (UTC) used by monthly quotas and billing.
struct CivilDate {
  int year;
  int month;  // 1..12
  int day;    // 1..31
};
CivilDate ToCivil(SimTime t);
// First millisecond of the calendar month that contains t.
SimTime StartOfMonth(SimTime t);
// First millisecond of the next calendar month after the one that contains t.
SimTime StartOfNextMonth(SimTime t);

}  // namespace ec2sim

#endif  // EC2SIM_SIM_TIME_H_
