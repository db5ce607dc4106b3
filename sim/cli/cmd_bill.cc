#include "sim/cli/commands.h"

namespace ec2sim::cli {

// Not built yet: registers nothing.
void AddBillCommand(CLI::App&, Registry&) {}

}  // namespace ec2sim::cli
