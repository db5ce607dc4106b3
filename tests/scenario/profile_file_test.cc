#include "sim/scenario/profile_file.h"

#include <gtest/gtest.h>

namespace ec2sim::scenario {
namespace {

std::string ErrorOf(std::string_view text) {
  auto r = ParseProfileText(text, "shop.json");
  return r.ok() ? "" : r.error().message;
}

TEST(LoadProfileFile, ReadsEveryField) {
  auto p = ParseProfileText(R"({"name": "shop", "description": "d", "unit": "requests/s",
      "step": "30m", "repeat": 2, "demand": [1, 2, 3], "server_capacity": 4,
      "instance_capacity": 2, "failures": [{"at": "1h", "repair": "20m"}]})",
                            "shop.json");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->name, "shop");
  EXPECT_EQ(p->unit, "requests/s");
  EXPECT_EQ(p->step, 30 * kMinute);
  EXPECT_EQ(p->demand, (std::vector<std::int64_t>{1, 2, 3, 1, 2, 3}));
  EXPECT_EQ(p->horizon(), 3 * kHour);
  EXPECT_EQ(p->server_capacity, 4);
  EXPECT_EQ(p->instance_capacity, 2);
  ASSERT_EQ(p->failures.size(), 1u);
  EXPECT_EQ(p->failures[0].at, kHour);
  EXPECT_EQ(p->failures[0].repair, 20 * kMinute);
}

TEST(LoadProfileFile, DefaultsNameToTheFileName) {
  auto p = ParseProfileText(R"({"demand": [5]})", "dir/bursty.json");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->name, "bursty");
  EXPECT_EQ(p->step, kHour);
  EXPECT_EQ(p->unit, "servers");
}

TEST(LoadProfileFile, MalformedJsonNamesLineAndColumn) {
  std::string e = ErrorOf("{\n  \"demand\": [1, 2,, 3]\n}");
  EXPECT_EQ(e.rfind("shop.json:2:", 0), 0u) << e;
}

TEST(LoadProfileFile, BadFieldsAreNamedWithTheReason) {
  EXPECT_NE(ErrorOf(R"({"demand": [1, -2]})").find("field 'demand[1]'"), std::string::npos);
  EXPECT_NE(ErrorOf(R"({"demand": [1, 2.5]})").find("whole number"), std::string::npos);
  EXPECT_NE(ErrorOf(R"({"demand": []})").find("'demand'"), std::string::npos);
  EXPECT_NE(ErrorOf(R"({"step": "1h"})").find("'demand': is required"), std::string::npos);
  EXPECT_NE(ErrorOf(R"({"demand": [1], "steps": "1h"})").find("'steps': unknown field"),
            std::string::npos);
  EXPECT_NE(ErrorOf(R"({"demand": [1], "step": "-1h"})").find("'step'"), std::string::npos);
  EXPECT_NE(ErrorOf(R"({"demand": [1], "step": "0s"})").find("'step'"), std::string::npos);
  EXPECT_NE(ErrorOf(R"({"demand": [1], "repeat": 0})").find("'repeat'"), std::string::npos);
  EXPECT_NE(ErrorOf(R"({"demand": [1], "failures": [{"repair": "1h"}]})").find("failures[0].at"),
            std::string::npos);
  EXPECT_NE(ErrorOf(R"({"demand": [1], "failures": [{"at": "5h"}]})").find("outside the profile"),
            std::string::npos);
  EXPECT_NE(ErrorOf(R"({"demand": [1], "repeat": 2000000})").find("'repeat'"), std::string::npos);
  EXPECT_NE(ErrorOf("[1, 2]").find("JSON object"), std::string::npos);
}

TEST(LoadProfileFile, MissingFileIsAnError) {
  auto r = LoadProfileFile("/nonexistent/profile.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("cannot read"), std::string::npos);
}

TEST(LoadProfileFile, NestingBeyondTheDepthLimitNamesLineAndColumn) {
  std::string e = ErrorOf("{\n  \"demand\": " + std::string(200000, '[') + "1" +
                          std::string(200000, ']') + "}");
  EXPECT_EQ(e, "shop.json:2:76: JSON nested deeper than 64 levels");
}

}  // namespace
}  // namespace ec2sim::scenario
