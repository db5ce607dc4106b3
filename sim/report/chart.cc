#include "sim/report/chart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "ec2sim/sim_time.h"

namespace ec2sim::report {
namespace {

constexpr double kTitleHeight = 24;
constexpr double kLegendRow = 18;
constexpr double kLeftMargin = 70;
constexpr double kRightMargin = 18;
constexpr double kBottomMargin = 44;
constexpr double kFontSize = 11;
const char kAxisColor[] = "#333333";
const char kGridColor[] = "#e3e3e3";

// Rough width of `text` at `size`: enough to lay out legends without measuring fonts.
double TextWidth(const std::string& text, double size) {
  return static_cast<double>(text.size()) * size * 0.58;
}

// The value of a step series at t: the last point at or before t, 0 before the first.
double StepValueAt(const std::vector<TimeValue>& pts, std::int64_t t) {
  auto it = std::upper_bound(pts.begin(), pts.end(), t,
                             [](std::int64_t x, const TimeValue& p) { return x < p.t; });
  if (it == pts.begin()) return 0;
  return std::prev(it)->value;
}

struct Scale {
  Frame plot;
  std::int64_t t0 = 0;
  std::int64_t t1 = 1;
  double v0 = 0;
  double v1 = 1;
  double X(std::int64_t t) const {
    double x = plot.x + static_cast<double>(t - t0) / static_cast<double>(t1 - t0) * plot.width;
    return std::clamp(x, plot.x, plot.x + plot.width);
  }
  double Y(double v) const {
    double y = plot.y + plot.height - (v - v0) / (v1 - v0) * plot.height;
    return std::clamp(y, plot.y, plot.y + plot.height);
  }
};

std::string SeriesColor(const ChartSeries& s, std::size_t index) {
  return s.color.empty() ? Palette(index) : s.color;
}

std::string TimeLabel(const TimeChart& c, std::int64_t t) {
  if (c.axis == TimeAxis::kElapsed) {
    std::int64_t d = t - c.origin;
    if (d == 0) return "0";
    return d < 0 ? "-" + FormatDuration(-d) : FormatDuration(d);
  }
  CivilDate date = ToCivil(t);
  std::int64_t in_day = ((t % kDay) + kDay) % kDay;
  char buf[32];
  if (in_day == 0) {
    std::snprintf(buf, sizeof buf, "%02d-%02d", date.month, date.day);
  } else {
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(in_day / kHour),
                  static_cast<int>(in_day % kHour / kMinute));
  }
  return buf;
}

// Stacked bands: for each kStackedArea series, its lower and upper edge at each union time.
struct Bands {
  std::vector<std::int64_t> times;
  std::vector<std::size_t> series;                // indexes into chart.series
  std::vector<std::vector<double>> lower, upper;  // [band][time]
};

Bands StackAreas(const TimeChart& c) {
  Bands b;
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    if (c.series[i].kind != SeriesKind::kStackedArea) continue;
    b.series.push_back(i);
    for (const TimeValue& p : c.series[i].points) b.times.push_back(p.t);
  }
  std::sort(b.times.begin(), b.times.end());
  b.times.erase(std::unique(b.times.begin(), b.times.end()), b.times.end());
  std::vector<double> base(b.times.size(), 0.0);
  for (std::size_t i : b.series) {
    const auto& pts = c.series[i].points;
    std::vector<double> top(b.times.size());
    for (std::size_t k = 0; k < b.times.size(); ++k) {
      bool inside = !pts.empty() && b.times[k] >= pts.front().t && b.times[k] < pts.back().t;
      top[k] = base[k] + (inside ? StepValueAt(pts, b.times[k]) : 0.0);
    }
    b.lower.push_back(base);
    b.upper.push_back(top);
    base = top;
  }
  return b;
}

void DrawLegend(SvgDocument& doc, const TimeChart& c, double x0, double y0, double width) {
  double x = x0;
  double y = y0;
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    const ChartSeries& s = c.series[i];
    double item = 18 + TextWidth(s.name, kFontSize) + 16;
    if (x + item > x0 + width && x > x0) {
      x = x0;
      y += kLegendRow;
    }
    std::string color = SeriesColor(s, i);
    if (s.kind == SeriesKind::kStackedArea) {
      doc.Rect(x, y + 3, 14, 10, {.fill = color, .opacity = 0.85});
    } else {
      doc.Line(x, y + 8, x + 14, y + 8,
               {.stroke = color, .stroke_width = 2.5, .dash = s.dashed ? "4 2" : ""});
    }
    doc.Text(x + 18, y + 8, s.name,
             {.size = kFontSize, .baseline = TextBaseline::kMiddle, .fill = kAxisColor});
    x += item;
  }
}

int LegendRows(const TimeChart& c, double width) {
  if (c.series.empty()) return 0;
  int rows = 1;
  double x = 0;
  for (const ChartSeries& s : c.series) {
    double item = 18 + TextWidth(s.name, kFontSize) + 16;
    if (x + item > width && x > 0) {
      ++rows;
      x = 0;
    }
    x += item;
  }
  return rows;
}

void DrawSeries(SvgDocument& doc, const Scale& sc, const ChartSeries& s, const std::string& color) {
  if (s.points.empty()) return;
  std::vector<Point> pts;
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const TimeValue& p = s.points[i];
    if (s.kind == SeriesKind::kStep && i > 0) {
      pts.push_back({sc.X(p.t), sc.Y(s.points[i - 1].value)});
    }
    pts.push_back({sc.X(p.t), sc.Y(p.value)});
  }
  Style style{.fill = "none",
              .stroke = color,
              .stroke_width = s.width,
              .dash = s.dashed ? "6 3" : "",
              .extra = {{"stroke-linejoin", "round"}}};
  doc.Polyline(pts, style, s.name);
}

void DrawBands(SvgDocument& doc, const Scale& sc, const TimeChart& c, const Bands& b) {
  if (b.times.size() < 2) return;
  for (std::size_t band = 0; band < b.series.size(); ++band) {
    std::vector<Point> pts;
    const auto& up = b.upper[band];
    const auto& lo = b.lower[band];
    for (std::size_t k = 0; k + 1 < b.times.size(); ++k) {
      pts.push_back({sc.X(b.times[k]), sc.Y(up[k])});
      pts.push_back({sc.X(b.times[k + 1]), sc.Y(up[k])});
    }
    for (std::size_t k = b.times.size() - 1; k-- > 0;) {
      pts.push_back({sc.X(b.times[k + 1]), sc.Y(lo[k])});
      pts.push_back({sc.X(b.times[k]), sc.Y(lo[k])});
    }
    std::size_t i = b.series[band];
    doc.Polygon(pts, {.fill = SeriesColor(c.series[i], i), .opacity = 0.85}, c.series[i].name);
  }
}

}  // namespace

const std::string& Palette(std::size_t i) {
  // Okabe & Ito's colour-blind-safe set, black left out (it is the axis colour).
  static const std::array<std::string, 7> kColors = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                                     "#e69f00", "#56b4e9", "#f0e442"};
  return kColors[i % kColors.size()];
}

std::vector<double> NiceTicks(double lo, double hi, int target) {
  if (!(hi > lo)) return {lo};
  double raw = (hi - lo) / std::max(1, target - 1);
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double norm = raw / mag;
  double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
  double first = std::floor(lo / step + 1e-9) * step;
  double last = std::ceil(hi / step - 1e-9) * step;
  std::vector<double> ticks;
  for (int k = 0;; ++k) {
    double v = first + k * step;
    if (v > last + step * 1e-6) break;
    ticks.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
  }
  return ticks;
}

std::vector<std::int64_t> TimeTicks(std::int64_t begin, std::int64_t end, std::int64_t origin,
                                    int target) {
  static constexpr std::array<std::int64_t, 29> kSteps = {
      kSecond,    2 * kSecond, 5 * kSecond, 10 * kSecond, 15 * kSecond, 30 * kSecond,
      kMinute,    2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute,
      kHour,      2 * kHour,   3 * kHour,   6 * kHour,    12 * kHour,   kDay,
      2 * kDay,   7 * kDay,    14 * kDay,   30 * kDay,    60 * kDay,    90 * kDay,
      180 * kDay, 365 * kDay,  730 * kDay,  1825 * kDay,  3650 * kDay};
  if (end <= begin) return {begin};
  std::int64_t step = kSteps.back();
  for (std::int64_t s : kSteps) {
    if ((end - begin) / s <= target) {
      step = s;
      break;
    }
  }
  // First multiple of step from origin at or after begin (floor division for negatives).
  std::int64_t offset = begin - origin;
  std::int64_t k = offset / step;
  if (k * step < offset) ++k;
  std::vector<std::int64_t> ticks;
  for (std::int64_t t = origin + k * step; t <= end; t += step) ticks.push_back(t);
  return ticks;
}

std::string FormatTickValue(double v) {
  double a = std::abs(v);
  if (a >= 1e6) return FormatNumber(v / 1e6, 1) + "M";
  if (a >= 1e4) return FormatNumber(v / 1e3, 1) + "k";
  std::string s = FormatNumber(v, a >= 100 ? 0 : a >= 1 ? 2 : 4);
  if (a >= 1000) {  // thousands separator
    std::size_t dot = s.find('.');
    std::size_t end = dot == std::string::npos ? s.size() : dot;
    s.insert(end - 3, ",");
  }
  return s;
}

void DrawTimeChart(SvgDocument& doc, const TimeChart& c, const Frame& f) {
  Bands bands = StackAreas(c);
  // Data ranges.
  std::int64_t t0 = c.t_begin, t1 = c.t_end;
  double vmin = 0, vmax = std::max(0.0, c.y_max);
  bool have_time = false;
  std::int64_t dmin = 0, dmax = 0;
  auto see_time = [&](std::int64_t t) {
    dmin = have_time ? std::min(dmin, t) : t;
    dmax = have_time ? std::max(dmax, t) : t;
    have_time = true;
  };
  for (const ChartSeries& s : c.series) {
    for (const TimeValue& p : s.points) {
      see_time(p.t);
      if (s.kind != SeriesKind::kStackedArea) {
        vmin = std::min(vmin, p.value);
        vmax = std::max(vmax, p.value);
      }
    }
  }
  for (const auto& up : bands.upper) {
    for (double v : up) vmax = std::max(vmax, v);
  }
  if (t1 <= t0) {
    t0 = have_time ? dmin : 0;
    t1 = have_time ? dmax : kHour;
    if (t1 <= t0) t1 = t0 + kHour;
  }
  if (vmax <= vmin) vmax = vmin + 1;
  // A little headroom so that a line at the maximum does not run along the frame.
  std::vector<double> yticks = NiceTicks(vmin, vmin + (vmax - vmin) * 1.04, 6);

  const double legend_h = LegendRows(c, f.width - kLeftMargin) * kLegendRow;
  const double top = f.y + (c.title.empty() ? 6 : kTitleHeight) + legend_h + 8;
  Scale sc;
  sc.plot = {f.x + kLeftMargin, top, f.width - kLeftMargin - kRightMargin,
             std::max(10.0, f.y + f.height - kBottomMargin - top)};
  sc.t0 = t0;
  sc.t1 = t1;
  sc.v0 = yticks.front();
  sc.v1 = yticks.back() > yticks.front() ? yticks.back() : yticks.front() + 1;
  const Frame& p = sc.plot;

  doc.BeginGroup({.css_class = "chart"}, c.title);
  if (!c.title.empty()) {
    doc.Text(f.x + kLeftMargin, f.y + 16, c.title, {.size = 14, .fill = kAxisColor, .bold = true});
  }
  DrawLegend(doc, c, f.x + kLeftMargin, f.y + (c.title.empty() ? 6 : kTitleHeight),
             f.width - kLeftMargin);

  // Grid, ticks and labels.
  doc.BeginGroup({.stroke = kGridColor, .stroke_width = 1});
  for (double v : yticks) doc.Line(p.x, sc.Y(v), p.x + p.width, sc.Y(v), {});
  std::int64_t origin = c.axis == TimeAxis::kElapsed ? c.origin : 0;
  std::vector<std::int64_t> xticks = TimeTicks(t0, t1, origin, 8);
  for (std::int64_t t : xticks) doc.Line(sc.X(t), p.y, sc.X(t), p.y + p.height, {});
  doc.EndGroup();
  doc.BeginGroup({.fill = kAxisColor});
  for (double v : yticks) {
    doc.Text(p.x - 6, sc.Y(v), FormatTickValue(v),
             {.size = kFontSize, .anchor = TextAnchor::kEnd, .baseline = TextBaseline::kMiddle});
  }
  for (std::int64_t t : xticks) {
    doc.Text(sc.X(t), p.y + p.height + 14, TimeLabel(c, t),
             {.size = kFontSize, .anchor = TextAnchor::kMiddle});
  }
  std::string x_label = !c.x_label.empty()             ? c.x_label
                        : c.axis == TimeAxis::kElapsed ? "time since start"
                                                       : "time (UTC, month-day or hh:mm)";
  doc.Text(p.x + p.width / 2, p.y + p.height + 34, x_label,
           {.size = kFontSize + 1, .anchor = TextAnchor::kMiddle});
  doc.Text(f.x + 16, p.y + p.height / 2, c.y_label,
           {.size = kFontSize + 1, .anchor = TextAnchor::kMiddle, .rotate = -90});
  doc.EndGroup();

  // Data: areas under lines.
  doc.BeginGroup({.css_class = "series"});
  DrawBands(doc, sc, c, bands);
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    if (c.series[i].kind != SeriesKind::kStackedArea) {
      DrawSeries(doc, sc, c.series[i], SeriesColor(c.series[i], i));
    }
  }
  doc.EndGroup();
  if (!have_time) {
    doc.Text(p.x + p.width / 2, p.y + p.height / 2, "no data",
             {.size = 14, .anchor = TextAnchor::kMiddle, .fill = "#888888"});
  }

  // Markers and the axes on top.
  for (const ChartMarker& m : c.markers) {
    if (m.at < t0 || m.at > t1) continue;
    double x = sc.X(m.at);
    std::string hover = m.detail.empty() ? m.label : m.detail;
    doc.Line(x, p.y, x, p.y + p.height, {.stroke = m.color, .stroke_width = 1.5, .dash = "5 3"},
             hover);
    bool right_half = x > p.x + p.width * 0.7;
    doc.Text(right_half ? x - 4 : x + 4, p.y + 12, m.label,
             {.size = kFontSize,
              .anchor = right_half ? TextAnchor::kEnd : TextAnchor::kStart,
              .fill = m.color,
              .bold = true},
             hover);
  }
  doc.Line(p.x, p.y + p.height, p.x + p.width, p.y + p.height,
           {.stroke = kAxisColor, .stroke_width = 1});
  doc.Line(p.x, p.y, p.x, p.y + p.height, {.stroke = kAxisColor, .stroke_width = 1});
  doc.EndGroup();
}

std::string RenderTimeChart(const TimeChart& chart) {
  SvgDocument doc(chart.width, chart.height);
  doc.SetTitle(chart.title);
  doc.SetBackground("#ffffff");
  DrawTimeChart(doc, chart, {0, 0, chart.width, chart.height});
  return doc.Render();
}

std::string RenderTimeCharts(const std::vector<TimeChart>& charts, double width,
                             const std::string& title) {
  double heading = title.empty() ? 0 : 34;
  double total = heading;
  for (const TimeChart& c : charts) total += c.height;
  SvgDocument doc(width, std::max(total, 1.0));
  doc.SetTitle(title);
  doc.SetBackground("#ffffff");
  if (!title.empty()) {
    doc.Text(width / 2, 22, title,
             {.size = 17, .anchor = TextAnchor::kMiddle, .fill = kAxisColor, .bold = true});
  }
  double y = heading;
  for (const TimeChart& c : charts) {
    DrawTimeChart(doc, c, {0, y, width, c.height});
    y += c.height;
  }
  return doc.Render();
}

}  // namespace ec2sim::report
