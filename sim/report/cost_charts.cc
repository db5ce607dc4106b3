#include "sim/report/cost_charts.h"

namespace ec2sim::report {
namespace {

// A step series from a timeline over [0, horizon], closed with a point at the horizon.
ChartSeries StepSeries(std::string name, const cost::Timeline& timeline, Duration horizon) {
  ChartSeries s{.name = std::move(name), .kind = SeriesKind::kStep};
  if (timeline.empty() || timeline.front().at > 0) s.points.push_back({0, 0});
  for (const cost::Step& step : timeline) {
    if (step.at < horizon) s.points.push_back({step.at, static_cast<double>(step.value)});
  }
  s.points.push_back({horizon, s.points.back().value});
  return s;
}

double Usd(std::int64_t micro_usd) { return static_cast<double>(micro_usd) / 1e6; }

TimeChart CapacityChart(const cost::Comparison& c, const cost::FleetResult& fleet,
                        const std::string& title, const std::string& provisioned_name) {
  const Duration horizon = c.profile.horizon();
  TimeChart chart;
  chart.title = title;
  chart.y_label = c.profile.unit;
  chart.x_label = "time since start of profile";
  chart.height = 300;
  chart.series.push_back(StepSeries("serving capacity", fleet.serving_units, horizon));
  chart.series.back().color = Palette(fleet.name == "cloud" ? 0 : 1);
  chart.series.push_back(StepSeries(provisioned_name, fleet.provisioned_units, horizon));
  chart.series.back().color = Palette(fleet.name == "cloud" ? 0 : 1);
  chart.series.back().dashed = true;
  chart.series.back().width = 1.5;
  // Demand last, so that it stays visible where capacity equals it.
  chart.series.push_back(StepSeries("demand", c.profile.DemandTimeline(), horizon));
  chart.series.back().color = "#000000";
  chart.series.back().width = 1.5;
  return chart;
}

}  // namespace

TimeChart OnPremCapacityChart(const cost::Comparison& c) {
  return CapacityChart(c, c.onprem,
                       "On-premises: " + std::to_string(c.onprem_servers) +
                           " servers, demand above capacity goes unserved",
                       "installed capacity (incl. broken)");
}

TimeChart CloudCapacityChart(const cost::Comparison& c) {
  return CapacityChart(c, c.cloud, "Cloud: target tracking follows the load",
                       "billed capacity (incl. warming up)");
}

TimeChart CumulativeCostChart(const cost::Comparison& c) {
  TimeChart chart;
  chart.title = "Cumulative cost (beyond the profile: the profile repeated)";
  chart.y_label = "cost (USD)";
  chart.x_label = "time since start";
  chart.height = 340;
  ChartSeries cloud{.name = "cloud", .color = Palette(0)};
  ChartSeries cash{.name = "on-premises, purchase paid up front", .color = Palette(1)};
  ChartSeries amortized{
      .name = "on-premises, purchase spread over lifetime", .color = Palette(1), .dashed = true};
  for (const cost::CumulativePoint& p : c.cumulative) {
    cloud.points.push_back({p.at, Usd(p.cloud_micro_usd)});
    cash.points.push_back({p.at, Usd(p.onprem_cash_micro_usd)});
    amortized.points.push_back({p.at, Usd(p.onprem_amortized_micro_usd)});
  }
  chart.series = {cloud, cash, amortized};
  const Duration horizon = c.profile.horizon();
  if (!c.cumulative.empty() && c.cumulative.back().at > horizon) {
    chart.markers.push_back({.at = horizon,
                             .label = "end of profile",
                             .detail = "simulated up to here; extrapolated after",
                             .color = "#888888"});
  }
  if (c.break_even.kind == cost::BreakEven::Kind::kAt) {
    chart.markers.push_back(
        {.at = c.break_even.at,
         .label = "break-even " + FormatDuration(c.break_even.at / kHour * kHour),
         .detail = "cloud spend reaches on-premises spend",
         .color = "#009e73"});
  }
  return chart;
}

std::string RenderComparisonSvg(const cost::Comparison& c) {
  return RenderTimeCharts({OnPremCapacityChart(c), CloudCapacityChart(c), CumulativeCostChart(c)},
                          900, "Cloud vs on-premises: " + c.profile.name);
}

}  // namespace ec2sim::report
