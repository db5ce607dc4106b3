// Plain-text tables for the CLI's listing commands.
#ifndef EC2SIM_CLI_TABLE_H_
#define EC2SIM_CLI_TABLE_H_

#include <ostream>
#include <string>
#include <vector>

namespace ec2sim::cli {

// Columns padded to their widest cell (counted in terminal columns: Hangul takes two), two spaces
// apart, with a dashed rule under the header.
void PrintTable(std::ostream& out, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows);

}  // namespace ec2sim::cli

#endif  // EC2SIM_CLI_TABLE_H_
