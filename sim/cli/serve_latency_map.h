// The latency map handed to `ec2sim serve` for GET /_ec2sim/latency-map (the server itself
// does not depend on the report layer that draws it).
#ifndef EC2SIM_CLI_SERVE_LATENCY_MAP_H_
#define EC2SIM_CLI_SERVE_LATENCY_MAP_H_

#include "sim/server/admin_api.h"

namespace ec2sim::cli {

// Draws `ec2sim latency --from PLACE --svg`'s map: the routes from the place to its three
// nearest regions, titled and described in "en" or "ko".
server::LatencyMapMaker BuiltInLatencyMap();

}  // namespace ec2sim::cli

#endif  // EC2SIM_CLI_SERVE_LATENCY_MAP_H_
