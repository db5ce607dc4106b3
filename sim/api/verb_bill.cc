#include "sim/api/verbs.h"

namespace ec2sim::api {

Result<nlohmann::json> BillVerb(model::World&, billing::Ledger&, const nlohmann::json&,
                                const CallContext&) {
  return MakeError(ErrorCode::kSimUnsupported,
                   "the bill verb is not supported yet: billing is not built");
}

}  // namespace ec2sim::api
