// Internet gateway, route table and VPC peering actions through the action table, on the default
// VPC (its gateway and main table are there from the start).
#include <regex>
#include <string>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

class RouteActions : public SandboxTest {
 protected:
  std::string DefaultVpc() {
    return Call("DescribeVpcs",
                {{"Filters", {Filter("is-default", {"true"})}}})["Vpcs"][0]["VpcId"];
  }
  std::string DefaultSubnet() {
    return Call("DescribeSubnets", {{"MaxResults", 5}})["Subnets"][0]["SubnetId"];
  }
  json DefaultIgw() {
    return Call(
        "DescribeInternetGateways",
        {{"Filters", {Filter("attachment.vpc-id", {DefaultVpc()})}}})["InternetGateways"][0];
  }
  json Table(const std::string& id) {
    return Call("DescribeRouteTables", {{"RouteTableIds", {id}}})["RouteTables"][0];
  }
};

TEST_F(RouteActions, TheDefaultVpcShowsItsAttachedGatewayAndMainTable) {
  json igw = DefaultIgw();
  EXPECT_EQ(igw["Attachments"][0]["State"], "available");
  EXPECT_EQ(igw["OwnerId"], "123456789012");
  json main = Call("DescribeRouteTables", {{"Filters", {Filter("association.main", {"true"})}}});
  ASSERT_EQ(main["RouteTables"].size(), 1u);
  json routes = main["RouteTables"][0]["Routes"];
  EXPECT_EQ(routes[0]["GatewayId"], "local");
  EXPECT_EQ(routes[0]["Origin"], "CreateRouteTable");
  EXPECT_EQ(routes[1]["DestinationCidrBlock"], "0.0.0.0/0");
  EXPECT_EQ(routes[1]["GatewayId"], igw["InternetGatewayId"]);
  EXPECT_EQ(routes[1]["State"], "active");
  EXPECT_EQ(main["RouteTables"][0]["Associations"][0]["Main"], true);
  EXPECT_EQ(main["RouteTables"][0]["Associations"][0]["AssociationState"]["State"], "associated");
}

TEST_F(RouteActions, ANewInternetGatewayIsDetachedAndTaggedAndCannotJoinAVpcThatHasOne) {
  json tag = json{{"Key", "Name"}, {"Value", "gw"}};
  json spec = json{{"ResourceType", "internet-gateway"}, {"Tags", json::array({tag})}};
  json igw = Call("CreateInternetGateway",
                  {{"TagSpecifications", json::array({spec})}})["InternetGateway"];
  EXPECT_TRUE(std::regex_match(igw["InternetGatewayId"].get<std::string>(),
                               std::regex("igw-[0-9a-f]{17}")));
  EXPECT_EQ(igw["Attachments"], json::array());
  EXPECT_EQ(igw["Tags"][0]["Value"], "gw");
  std::string id = igw["InternetGatewayId"];
  EXPECT_EQ(ErrorOf("AttachInternetGateway", {{"InternetGatewayId", id}, {"VpcId", DefaultVpc()}}),
            "Resource.AlreadyAssociated");
  EXPECT_EQ(ErrorOf("AttachInternetGateway",
                    {{"InternetGatewayId", id}, {"VpcId", "vpc-0123456789abcdef0"}}),
            "InvalidVpcID.NotFound");
  EXPECT_EQ(ErrorOf("DetachInternetGateway", {{"InternetGatewayId", id}, {"VpcId", DefaultVpc()}}),
            "Gateway.NotAttached");
  json detached = Call("DescribeInternetGateways",
                       {{"Filters", {Filter("tag:Name", {"gw"})}}})["InternetGateways"];
  ASSERT_EQ(detached.size(), 1u);
  EXPECT_EQ(Call("DescribeInternetGateways",
                 {{"Filters", {Filter("attachment.state", {"available"})}}})["InternetGateways"]
                .size(),
            1u);
  Call("DeleteInternetGateway", {{"InternetGatewayId", id}});
  EXPECT_EQ(ErrorOf("DescribeInternetGateways", {{"InternetGatewayIds", {id}}}),
            "InvalidInternetGatewayID.NotFound");
  EXPECT_EQ(ErrorOf("CreateInternetGateway", {{"DryRun", true}}), "DryRunOperation");
}

TEST_F(RouteActions, DetachingTheDefaultGatewayWaitsUntilNoInstanceHasAPublicAddress) {
  std::string instance = Launch();
  std::string igw = DefaultIgw()["InternetGatewayId"];
  json detach = {{"InternetGatewayId", igw}, {"VpcId", DefaultVpc()}};
  EXPECT_EQ(ErrorOf("DetachInternetGateway", detach), "DependencyViolation");
  EXPECT_EQ(ErrorOf("DeleteInternetGateway", {{"InternetGatewayId", igw}}), "DependencyViolation");
  Call("TerminateInstances", {{"InstanceIds", {instance}}});
  WaitFor(instance, "terminated");
  Call("DetachInternetGateway", detach);
  // The main table's default route now leads nowhere.
  json main = Call("DescribeRouteTables", {{"Filters", {Filter("route.state", {"blackhole"})}}});
  ASSERT_EQ(main["RouteTables"].size(), 1u);
  EXPECT_EQ(main["RouteTables"][0]["Routes"][1]["State"], "blackhole");
}

TEST_F(RouteActions, ARouteTableGetsRoutesAnAssociationAndIsDeletedInReverseOrder) {
  std::string vpc = DefaultVpc();
  json created = Call("CreateRouteTable", {{"VpcId", vpc}, {"ClientToken", "t-1"}});
  EXPECT_EQ(created["ClientToken"], "t-1");
  std::string rtb = created["RouteTable"]["RouteTableId"];
  EXPECT_EQ(created["RouteTable"]["Routes"].size(), 1u);
  EXPECT_EQ(created["RouteTable"]["Associations"], json::array());
  std::string igw = DefaultIgw()["InternetGatewayId"];
  json route = {{"RouteTableId", rtb}, {"DestinationCidrBlock", "0.0.0.0/0"}, {"GatewayId", igw}};
  EXPECT_EQ(Call("CreateRoute", route), json({{"Return", true}}));
  EXPECT_EQ(ErrorOf("CreateRoute", route), "RouteAlreadyExists");
  std::string subnet = DefaultSubnet();
  json assoc = Call("AssociateRouteTable", {{"RouteTableId", rtb}, {"SubnetId", subnet}});
  EXPECT_EQ(assoc["AssociationState"]["State"], "associated");
  json found = Call("DescribeRouteTables",
                    {{"Filters",
                      {Filter("association.subnet-id", {subnet}), Filter("route.gateway-id", {igw}),
                       Filter("route.origin", {"CreateRoute"})}}})["RouteTables"];
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]["RouteTableId"], rtb);
  EXPECT_EQ(found[0]["Associations"][0]["SubnetId"], subnet);
  EXPECT_EQ(found[0]["Associations"][0]["Main"], false);
  EXPECT_EQ(ErrorOf("DeleteRouteTable", {{"RouteTableId", rtb}}), "DependencyViolation");
  Call("DisassociateRouteTable", {{"AssociationId", assoc["AssociationId"]}});
  EXPECT_EQ(ErrorOf("DisassociateRouteTable", {{"AssociationId", assoc["AssociationId"]}}),
            "InvalidAssociationID.NotFound");
  Call("DeleteRoute", {{"RouteTableId", rtb}, {"DestinationCidrBlock", "0.0.0.0/0"}});
  Call("DeleteRouteTable", {{"RouteTableId", rtb}});
  EXPECT_EQ(ErrorOf("DescribeRouteTables", {{"RouteTableIds", {rtb}}}),
            "InvalidRouteTableID.NotFound");
}

TEST_F(RouteActions, ReplaceRoutePointsAnExistingRouteElsewhere) {
  std::string rtb =
      Call("CreateRouteTable", {{"VpcId", DefaultVpc()}})["RouteTable"]["RouteTableId"];
  std::string instance = Launch();
  json to_instance = {
      {"RouteTableId", rtb}, {"DestinationCidrBlock", "198.51.100.0/24"}, {"InstanceId", instance}};
  EXPECT_EQ(ErrorOf("ReplaceRoute", to_instance), "InvalidRoute.NotFound");
  Call("CreateRoute", to_instance);
  json route = Table(rtb)["Routes"][1];
  EXPECT_EQ(route["InstanceId"], instance);
  EXPECT_EQ(route["InstanceOwnerId"], "123456789012");
  EXPECT_TRUE(route.contains("NetworkInterfaceId"));
  EXPECT_EQ(route["State"], "active");
  json to_igw = {{"RouteTableId", rtb},
                 {"DestinationCidrBlock", "198.51.100.0/24"},
                 {"GatewayId", DefaultIgw()["InternetGatewayId"]}};
  Call("ReplaceRoute", to_igw);
  route = Table(rtb)["Routes"][1];
  EXPECT_EQ(route["GatewayId"], DefaultIgw()["InternetGatewayId"]);
  EXPECT_FALSE(route.contains("InstanceId"));
  json local = {{"RouteTableId", rtb},
                {"DestinationCidrBlock", "172.31.0.0/16"},
                {"GatewayId", DefaultIgw()["InternetGatewayId"]}};
  EXPECT_EQ(ErrorOf("ReplaceRoute", local), "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("CreateRoute", {{"RouteTableId", rtb},
                                    {"DestinationCidrBlock", "10.9.0.0/16"},
                                    {"NatGatewayId", "nat-0123456789abcdef0"}}),
            "InvalidNatGatewayID.NotFound");
  EXPECT_EQ(
      ErrorOf("CreateRoute", {{"RouteTableId", rtb}, {"DestinationCidrBlock", "10.9.0.0/16"}}),
      "MissingParameter");
}

TEST_F(RouteActions, TheMainAssociationMovesToAnotherTableOfTheVpc) {
  std::string vpc = DefaultVpc();
  json main = Call("DescribeRouteTables",
                   {{"Filters", {Filter("association.main", {"true"})}}})["RouteTables"][0];
  std::string old_main = main["RouteTableId"];
  std::string assoc = main["Associations"][0]["RouteTableAssociationId"];
  EXPECT_EQ(ErrorOf("DisassociateRouteTable", {{"AssociationId", assoc}}), "InvalidParameterValue");
  std::string rtb = Call("CreateRouteTable", {{"VpcId", vpc}})["RouteTable"]["RouteTableId"];
  json moved =
      Call("ReplaceRouteTableAssociation", {{"AssociationId", assoc}, {"RouteTableId", rtb}});
  EXPECT_NE(moved["NewAssociationId"], assoc);
  EXPECT_EQ(Table(rtb)["Associations"][0]["Main"], true);
  EXPECT_EQ(Table(old_main)["Associations"], json::array());
  EXPECT_EQ(ErrorOf("DeleteRouteTable", {{"RouteTableId", rtb}}), "DependencyViolation");
  Call("DeleteRouteTable", {{"RouteTableId", old_main}});
}

TEST_F(RouteActions, PeeringTheDefaultVpcsOfTwoRegionsFailsOnTheirOverlap) {
  std::string seoul = DefaultVpc();
  ctx_.region = "us-east-1";
  std::string virginia = DefaultVpc();
  ctx_.region = "ap-northeast-2";
  json pcx =
      Call("CreateVpcPeeringConnection", {{"VpcId", seoul},
                                          {"PeerVpcId", virginia},
                                          {"PeerRegion", "us-east-1"}})["VpcPeeringConnection"];
  EXPECT_EQ(pcx["Status"]["Code"], "failed");
  EXPECT_EQ(pcx["RequesterVpcInfo"]["Region"], "ap-northeast-2");
  EXPECT_EQ(pcx["AccepterVpcInfo"]["Region"], "us-east-1");
  ctx_.region = "us-east-1";
  json seen = Call("DescribeVpcPeeringConnections",
                   {{"Filters", {Filter("requester-vpc-info.vpc-id", {seoul})}}});
  ASSERT_EQ(seen["VpcPeeringConnections"].size(), 1u);
  EXPECT_EQ(ErrorOf("AcceptVpcPeeringConnection",
                    {{"VpcPeeringConnectionId", pcx["VpcPeeringConnectionId"]}}),
            "InvalidStateTransition");
  EXPECT_EQ(ErrorOf("CreateVpcPeeringConnection",
                    {{"VpcId", virginia}, {"PeerVpcId", "vpc-0123456789abcdef0"}}),
            "InvalidVpcID.NotFound");
}

TEST_F(RouteActions, AnEgressOnlyGatewayIsCreatedAttachedAndTakesIpv6RoutesOnly) {
  std::string vpc = DefaultVpc();
  json eigw =
      Call("CreateEgressOnlyInternetGateway", {{"VpcId", vpc}})["EgressOnlyInternetGateway"];
  EXPECT_EQ(eigw["Attachments"][0]["State"], "attached");
  EXPECT_EQ(eigw["Attachments"][0]["VpcId"], vpc);
  std::string id = eigw["EgressOnlyInternetGatewayId"];
  std::string rtb = Call("CreateRouteTable", {{"VpcId", vpc}})["RouteTable"]["RouteTableId"];
  EXPECT_EQ(ErrorOf("CreateRoute", {{"RouteTableId", rtb},
                                    {"DestinationCidrBlock", "0.0.0.0/0"},
                                    {"EgressOnlyInternetGatewayId", id}}),
            "InvalidParameterValue");
  Call("CreateRoute", {{"RouteTableId", rtb},
                       {"DestinationIpv6CidrBlock", "::/0"},
                       {"EgressOnlyInternetGatewayId", id}});
  json route = Table(rtb)["Routes"][1];
  EXPECT_EQ(route["DestinationIpv6CidrBlock"], "::/0");
  EXPECT_EQ(route["EgressOnlyInternetGatewayId"], id);
  EXPECT_EQ(Call("DeleteEgressOnlyInternetGateway", {{"EgressOnlyInternetGatewayId", id}}),
            json({{"ReturnCode", true}}));
  EXPECT_EQ(Table(rtb)["Routes"][1]["State"], "blackhole");
  EXPECT_EQ(Call("DescribeEgressOnlyInternetGateways")["EgressOnlyInternetGateways"],
            json::array());
}

}  // namespace
}  // namespace ec2sim::testing
