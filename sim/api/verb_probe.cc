#include "sim/api/verbs.h"

namespace ec2sim::api {

Result<nlohmann::json> ProbeVerb(model::World&, const nlohmann::json&, const CallContext&) {
  return MakeError(ErrorCode::kSimUnsupported,
                   "the probe verb is not supported yet: traffic evaluation is not built");
}

}  // namespace ec2sim::api
