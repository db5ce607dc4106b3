#include "sim/server/admin_clock.h"

namespace ec2sim::server {
namespace {

using nlohmann::json;

json Answer(SharedWorld& world, const ServerClock& clock,
            const std::optional<std::string>& account) {
  SimTime t = account ? world.Now(*account) : clock.Now();
  ClockPace pace = account ? world.PaceOf(*account) : world.ServerPace();
  json answer = {{"time", FormatIsoTime(t)},
                 {"epoch_ms", t},
                 // A manual clock stands still between moves: "paused" says so too.
                 {"clock", clock.mode() == ClockMode::kWall ? "wall" : "manual"},
                 {"speed", pace.speed},
                 {"paused", pace.paused}};
  if (account) {
    // The account's own time: the server clock's plus how far it is ahead (or, paused, behind).
    answer["account"] = *account;
    answer["offset_ms"] = world.Offset(*account);
    answer["server_time"] = FormatIsoTime(clock.Now());
  }
  return answer;
}

Status Move(SharedWorld& world, const std::optional<std::string>& account, const json& value,
            bool advance) {
  if (!value.is_string())
    return MakeError(ErrorCode::kSimInvalidInput, "The value must be a string");
  if (advance) {
    EC2SIM_ASSIGN_OR_RETURN(Duration d, ParseDuration(value.get<std::string>()));
    // Through the world, which journals the move.
    return account ? world.AdvanceAccountClock(*account, d) : world.AdvanceClock(d);
  }
  EC2SIM_ASSIGN_OR_RETURN(SimTime t, ParseIsoTime(value.get<std::string>()));
  return account ? world.SetAccountClock(*account, t) : world.SetClock(t);
}

// {"paused": BOOL} and/or {"speed": N}: how the clock runs from now on.
Status Pace(SharedWorld& world, const std::optional<std::string>& account, const json& body) {
  std::optional<bool> paused;
  std::optional<std::int64_t> speed;
  if (auto it = body.find("paused"); it != body.end()) {
    if (!it->is_boolean()) {
      return MakeError(ErrorCode::kInvalidParameterValue, "paused must be true or false");
    }
    paused = it->get<bool>();
  }
  if (auto it = body.find("speed"); it != body.end()) {
    if (!it->is_number_integer()) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "speed must be a whole number from 1 to " + std::to_string(kMaxClockSpeed));
    }
    speed = it->get<std::int64_t>();
  }
  return account ? world.SetAccountPace(*account, paused, speed)
                 : world.SetServerPace(paused, speed);
}

}  // namespace

Result<json> ClockRoute(SharedWorld& world, const ServerClock& clock,
                        const std::optional<std::string>& account, const HttpRequest& request,
                        const wire::QueryParams& query, json body) {
  if (request.method == "GET") return Answer(world, clock, account);
  // The duration may also come as ?advance=90s, handy from curl.
  if (auto advance = wire::FindParam(query, "advance")) body["advance"] = *advance;
  bool has_advance = body.contains("advance");
  bool has_to = body.contains("to");
  bool has_pace = body.contains("paused") || body.contains("speed");
  if (has_advance + has_to + has_pace != 1) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "Send exactly one of {\"advance\": \"90s\"}, {\"to\": "
                     "\"2026-01-02T00:00:00Z\"} or {\"paused\": true, \"speed\": 60}");
  }
  if (has_pace) {
    EC2SIM_RETURN_IF_ERROR(Pace(world, account, body));
  } else {
    EC2SIM_RETURN_IF_ERROR(
        Move(world, account, has_advance ? body["advance"] : body["to"], has_advance));
  }
  return Answer(world, clock, account);
}

}  // namespace ec2sim::server
