// The pictures of `ec2sim cost compare --svg`: load against capacity for the on-premises and the
// cloud fleet, and cumulative cost with the break-even point marked.
#ifndef EC2SIM_REPORT_COST_CHARTS_H_
#define EC2SIM_REPORT_COST_CHARTS_H_

#include <string>

#include "sim/model/cost/compare.h"
#include "sim/report/chart.h"

namespace ec2sim::report {

// The three panels as TimeCharts (for callers that lay them out themselves).
TimeChart OnPremCapacityChart(const cost::Comparison& c);
TimeChart CloudCapacityChart(const cost::Comparison& c);
TimeChart CumulativeCostChart(const cost::Comparison& c);

// A standalone SVG document with the three panels stacked.
std::string RenderComparisonSvg(const cost::Comparison& c);

}  // namespace ec2sim::report

#endif  // EC2SIM_REPORT_COST_CHARTS_H_
