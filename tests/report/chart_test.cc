#include "sim/report/chart.h"

#include <gtest/gtest.h>

#include "ec2sim/sim_time.h"
#include "tests/report/xml_check.h"

namespace ec2sim::report {
namespace {

using ec2sim::testing::CountElements;
using ec2sim::testing::XmlWellFormednessError;

TEST(Chart, NiceTicksUseOneTwoOrFiveTimesAPowerOfTen) {
  // (7.3 - 0) / 5 = 1.46 -> step 2; the last tick covers 7.3.
  EXPECT_EQ(NiceTicks(0, 7.3, 6), (std::vector<double>{0, 2, 4, 6, 8}));
  // 1000 / 4 = 250 -> step 500.
  EXPECT_EQ(NiceTicks(0, 1000, 5), (std::vector<double>{0, 500, 1000}));
  // 0.03 / 4 = 0.0075 -> step 0.01.
  auto small = NiceTicks(0, 0.03, 5);
  ASSERT_EQ(small.size(), 4u);
  EXPECT_NEAR(small[3], 0.03, 1e-12);
  EXPECT_EQ(NiceTicks(5, 5), (std::vector<double>{5}));
}

TEST(Chart, TimeTicksChooseCalendarFriendlySteps) {
  // Two days in at most 8 ticks: 48 h / 6 h = 8, so every 6 hours from the origin.
  auto ticks = TimeTicks(0, 2 * kDay, 0, 8);
  ASSERT_EQ(ticks.size(), 9u);
  EXPECT_EQ(ticks[1], 6 * kHour);
  // A range starting between ticks starts at the next multiple of the step.
  auto shifted = TimeTicks(90 * kMinute, 10 * kHour, 0, 8);
  EXPECT_EQ(shifted.front(), 2 * kHour);
  // Seven days in 8 ticks: one a day.
  EXPECT_EQ(TimeTicks(0, 7 * kDay, 0, 8).size(), 8u);
}

TEST(Chart, TickValuesAreShortAndGrouped) {
  EXPECT_EQ(FormatTickValue(0), "0");
  EXPECT_EQ(FormatTickValue(2.5), "2.5");
  EXPECT_EQ(FormatTickValue(0.005), "0.005");
  EXPECT_EQ(FormatTickValue(1500), "1,500");
  EXPECT_EQ(FormatTickValue(12000), "12k");
  EXPECT_EQ(FormatTickValue(3400000), "3.4M");
}

TimeChart Sample() {
  TimeChart c;
  c.title = "Cost & load";
  c.y_label = "cost (USD)";
  c.series.push_back({.name = "compute",
                      .points = {{0, 3}, {kHour, 3}, {2 * kHour, 3}},
                      .kind = SeriesKind::kStackedArea});
  c.series.push_back({.name = "storage",
                      .points = {{0, 4}, {kHour, 4}, {2 * kHour, 4}},
                      .kind = SeriesKind::kStackedArea});
  c.series.push_back({.name = "demand",
                      .points = {{0, 1}, {kHour, 2}, {2 * kHour, 1}},
                      .kind = SeriesKind::kStep,
                      .dashed = true});
  c.series.push_back({.name = "trend", .points = {{0, 0}, {2 * kHour, 5}}});
  c.markers.push_back({.at = 90 * kMinute, .label = "break-even", .detail = "at 1h30m"});
  c.markers.push_back({.at = 5 * kHour, .label = "outside"});
  return c;
}

TEST(Chart, RenderedChartIsWellFormedWithLabelledAxesLegendAndMarker) {
  std::string svg = RenderTimeChart(Sample());
  EXPECT_EQ(XmlWellFormednessError(svg), "") << svg;
  EXPECT_NE(svg.find(">cost (USD)<"), std::string::npos);
  EXPECT_NE(svg.find(">time since start<"), std::string::npos);
  EXPECT_NE(svg.find("<title>Cost &amp; load</title>"), std::string::npos);
  for (const char* name : {">compute<", ">storage<", ">demand<", ">trend<", ">break-even<"}) {
    EXPECT_NE(svg.find(name), std::string::npos) << name;
  }
  EXPECT_EQ(svg.find(">outside<"), std::string::npos);  // marker beyond the time range
  EXPECT_EQ(CountElements(svg, "polygon"), 2);          // one band per stacked series
  EXPECT_EQ(CountElements(svg, "polyline"), 2);         // the step line and the line
  EXPECT_NE(svg.find(">1h<"), std::string::npos);       // an elapsed-time tick label
}

TEST(Chart, StackedAreasAddUpOnTheValueAxis) {
  // 3 + 4 = 7 stacked, so the axis must reach 8 (step 2); unstacked it would stop at 4.
  std::string svg = RenderTimeChart(Sample());
  EXPECT_NE(svg.find(">8<"), std::string::npos);
}

TEST(Chart, CalendarAxisLabelsMidnightsAsDates) {
  TimeChart c;
  c.y_label = "USD";
  c.axis = TimeAxis::kCalendar;
  SimTime jan1 = ParseIsoTime("2026-01-01T00:00:00Z").value();
  c.series.push_back({.name = "x", .points = {{jan1, 0}, {jan1 + 7 * kDay, 1}}});
  std::string svg = RenderTimeChart(c);
  EXPECT_EQ(XmlWellFormednessError(svg), "");
  EXPECT_NE(svg.find(">01-01<"), std::string::npos);
  EXPECT_NE(svg.find(">01-08<"), std::string::npos);
}

TEST(Chart, EmptyChartStillDrawsAxesAndSaysNoData) {
  TimeChart c;
  c.y_label = "servers";
  std::string svg = RenderTimeChart(c);
  EXPECT_EQ(XmlWellFormednessError(svg), "");
  EXPECT_NE(svg.find(">no data<"), std::string::npos);
}

TEST(Chart, PanelsStackInOneDocument) {
  TimeChart a = Sample();
  TimeChart b = Sample();
  b.height = 200;
  std::string svg = RenderTimeCharts({a, b}, 900, "Two panels");
  EXPECT_EQ(XmlWellFormednessError(svg), "");
  // 34 heading + 360 + 200.
  EXPECT_NE(svg.find("viewBox=\"0 0 900 594\""), std::string::npos);
  EXPECT_EQ(CountElements(svg, "polygon"), 4);
}

}  // namespace
}  // namespace ec2sim::report
