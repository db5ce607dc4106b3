// A small SVG 1.1 writer for the simulator's pictures (bills, cost comparisons, maps).
//
// Usage:
//   report::SvgDocument doc(800, 400);            // width x height user units; viewBox 0 0 800 400
//   doc.SetTitle("Cost over time");               // <title> of the whole picture
//   doc.BeginGroup({.extra = {{"transform", "translate(10 20)"}}});
//   doc.Rect(0, 0, 50, 20, {.fill = "#0072b2"}, "EC2 compute: $1.20");  // last arg: hover text
//   report::PathData d;
//   d.MoveTo(0, 0).LineTo(10, 5).LineTo(20, 0);
//   doc.Path(d, {.stroke = "#000", .stroke_width = 1.5});
//   doc.Text(5, 15, "a < b & c", {.size = 12, .anchor = TextAnchor::kMiddle});
//   doc.EndGroup();
//   std::string svg = doc.Render();               // a complete, standalone document
//
// Every number is written by FormatNumber (fixed point, at most 2 decimals, trailing zeros
// trimmed, never "-0", non-finite values as 0), so the same calls always give the same bytes on
// every platform. Every string (text, titles, attribute values) is XML-escaped. Coordinates are
// SVG user units with y growing downwards. Nothing here reads the clock, files or randomness.
#ifndef EC2SIM_REPORT_SVG_H_
#define EC2SIM_REPORT_SVG_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ec2sim::report {

// `v` in fixed point with at most `max_decimals` (0..6) decimals, trailing zeros and a trailing
// '.' removed: 1.5 -> "1.5", 2.0 -> "2", -0.001 -> "0". NaN and infinities are written as "0".
std::string FormatNumber(double v, int max_decimals = 2);

// `text` with &, <, >, " and ' replaced by entities, safe for element content and for attribute
// values. Control characters other than tab, newline and carriage return (not allowed in XML 1.0)
// are dropped. Bytes >= 0x80 pass through unchanged (the document is UTF-8).
std::string XmlEscape(std::string_view text);

// Presentation attributes shared by every shape. Empty strings and zero widths are omitted so
// that SVG's defaults (or an enclosing group's values) apply.
struct Style {
  std::string fill{};       // "#d55e00", "none"; empty: inherit (SVG default is black)
  std::string stroke{};     // empty: inherit (SVG default is none)
  double stroke_width = 0;  // 0: inherit
  double opacity = 1;       // whole-element opacity, 0..1; 1 is not written
  std::string dash{};       // stroke-dasharray such as "4 3"; empty: solid
  std::string css_class{};  // class attribute
  // Any other attributes, written in this order after the ones above: {"id", "x"},
  // {"transform", "translate(10 0)"}, {"stroke-linejoin", "round"}. Values are escaped.
  std::vector<std::pair<std::string, std::string>> extra{};
};

enum class TextAnchor { kStart, kMiddle, kEnd };
enum class TextBaseline { kAuto, kMiddle, kHanging };

struct TextStyle {
  double size = 12;  // font-size in user units
  TextAnchor anchor = TextAnchor::kStart;
  TextBaseline baseline = TextBaseline::kAuto;
  std::string fill{};  // empty: inherit
  bool bold = false;
  double rotate = 0;     // degrees clockwise about (x, y); 0 is not written
  std::string family{};  // empty: inherit (the document sets a sans-serif default)
  std::string css_class{};
};

// Path data ("d" attribute) built from absolute commands, numbers formatted by FormatNumber.
class PathData {
 public:
  PathData& MoveTo(double x, double y);
  PathData& LineTo(double x, double y);
  PathData& HorizontalTo(double x);
  PathData& VerticalTo(double y);
  // Elliptical arc to (x, y) with radii rx, ry (SVG "A" command; rotation 0).
  PathData& ArcTo(double rx, double ry, bool large_arc, bool sweep, double x, double y);
  PathData& Close();
  const std::string& str() const { return d_; }
  bool empty() const { return d_.empty(); }

 private:
  std::string d_;
};

struct Point {
  double x = 0;
  double y = 0;
};

// A standalone SVG 1.1 document. Elements are appended in call order (later ones paint over
// earlier ones). Every shape method takes an optional `title`: when not empty it becomes a
// <title> child, which browsers show as hover text.
class SvgDocument {
 public:
  // Preconditions: width > 0, height > 0. The document's width/height attributes and viewBox
  // are both 0 0 width height.
  SvgDocument(double width, double height);

  double width() const { return width_; }
  double height() const { return height_; }

  // The document's <title> and <desc>, written first (accessible name of the picture).
  void SetTitle(std::string_view title) { title_ = title; }
  void SetDescription(std::string_view desc) { desc_ = desc; }
  // A plain white (or `fill`) rectangle under everything, so the picture reads on dark viewers.
  void SetBackground(std::string_view fill) { background_ = fill; }

  // <g> with the style's attributes (which children inherit) and an optional hover title.
  // Every BeginGroup needs a matching EndGroup before Render.
  void BeginGroup(const Style& style = {}, std::string_view title = {});
  void EndGroup();

  void Rect(double x, double y, double w, double h, const Style& style,
            std::string_view title = {});
  void Line(double x1, double y1, double x2, double y2, const Style& style,
            std::string_view title = {});
  void Polyline(const std::vector<Point>& points, const Style& style, std::string_view title = {});
  void Polygon(const std::vector<Point>& points, const Style& style, std::string_view title = {});
  void Path(const PathData& d, const Style& style, std::string_view title = {});
  void Circle(double cx, double cy, double r, const Style& style, std::string_view title = {});
  // Single-line text at (x, y); newlines in `text` are written as spaces.
  void Text(double x, double y, std::string_view text, const TextStyle& style,
            std::string_view title = {});
  // A raw comment, for readers of the file ("--" is replaced so the comment stays well formed).
  void Comment(std::string_view text);

  // The complete document: XML declaration, <svg> root with the SVG namespace, title, desc,
  // background, then the body. Precondition: every group is closed.
  std::string Render() const;

 private:
  void Element(std::string_view name, const std::string& attrs, std::string_view title);
  void Indent();

  double width_;
  double height_;
  std::string title_;
  std::string desc_;
  std::string background_;
  std::string body_;
  int depth_ = 1;
};

}  // namespace ec2sim::report

#endif  // EC2SIM_REPORT_SVG_H_
