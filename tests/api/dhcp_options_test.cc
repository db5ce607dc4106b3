// CreateDhcpOptions, AssociateDhcpOptions, DeleteDhcpOptions and DescribeDhcpOptions.
#include <regex>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

using DhcpOptions = SandboxTest;

json Configs() {
  return json::array(
      {json{{"Key", "domain-name"}, {"Values", json::array({"corp.example"})}},
       json{{"Key", "domain-name-servers"}, {"Values", json::array({"10.0.0.2", "10.0.0.3"})}}});
}

TEST_F(DhcpOptions, CreateAnswersTheSetInAwsShape) {
  json d = Call("CreateDhcpOptions", {{"DhcpConfigurations", Configs()}})["DhcpOptions"];
  EXPECT_TRUE(
      std::regex_match(d["DhcpOptionsId"].get<std::string>(), std::regex("dopt-[0-9a-f]{17}")));
  EXPECT_EQ(d["DhcpConfigurations"][0]["Key"], "domain-name");
  EXPECT_EQ(d["DhcpConfigurations"][0]["Values"][0]["Value"], "corp.example");
  EXPECT_EQ(d["DhcpConfigurations"][1]["Values"][1]["Value"], "10.0.0.3");
  EXPECT_EQ(d["OwnerId"], "123456789012");
}

TEST_F(DhcpOptions, BadKeysAndValuesAreRefused) {
  auto err = [&](json configs) {
    return ErrorOf("CreateDhcpOptions", {{"DhcpConfigurations", configs}});
  };
  EXPECT_EQ(err(json::array({json{{"Key", "bogus"}, {"Values", json::array({"x"})}}})),
            "InvalidParameterValue");
  EXPECT_EQ(err(json::array({json{{"Key", "netbios-node-type"}, {"Values", json::array({"3"})}}})),
            "InvalidParameterValue");
  EXPECT_EQ(
      err(json::array({json{
          {"Key", "ntp-servers"},
          {"Values", json::array({"1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "5.5.5.5"})}}})),
      "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("CreateDhcpOptions"), "MissingParameter");
}

TEST_F(DhcpOptions, AssociatedSetCannotBeDeletedUntilDefaultReplacesIt) {
  std::string dopt = Call("CreateDhcpOptions",
                          {{"DhcpConfigurations", Configs()}})["DhcpOptions"]["DhcpOptionsId"];
  std::string vpc = Call("CreateVpc", {{"CidrBlock", "10.0.0.0/16"}})["Vpc"]["VpcId"];
  Call("AssociateDhcpOptions", {{"DhcpOptionsId", dopt}, {"VpcId", vpc}});
  json v = Call("DescribeVpcs", {{"VpcIds", {vpc}}});
  EXPECT_EQ(v["Vpcs"][0]["DhcpOptionsId"], dopt);
  EXPECT_EQ(ErrorOf("DeleteDhcpOptions", {{"DhcpOptionsId", dopt}}), "DependencyViolation");
  Call("AssociateDhcpOptions", {{"DhcpOptionsId", "default"}, {"VpcId", vpc}});
  v = Call("DescribeVpcs", {{"VpcIds", {vpc}}});
  EXPECT_EQ(v["Vpcs"][0]["DhcpOptionsId"], "default");
  Call("DeleteDhcpOptions", {{"DhcpOptionsId", dopt}});
  EXPECT_EQ(ErrorOf("DescribeDhcpOptions", {{"DhcpOptionsIds", {dopt}}}),
            "InvalidDhcpOptionID.NotFound");
  EXPECT_EQ(ErrorOf("AssociateDhcpOptions", {{"DhcpOptionsId", dopt}, {"VpcId", vpc}}),
            "InvalidDhcpOptionID.NotFound");
}

TEST_F(DhcpOptions, DescribeFiltersByKeyValueAndTag) {
  json tag = json{{"Key", "env"}, {"Value", "lab"}};
  json spec = json::array({json{{"ResourceType", "dhcp-options"}, {"Tags", json::array({tag})}}});
  std::string dopt =
      Call("CreateDhcpOptions", {{"DhcpConfigurations", Configs()},
                                 {"TagSpecifications", spec}})["DhcpOptions"]["DhcpOptionsId"];
  auto ids = [&](const std::string& name, const std::string& value) {
    json r = Call("DescribeDhcpOptions", {{"Filters", json::array({Filter(name, {value})})}});
    std::vector<std::string> out;
    for (const json& d : r["DhcpOptions"]) out.push_back(d["DhcpOptionsId"]);
    return out;
  };
  EXPECT_EQ(ids("value", "corp.example"), std::vector<std::string>{dopt});
  EXPECT_EQ(ids("tag:env", "lab"), std::vector<std::string>{dopt});
  EXPECT_EQ(ids("key", "domain-name").size(), 2u);  // with the region's default set
  EXPECT_EQ(ids("owner-id", "123456789012").size(), 2u);
}

}  // namespace
}  // namespace ec2sim::testing
