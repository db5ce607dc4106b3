// The admin route of the clock (docs/server.md, "Admin API" and "Each learner's own clock"):
//   GET  /_ec2sim/clock    the time of the clock in scope, its pace
//   POST /_ec2sim/clock    {"advance": "90s"} | {"to": ISO} | {"paused": BOOL} | {"speed": N}
// AdminApi settles whose clock a request may read or move (the scope).
#ifndef EC2SIM_SERVER_ADMIN_CLOCK_H_
#define EC2SIM_SERVER_ADMIN_CLOCK_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "ec2sim/result.h"
#include "sim/server/http_types.h"
#include "sim/server/server_clock.h"
#include "sim/server/shared_world.h"
#include "sim/wire/query_decoder.h"

namespace ec2sim::server {

// `account`: the account whose own clock the request reads or moves (classroom mode), or
// nullopt for the server clock. `body`: the POST's JSON object (ignored for GET). Answers
// {"time", "epoch_ms", "clock": "wall"|"manual", "speed", "paused"} and, for an account,
// "account", "offset_ms" and "server_time". Errors: kSimInvalidInput for a body that is not
// one of the forms above or a time in the past; kInvalidParameterValue for a bad pause or
// speed; those of ParseDuration and ParseIsoTime.
Result<nlohmann::json> ClockRoute(SharedWorld& world, const ServerClock& clock,
                                  const std::optional<std::string>& account,
                                  const HttpRequest& request, const wire::QueryParams& query,
                                  nlohmann::json body);

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_ADMIN_CLOCK_H_
