#include "sim/report/svg.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/report/xml_check.h"

namespace ec2sim::report {
namespace {

using ec2sim::testing::CountElements;
using ec2sim::testing::XmlWellFormednessError;

TEST(Svg, NumbersAreFixedPointWithTrailingZerosTrimmed) {
  EXPECT_EQ(FormatNumber(1.5), "1.5");
  EXPECT_EQ(FormatNumber(2.0), "2");
  EXPECT_EQ(FormatNumber(3.14159), "3.14");
  EXPECT_EQ(FormatNumber(1e6), "1000000");  // never exponent notation
  EXPECT_EQ(FormatNumber(-0.001), "0");     // never "-0"
  EXPECT_EQ(FormatNumber(-12.25), "-12.25");
  EXPECT_EQ(FormatNumber(0.12345, 4), "0.1235");
  EXPECT_EQ(FormatNumber(std::numeric_limits<double>::quiet_NaN()), "0");
  EXPECT_EQ(FormatNumber(std::numeric_limits<double>::infinity()), "0");
}

TEST(Svg, EscapingReplacesMarkupAndDropsControlCharacters) {
  EXPECT_EQ(XmlEscape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
  EXPECT_EQ(XmlEscape(std::string("x\x01y\tz")), "xy\tz");
  EXPECT_EQ(XmlEscape("서울"), "서울");  // UTF-8 passes through
}

SvgDocument EveryShape() {
  SvgDocument doc(320, 200);
  doc.SetTitle("Title with <markup> & \"quotes\"");
  doc.SetDescription("desc");
  doc.SetBackground("#fff");
  doc.BeginGroup({.stroke = "#000", .extra = {{"transform", "translate(10 10)"}}}, "group <hover>");
  doc.Rect(0, 0, 50, -3, {.fill = "#0072b2"}, "rect & title");
  doc.Line(0, 0, 10, 10, {.stroke_width = 1.5, .dash = "4 2"});
  doc.Polyline({{0, 0}, {1.25, 2}, {3, 4}}, {.fill = "none"});
  doc.Polygon({{0, 0}, {5, 0}, {5, 5}}, {.fill = "red", .opacity = 0.5}, "tri");
  PathData d;
  d.MoveTo(0, 0).LineTo(1, 1).HorizontalTo(4).VerticalTo(2).ArcTo(3, 3, false, true, 8, 8).Close();
  doc.Path(d, {.fill = "none", .css_class = "p"});
  doc.Circle(20, 20, 4, {.fill = "blue"}, "a point");
  doc.EndGroup();
  doc.Text(5, 190, "1 < 2 & 3 > 2\nnext",
           {.size = 10, .anchor = TextAnchor::kMiddle, .rotate = -90}, "text title");
  doc.Comment("a -- comment ending in -");
  return doc;
}

TEST(Svg, DocumentWithEveryShapeIsWellFormedXml) {
  std::string svg = EveryShape().Render();
  EXPECT_EQ(XmlWellFormednessError(svg), "") << svg;
  EXPECT_NE(svg.find("xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_NE(svg.find("viewBox=\"0 0 320 200\""), std::string::npos);
  EXPECT_EQ(CountElements(svg, "rect"), 2);  // background and the rect
  EXPECT_EQ(CountElements(svg, "title"), 6);
  EXPECT_NE(svg.find("<title>rect &amp; title</title>"), std::string::npos);
  EXPECT_NE(svg.find(">1 &lt; 2 &amp; 3 &gt; 2 next<"), std::string::npos);
  EXPECT_NE(svg.find("height=\"0\""), std::string::npos);  // negative height clamped
  EXPECT_NE(svg.find("d=\"M0 0 L1 1 H4 V2 A3 3 0 0 1 8 8 Z\""), std::string::npos);
  EXPECT_NE(svg.find("transform=\"rotate(-90 5 190)\""), std::string::npos);
}

TEST(Svg, SameCallsGiveTheSameBytes) { EXPECT_EQ(EveryShape().Render(), EveryShape().Render()); }

TEST(Svg, EmptyStyleFieldsAreNotWritten) {
  SvgDocument doc(10, 10);
  doc.Line(0, 0, 1, 1, {});
  std::string svg = doc.Render();
  EXPECT_EQ(svg.find("fill="), std::string::npos);
  EXPECT_EQ(svg.find("stroke="), std::string::npos);
  EXPECT_EQ(svg.find("opacity="), std::string::npos);
}

}  // namespace
}  // namespace ec2sim::report
