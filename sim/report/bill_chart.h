// The picture of `ec2sim bill --svg`: cost over time stacked by usage type, per bucket and
// cumulative, drawn with the shared chart code (chart.h).
#ifndef EC2SIM_REPORT_BILL_CHART_H_
#define EC2SIM_REPORT_BILL_CHART_H_

#include <string>
#include <utility>
#include <vector>

#include "ec2sim/sim_time.h"
#include "sim/model/billing/invoice.h"

namespace ec2sim::report {

// What the chart shows, in plain numbers (USD as doubles: drawn, never summed into a bill).
struct CostChartData {
  std::string account;
  double total_usd = 0;        // the invoice's rounded total, for the title
  std::vector<SimTime> edges;  // bucket boundaries, ascending; buckets = edges.size() - 1
  // Usage type -> cost of each bucket in USD, in the order to stack them.
  std::vector<std::pair<std::string, std::vector<double>>> costs;
};

// The chart data of a ledger series and its invoice total (cents).
CostChartData ChartDataOf(const billing::CostSeries& series, const std::string& account,
                          std::int64_t total_cents);

// A standalone SVG document: two panels (cost per bucket, cumulative cost), time on the x axis in
// UTC, cost in USD on the y axes. Empty data gives the axes and a "no data" note.
std::string RenderCostChart(const CostChartData& data);

}  // namespace ec2sim::report

#endif  // EC2SIM_REPORT_BILL_CHART_H_
