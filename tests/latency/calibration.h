// Calibration of the latency model against measured round-trip times: reading the measured
// pairs, the error statistics the docs report, and the grid search that chooses the model's
// parameters. Test-only: the product ships the chosen parameters, never the measurements.
#ifndef EC2SIM_TESTS_LATENCY_CALIBRATION_H_
#define EC2SIM_TESTS_LATENCY_CALIBRATION_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/model/latency/router.h"

namespace ec2sim::latency::testing {

struct MeasuredPair {
  std::string a;  // region codes
  std::string b;
  double rtt_ms = 0;
};

// Rows "region_a,region_b,rtt_ms" of a file under tests/latency/data ('#' lines skipped).
std::vector<MeasuredPair> ReadPairs(const std::string& file_name);

// The pairs of `all` that are not in `exclude` (either order).
std::vector<MeasuredPair> Without(const std::vector<MeasuredPair>& all,
                                  const std::vector<MeasuredPair>& exclude);

// The q-quantile (0..1) with linear interpolation between order statistics.
double Quantile(std::vector<double> values, double q);

struct ErrorStats {
  double median = 0;  // of |predicted - measured| / measured
  double p90 = 0;
  size_t count = 0;
};
ErrorStats Summarize(const std::vector<double>& relative_errors);

// Modelled region-to-region RTTs (ms) for `pairs` with `params` on the built-in network.
std::vector<double> Predict(const std::vector<MeasuredPair>& pairs, const RouteParams& params);

// |predicted - measured| / measured for each pair.
std::vector<double> RelativeErrors(const std::vector<MeasuredPair>& pairs,
                                   const std::vector<double>& predicted_ms);

// The calibration procedure of docs/latency.md: a grid search over the two route factors
// (1.050..1.450 and 1.000..1.300 in steps of 0.025) and the hop cost (0..5 ms in steps of
// 0.25 ms), with the endpoint cost held at `base.endpoint_micros`, minimising the sum of squared
// relative errors. The grid is searched coarse (double steps) then fine around the coarse best.
// One result per training set; the sets share their predictions.
std::vector<RouteParams> FitGrid(const std::vector<std::vector<MeasuredPair>>& training_sets,
                                 const RouteParams& base);

// A straight line rtt = a + b * great-circle-km fitted by least squares on `training`.
struct LineFit {
  double intercept_ms = 0;
  double ms_per_km = 0;
};
LineFit FitGreatCircleLine(const std::vector<MeasuredPair>& training);
std::vector<double> PredictLine(const LineFit& fit, const std::vector<MeasuredPair>& pairs);

}  // namespace ec2sim::latency::testing

#endif  // EC2SIM_TESTS_LATENCY_CALIBRATION_H_
