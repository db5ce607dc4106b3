// CreateSubnet, DeleteSubnet, ModifySubnetAttribute, DescribeSubnets' filters, and launching
// into one's own subnets.
#include <regex>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

class SubnetTest : public SandboxTest {
 protected:
  SubnetTest() { vpc_ = Call("CreateVpc", {{"CidrBlock", "10.0.0.0/16"}})["Vpc"]["VpcId"]; }
  json Subnet(const std::string& cidr, json extra = json::object()) {
    json params = {{"VpcId", vpc_}, {"CidrBlock", cidr}};
    for (auto it = extra.begin(); it != extra.end(); ++it) params[it.key()] = it.value();
    json r = Call("CreateSubnet", params);
    return r.contains("Subnet") ? r["Subnet"] : json::object();
  }
  json DescribeSubnet(const std::string& id) {
    json r = Call("DescribeSubnets", {{"SubnetIds", {id}}});
    return r.contains("Subnets") && !r["Subnets"].empty() ? r["Subnets"][0] : json::object();
  }
  std::string vpc_;
};

TEST_F(SubnetTest, CreateSubnetAnswersItInAwsShape) {
  json s = Subnet("10.0.1.0/24", {{"AvailabilityZone", "ap-northeast-2c"}});
  std::string id = s["SubnetId"];
  EXPECT_TRUE(std::regex_match(id, std::regex("subnet-[0-9a-f]{17}")));
  EXPECT_EQ(s["VpcId"], vpc_);
  EXPECT_EQ(s["CidrBlock"], "10.0.1.0/24");
  EXPECT_EQ(s["AvailabilityZone"], "ap-northeast-2c");
  EXPECT_EQ(s["AvailableIpAddressCount"], 251);  // 256 less the 5 AWS reserves
  EXPECT_EQ(s["DefaultForAz"], false);
  EXPECT_EQ(s["MapPublicIpOnLaunch"], false);
  EXPECT_EQ(s["State"], "available");
  EXPECT_EQ(s["SubnetArn"], "arn:aws:ec2:ap-northeast-2:123456789012:subnet/" + id);
}

TEST_F(SubnetTest, AvailabilityZoneIdPicksTheZoneAndUnknownZonesAreRefused) {
  json s = Subnet("10.0.2.0/24", {{"AvailabilityZoneId", "apne2-az2"}});
  EXPECT_EQ(s["AvailabilityZoneId"], "apne2-az2");
  EXPECT_EQ(
      ErrorOf("CreateSubnet",
              {{"VpcId", vpc_}, {"CidrBlock", "10.0.3.0/24"}, {"AvailabilityZone", "us-east-1a"}}),
      "InvalidParameterValue");
}

TEST_F(SubnetTest, CidrOutsideTheVpcIsRangeAndOverlapIsConflict) {
  Subnet("10.0.1.0/24");
  auto err = [&](const std::string& cidr) {
    return ErrorOf("CreateSubnet", {{"VpcId", vpc_}, {"CidrBlock", cidr}});
  };
  EXPECT_EQ(err("10.1.0.0/24"), "InvalidSubnet.Range");
  EXPECT_EQ(err("10.0.0.0/29"), "InvalidSubnet.Range");
  EXPECT_EQ(err("10.0.0.0/15"), "InvalidSubnet.Range");
  EXPECT_EQ(err("10.0.1.128/25"), "InvalidSubnet.Conflict");
  EXPECT_EQ(err("10.0.0.0/16"), "InvalidSubnet.Conflict");
  EXPECT_EQ(
      ErrorOf("CreateSubnet", {{"VpcId", "vpc-0123456789abcdef0"}, {"CidrBlock", "10.0.9.0/24"}}),
      "InvalidVpcID.NotFound");
}

TEST_F(SubnetTest, TwoHundredAndFirstSubnetOfAVpcIsOverTheQuota) {
  for (int i = 0; i < 200; ++i) {
    ASSERT_FALSE(Subnet("10.0." + std::to_string(i) + ".0/24").empty()) << i;
  }
  EXPECT_EQ(ErrorOf("CreateSubnet", {{"VpcId", vpc_}, {"CidrBlock", "10.0.200.0/24"}}),
            "SubnetLimitExceeded");
}

TEST_F(SubnetTest, NewSubnetIsAssociatedWithTheVpcsDefaultAcl) {
  std::string id = Subnet("10.0.1.0/24")["SubnetId"];
  json acls = Call("DescribeNetworkAcls",
                   {{"Filters", json::array({Filter("association.subnet-id", {id})})}});
  ASSERT_EQ(acls["NetworkAcls"].size(), 1u);
  EXPECT_EQ(acls["NetworkAcls"][0]["IsDefault"], true);
  EXPECT_EQ(acls["NetworkAcls"][0]["VpcId"], vpc_);
}

TEST_F(SubnetTest, ModifySubnetAttributeChangesOneAttributeAtATime) {
  std::string id = Subnet("10.0.1.0/24")["SubnetId"];
  Call("ModifySubnetAttribute", {{"SubnetId", id}, {"MapPublicIpOnLaunch", {{"Value", true}}}});
  EXPECT_EQ(DescribeSubnet(id)["MapPublicIpOnLaunch"], true);
  EXPECT_EQ(ErrorOf("ModifySubnetAttribute", {{"SubnetId", id},
                                              {"MapPublicIpOnLaunch", {{"Value", true}}},
                                              {"AssignIpv6AddressOnCreation", {{"Value", true}}}}),
            "InvalidParameterCombination");
  EXPECT_EQ(ErrorOf("ModifySubnetAttribute",
                    {{"SubnetId", id}, {"AssignIpv6AddressOnCreation", {{"Value", true}}}}),
            "InvalidParameterValue");
  json r =
      Call("DescribeSubnets", {{"Filters", json::array({Filter("map-public-ip-on-launch", {"true"}),
                                                        Filter("vpc-id", {vpc_})})}});
  EXPECT_EQ(r["Subnets"].size(), 1u);
}

TEST_F(SubnetTest, Ipv6SubnetTakesASlash64OfTheVpcsBlock) {
  json vpc =
      Call("CreateVpc", {{"CidrBlock", "10.1.0.0/16"}, {"AmazonProvidedIpv6CidrBlock", true}});
  std::string block = vpc["Vpc"]["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"];
  std::string sub64 = block.substr(0, block.find("::")) + "::/64";
  json s = Call("CreateSubnet", {{"VpcId", vpc["Vpc"]["VpcId"]},
                                 {"CidrBlock", "10.1.0.0/24"},
                                 {"Ipv6CidrBlock", sub64}})["Subnet"];
  EXPECT_EQ(s["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"], sub64);
  EXPECT_EQ(ErrorOf("CreateSubnet", {{"VpcId", vpc["Vpc"]["VpcId"]},
                                     {"CidrBlock", "10.1.1.0/24"},
                                     {"Ipv6CidrBlock", "2001:db8::/64"}}),
            "InvalidSubnet.Range");
  Call("ModifySubnetAttribute",
       {{"SubnetId", s["SubnetId"]}, {"AssignIpv6AddressOnCreation", {{"Value", true}}}});
  EXPECT_EQ(DescribeSubnet(s["SubnetId"])["AssignIpv6AddressOnCreation"], true);
}

TEST_F(SubnetTest, LaunchInOwnSubnetTakesItsVpcAzAndDefaultGroup) {
  json s = Subnet("10.0.1.0/24", {{"AvailabilityZone", "ap-northeast-2b"}});
  std::string id = Launch({{"SubnetId", s["SubnetId"]}});
  json inst = Describe(id);
  EXPECT_EQ(inst["VpcId"], vpc_);
  EXPECT_EQ(inst["SubnetId"], s["SubnetId"]);
  EXPECT_EQ(inst["Placement"]["AvailabilityZone"], "ap-northeast-2b");
  EXPECT_FALSE(inst.contains("PublicIpAddress"));  // the subnet maps none on launch
  json groups =
      Call("DescribeSecurityGroups", {{"Filters", json::array({Filter("vpc-id", {vpc_})})}});
  EXPECT_EQ(inst["SecurityGroups"][0]["GroupId"], groups["SecurityGroups"][0]["GroupId"]);
  EXPECT_EQ(DescribeSubnet(s["SubnetId"])["AvailableIpAddressCount"], 250);
  EXPECT_EQ(ErrorOf("DeleteSubnet", {{"SubnetId", s["SubnetId"]}}), "DependencyViolation");
  Call("TerminateInstances", {{"InstanceIds", {id}}});
  WaitFor(id, "terminated");
  Call("DeleteSubnet", {{"SubnetId", s["SubnetId"]}});
}

TEST_F(SubnetTest, PublicIpOnlyWhereTheSubnetOrTheLaunchSaysSo) {
  json s = Subnet("10.0.1.0/24");
  json ni = json::array(
      {json{{"DeviceIndex", 0}, {"SubnetId", s["SubnetId"]}, {"AssociatePublicIpAddress", true}}});
  std::string with = Launch({{"NetworkInterfaces", ni}});
  EXPECT_TRUE(Describe(with).contains("PublicIpAddress"));
  Call("ModifySubnetAttribute",
       {{"SubnetId", s["SubnetId"]}, {"MapPublicIpOnLaunch", {{"Value", true}}}});
  ni[0]["AssociatePublicIpAddress"] = false;
  std::string without = Launch({{"NetworkInterfaces", ni}});
  EXPECT_FALSE(Describe(without).contains("PublicIpAddress"));
  EXPECT_TRUE(Describe(Launch({{"SubnetId", s["SubnetId"]}})).contains("PublicIpAddress"));
}

TEST_F(SubnetTest, PrivateIpAddressMustBeFreeAndNotReserved) {
  json s = Subnet("10.0.1.0/24");
  std::string id = Launch({{"SubnetId", s["SubnetId"]}, {"PrivateIpAddress", "10.0.1.10"}});
  EXPECT_EQ(Describe(id)["PrivateIpAddress"], "10.0.1.10");
  json run = {
      {"ImageId", kSeoulAl2023}, {"MinCount", 1}, {"MaxCount", 1}, {"SubnetId", s["SubnetId"]}};
  run["PrivateIpAddress"] = "10.0.1.10";
  EXPECT_EQ(ErrorOf("RunInstances", run), "InvalidIPAddress.InUse");
  run["PrivateIpAddress"] = "10.0.1.2";
  EXPECT_EQ(ErrorOf("RunInstances", run), "InvalidParameterValue");
  run["PrivateIpAddress"] = "10.0.1.255";
  EXPECT_EQ(ErrorOf("RunInstances", run), "InvalidParameterValue");
  run["PrivateIpAddress"] = "10.0.2.10";
  EXPECT_EQ(ErrorOf("RunInstances", run), "InvalidParameterValue");
}

TEST_F(SubnetTest, NetworkInterfacesWithInstanceLevelSubnetOrGroupsIsACombinationError) {
  json s = Subnet("10.0.1.0/24");
  json ni = json::array({json{{"DeviceIndex", 0}, {"SubnetId", s["SubnetId"]}}});
  json run = {{"ImageId", kSeoulAl2023},
              {"MinCount", 1},
              {"MaxCount", 1},
              {"NetworkInterfaces", ni},
              {"SubnetId", s["SubnetId"]}};
  EXPECT_EQ(ErrorOf("RunInstances", run), "InvalidParameterCombination");
  run.erase("SubnetId");
  run["SecurityGroupIds"] = {"sg-0123456789abcdef0"};
  EXPECT_EQ(ErrorOf("RunInstances", run), "InvalidParameterCombination");
}

TEST_F(SubnetTest, GroupOfAnotherVpcIsRefused) {
  json s = Subnet("10.0.1.0/24");
  json def = Call("DescribeSecurityGroups",
                  {{"Filters", json::array({Filter("group-name", {"default"})})}});
  std::string other;
  for (const json& g : def["SecurityGroups"]) {
    if (g["VpcId"] != vpc_) other = g["GroupId"];
  }
  json run = {{"ImageId", kSeoulAl2023},
              {"MinCount", 1},
              {"MaxCount", 1},
              {"SubnetId", s["SubnetId"]},
              {"SecurityGroupIds", {other}}};
  EXPECT_EQ(ErrorOf("RunInstances", run), "InvalidParameterValue");
}

}  // namespace
}  // namespace ec2sim::testing
