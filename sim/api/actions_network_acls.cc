#include "sim/api/action_table.h"

namespace ec2sim::api {

// Not built yet: registers nothing.
void RegisterNetworkAclActions(ActionTable&) {}

}  // namespace ec2sim::api
