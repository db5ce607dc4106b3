// An equirectangular world map (SVG) of the latency model: the fiber network in grey, every
// region as a dot, and the routes of chosen flows drawn over it with their RTTs.
#ifndef EC2SIM_REPORT_LATENCY_MAP_H_
#define EC2SIM_REPORT_LATENCY_MAP_H_

#include <string>
#include <string_view>
#include <vector>

#include "sim/model/latency/latency.h"

namespace ec2sim::report {

// A complete standalone SVG document. `routes` may be empty (the network alone); each route is
// drawn in its own colour with its end labels and, in the legend, "FROM -> TO: RTT". The same
// routes always give the same bytes. `lang` "ko" words the description and legend in Korean
// (the console's latency map); anything else in English.
std::string WorldMapSvg(const std::vector<latency::Route>& routes, std::string_view title,
                        std::string_view lang = "en");

}  // namespace ec2sim::report

#endif  // EC2SIM_REPORT_LATENCY_MAP_H_
