// Time-series charts drawn with the SVG writer: lines, step lines and stacked areas over a time
// axis, with labelled axes, "nice" ticks, a legend and vertical markers (such as a break-even).
//
// Usage:
//   report::TimeChart c;
//   c.title = "Cumulative cost";
//   c.y_label = "cost (USD)";
//   c.series.push_back({.name = "cloud", .points = {{0, 0}, {3 * kHour, 1.5}}});
//   c.series.push_back({.name = "on-premises", .points = ..., .dashed = true});
//   c.markers.push_back({.at = 2 * kHour, .label = "break-even"});
//   std::string svg = report::RenderTimeChart(c);            // one chart, one document
//   std::string two = report::RenderTimeCharts({c, d}, 900);  // panels stacked vertically
// or draw into a document of your own with DrawTimeChart(doc, c, frame).
//
// Time is integer milliseconds (SimTime or Duration); values are doubles because they are drawn,
// never summed into money. Output is deterministic (see svg.h).
#ifndef EC2SIM_REPORT_CHART_H_
#define EC2SIM_REPORT_CHART_H_

#include <cstdint>
#include <string>
#include <vector>

#include "sim/report/svg.h"

namespace ec2sim::report {

struct TimeValue {
  std::int64_t t = 0;  // ms
  double value = 0;
};

enum class SeriesKind {
  kLine,         // straight segments between points
  kStep,         // value holds until the next point (capacity, hourly rates)
  kStackedArea,  // filled band stacked on the kStackedArea series before it (step-shaped)
};

struct ChartSeries {
  std::string name{};               // legend label and hover text
  std::vector<TimeValue> points{};  // ascending t
  SeriesKind kind = SeriesKind::kLine;
  std::string color{};  // empty: Palette(index of this series)
  bool dashed = false;
  double width = 2;  // stroke width of lines
};

// A vertical line at `at` with a label at its top; hover text is `detail` (or the label).
struct ChartMarker {
  std::int64_t at = 0;
  std::string label{};
  std::string detail{};
  std::string color = "#444444";
};

enum class TimeAxis {
  kElapsed,   // ticks are durations since `origin`: "0", "6h", "1d", "1d12h"
  kCalendar,  // ticks are UTC dates/times of the SimTime: "01-05", "01-05 06:00"
};

struct TimeChart {
  std::string title{};
  std::string y_label{};  // with its unit: "servers", "cost (USD)", "requests per second"
  std::string x_label{};  // empty: "time since start" or "time (UTC)" by axis
  TimeAxis axis = TimeAxis::kElapsed;
  std::int64_t origin = 0;  // for kElapsed: the time shown as 0
  // The time range drawn; when t_end <= t_begin it is taken from the data.
  std::int64_t t_begin = 0;
  std::int64_t t_end = 0;
  // The value range always includes 0 and the data; y_max > data raises the top.
  double y_max = 0;
  std::vector<ChartSeries> series{};
  std::vector<ChartMarker> markers{};
  double width = 800;
  double height = 360;
};

// The i-th colour of a fixed colour-blind-safe palette (Okabe and Ito, 2008), cycling.
const std::string& Palette(std::size_t i);

// Tick values at a 1, 2 or 5 x 10^k step giving about `target` ticks, covering [lo, hi]: the
// first tick is <= lo and the last >= hi (at least 2 ticks when hi > lo; lo >= hi gives {lo}).
std::vector<double> NiceTicks(double lo, double hi, int target = 5);

// Tick times over [begin, end] at a calendar-friendly step (1 s .. 1 min .. 1 h .. 1 d .. 7 d
// .. 30 d) giving about `target` ticks; ticks are multiples of the step counted from `origin`.
std::vector<std::int64_t> TimeTicks(std::int64_t begin, std::int64_t end, std::int64_t origin,
                                    int target = 6);

// A tick label: "0", "2.5", "1,500", "12k" (>= 10,000), "3.4M".
std::string FormatTickValue(double v);

struct Frame {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

// Draws `chart` into `frame` of `doc` (chart.width/height are ignored). Empty charts draw axes
// and a "no data" note.
void DrawTimeChart(SvgDocument& doc, const TimeChart& chart, const Frame& frame);

// One chart as a standalone document of chart.width x chart.height.
std::string RenderTimeChart(const TimeChart& chart);

// Charts stacked top to bottom in one document `width` wide, each panel its own height;
// `title` becomes the document title and a heading above the panels when not empty.
std::string RenderTimeCharts(const std::vector<TimeChart>& charts, double width,
                             const std::string& title = {});

}  // namespace ec2sim::report

#endif  // EC2SIM_REPORT_CHART_H_
