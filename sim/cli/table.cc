#include "sim/cli/table.h"

#include <algorithm>

#include "sim/lessons/text_width.h"

namespace ec2sim::cli {
namespace {

// Terminal columns, not bytes: "São Paulo" takes 9, a Korean heading two a syllable.
size_t DisplayWidth(const std::string& s) { return lessons::DisplayWidth(s); }

void PrintRow(std::ostream& out, const std::vector<std::string>& cells,
              const std::vector<size_t>& widths) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    line += cells[i];
    if (i + 1 < cells.size()) line += std::string(widths[i] - DisplayWidth(cells[i]) + 2, ' ');
  }
  out << line << "\n";
}

}  // namespace

void PrintTable(std::ostream& out, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths(header.size(), 0);
  for (size_t i = 0; i < header.size(); ++i) widths[i] = DisplayWidth(header[i]);
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  PrintRow(out, header, widths);
  std::vector<std::string> rule;
  for (size_t w : widths) rule.push_back(std::string(w, '-'));
  PrintRow(out, rule, widths);
  for (const auto& row : rows) PrintRow(out, row, widths);
}

}  // namespace ec2sim::cli
