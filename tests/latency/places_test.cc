// City list, place parsing and the "nearest names" of unknown places.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "sim/model/latency/cities.h"
#include "sim/model/latency/latency.h"
#include "sim/model/regions.h"

namespace ec2sim::latency {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(LatencyCities, ListHasAtLeastTwoHundredCitiesWithValidCoordinates) {
  EXPECT_GE(Cities().size(), 200u);
  for (const City& c : Cities()) {
    EXPECT_EQ(c.country.size(), 2u) << c.name;
    EXPECT_LE(std::abs(c.pos.lat), 90) << c.name;
    EXPECT_LE(std::abs(c.pos.lon), 180) << c.name;
  }
}

TEST(LatencyCities, EveryKoreanMetropolitanCityIsListedWhereItIs) {
  // Coordinates of the city halls, to 0.1 degree.
  struct Expected {
    const char* name;
    const char* hangul;
    double lat, lon;
  };
  const Expected korean[] = {
      {"Seoul", "서울", 37.57, 126.98},   {"Busan", "부산", 35.18, 129.08},
      {"Incheon", "인천", 37.46, 126.71}, {"Daegu", "대구", 35.87, 128.60},
      {"Daejeon", "대전", 36.35, 127.38}, {"Gwangju", "광주", 35.16, 126.85},
      {"Ulsan", "울산", 35.54, 129.31},   {"Sejong", "세종", 36.48, 127.29},
  };
  for (const Expected& e : korean) {
    const City* city = FindCity(e.name);
    ASSERT_NE(city, nullptr) << e.name;
    EXPECT_EQ(city->country, "KR");
    EXPECT_NEAR(city->pos.lat, e.lat, 0.1) << e.name;
    EXPECT_NEAR(city->pos.lon, e.lon, 0.1) << e.name;
    EXPECT_EQ(FindCity(e.hangul), city) << e.hangul;
  }
}

TEST(LatencyCities, NamesAndAliasesAreUniqueAndNeverARegionCode) {
  std::set<std::string> seen;
  for (const model::RegionInfo& r : model::Regions()) seen.insert(r.code);
  for (const City& c : Cities()) {
    EXPECT_TRUE(seen.insert(Lower(c.name)).second) << c.name;
    for (const std::string& a : c.aliases) EXPECT_TRUE(seen.insert(Lower(a)).second) << a;
  }
}

TEST(LatencyCities, LookupIgnoresCaseAndAcceptsACountryCode) {
  EXPECT_EQ(FindCity("  sEOUL "), FindCity("Seoul"));
  ASSERT_NE(FindCity("Portland, US"), nullptr);
  EXPECT_EQ(FindCity("Portland, US")->name, "Portland");
  EXPECT_EQ(FindCity("Portland, FR"), nullptr);
  EXPECT_EQ(FindCity("Bombay")->name, "Mumbai");
  EXPECT_EQ(FindCity("Atlantis"), nullptr);
}

TEST(LatencyCities, MisspelledNamesSuggestTheNearestCities) {
  EXPECT_EQ(SimilarCityNames("Seul")[0], "Seoul");
  EXPECT_EQ(SimilarCityNames("busna")[0], "Busan");
  EXPECT_EQ(SimilarCityNames("Frankfort")[0], "Frankfurt");
  EXPECT_EQ(SimilarCityNames("Dae")[0], "Daegu");      // a prefix counts as close
  EXPECT_EQ(SimilarCityNames("qqqqqqqq").size(), 3u);  // always something to suggest
}

TEST(LatencyPlaces, ParsesRegionsZonesCitiesAndCoordinates) {
  auto region = ParsePlace("ap-northeast-2");
  ASSERT_TRUE(region.ok());
  EXPECT_EQ(region->kind, Place::Kind::kRegion);
  EXPECT_EQ(region->az, -1);

  auto az = ParsePlace("AP-NORTHEAST-2c");
  ASSERT_TRUE(az.ok());
  EXPECT_EQ(az->region, "ap-northeast-2");
  EXPECT_EQ(az->az, 2);
  EXPECT_EQ(az->label, "ap-northeast-2c");

  auto city = ParsePlace("Busan", Access::kMobile);
  ASSERT_TRUE(city.ok());
  EXPECT_EQ(city->kind, Place::Kind::kClient);
  EXPECT_EQ(city->country, "KR");
  EXPECT_EQ(city->access, Access::kMobile);

  auto point = ParsePlace(" 37.5, 127.0 ");
  ASSERT_TRUE(point.ok());
  EXPECT_EQ(point->kind, Place::Kind::kClient);
  EXPECT_DOUBLE_EQ(point->pos.lat, 37.5);
  EXPECT_DOUBLE_EQ(point->pos.lon, 127.0);
  EXPECT_EQ(point->label, "37.5, 127.0");

  auto south_west = ParsePlace("-33.9,-70.7");
  ASSERT_TRUE(south_west.ok());
  EXPECT_DOUBLE_EQ(south_west->pos.lon, -70.7);
}

TEST(LatencyPlaces, BadInputIsAnErrorThatNamesTheNearestNames) {
  auto off_earth = ParsePlace("95,10");
  ASSERT_FALSE(off_earth.ok());
  EXPECT_EQ(off_earth.error().code, ErrorCode::kSimInvalidInput);

  auto city = ParsePlace("Seuol");
  ASSERT_FALSE(city.ok());
  EXPECT_EQ(city.error().code, ErrorCode::kSimNotFound);
  EXPECT_NE(city.error().message.find("Seoul"), std::string::npos) << city.error().message;

  auto region = ParsePlace("ap-northeast-9");
  ASSERT_FALSE(region.ok());
  EXPECT_NE(region.error().message.find("ap-northeast-2"), std::string::npos)
      << region.error().message;

  auto zone = ParsePlace("ap-northeast-2z");
  ASSERT_FALSE(zone.ok());
  EXPECT_NE(zone.error().message.find("ap-northeast-2a to ap-northeast-2d"), std::string::npos)
      << zone.error().message;

  EXPECT_FALSE(ParsePlace("").ok());
  EXPECT_FALSE(ParsePlace("1,2,3").ok());
}

TEST(LatencyPlaces, RoundTripAcceptsNamesAsPeopleTypeThem) {
  // The form other modules use for an instance: its AZ name.
  auto by_name = RoundTrip("Seoul", "ap-northeast-2c", Access::kCable);
  ASSERT_TRUE(by_name.ok()) << by_name.error().message;
  EXPECT_EQ(by_name->stops.front().name, "Seoul (client)");
  EXPECT_EQ(by_name->stops.back().name, "ap-northeast-2c");
  EXPECT_EQ(by_name->access_micros, AccessMicros(Access::kCable));
  auto unknown = RoundTrip("Atlantis", "us-east-1");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kSimNotFound);
}

TEST(LatencyPlaces, AccessNamesRoundTrip) {
  for (Access a : {Access::kFiber, Access::kCable, Access::kDsl, Access::kMobile}) {
    EXPECT_EQ(ParseAccess(AccessName(a)), a);
  }
  EXPECT_EQ(ParseAccess("Mobile"), Access::kMobile);
  EXPECT_FALSE(ParseAccess("pigeon").has_value());
  EXPECT_LT(AccessMicros(Access::kFiber), AccessMicros(Access::kCable));
  EXPECT_LT(AccessMicros(Access::kCable), AccessMicros(Access::kDsl));
  EXPECT_LT(AccessMicros(Access::kDsl), AccessMicros(Access::kMobile));
}

}  // namespace
}  // namespace ec2sim::latency
