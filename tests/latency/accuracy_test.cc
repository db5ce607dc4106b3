// How well the model predicts measured round-trip times (the figures of docs/latency.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "sim/model/latency/router.h"
#include "tests/latency/calibration.h"

namespace ec2sim::latency::testing {
namespace {

void Report(const char* what, const ErrorStats& s) {
  std::printf("[ latency  ] %-58s n=%3zu median %5.1f%%  p90 %5.1f%%\n", what, s.count,
              100 * s.median, 100 * s.p90);
}

TEST(LatencyAccuracy, CalibrationReproducesTheShippedParameters) {
  // The parameters in router.h are not hand-tuned: the calibration procedure on the 28
  // measured hub pairs chooses exactly them.
  std::vector<MeasuredPair> calibration = ReadPairs("latency-calibration.csv");
  ASSERT_EQ(calibration.size(), 28u);
  RouteParams fitted = FitGrid({calibration}, RouteParams{})[0];
  EXPECT_EQ(fitted, RouteParams{}) << "land " << fitted.land_factor_permille << " sea "
                                   << fitted.sea_factor_permille << " hop " << fitted.hop_micros;
}

TEST(LatencyAccuracy, CalibrationPairsAreWithinTheDocumentedBounds) {
  std::vector<MeasuredPair> calibration = ReadPairs("latency-calibration.csv");
  ErrorStats s = Summarize(RelativeErrors(calibration, Predict(calibration, RouteParams{})));
  Report("calibration pairs (fitted on them)", s);
  EXPECT_LE(s.median, 0.06);
  EXPECT_LE(s.p90, 0.12);
}

TEST(LatencyAccuracy, LeaveOneHubOutGeneralisesToHeldOutPairs) {
  // Fit without every pair of one hub region, predict that hub's seven pairs; eight folds.
  std::vector<MeasuredPair> calibration = ReadPairs("latency-calibration.csv");
  std::vector<std::string> hubs;
  for (const MeasuredPair& p : calibration) {
    for (const std::string& r : {p.a, p.b}) {
      if (std::find(hubs.begin(), hubs.end(), r) == hubs.end()) hubs.push_back(r);
    }
  }
  ASSERT_EQ(hubs.size(), 8u);
  std::vector<std::vector<MeasuredPair>> held(hubs.size()), training(hubs.size());
  for (size_t h = 0; h < hubs.size(); ++h) {
    for (const MeasuredPair& p : calibration) {
      (p.a == hubs[h] || p.b == hubs[h] ? held[h] : training[h]).push_back(p);
    }
  }
  std::vector<RouteParams> fits = FitGrid(training, RouteParams{});
  std::vector<double> errors;
  for (size_t h = 0; h < hubs.size(); ++h) {
    for (double e : RelativeErrors(held[h], Predict(held[h], fits[h]))) errors.push_back(e);
  }
  ErrorStats s = Summarize(errors);
  Report("calibration pairs, leave-one-hub-out (held-out pairs)", s);
  EXPECT_LE(s.median, 0.08);
  EXPECT_LE(s.p90, 0.20);
}

TEST(LatencyAccuracy, PairsOutsideTheCalibrationSetMeetTheTarget) {
  // The target, on the published one-year p50 matrix minus the calibration pairs.
  std::vector<MeasuredPair> calibration = ReadPairs("latency-calibration.csv");
  std::vector<MeasuredPair> outside = Without(ReadPairs("cloudping-p50-1y.csv"), calibration);
  ASSERT_GT(outside.size(), 400u);
  ErrorStats model = Summarize(RelativeErrors(outside, Predict(outside, RouteParams{})));
  ErrorStats line =
      Summarize(RelativeErrors(outside, PredictLine(FitGreatCircleLine(calibration), outside)));
  Report("pairs outside the calibration set, graph model", model);
  Report("pairs outside the calibration set, great-circle line fit", line);
  EXPECT_LE(model.median, 0.08);
  EXPECT_LE(model.p90, 0.20);
  EXPECT_LT(model.median, line.median);
  EXPECT_LT(model.p90, line.p90);
}

}  // namespace
}  // namespace ec2sim::latency::testing
