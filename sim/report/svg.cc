#include "sim/report/svg.h"

#include <cassert>
#include <cmath>
#include <cstdio>

#include "sim/engine/xml_text.h"

namespace ec2sim::report {
namespace {

// name="value" with a leading space, the value escaped.
void Attr(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  engine::AppendXmlEscaped(out, value, engine::XmlApostrophe::kEscape);
  out += '"';
}

void NumAttr(std::string& out, std::string_view name, double value) {
  Attr(out, name, FormatNumber(value));
}

std::string StyleAttrs(const Style& s) {
  std::string out;
  if (!s.fill.empty()) Attr(out, "fill", s.fill);
  if (!s.stroke.empty()) Attr(out, "stroke", s.stroke);
  if (s.stroke_width > 0) NumAttr(out, "stroke-width", s.stroke_width);
  if (s.opacity != 1) Attr(out, "opacity", FormatNumber(s.opacity, 3));
  if (!s.dash.empty()) Attr(out, "stroke-dasharray", s.dash);
  if (!s.css_class.empty()) Attr(out, "class", s.css_class);
  for (const auto& [name, value] : s.extra) Attr(out, name, value);
  return out;
}

std::string PointsAttr(const std::vector<Point>& points) {
  std::string v;
  for (const Point& p : points) {
    if (!v.empty()) v += ' ';
    v += FormatNumber(p.x);
    v += ',';
    v += FormatNumber(p.y);
  }
  std::string out;
  Attr(out, "points", v);
  return out;
}

}  // namespace

std::string FormatNumber(double v, int max_decimals) {
  if (!std::isfinite(v)) return "0";
  if (max_decimals < 0) max_decimals = 0;
  if (max_decimals > 6) max_decimals = 6;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", max_decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  engine::AppendXmlEscaped(out, text, engine::XmlApostrophe::kEscape);
  return out;
}

PathData& PathData::MoveTo(double x, double y) {
  d_ += (d_.empty() ? "M" : " M") + FormatNumber(x) + ' ' + FormatNumber(y);
  return *this;
}
PathData& PathData::LineTo(double x, double y) {
  d_ += " L" + FormatNumber(x) + ' ' + FormatNumber(y);
  return *this;
}
PathData& PathData::HorizontalTo(double x) {
  d_ += " H" + FormatNumber(x);
  return *this;
}
PathData& PathData::VerticalTo(double y) {
  d_ += " V" + FormatNumber(y);
  return *this;
}
PathData& PathData::ArcTo(double rx, double ry, bool large_arc, bool sweep, double x, double y) {
  d_ += " A" + FormatNumber(rx) + ' ' + FormatNumber(ry) + " 0 " + (large_arc ? "1 " : "0 ") +
        (sweep ? "1 " : "0 ") + FormatNumber(x) + ' ' + FormatNumber(y);
  return *this;
}
PathData& PathData::Close() {
  d_ += " Z";
  return *this;
}

SvgDocument::SvgDocument(double width, double height) : width_(width), height_(height) {
  assert(width > 0 && height > 0);
}

void SvgDocument::Indent() { body_.append(static_cast<std::size_t>(depth_) * 2, ' '); }

void SvgDocument::Element(std::string_view name, const std::string& attrs, std::string_view title) {
  Indent();
  body_ += '<';
  body_ += name;
  body_ += attrs;
  if (title.empty()) {
    body_ += "/>\n";
    return;
  }
  body_ += "><title>" + XmlEscape(title) + "</title></";
  body_ += name;
  body_ += ">\n";
}

void SvgDocument::BeginGroup(const Style& style, std::string_view title) {
  Indent();
  body_ += "<g" + StyleAttrs(style) + ">\n";
  ++depth_;
  if (!title.empty()) {
    Indent();
    body_ += "<title>" + XmlEscape(title) + "</title>\n";
  }
}

void SvgDocument::EndGroup() {
  assert(depth_ > 1 && "EndGroup without BeginGroup");
  --depth_;
  Indent();
  body_ += "</g>\n";
}

void SvgDocument::Rect(double x, double y, double w, double h, const Style& style,
                       std::string_view title) {
  std::string a;
  NumAttr(a, "x", x);
  NumAttr(a, "y", y);
  NumAttr(a, "width", w < 0 ? 0 : w);  // negative sizes are an error in SVG
  NumAttr(a, "height", h < 0 ? 0 : h);
  Element("rect", a + StyleAttrs(style), title);
}

void SvgDocument::Line(double x1, double y1, double x2, double y2, const Style& style,
                       std::string_view title) {
  std::string a;
  NumAttr(a, "x1", x1);
  NumAttr(a, "y1", y1);
  NumAttr(a, "x2", x2);
  NumAttr(a, "y2", y2);
  Element("line", a + StyleAttrs(style), title);
}

void SvgDocument::Polyline(const std::vector<Point>& points, const Style& style,
                           std::string_view title) {
  Element("polyline", PointsAttr(points) + StyleAttrs(style), title);
}

void SvgDocument::Polygon(const std::vector<Point>& points, const Style& style,
                          std::string_view title) {
  Element("polygon", PointsAttr(points) + StyleAttrs(style), title);
}

void SvgDocument::Path(const PathData& d, const Style& style, std::string_view title) {
  std::string a;
  Attr(a, "d", d.empty() ? "M0 0" : d.str());
  Element("path", a + StyleAttrs(style), title);
}

void SvgDocument::Circle(double cx, double cy, double r, const Style& style,
                         std::string_view title) {
  std::string a;
  NumAttr(a, "cx", cx);
  NumAttr(a, "cy", cy);
  NumAttr(a, "r", r < 0 ? 0 : r);
  Element("circle", a + StyleAttrs(style), title);
}

void SvgDocument::Text(double x, double y, std::string_view text, const TextStyle& style,
                       std::string_view title) {
  std::string a;
  NumAttr(a, "x", x);
  NumAttr(a, "y", y);
  NumAttr(a, "font-size", style.size);
  if (style.anchor == TextAnchor::kMiddle) Attr(a, "text-anchor", "middle");
  if (style.anchor == TextAnchor::kEnd) Attr(a, "text-anchor", "end");
  // dominant-baseline is SVG 1.1 and honoured by browsers; "central" centres on the line.
  if (style.baseline == TextBaseline::kMiddle) Attr(a, "dominant-baseline", "central");
  if (style.baseline == TextBaseline::kHanging) Attr(a, "dominant-baseline", "hanging");
  if (!style.fill.empty()) Attr(a, "fill", style.fill);
  if (style.bold) Attr(a, "font-weight", "bold");
  if (!style.family.empty()) Attr(a, "font-family", style.family);
  if (!style.css_class.empty()) Attr(a, "class", style.css_class);
  if (style.rotate != 0) {
    Attr(a, "transform",
         "rotate(" + FormatNumber(style.rotate) + ' ' + FormatNumber(x) + ' ' + FormatNumber(y) +
             ')');
  }
  std::string content;
  for (char c : text) content += (c == '\n' || c == '\r') ? ' ' : c;
  Indent();
  body_ += "<text" + a + '>' + XmlEscape(content);
  if (!title.empty()) body_ += "<title>" + XmlEscape(title) + "</title>";
  body_ += "</text>\n";
}

void SvgDocument::Comment(std::string_view text) {
  std::string safe;
  for (char c : text) {
    // "--" may not appear inside a comment, nor may one end in "-".
    if (c == '-' && !safe.empty() && safe.back() == '-') safe += ' ';
    safe += c;
  }
  Indent();
  body_ += "<!-- " + safe + " -->\n";
}

std::string SvgDocument::Render() const {
  assert(depth_ == 1 && "unclosed group");
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg";
  Attr(out, "xmlns", "http://www.w3.org/2000/svg");
  Attr(out, "version", "1.1");
  NumAttr(out, "width", width_);
  NumAttr(out, "height", height_);
  Attr(out, "viewBox", "0 0 " + FormatNumber(width_) + ' ' + FormatNumber(height_));
  Attr(out, "font-family", "Helvetica, Arial, sans-serif");
  out += ">\n";
  if (!title_.empty()) out += "  <title>" + XmlEscape(title_) + "</title>\n";
  if (!desc_.empty()) out += "  <desc>" + XmlEscape(desc_) + "</desc>\n";
  if (!background_.empty()) {
    std::string a;
    Attr(a, "width", "100%");
    Attr(a, "height", "100%");
    Attr(a, "fill", background_);
    out += "  <rect" + a + "/>\n";
  }
  out += body_;
  out += "</svg>\n";
  return out;
}

}  // namespace ec2sim::report
