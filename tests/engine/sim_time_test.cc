#include "ec2sim/sim_time.h"

#include <gtest/gtest.h>

#include <set>

namespace ec2sim {
namespace {

TEST(SimTime, ParsesAndFormatsTheDefaultScenarioStart) {
  auto t = ParseIsoTime("2026-01-01T00:00:00Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(*t, 1767225600000);
  EXPECT_EQ(FormatIsoTime(*t), "2026-01-01T00:00:00+00:00");
  EXPECT_EQ(FormatIsoTimeXml(*t + 1234), "2026-01-01T00:00:01.234Z");
}

TEST(SimTime, AcceptsMillisecondsAndExplicitUtcOffset) {
  auto t = ParseIsoTime("2024-02-29T23:59:59.500+00:00");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatIsoTimeXml(*t), "2024-02-29T23:59:59.500Z");
}

TEST(SimTime, RejectsNonUtcAndImpossibleDates) {
  EXPECT_FALSE(ParseIsoTime("2026-01-01T00:00:00+09:00").ok());
  EXPECT_FALSE(ParseIsoTime("2025-02-29T00:00:00Z").ok());
  EXPECT_FALSE(ParseIsoTime("2026-13-01T00:00:00Z").ok());
  EXPECT_FALSE(ParseIsoTime("yesterday").ok());
  EXPECT_FALSE(ParseIsoTime("").ok());
  EXPECT_EQ(ParseIsoTime("2026-01-01").error().code, ErrorCode::kSimInvalidInput);
}

TEST(Duration, ParsesEveryUnitAndCombinations) {
  EXPECT_EQ(*ParseDuration("90s"), 90 * kSecond);
  EXPECT_EQ(*ParseDuration("15m"), 15 * kMinute);
  EXPECT_EQ(*ParseDuration("2h"), 2 * kHour);
  EXPECT_EQ(*ParseDuration("30d"), 30 * kDay);
  EXPECT_EQ(*ParseDuration("1d12h"), 36 * kHour);
  EXPECT_EQ(*ParseDuration("250ms"), 250);
  EXPECT_EQ(*ParseDuration("1m30s"), 90 * kSecond);
  EXPECT_EQ(*ParseDuration("0s"), 0);
}

TEST(Duration, RejectsMissingUnitsNegativesAndGarbage) {
  for (const char* bad : {"", "10", "-5m", "5x", "m", "1.5h", "1h ", "99999999999d"}) {
    EXPECT_FALSE(ParseDuration(bad).ok()) << bad;
  }
}

TEST(Duration, FormatsShortest) {
  EXPECT_EQ(FormatDuration(0), "0s");
  EXPECT_EQ(FormatDuration(90 * kSecond), "1m30s");
  EXPECT_EQ(FormatDuration(kDay + 2 * kHour + 5), "1d2h5ms");
}

TEST(CivilMonth, BoundariesFollowTheCalendar) {
  SimTime feb10 = *ParseIsoTime("2024-02-10T12:00:00Z");
  EXPECT_EQ(StartOfMonth(feb10), *ParseIsoTime("2024-02-01T00:00:00Z"));
  EXPECT_EQ(StartOfNextMonth(feb10), *ParseIsoTime("2024-03-01T00:00:00Z"));
  SimTime dec = *ParseIsoTime("2025-12-31T23:59:59Z");
  EXPECT_EQ(StartOfNextMonth(dec), *ParseIsoTime("2026-01-01T00:00:00Z"));
  CivilDate c = ToCivil(feb10);
  EXPECT_EQ(c.year, 2024);
  EXPECT_EQ(c.month, 2);
  EXPECT_EQ(c.day, 10);
}

TEST(ErrorCodes, MapToAwsStringsAndStatuses) {
  EXPECT_EQ(AwsCode(ErrorCode::kInvalidInstanceIdNotFound), "InvalidInstanceID.NotFound");
  EXPECT_EQ(AwsCode(ErrorCode::kInvalidAmiIdMalformed), "InvalidAMIID.Malformed");
  EXPECT_EQ(AwsCode(ErrorCode::kResourceAlreadyAssociated), "Resource.AlreadyAssociated");
  EXPECT_EQ(HttpStatus(ErrorCode::kInvalidParameterValue), 400);
  EXPECT_EQ(HttpStatus(ErrorCode::kAuthFailure), 401);
  EXPECT_EQ(HttpStatus(ErrorCode::kUnauthorizedOperation), 403);
  EXPECT_EQ(HttpStatus(ErrorCode::kRequestLimitExceeded), 503);
}

TEST(ErrorCodes, EveryCodeHasItsOwnString) {
  // The table must cover every enumerator: a missing one would fall back to the last entry.
  std::set<std::string_view> seen;
  for (int i = 0; i <= static_cast<int>(ErrorCode::kSimUnsupported); ++i) {
    auto code = static_cast<ErrorCode>(i);
    EXPECT_TRUE(seen.insert(AwsCode(code)).second) << "duplicate string for code " << i;
  }
}

}  // namespace
}  // namespace ec2sim
