// What an RTT means to a person, worked by hand.
#include "sim/model/latency/meaning.h"

#include <gtest/gtest.h>

namespace ec2sim::latency {
namespace {

TEST(LatencyMeaning, HttpsTakesThreeRoundTripsAndEachLaterRequestOne) {
  // 100 ms RTT: TCP + TLS 1.3 + request = 300 ms to the first byte; a 10-request page is
  // 3 + 9 = 12 round trips = 1.2 s; an SSH echo is one round trip.
  Meaning m = Explain(100000, 10);
  EXPECT_EQ(m.https_first_byte_micros, 300000);
  EXPECT_EQ(m.page_micros, 1200000);
  EXPECT_EQ(m.ssh_echo_micros, 100000);
  EXPECT_EQ(m.summary,
            "HTTPS first byte 300.0 ms; a 10-request page 1.20 s; SSH keystroke echo 100.0 ms "
            "(instant)");
  EXPECT_EQ(Explain(36200, 1).page_micros, 3 * 36200);
}

TEST(LatencyMeaning, WaitsAreFormattedWithIntegerRounding) {
  EXPECT_EQ(FormatWait(0), "0.0 ms");
  EXPECT_EQ(FormatWait(182349), "182.3 ms");
  EXPECT_EQ(FormatWait(182350), "182.4 ms");
  EXPECT_EQ(FormatWait(999949), "999.9 ms");
  EXPECT_EQ(FormatWait(999950), "1.00 s");
  EXPECT_EQ(FormatWait(2194000), "2.19 s");
  EXPECT_EQ(FormatWait(2195000), "2.20 s");
}

TEST(LatencyMeaning, FeelFollowsTheResponseTimeLimits) {
  EXPECT_EQ(FeelOf(100000), "instant");
  EXPECT_EQ(FeelOf(100001), "a noticeable delay");
  EXPECT_EQ(FeelOf(1000000), "a noticeable delay");
  EXPECT_EQ(FeelOf(1000001), "breaks the flow of work");
  EXPECT_EQ(FeelOf(10000001), "loses attention");
}

}  // namespace
}  // namespace ec2sim::latency
