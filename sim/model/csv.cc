#include "sim/model/csv.h"

#include <cstdio>
#include <cstdlib>

namespace ec2sim::model {

std::vector<std::vector<std::string>> ReadEmbeddedCsv(std::string_view text,
                                                      std::string_view name) {
  std::vector<std::vector<std::string>> rows;
  size_t columns = 0;
  bool header_seen = false;
  int line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    for (;;) {
      size_t comma = line.find(',', start);
      fields.emplace_back(
          line.substr(start, comma == std::string_view::npos ? comma : comma - start));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    if (!header_seen) {
      header_seen = true;
      columns = fields.size();
      continue;
    }
    if (fields.size() != columns) {
      std::fprintf(stderr, "embedded data %.*s:%d: %zu fields, header has %zu\n",
                   static_cast<int>(name.size()), name.data(), line_no, fields.size(), columns);
      std::abort();
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace ec2sim::model
