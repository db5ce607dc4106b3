#include "sim/api/verbs.h"

namespace ec2sim::api {

Result<nlohmann::json> LatencyVerb(model::World&, const nlohmann::json&, const CallContext&) {
  return MakeError(ErrorCode::kSimUnsupported,
                   "the latency verb is not supported yet: the latency model is not built");
}

}  // namespace ec2sim::api
