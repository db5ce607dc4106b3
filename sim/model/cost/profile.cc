#include "sim/model/cost/profile.h"

#include <algorithm>

namespace ec2sim::cost {
namespace {

// One server (and one cloud instance of the default type) is taken to serve 250 requests/s; the
// figure only sets the scale of the built-in examples (docs/cost.md).
constexpr std::int64_t kRequestsPerServer = 250;

std::vector<std::int64_t> Repeat(const std::vector<std::int64_t>& day, int times) {
  std::vector<std::int64_t> out;
  for (int i = 0; i < times; ++i) out.insert(out.end(), day.begin(), day.end());
  return out;
}

LoadProfile RequestsProfile(std::string name, std::string description,
                            std::vector<std::int64_t> hourly) {
  LoadProfile p;
  p.name = std::move(name);
  p.description = std::move(description);
  p.unit = "requests/s";
  p.step = kHour;
  p.demand = std::move(hourly);
  p.server_capacity = kRequestsPerServer;
  p.instance_capacity = kRequestsPerServer;
  return p;
}

LoadProfile SteadyOffice() {
  // Office hours Monday to Friday with a lunch dip; quiet nights and weekends.
  const std::vector<std::int64_t> weekday = {50,   50,   50,   50,   50,  50,   50,   300,
                                             900,  1200, 1200, 1200, 900, 1200, 1200, 1200,
                                             1200, 900,  400,  200,  100, 100,  100,  100};
  const std::vector<std::int64_t> weekend(24, 50);
  std::vector<std::int64_t> week = Repeat(weekday, 5);
  for (int d = 0; d < 2; ++d) week.insert(week.end(), weekend.begin(), weekend.end());
  return RequestsProfile("steady-office", "office app, busy 9-18 on weekdays, quiet nights (week)",
                         std::move(week));
}

LoadProfile LaunchDay() {
  // A small site whose product launches on Wednesday at 09:00 and is in the news for a day.
  const std::vector<std::int64_t> quiet = {100, 100, 100, 100, 100, 100, 100, 100,
                                           200, 200, 200, 200, 200, 200, 200, 200,
                                           200, 200, 200, 200, 100, 100, 100, 100};
  std::vector<std::int64_t> week = Repeat(quiet, 2);
  const std::vector<std::int64_t> launch = {100,  100,  100,  100,  100,  100,  100,  100,
                                            200,  2500, 5000, 4000, 3500, 3000, 3000, 3000,
                                            3000, 3000, 2000, 2000, 2000, 2000, 2000, 2000};
  const std::vector<std::int64_t> after = {500,  500,  500,  500,  500,  500,  500,  500,
                                           1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000,
                                           1000, 1000, 1000, 1000, 500,  500,  500,  500};
  std::vector<std::int64_t> settled = quiet;
  for (std::int64_t& v : settled) v = v * 2;
  week.insert(week.end(), launch.begin(), launch.end());
  week.insert(week.end(), after.begin(), after.end());
  for (int d = 0; d < 3; ++d) week.insert(week.end(), settled.begin(), settled.end());
  return RequestsProfile("launch-day",
                         "quiet site, launch spike on day 3 09:00, then settling (week)",
                         std::move(week));
}

LoadProfile NightlyBatch() {
  // Four hours of batch work every night on top of a trickle of daytime requests.
  std::vector<std::int64_t> day(24, 100);
  for (int h = 1; h < 5; ++h) day[h] = 4000;
  return RequestsProfile("nightly-batch",
                         "batch job 01:00-05:00 every night, trickle otherwise (week)",
                         Repeat(day, 7));
}

LoadProfile Flat() {
  return RequestsProfile("flat", "the same load around the clock (week)",
                         std::vector<std::int64_t>(7 * 24, 1000));
}

}  // namespace

std::int64_t LoadProfile::peak() const {
  return demand.empty() ? 0 : *std::max_element(demand.begin(), demand.end());
}

Timeline LoadProfile::DemandTimeline() const {
  Timeline t;
  for (std::size_t i = 0; i < demand.size(); ++i) {
    SetFrom(t, step * static_cast<Duration>(i), demand[i]);
  }
  return t;
}

Status ValidateProfile(const LoadProfile& p) {
  auto bad = [](std::string why) { return MakeError(ErrorCode::kSimInvalidInput, std::move(why)); };
  if (p.demand.empty()) return bad("the profile has no demand values");
  for (std::size_t i = 0; i < p.demand.size(); ++i) {
    if (p.demand[i] < 0) {
      return bad("demand value " + std::to_string(i) + " is negative (" +
                 std::to_string(p.demand[i]) + ")");
    }
  }
  if (p.step <= 0) return bad("the step must be positive");
  if (p.step % kSecond != 0) return bad("the step must be a whole number of seconds");
  if (p.server_capacity <= 0) return bad("server_capacity must be positive");
  if (p.instance_capacity <= 0) return bad("instance_capacity must be positive");
  for (const ScheduledFailure& f : p.failures) {
    if (f.at < 0 || f.at >= p.horizon()) {
      return bad("a failure at " + FormatDuration(f.at) + " is outside the profile (" +
                 FormatDuration(p.horizon()) + ")");
    }
    if (f.repair < 0) return bad("a failure's repair time is negative");
  }
  return OkStatus();
}

const std::vector<LoadProfile>& BuiltinProfiles() {
  static const std::vector<LoadProfile> kProfiles = {SteadyOffice(), LaunchDay(), NightlyBatch(),
                                                     Flat()};
  return kProfiles;
}

const LoadProfile* FindBuiltinProfile(std::string_view name) {
  for (const LoadProfile& p : BuiltinProfiles()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

}  // namespace ec2sim::cost
