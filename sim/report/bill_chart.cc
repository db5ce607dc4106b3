#include "sim/report/bill_chart.h"

#include <cstdio>

#include "sim/report/chart.h"

namespace ec2sim::report {

CostChartData ChartDataOf(const billing::CostSeries& series, const std::string& account,
                          std::int64_t total_cents) {
  CostChartData data;
  data.account = account;
  data.total_usd = static_cast<double>(total_cents) / 100.0;
  data.edges = series.edges;
  for (const auto& [type, column] : series.costs) {
    std::vector<double> usd;
    for (const billing::Exact& micro : column)
      usd.push_back(static_cast<double>(micro.ScaledHalfUp(0)) / 1e6);
    data.costs.emplace_back(type, std::move(usd));
  }
  return data;
}

std::string RenderCostChart(const CostChartData& data) {
  Duration bucket = data.edges.size() > 1 ? data.edges[1] - data.edges[0] : 0;
  report::TimeChart per_bucket;
  per_bucket.title = "Cost per " + FormatDuration(bucket) + ", stacked by usage type";
  per_bucket.y_label = "cost per " + FormatDuration(bucket) + " (USD)";
  per_bucket.axis = report::TimeAxis::kCalendar;
  report::TimeChart cumulative = per_bucket;
  char total[64];
  std::snprintf(total, sizeof total, "$%.2f", data.total_usd);
  cumulative.title =
      std::string("Cumulative cost, stacked by usage type (invoice total ") + total + ")";
  cumulative.y_label = "cumulative cost (USD)";
  for (const auto& [type, values] : data.costs) {
    report::ChartSeries bars{.name = type, .kind = report::SeriesKind::kStackedArea};
    report::ChartSeries sums = bars;
    // A bucket shows what it cost; below, what had accrued by its end. Stacked areas hold each
    // value until the next point, so both end with a point at the last edge.
    double sum = 0;
    for (std::size_t i = 0; i < values.size() && i + 1 < data.edges.size(); ++i) {
      bars.points.push_back({data.edges[i], values[i]});
      sum += values[i];
      sums.points.push_back({data.edges[i], sum});
    }
    if (!data.edges.empty()) {
      bars.points.push_back({data.edges.back(), 0});
      sums.points.push_back({data.edges.back(), 0});
    }
    per_bucket.series.push_back(std::move(bars));
    cumulative.series.push_back(std::move(sums));
  }
  return report::RenderTimeCharts({per_bucket, cumulative}, 900, "Bill of account " + data.account);
}

}  // namespace ec2sim::report
