#include "tests/latency/calibration.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <utility>

#include "sim/model/latency/geo.h"
#include "sim/model/regions.h"

namespace ec2sim::latency::testing {
namespace {

// The search grid of the calibration (docs/latency.md): thousandths for factors, us for hops.
constexpr int kLandFrom = 1050, kLandTo = 1450, kFactorStep = 25;
constexpr int kSeaFrom = 1000, kSeaTo = 1300;
constexpr std::int64_t kHopFrom = 0, kHopTo = 5000, kHopStep = 250;

LatLon PosOf(const std::string& code) {
  const model::RegionInfo* r = model::FindRegion(code);
  return {r->latitude, r->longitude};
}

std::pair<std::string, std::string> Key(const MeasuredPair& p) {
  return p.a < p.b ? std::make_pair(p.a, p.b) : std::make_pair(p.b, p.a);
}

}  // namespace

std::vector<MeasuredPair> ReadPairs(const std::string& file_name) {
  std::ifstream in(std::string(EC2SIM_SOURCE_DIR) + "/tests/latency/data/" + file_name);
  std::vector<MeasuredPair> out;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::istringstream fields(line);
    MeasuredPair p;
    std::string rtt;
    std::getline(fields, p.a, ',');
    std::getline(fields, p.b, ',');
    std::getline(fields, rtt, ',');
    p.rtt_ms = std::stod(rtt);
    out.push_back(p);
  }
  return out;
}

std::vector<MeasuredPair> Without(const std::vector<MeasuredPair>& all,
                                  const std::vector<MeasuredPair>& exclude) {
  std::set<std::pair<std::string, std::string>> skip;
  for (const MeasuredPair& p : exclude) skip.insert(Key(p));
  std::vector<MeasuredPair> out;
  for (const MeasuredPair& p : all) {
    if (skip.count(Key(p)) == 0) out.push_back(p);
  }
  return out;
}

double Quantile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  double k = (values.size() - 1) * q;
  size_t lo = static_cast<size_t>(std::floor(k));
  size_t hi = std::min(values.size() - 1, lo + 1);
  return values[lo] + (values[hi] - values[lo]) * (k - static_cast<double>(lo));
}

ErrorStats Summarize(const std::vector<double>& relative_errors) {
  return {Quantile(relative_errors, 0.5), Quantile(relative_errors, 0.9), relative_errors.size()};
}

std::vector<double> Predict(const std::vector<MeasuredPair>& pairs, const RouteParams& params) {
  const Network& net = Network::Builtin();
  Router router(net, params, Traffic::kBackbone);
  std::map<std::string, Router::Tree> trees;
  std::vector<double> out;
  for (const MeasuredPair& p : pairs) {
    auto it = trees.find(p.a);
    if (it == trees.end()) it = trees.emplace(p.a, router.From(net.Find(p.a))).first;
    std::int64_t micros = router.RttMicros(it->second, net.Find(p.b)) + 2 * params.endpoint_micros;
    out.push_back(static_cast<double>(micros) / 1000.0);
  }
  return out;
}

std::vector<double> RelativeErrors(const std::vector<MeasuredPair>& pairs,
                                   const std::vector<double>& predicted_ms) {
  std::vector<double> out;
  for (size_t i = 0; i < pairs.size(); ++i) {
    out.push_back(std::abs(predicted_ms[i] - pairs[i].rtt_ms) / pairs[i].rtt_ms);
  }
  return out;
}

std::vector<RouteParams> FitGrid(const std::vector<std::vector<MeasuredPair>>& training_sets,
                                 const RouteParams& base) {
  // Every set is scored on the same predictions: the union of their pairs is predicted once
  // per grid point.
  std::vector<MeasuredPair> all;
  std::map<std::pair<std::string, std::string>, size_t> index;
  for (const auto& set : training_sets) {
    for (const MeasuredPair& p : set) {
      if (index.emplace(Key(p), all.size()).second) all.push_back(p);
    }
  }
  std::map<std::tuple<int, int, std::int64_t>, std::vector<double>> cache;
  auto predictions = [&](const RouteParams& p) -> const std::vector<double>& {
    auto key = std::make_tuple(p.land_factor_permille, p.sea_factor_permille, p.hop_micros);
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.emplace(key, Predict(all, p)).first;
    return it->second;
  };
  auto score = [&](const std::vector<MeasuredPair>& set, const RouteParams& p) {
    const std::vector<double>& predicted = predictions(p);
    double sum = 0;
    for (const MeasuredPair& m : set) {
      double e = (predicted[index[Key(m)]] - m.rtt_ms) / m.rtt_ms;
      sum += e * e;
    }
    return sum;
  };
  // Searches the grid points of `step` (a multiple of the fine step) within [lo, hi] per
  // dimension; ties keep the first point in land, sea, hop order.
  auto search = [&](const std::vector<MeasuredPair>& set, int land_lo, int land_hi, int sea_lo,
                    int sea_hi, std::int64_t hop_lo, std::int64_t hop_hi, int step) {
    RouteParams best = base;
    double best_score = std::numeric_limits<double>::max();
    for (int land = land_lo; land <= land_hi; land += step * kFactorStep) {
      for (int sea = sea_lo; sea <= sea_hi; sea += step * kFactorStep) {
        for (std::int64_t hop = hop_lo; hop <= hop_hi; hop += step * kHopStep) {
          RouteParams p = base;
          p.land_factor_permille = land;
          p.sea_factor_permille = sea;
          p.hop_micros = hop;
          double s = score(set, p);
          if (s < best_score) {
            best_score = s;
            best = p;
          }
        }
      }
    }
    return best;
  };
  std::vector<RouteParams> out;
  for (const auto& set : training_sets) {
    // Coarse pass over the whole grid at twice the step, then every fine point within one
    // coarse step of the coarse optimum.
    RouteParams c = search(set, kLandFrom, kLandTo, kSeaFrom, kSeaTo, kHopFrom, kHopTo, 2);
    out.push_back(search(set, std::max(kLandFrom, c.land_factor_permille - 2 * kFactorStep),
                         std::min(kLandTo, c.land_factor_permille + 2 * kFactorStep),
                         std::max(kSeaFrom, c.sea_factor_permille - 2 * kFactorStep),
                         std::min(kSeaTo, c.sea_factor_permille + 2 * kFactorStep),
                         std::max(kHopFrom, c.hop_micros - 2 * kHopStep),
                         std::min(kHopTo, c.hop_micros + 2 * kHopStep), 1));
  }
  return out;
}

LineFit FitGreatCircleLine(const std::vector<MeasuredPair>& training) {
  double n = static_cast<double>(training.size());
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const MeasuredPair& p : training) {
    double x = GreatCircleKm(PosOf(p.a), PosOf(p.b));
    sx += x;
    sy += p.rtt_ms;
    sxx += x * x;
    sxy += x * p.rtt_ms;
  }
  LineFit fit;
  fit.ms_per_km = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  fit.intercept_ms = (sy - fit.ms_per_km * sx) / n;
  return fit;
}

std::vector<double> PredictLine(const LineFit& fit, const std::vector<MeasuredPair>& pairs) {
  std::vector<double> out;
  for (const MeasuredPair& p : pairs) {
    out.push_back(fit.intercept_ms + fit.ms_per_km * GreatCircleKm(PosOf(p.a), PosOf(p.b)));
  }
  return out;
}

}  // namespace ec2sim::latency::testing
