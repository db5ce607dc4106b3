// The [*] and [?...] selectors of sim/scenario/json_path.h, added for lesson goals.
#include <gtest/gtest.h>

#include "sim/scenario/json_path.h"

namespace ec2sim::scenario {
namespace {

const nlohmann::json kInstances = nlohmann::json::parse(R"({
  "Reservations": [
    {"Instances": [
      {"InstanceId": "i-1", "State": {"Name": "running"}, "InstanceType": "t2.micro",
       "PublicIpAddress": "3.1.1.1"},
      {"InstanceId": "i-2", "State": {"Name": "stopped"}, "InstanceType": "t3.small"}
    ]},
    {"Instances": [
      {"InstanceId": "i-3", "State": {"Name": "running"}, "InstanceType": "t2.micro"}
    ]}
  ],
  "Rules": [
    {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIpv4": "203.0.113.25/32"},
    {"IpProtocol": "tcp", "FromPort": 0, "ToPort": 1024, "CidrIpv4": "0.0.0.0/0"},
    {"IpProtocol": "-1", "FromPort": -1, "ToPort": -1, "CidrIpv6": "::/0"},
    {"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "CidrIpv4": "0.0.0.0/0", "Note": null}
  ]
})");

std::string SelectedByLesson(std::string_view path) {
  auto r = SelectJsonPath(kInstances, path);
  return r.ok() ? r->dump() : "error: " + r.error().message;
}

TEST(ScenarioPathSelect, WildcardFlattensOneLevelPerSelector) {
  EXPECT_EQ(SelectedByLesson("Reservations[*].Instances[*].InstanceId"), R"(["i-1","i-2","i-3"])");
  auto nested = SelectJsonPath(kInstances, "Reservations[*].Instances");
  ASSERT_TRUE(nested.ok());
  EXPECT_EQ(nested->size(), 2u);
  EXPECT_EQ((*nested)[0].size(), 2u);
}

TEST(ScenarioPathSelect, MissingPartsBelowASelectorAreSkipped) {
  EXPECT_EQ(SelectedByLesson("Reservations[*].Instances[*].PublicIpAddress"), R"(["3.1.1.1"])");
  EXPECT_EQ(SelectedByLesson("Reservations[*].Instances[5]"), "[]");
}

TEST(ScenarioPathSelect, FiltersCompareStringsNumbersAndNestedPaths) {
  EXPECT_EQ(SelectedByLesson("Reservations[*].Instances[?State.Name==running].InstanceId"),
            R"(["i-1","i-3"])");
  EXPECT_EQ(SelectedByLesson("Reservations[*].Instances[?State.Name!=running].InstanceId"),
            R"(["i-2"])");
  EXPECT_EQ(SelectedByLesson("Rules[?FromPort<=22 && ToPort>=22].CidrIpv4"),
            R"(["203.0.113.25/32","0.0.0.0/0"])");
  EXPECT_EQ(SelectedByLesson("Rules[?IpProtocol==tcp&&CidrIpv4=='0.0.0.0/0'&&FromPort>0].ToPort"),
            "[80]");
  EXPECT_EQ(SelectedByLesson("Rules[?IpProtocol=='-1'].CidrIpv6"), R"(["::/0"])");
  EXPECT_EQ(SelectedByLesson("Rules[?IpProtocol==-1]"), "[]") << "-1 the number is not \"-1\"";
  EXPECT_EQ(SelectedByLesson("Rules[?FromPort>80]"), "[]");
  EXPECT_EQ(SelectedByLesson("Rules[?CidrIpv4=='0.0.0.0/0'].FromPort"), "[0,80]");
}

TEST(ScenarioPathSelect, ASelectorAfterAFilterAppliesToEachSelectedElement) {
  // As after [*]: the second filter looks inside each rule, which is not a list.
  EXPECT_EQ(SelectedByLesson("Rules[?FromPort<=22][?ToPort>=22]"), "[]");
  EXPECT_EQ(
      SelectedByLesson("Reservations[?Instances[1]].Instances[?InstanceType==t2.micro].InstanceId"),
      R"(["i-1"])");
}

TEST(ScenarioPathSelect, TruthyAndFalsyFiltersTestPresence) {
  EXPECT_EQ(SelectedByLesson("Rules[?CidrIpv6].IpProtocol"), R"(["-1"])");
  EXPECT_EQ(SelectedByLesson("Rules[?!CidrIpv4].IpProtocol"), R"(["-1"])");
  EXPECT_EQ(SelectedByLesson("Rules[?Note]"), "[]") << "null is not truthy";
  EXPECT_EQ(SelectedByLesson("Reservations[*].Instances[?!PublicIpAddress].InstanceId"),
            R"(["i-2","i-3"])");
}

TEST(ScenarioPathSelect, WildcardOverAnObjectTakesItsValuesInKeyOrder) {
  nlohmann::json j = {{"b", 2}, {"a", 1}};
  auto r = SelectJsonPath(j, "[*]");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->dump(), "[1,2]");
}

TEST(ScenarioPathSelect, SingleValuedPathsSelectTheValueItself) {
  EXPECT_EQ(SelectedByLesson("Reservations[1].Instances[0].InstanceId"), R"("i-3")");
  auto missing = SelectJsonPath(kInstances, "Reservations[2]");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kSimNotFound);
}

TEST(ScenarioPathSelect, ThePartBeforeTheFirstSelectorMustResolve) {
  auto r = SelectJsonPath(kInstances, "Addresses[*].PublicIp");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "no key \"Addresses\" in the result");
  auto not_list = SelectJsonPath(kInstances, "Reservations[0].Instances[0].State[?Name]");
  ASSERT_FALSE(not_list.ok());
  EXPECT_NE(not_list.error().message.find("not a list"), std::string::npos);
}

TEST(ScenarioPathSelect, ResolveRefusesMultiValuedPaths) {
  auto r = ResolveJsonPath(kInstances, "Reservations[*]");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kSimInvalidInput);
}

TEST(ScenarioPathSelect, MalformedSelectorsAreSyntaxErrors) {
  for (const char* bad :
       {"A[?]", "A[?==1]", "A[?B==]", "A[?B[*]==1]", "A[?B==1", "A[**]", "A[?B==1 &&]"}) {
    auto parsed = ParseJsonPath(bad);
    EXPECT_FALSE(parsed.ok()) << bad;
  }
  auto ok = ParseJsonPath("A[?B.C[0]=='x]y'].D");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_TRUE(IsMultiValued(*ok));
  EXPECT_FALSE(IsMultiValued(*ParseJsonPath("A[0].B")));
}

}  // namespace
}  // namespace ec2sim::scenario
