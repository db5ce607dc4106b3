// The text and JSON forms of a cloud vs on-premises comparison (`ec2sim cost compare`).
// Money is shown rounded half up to the cent (hourly prices to 1/100 cent); the model's
// integers are never rounded before this point.
#ifndef EC2SIM_REPORT_COST_REPORT_H_
#define EC2SIM_REPORT_COST_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ec2sim/lang.h"
#include "sim/model/cost/compare.h"

namespace ec2sim::report {

// A table for a plain-text printer: one heading line, a header row, rows of three cells (what,
// on-premises, cloud) and notes to print after it (the break-even).
struct ComparisonTable {
  std::string heading;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> notes;
};

// `cloud_params` names the region and instance type priced. The words are in `lang`; the
// numbers are the same in every language.
ComparisonTable MakeComparisonTable(const cost::Comparison& c,
                                    const cost::CloudParams& cloud_params, Lang lang = Lang::kEn);

// {"Profile": {...}, "OnPremises": {...}, "Cloud": {...}, "BreakEven": {...}}; amounts are
// numbers of USD rounded to the cent (docs/cost.md).
nlohmann::json ComparisonJson(const cost::Comparison& c, const cost::CloudParams& cloud_params);

// "$1,234.57": micro-USD rounded half up to the cent, thousands grouped.
std::string FormatUsd(std::int64_t micro_usd);

}  // namespace ec2sim::report

#endif  // EC2SIM_REPORT_COST_REPORT_H_
