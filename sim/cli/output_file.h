// Files the CLI writes on request (--svg pictures).
#ifndef EC2SIM_CLI_OUTPUT_FILE_H_
#define EC2SIM_CLI_OUTPUT_FILE_H_

#include <string>
#include <string_view>

namespace ec2sim::cli {

// Writes `text` to `path`, creating or replacing it. When it cannot (a missing directory, no
// permission, a full disk), prints "<prefix>: cannot write PATH" on stderr and returns false;
// the caller picks the exit status.
bool WriteOutputFile(const std::string& path, std::string_view text, std::string_view prefix);

}  // namespace ec2sim::cli

#endif  // EC2SIM_CLI_OUTPUT_FILE_H_
