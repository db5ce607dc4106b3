#include "ec2sim/sim_time.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <string>

namespace ec2sim {
namespace {

using std::chrono::day;
using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

Error Invalid(std::string_view what, std::string_view text) {
  return MakeError(ErrorCode::kSimInvalidInput,
                   std::string(what) + ": \"" + std::string(text) + "\"");
}

// Reads exactly `n` digits at text[pos], advancing pos.
bool Digits(std::string_view text, size_t& pos, int n, int& out) {
  if (pos + n > text.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  pos += n;
  out = v;
  return true;
}

bool Expect(std::string_view text, size_t& pos, char c) {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

}  // namespace

Result<SimTime> ParseIsoTime(std::string_view text) {
  size_t pos = 0;
  int y, mo, d, h, mi, s, ms = 0;
  if (!Digits(text, pos, 4, y) || !Expect(text, pos, '-') || !Digits(text, pos, 2, mo) ||
      !Expect(text, pos, '-') || !Digits(text, pos, 2, d) || !Expect(text, pos, 'T') ||
      !Digits(text, pos, 2, h) || !Expect(text, pos, ':') || !Digits(text, pos, 2, mi) ||
      !Expect(text, pos, ':') || !Digits(text, pos, 2, s)) {
    return Invalid("not an ISO 8601 UTC time like 2026-01-01T00:00:00Z", text);
  }
  if (Expect(text, pos, '.')) {
    if (!Digits(text, pos, 3, ms)) return Invalid("fraction must have 3 digits", text);
  }
  std::string_view zone = text.substr(pos);
  if (zone != "Z" && zone != "+00:00") return Invalid("time must be UTC (Z or +00:00)", text);
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 59) return Invalid("no such date or time", text);
  std::int64_t days_since_epoch = sys_days{ymd}.time_since_epoch().count();
  return days_since_epoch * kDay + h * kHour + mi * kMinute + s * kSecond + ms;
}

CivilDate ToCivil(SimTime t) {
  std::int64_t day_count = FloorDiv(t, kDay);
  year_month_day ymd{sys_days{days{day_count}}};
  return CivilDate{static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
                   static_cast<int>(unsigned(ymd.day()))};
}

namespace {
std::string Format(SimTime t, bool xml) {
  CivilDate c = ToCivil(t);
  std::int64_t in_day = t - FloorDiv(t, kDay) * kDay;
  int h = static_cast<int>(in_day / kHour);
  int mi = static_cast<int>(in_day % kHour / kMinute);
  int s = static_cast<int>(in_day % kMinute / kSecond);
  int ms = static_cast<int>(in_day % kSecond);
  char buf[48];
  if (xml) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", c.year, c.month, c.day,
                  h, mi, s, ms);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+00:00", c.year, c.month, c.day,
                  h, mi, s);
  }
  return buf;
}
}  // namespace

std::string FormatIsoTime(SimTime t) { return Format(t, false); }
std::string FormatIsoTimeXml(SimTime t) { return Format(t, true); }

SimTime StartOfMonth(SimTime t) {
  CivilDate c = ToCivil(t);
  year_month_day first{year{c.year}, month{static_cast<unsigned>(c.month)}, day{1}};
  return sys_days{first}.time_since_epoch().count() * kDay;
}

SimTime StartOfNextMonth(SimTime t) {
  CivilDate c = ToCivil(t);
  year_month_day first{year{c.year}, month{static_cast<unsigned>(c.month)}, day{1}};
  first += std::chrono::months{1};
  return sys_days{first}.time_since_epoch().count() * kDay;
}

Result<Duration> ParseDuration(std::string_view text) {
  if (text.empty()) return Invalid("empty duration", text);
  Duration total = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[pos]))) {
      return Invalid("duration must look like 90s, 15m, 2h, 30d or 1d12h", text);
    }
    std::int64_t n = 0;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
      n = n * 10 + (text[pos] - '0');
      if (n > 1'000'000'000) return Invalid("duration too large", text);
      ++pos;
    }
    Duration unit;
    if (text.substr(pos, 2) == "ms") {
      unit = 1;
      pos += 2;
    } else if (pos < text.size() && text[pos] == 'd') {
      unit = kDay;
      ++pos;
    } else if (pos < text.size() && text[pos] == 'h') {
      unit = kHour;
      ++pos;
    } else if (pos < text.size() && text[pos] == 'm') {
      unit = kMinute;
      ++pos;
    } else if (pos < text.size() && text[pos] == 's') {
      unit = kSecond;
      ++pos;
    } else {
      return Invalid("duration needs a unit (ms, s, m, h, d) after each number", text);
    }
    total += n * unit;
    if (total > 100LL * 366 * kDay) return Invalid("duration longer than 100 years", text);
  }
  return total;
}

std::string FormatDuration(Duration d) {
  if (d == 0) return "0s";
  std::string out;
  if (d < 0) {
    out = "-";
    d = -d;
  }
  const std::pair<Duration, const char*> units[] = {
      {kDay, "d"}, {kHour, "h"}, {kMinute, "m"}, {kSecond, "s"}, {1, "ms"}};
  for (const auto& [unit, name] : units) {
    if (d >= unit) {
      out += std::to_string(d / unit) + name;
      d %= unit;
    }
  }
  return out;
}

}  // namespace ec2sim
