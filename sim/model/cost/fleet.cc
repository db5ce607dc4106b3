#include "sim/model/cost/fleet.h"

#include <algorithm>
#include <cassert>

namespace ec2sim::cost {

__extension__ using Int128 = __int128;

std::int64_t Share(std::int64_t total, std::int64_t part, std::int64_t whole) {
  assert(total >= 0 && part >= 0 && whole >= 0);
  if (whole == 0) return 0;
  Int128 num = static_cast<Int128>(total) * part;
  return static_cast<std::int64_t>((2 * num + whole) / (2 * static_cast<Int128>(whole)));
}

Usage MeasureUsage(const Timeline& demand, const Timeline& serving, const Timeline& provisioned,
                   Duration horizon) {
  Usage u;
  Sweep({&demand, &serving, &provisioned}, horizon,
        [&u](Duration begin, Duration end, const std::vector<std::int64_t>& v) {
          const Duration dt = end - begin;
          const std::int64_t served = std::min(v[0], v[1]);
          const std::int64_t unserved = v[0] - served;
          u.demand += v[0] * dt;
          u.served += served * dt;
          u.unserved += unserved * dt;
          u.provisioned += v[2] * dt;
          u.idle += std::max<std::int64_t>(0, v[2] - served) * dt;
          if (unserved > 0) {
            u.unserved_time += dt;
            u.peak_unserved_units = std::max(u.peak_unserved_units, unserved);
          }
        });
  return u;
}

}  // namespace ec2sim::cost
