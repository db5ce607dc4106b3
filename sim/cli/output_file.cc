#include "sim/cli/output_file.h"

#include <fstream>
#include <iostream>

namespace ec2sim::cli {

bool WriteOutputFile(const std::string& path, std::string_view text, std::string_view prefix) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();  // so that a failed flush counts too
  if (!out) {
    std::cerr << prefix << ": cannot write " << path << "\n";
    return false;
  }
  return true;
}

}  // namespace ec2sim::cli
