// A minimal reader for the simulator's own embedded CSV data files: comma-separated fields, no
// quoting, '#' comment lines, a header row. The files are ours and compiled in, so a malformed
// row is a broken invariant, not an input error.
#ifndef EC2SIM_MODEL_CSV_H_
#define EC2SIM_MODEL_CSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace ec2sim::model {

// Rows of `text` without the header and comment lines; every row has the header's field count.
std::vector<std::vector<std::string>> ReadEmbeddedCsv(std::string_view text, std::string_view name);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_CSV_H_
