#include "sim/report/latency_map.h"

#include <cmath>
#include <set>

#include "sim/model/latency/meaning.h"
#include "sim/report/svg.h"

namespace ec2sim::report {

namespace {

using latency::Edge;
using latency::Explain;
using latency::FormatWait;
using latency::LatLon;
using latency::Medium;
using latency::Network;
using latency::Route;
using latency::Stop;

// The map shows latitudes 80N..60S: every region and city lies inside, and the polar rows an
// equirectangular map stretches most are left out.
constexpr double kWidth = 1200;
constexpr double kNorth = 80;
constexpr double kSouth = -60;
constexpr double kHeight = kWidth * (kNorth - kSouth) / 360;
constexpr double kLegendHeight = 24;

// Okabe-Ito colours, distinguishable with the common colour-vision deficiencies.
constexpr const char* kRouteColours[] = {"#d55e00", "#0072b2", "#009e73",
                                         "#cc79a7", "#e69f00", "#56b4e9"};

double X(double lon) { return (lon + 180) / 360 * kWidth; }
double Y(double lat) { return (kNorth - lat) / (kNorth - kSouth) * kHeight; }

// A segment from a to b the short way round: when it crosses the antimeridian it is drawn twice,
// shifted by one map width, so each copy leaves the map at one edge and enters at the other.
void Segment(PathData& d, LatLon a, LatLon b) {
  double lon_b = b.lon;
  if (lon_b - a.lon > 180) lon_b -= 360;
  if (a.lon - lon_b > 180) lon_b += 360;
  d.MoveTo(X(a.lon), Y(a.lat)).LineTo(X(lon_b), Y(b.lat));
  if (lon_b != b.lon) {
    double shift = lon_b < b.lon ? 360 : -360;
    d.MoveTo(X(a.lon + shift), Y(a.lat)).LineTo(X(b.lon), Y(b.lat));
  }
}

void DrawGraticule(SvgDocument& doc) {
  PathData d;
  for (int lon = -180; lon <= 180; lon += 30) d.MoveTo(X(lon), 0).VerticalTo(kHeight);
  for (int lat = -60; lat <= 80; lat += 20) d.MoveTo(0, Y(lat)).HorizontalTo(kWidth);
  doc.Path(d, {.fill = "none", .stroke = "#e8e8e8", .stroke_width = 0.5});
}

void DrawNetwork(SvgDocument& doc, const Network& net) {
  PathData land;
  PathData sea;
  for (const Edge& e : net.edges()) {
    Segment(e.medium == Medium::kSea ? sea : land, net.node(e.a).pos, net.node(e.b).pos);
  }
  doc.Path(sea, {.fill = "none", .stroke = "#9ecae1", .stroke_width = 0.8}, "submarine cables");
  doc.Path(land, {.fill = "none", .stroke = "#bdbdbd", .stroke_width = 0.8}, "terrestrial fiber");
}

void DrawRegions(SvgDocument& doc, const std::set<std::string>& labelled) {
  doc.BeginGroup({.fill = "#555555"});
  for (const model::RegionInfo& r : model::Regions()) {
    double x = X(r.longitude);
    double y = Y(r.latitude);
    doc.Circle(x, y, 2.5, {}, r.code + " (" + r.display_name + ")");
    if (labelled.count(r.code) == 0) {
      doc.Text(x + 4, y - 3, r.code, {.size = 7, .fill = "#777777"});
    }
  }
  doc.EndGroup();
}

void DrawRoute(SvgDocument& doc, const Route& route, const char* colour) {
  PathData d;
  for (size_t i = 1; i < route.stops.size(); ++i) {
    Segment(d, route.stops[i - 1].pos, route.stops[i].pos);
  }
  const Stop& from = route.stops.front();
  const Stop& to = route.stops.back();
  std::string rtt = FormatWait(route.rtt_micros);
  doc.Path(d,
           {.fill = "none",
            .stroke = colour,
            .stroke_width = 2.2,
            .extra = {{"stroke-linejoin", "round"}, {"stroke-linecap", "round"}}},
           from.name + " to " + to.name + ": " + rtt);
  for (const Stop* end : {&from, &to}) {
    double x = X(end->pos.lon);
    double y = Y(end->pos.lat);
    if (end->kind == Stop::Kind::kClient) {
      doc.Rect(x - 4, y - 4, 8, 8, {.fill = colour, .stroke = "#000000", .stroke_width = 0.8},
               end->name);
    } else {
      doc.Circle(x, y, 4, {.fill = colour, .stroke = "#000000", .stroke_width = 0.8}, end->name);
    }
    // Clients are labelled to the left and regions to the right, so a client in a region's
    // city does not hide the region's name.
    bool client = end->kind == Stop::Kind::kClient;
    doc.Text(client ? x - 7 : x + 6, y + 4, end->name,
             {.size = 11,
              .anchor = client ? TextAnchor::kEnd : TextAnchor::kStart,
              .fill = "#000000",
              .bold = true});
  }
  for (size_t i = 1; i + 1 < route.stops.size(); ++i) {
    const Stop& s = route.stops[i];
    doc.Circle(X(s.pos.lon), Y(s.pos.lat), 1.8, {.fill = colour}, s.name);
  }
}

// One legend line: the route's ends, its round trip and the fiber it runs over.
std::string LegendLine(const Route& r, bool ko) {
  std::string ends = r.stops.front().name + " -> " + r.stops.back().name + ": ";
  std::string km = std::to_string(std::lround(r.route_km));
  if (ko) return ends + "왕복 " + FormatWait(r.rtt_micros) + ", 광섬유 " + km + " km";
  return ends + "RTT " + FormatWait(r.rtt_micros) + " over " + km + " km of fiber; " +
         Explain(r.rtt_micros).summary;
}

}  // namespace

std::string WorldMapSvg(const std::vector<Route>& routes, std::string_view title,
                        std::string_view lang) {
  const bool ko = lang == "ko";
  double legend = kLegendHeight * (routes.empty() ? 1 : static_cast<double>(routes.size()));
  SvgDocument doc(kWidth, kHeight + legend);
  doc.SetTitle(title);
  doc.SetDescription(ko ? "정거원통 도법 지도(북위 80도~남위 60도). 회색: 육상 광섬유, 하늘색: "
                          "ec2sim 지연 모델의 해저 케이블. 점: AWS 리전."
                        : "Equirectangular map, 80N to 60S. Grey: terrestrial fiber; light blue: "
                          "submarine cables of the ec2sim latency model. Dots: AWS regions.");
  doc.SetBackground("#ffffff");
  DrawGraticule(doc);
  DrawNetwork(doc, Network::Builtin());
  std::set<std::string> labelled;
  for (const Route& r : routes) {
    for (const Stop& s : r.stops) labelled.insert(s.name);
  }
  DrawRegions(doc, labelled);
  for (size_t i = 0; i < routes.size(); ++i) {
    DrawRoute(doc, routes[i], kRouteColours[i % std::size(kRouteColours)]);
  }
  double y = kHeight + 16;
  if (routes.empty()) {
    doc.Text(8, y, title, {.size = 12, .fill = "#000000"});
  }
  for (size_t i = 0; i < routes.size(); ++i, y += kLegendHeight) {
    const Route& r = routes[i];
    const char* colour = kRouteColours[i % std::size(kRouteColours)];
    doc.Rect(8, y - 10, 12, 12, {.fill = colour});
    doc.Text(26, y, LegendLine(r, ko), {.size = 12, .fill = "#000000"});
  }
  return doc.Render();
}

}  // namespace ec2sim::report
