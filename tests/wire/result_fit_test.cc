// Every result the action table returns fits its operation's output shape: nothing the handlers
// say is lost on the wire because of a name or type the model does not know.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "ec2sim/sandbox.h"
#include "sim/wire/service_model.h"
#include "sim/wire/xml_encoder.h"

namespace ec2sim::wire {
namespace {

using nlohmann::json;

// Members the handlers return that this model cannot carry, and why.
bool KnownDrop(const std::string& path) {
  static const std::set<std::string> kKnown = {
      // Added to EC2 after the botocore release Debian 12 ships (1.29, December 2022); clients
      // built on that model could not read them either.
      "SecurityGroups[].SecurityGroupArn",
      "RevokedSecurityGroupRules",
      // The instance view of an attachment (InstanceNetworkInterfaceAttachment) has no instance
      // fields; the action table repeats the network-interface view's.
      "Instances[].NetworkInterfaces[].Attachment.InstanceId",
      "Instances[].NetworkInterfaces[].Attachment.InstanceOwnerId",
      "Reservations[].Instances[].NetworkInterfaces[].Attachment.InstanceId",
      "Reservations[].Instances[].NetworkInterfaces[].Attachment.InstanceOwnerId",
  };
  return kKnown.count(path) > 0;
}

json Tags(const std::string& resource_type) {
  return json::array({{{"ResourceType", resource_type},
                       {"Tags", json::array({{{"Key", "Name"}, {"Value", "x"}}})}}});
}

class ResultFit : public ::testing::Test {
 protected:
  // Calls the action, which must succeed, and checks its result encodes without loss.
  json Call(const std::string& action, const json& params = json::object()) {
    called_.insert(action);
    Result<json> r = sandbox_.Call(action, params, ctx_);
    if (!r.ok()) {
      ADD_FAILURE() << action << ": " << AwsCode(r.error().code) << ": " << r.error().message;
      return json::object();
    }
    ExpectEncodes(action, *r);
    return *r;
  }

  // Checks that `result` encodes as `action`'s output without loss.
  void ExpectEncodes(const std::string& action, const json& result) {
    const ServiceModel& model = ServiceModel::Ec2();
    const Operation* op = model.FindOperation(action);
    if (op == nullptr) {
      ADD_FAILURE() << action << " is not in the wire model";
      return;
    }
    std::vector<std::string> dropped;
    EncodeResult(model, *op, result, "req", &dropped);
    std::erase_if(dropped, [](const std::string& path) { return KnownDrop(path); });
    EXPECT_TRUE(dropped.empty()) << action << " loses " << json(dropped).dump();
  }

  // The own-network actions, from a new VPC to its deletion.
  void OwnNetworkSession() {
    json vpc = Call("CreateVpc", {{"CidrBlock", "10.0.0.0/16"},
                                  {"AmazonProvidedIpv6CidrBlock", true},
                                  {"TagSpecifications", Tags("vpc")}})["Vpc"];
    std::string id = vpc["VpcId"];
    // CreateDefaultVpc answers the same Vpc shape; deleting the default VPC to call it needs
    // the internet gateway actions, so its shape is checked on CreateVpc's answer.
    called_.insert("CreateDefaultVpc");
    std::vector<std::string> dropped;
    const ServiceModel& model = ServiceModel::Ec2();
    EncodeResult(model, *model.FindOperation("CreateDefaultVpc"), json{{"Vpc", vpc}}, "req",
                 &dropped);
    EXPECT_TRUE(dropped.empty()) << "CreateDefaultVpc loses " << json(dropped).dump();
    Call("ModifyVpcAttribute", {{"VpcId", id}, {"EnableDnsHostnames", {{"Value", true}}}});
    Call("DescribeVpcAttribute", {{"VpcId", id}, {"Attribute", "enableDnsHostnames"}});
    json assoc = Call("AssociateVpcCidrBlock", {{"VpcId", id}, {"CidrBlock", "10.1.0.0/16"}});
    std::string block = vpc["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"];
    json subnet =
        Call("CreateSubnet", {{"VpcId", id},
                              {"CidrBlock", "10.0.1.0/24"},
                              {"Ipv6CidrBlock", block.substr(0, block.size() - 3) + "/64"},
                              {"TagSpecifications", Tags("subnet")}})["Subnet"];
    Call("ModifySubnetAttribute",
         {{"SubnetId", subnet["SubnetId"]}, {"MapPublicIpOnLaunch", {{"Value", true}}}});
    json dopt =
        Call("CreateDhcpOptions",
             {{"DhcpConfigurations", {{{"Key", "domain-name"}, {"Values", {"corp.example"}}}}},
              {"TagSpecifications", Tags("dhcp-options")}})["DhcpOptions"];
    Call("AssociateDhcpOptions", {{"DhcpOptionsId", dopt["DhcpOptionsId"]}, {"VpcId", id}});
    Call("DescribeDhcpOptions");
    Call("AssociateDhcpOptions", {{"DhcpOptionsId", "default"}, {"VpcId", id}});
    Call("DeleteDhcpOptions", {{"DhcpOptionsId", dopt["DhcpOptionsId"]}});
    Call("DeleteSubnet", {{"SubnetId", subnet["SubnetId"]}});
    Call("DisassociateVpcCidrBlock",
         {{"AssociationId", assoc["CidrBlockAssociation"]["AssociationId"]}});
    Call("DeleteVpc", {{"VpcId", id}});
  }
  void ExerciseRoutes(const std::string& vpc, const std::string& subnet);
  void ExercisePeering(const std::string& vpc);
  void ExerciseVolumes(const std::string& subnet);
  void ExerciseLaunchTemplates(const std::string& instance_id);

  Sandbox sandbox_{SandboxOptions{.seed = 5, .timing = Timing::kInstant}};
  CallContext ctx_{"123456789012", "ap-northeast-2"};
  std::set<std::string> called_;
};

TEST_F(ResultFit, EveryActionOfALabSessionEncodesWithoutLoss) {
  Call("DescribeRegions", {{"AllRegions", true}});
  Call("DescribeAvailabilityZones");
  Call("DescribeAccountAttributes");
  Call("DescribeInstanceTypes", {{"InstanceTypes", {"t2.micro", "m5.large"}}});
  Call("DescribeInstanceTypeOfferings", {{"LocationType", "availability-zone"}, {"MaxResults", 5}});
  Call("DescribeImages", {{"Owners", {"amazon"}}, {"MaxResults", 5}});
  json vpcs = Call("DescribeVpcs");
  std::string vpc = vpcs["Vpcs"][0]["VpcId"];
  json subnets = Call("DescribeSubnets");
  Call("CreateKeyPair", {{"KeyName", "k1"}, {"TagSpecifications", Tags("key-pair")}});
  Call("ImportKeyPair",
       {{"KeyName", "k2"},
        {"PublicKeyMaterial",
         "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDOh3TC6DQbw5zkkPNkLgy1fPU/mHPt7tjZSHIwcmvAP x"}});
  Call("DescribeKeyPairs", {{"IncludePublicKey", true}});
  json sg = Call("CreateSecurityGroup", {{"GroupName", "web"},
                                         {"Description", "web"},
                                         {"TagSpecifications", Tags("security-group")}});
  std::string group = sg["GroupId"];
  json ssh = {{"IpProtocol", "tcp"},
              {"FromPort", 22},
              {"ToPort", 22},
              {"IpRanges", {{{"CidrIp", "203.0.113.0/24"}, {"Description", "ssh"}}}}};
  Call("AuthorizeSecurityGroupIngress", {{"GroupId", group}, {"IpPermissions", {ssh}}});
  Call("AuthorizeSecurityGroupEgress", {{"GroupId", group},
                                        {"IpPermissions",
                                         {{{"IpProtocol", "tcp"},
                                           {"FromPort", 443},
                                           {"ToPort", 443},
                                           {"UserIdGroupPairs", {{{"GroupId", group}}}}}}}});
  Call("DescribeSecurityGroups");
  Call("DescribeSecurityGroupRules");
  json run = Call("RunInstances", {{"ImageId", "ami-0c9c942bd7bf113a2"},
                                   {"InstanceType", "t2.micro"},
                                   {"MinCount", 1},
                                   {"MaxCount", 1},
                                   {"KeyName", "k1"},
                                   {"SecurityGroupIds", {group}},
                                   {"TagSpecifications", Tags("instance")}});
  std::string id = run["Instances"][0]["InstanceId"];
  json ids = {id};
  Call("DescribeInstances");
  ExerciseLaunchTemplates(id);
  Call("DescribeInstanceStatus", {{"IncludeAllInstances", true}});
  json enis = Call("DescribeNetworkInterfaces");
  Call("CreateTags", {{"Resources", ids}, {"Tags", {{{"Key", "Env"}, {"Value", "lab"}}}}});
  Call("DescribeTags");
  Call("DeleteTags", {{"Resources", ids}, {"Tags", {{{"Key", "Env"}}}}});
  Call("ModifyInstanceAttribute", {{"InstanceId", id}, {"Groups", {group}}});
  Call("DescribeInstanceAttribute", {{"InstanceId", id}, {"Attribute", "disableApiTermination"}});
  Call("ResetInstanceAttribute", {{"InstanceId", id}, {"Attribute", "sourceDestCheck"}});
  Call("ModifyInstanceMetadataOptions", {{"InstanceId", id}, {"HttpTokens", "required"}});
  Call("GetConsoleOutput", {{"InstanceId", id}});
  Call("DescribeInstanceCreditSpecifications");
  Call("ModifyInstanceCreditSpecification",
       {{"InstanceCreditSpecifications",
         json::array({json{{"InstanceId", id}, {"CpuCredits", "standard"}}})}});
  Call("GetDefaultCreditSpecification", {{"InstanceFamily", "t3"}});
  Call("ModifyDefaultCreditSpecification", {{"InstanceFamily", "t3"}, {"CpuCredits", "unlimited"}});
  Call("ModifyNetworkInterfaceAttribute",
       {{"NetworkInterfaceId", enis["NetworkInterfaces"][0]["NetworkInterfaceId"]},
        {"Groups", {group}}});
  Call("StopInstances", {{"InstanceIds", ids}});
  Call("StartInstances", {{"InstanceIds", ids}});
  Call("RebootInstances", {{"InstanceIds", ids}});
  json eip = Call("AllocateAddress", {{"Domain", "vpc"}});
  json assoc =
      Call("AssociateAddress", {{"AllocationId", eip["AllocationId"]}, {"InstanceId", id}});
  Call("DescribeAddresses");
  Call("ModifyAddressAttribute",
       {{"AllocationId", eip["AllocationId"]}, {"DomainName", "a.example.com"}});
  Call("DescribeAddressesAttribute", {{"AllocationIds", {eip["AllocationId"]}}});
  Call("ResetAddressAttribute",
       {{"AllocationId", eip["AllocationId"]}, {"Attribute", "domain-name"}});
  Call("DisassociateAddress", {{"AssociationId", assoc["AssociationId"]}});
  Call("ReleaseAddress", {{"AllocationId", eip["AllocationId"]}});
  Call("TerminateInstances", {{"InstanceIds", ids}});
  Call("RevokeSecurityGroupIngress", {{"GroupId", group}, {"IpPermissions", {ssh}}});
  Call("RevokeSecurityGroupEgress", {{"GroupId", group},
                                     {"IpPermissions",
                                      {{{"IpProtocol", "tcp"},
                                        {"FromPort", 443},
                                        {"ToPort", 443},
                                        {"UserIdGroupPairs", {{{"GroupId", group}}}}}}}});
  Call("DeleteKeyPair", {{"KeyName", "k2"}});

  if (sandbox_.HasAction("CreateNetworkAcl")) {
    json acl = Call("CreateNetworkAcl", {{"VpcId", vpc}});
    std::string acl_id = acl["NetworkAcl"]["NetworkAclId"];
    json entry = {{"NetworkAclId", acl_id},
                  {"RuleNumber", 100},
                  {"Protocol", "6"},
                  {"RuleAction", "allow"},
                  {"Egress", false},
                  {"CidrBlock", "0.0.0.0/0"},
                  {"PortRange", {{"From", 22}, {"To", 22}}}};
    Call("CreateNetworkAclEntry", entry);
    entry["RuleAction"] = "deny";
    Call("ReplaceNetworkAclEntry", entry);
    json acls = Call("DescribeNetworkAcls");
    Call("DeleteNetworkAclEntry",
         {{"NetworkAclId", acl_id}, {"RuleNumber", 100}, {"Egress", false}});
    for (const json& a : acls["NetworkAcls"]) {
      if (!a.value("IsDefault", false) || a["Associations"].empty()) continue;
      const json& first = a["Associations"][0];
      json moved =
          Call("ReplaceNetworkAclAssociation",
               {{"AssociationId", first["NetworkAclAssociationId"]}, {"NetworkAclId", acl_id}});
      Call("ReplaceNetworkAclAssociation",
           {{"AssociationId", moved["NewAssociationId"]}, {"NetworkAclId", a["NetworkAclId"]}});
      break;
    }
    Call("DeleteNetworkAcl", {{"NetworkAclId", acl_id}});
  }
  json nat_eip = Call("AllocateAddress", {{"Domain", "vpc"}});
  json nat = Call("CreateNatGateway", {{"SubnetId", subnets["Subnets"][0]["SubnetId"]},
                                       {"AllocationId", nat_eip["AllocationId"]},
                                       {"ClientToken", "nat-1"},
                                       {"TagSpecifications", Tags("natgateway")}});
  Call("DescribeNatGateways");  // pending
  sandbox_.Advance(2 * kHour);
  Call("DescribeNatGateways");  // available
  Call("DeleteNatGateway", {{"NatGatewayId", nat["NatGateway"]["NatGatewayId"]}});
  Call("DescribeNatGateways");  // deleting
  Call("DeleteSecurityGroup", {{"GroupId", group}});
  if (sandbox_.HasAction("CreateVpc")) OwnNetworkSession();
  ExerciseVolumes(subnets["Subnets"][0]["SubnetId"]);
  if (sandbox_.HasAction("CreateRouteTable")) {
    ExerciseRoutes(vpc, subnets["Subnets"][0]["SubnetId"]);
    ExercisePeering(vpc);
  }

  // Every action of the table should be exercised here; list the ones that are not.
  std::vector<std::string> missing;
  for (const std::string& action : sandbox_.Actions()) {
    if (called_.count(action) == 0) missing.push_back(action);
  }
  EXPECT_TRUE(missing.empty()) << "not exercised: " << json(missing).dump();
}

// A template made from a running instance, a second version, an instance launched from it
// (terminated at once, so that the default VPC empties as the route exercise needs).
void ResultFit::ExerciseLaunchTemplates(const std::string& instance_id) {
  json data = Call("GetLaunchTemplateData", {{"InstanceId", instance_id}})["LaunchTemplateData"];
  json lt = Call("CreateLaunchTemplate", {{"LaunchTemplateName", "fit"},
                                          {"VersionDescription", "from an instance"},
                                          {"LaunchTemplateData", data},
                                          {"TagSpecifications", Tags("launch-template")}});
  std::string lt_id = lt["LaunchTemplate"]["LaunchTemplateId"];
  // Version 1 names the instance's own interface; version 2 launches anew.
  json fresh = {{"ImageId", data["ImageId"]}, {"InstanceType", "t3.micro"}};
  Call("CreateLaunchTemplateVersion",
       {{"LaunchTemplateId", lt_id}, {"VersionDescription", "t3"}, {"LaunchTemplateData", fresh}});
  Call("ModifyLaunchTemplate", {{"LaunchTemplateId", lt_id}, {"DefaultVersion", "2"}});
  Call("DescribeLaunchTemplates");
  Call("DescribeLaunchTemplateVersions", {{"LaunchTemplateId", lt_id}});
  json run =
      Call("RunInstances",
           {{"LaunchTemplate", {{"LaunchTemplateId", lt_id}}}, {"MinCount", 1}, {"MaxCount", 1}});
  if (run.contains("Instances")) {
    Call("TerminateInstances", {{"InstanceIds", {run["Instances"][0]["InstanceId"]}}});
  }
  Call("DeleteLaunchTemplateVersions", {{"LaunchTemplateId", lt_id}, {"Versions", {"1", "2"}}});
  Call("DeleteLaunchTemplate", {{"LaunchTemplateId", lt_id}});
}

// Gateways and route tables on the default VPC, once its instance is gone (a gateway is
// detached only while nothing in the VPC has a public address).
void ResultFit::ExerciseRoutes(const std::string& vpc, const std::string& subnet) {
  json vpc_filter = {{{"Name", "attachment.vpc-id"}, {"Values", {vpc}}}};
  json old = Call("DescribeInternetGateways", {{"Filters", vpc_filter}})["InternetGateways"][0];
  json igw = Call("CreateInternetGateway", {{"TagSpecifications", Tags("internet-gateway")}});
  json swap = {{"InternetGatewayId", old["InternetGatewayId"]}, {"VpcId", vpc}};
  json ours = {{"InternetGatewayId", igw["InternetGateway"]["InternetGatewayId"]}, {"VpcId", vpc}};
  Call("DetachInternetGateway", swap);
  Call("AttachInternetGateway", ours);
  json eigw = Call("CreateEgressOnlyInternetGateway",
                   {{"VpcId", vpc}, {"TagSpecifications", Tags("egress-only-internet-gateway")}});
  std::string eigw_id = eigw["EgressOnlyInternetGateway"]["EgressOnlyInternetGatewayId"];
  Call("DescribeEgressOnlyInternetGateways");
  json rtb = Call("CreateRouteTable", {{"VpcId", vpc}, {"TagSpecifications", Tags("route-table")}});
  std::string rtb_id = rtb["RouteTable"]["RouteTableId"];
  json route = {{"RouteTableId", rtb_id},
                {"DestinationCidrBlock", "0.0.0.0/0"},
                {"GatewayId", ours["InternetGatewayId"]}};
  Call("CreateRoute", route);
  Call("ReplaceRoute", route);
  Call("CreateRoute", {{"RouteTableId", rtb_id},
                       {"DestinationIpv6CidrBlock", "::/0"},
                       {"EgressOnlyInternetGatewayId", eigw_id}});
  json assoc = Call("AssociateRouteTable", {{"RouteTableId", rtb_id}, {"SubnetId", subnet}});
  json tables = Call("DescribeRouteTables",
                     {{"Filters", {{{"Name", "association.main"}, {"Values", {"true"}}}}}});
  json moved = Call("ReplaceRouteTableAssociation",
                    {{"AssociationId", assoc["AssociationId"]},
                     {"RouteTableId", tables["RouteTables"][0]["RouteTableId"]}});
  Call("DisassociateRouteTable", {{"AssociationId", moved["NewAssociationId"]}});
  Call("DeleteRoute", {{"RouteTableId", rtb_id}, {"DestinationCidrBlock", "0.0.0.0/0"}});
  Call("DeleteRouteTable", {{"RouteTableId", rtb_id}});
  Call("DeleteEgressOnlyInternetGateway", {{"EgressOnlyInternetGatewayId", eigw_id}});
  Call("DetachInternetGateway", ours);
  Call("DeleteInternetGateway", {{"InternetGatewayId", ours["InternetGatewayId"]}});
  Call("AttachInternetGateway", swap);
}

// A peering connection's lifecycle. Every default VPC is 172.31.0.0/16, so without CreateVpc
// only a failed connection can be made; Accept's answer is then checked on that connection
// made active, as AcceptVpcPeeringConnection shows it.
void ResultFit::ExercisePeering(const std::string& vpc) {
  json request = {{"VpcId", vpc}, {"TagSpecifications", Tags("vpc-peering-connection")}};
  if (!sandbox_.HasAction("CreateVpc")) {
    request["PeerVpcId"] = vpc;
    Call("CreateVpcPeeringConnection", request);
    json pcx = Call("DescribeVpcPeeringConnections")["VpcPeeringConnections"][0];
    pcx["Status"] = {{"Code", "active"}, {"Message", "Active"}};
    json options = {{"AllowDnsResolutionFromRemoteVpc", false},
                    {"AllowEgressFromLocalClassicLinkToRemoteVpc", false},
                    {"AllowEgressFromLocalVpcToRemoteClassicLink", false}};
    pcx["AccepterVpcInfo"]["PeeringOptions"] = options;
    pcx["AccepterVpcInfo"]["CidrBlockSet"] = pcx["RequesterVpcInfo"]["CidrBlockSet"];
    pcx["RequesterVpcInfo"]["PeeringOptions"] = options;
    ExpectEncodes("AcceptVpcPeeringConnection", {{"VpcPeeringConnection", pcx}});
    ExpectEncodes("RejectVpcPeeringConnection", {{"Return", true}});
    ExpectEncodes("DeleteVpcPeeringConnection", {{"Return", true}});
    called_.insert(
        {"AcceptVpcPeeringConnection", "RejectVpcPeeringConnection", "DeleteVpcPeeringConnection"});
    return;
  }
  json peer = Call("CreateVpc", {{"CidrBlock", "10.50.0.0/16"}});
  request["PeerVpcId"] = peer["Vpc"]["VpcId"];
  json pcx = Call("CreateVpcPeeringConnection", request)["VpcPeeringConnection"];
  Call("DescribeVpcPeeringConnections");
  Call("AcceptVpcPeeringConnection", {{"VpcPeeringConnectionId", pcx["VpcPeeringConnectionId"]}});
  Call("DeleteVpcPeeringConnection", {{"VpcPeeringConnectionId", pcx["VpcPeeringConnectionId"]}});
  pcx = Call("CreateVpcPeeringConnection", request)["VpcPeeringConnection"];
  Call("RejectVpcPeeringConnection", {{"VpcPeeringConnectionId", pcx["VpcPeeringConnectionId"]}});
}

// A data volume's whole life beside a root volume, with a modification, status and attributes.
void ResultFit::ExerciseVolumes(const std::string& subnet) {
  json run = Call("RunInstances", {{"ImageId", "ami-0c9c942bd7bf113a2"},
                                   {"InstanceType", "t2.micro"},
                                   {"MinCount", 1},
                                   {"MaxCount", 1},
                                   {"SubnetId", subnet}});
  const json& inst = run["Instances"][0];
  json vol = Call("CreateVolume", {{"AvailabilityZone", inst["Placement"]["AvailabilityZone"]},
                                   {"Size", 10},
                                   {"VolumeType", "gp3"},
                                   {"TagSpecifications", Tags("volume")}});
  json vol_id = vol["VolumeId"];
  Call("AttachVolume",
       {{"VolumeId", vol_id}, {"InstanceId", inst["InstanceId"]}, {"Device", "/dev/sdf"}});
  Call("DescribeVolumes");
  Call("ModifyVolume", {{"VolumeId", vol_id}, {"Size", 20}, {"Iops", 4000}});
  Call("DescribeVolumesModifications");
  Call("DescribeVolumeStatus");
  Call("ModifyVolumeAttribute", {{"VolumeId", vol_id}, {"AutoEnableIO", {{"Value", true}}}});
  Call("DescribeVolumeAttribute", {{"VolumeId", vol_id}, {"Attribute", "autoEnableIO"}});
  Call("DescribeVolumeAttribute", {{"VolumeId", vol_id}, {"Attribute", "productCodes"}});
  Call("EnableVolumeIO", {{"VolumeId", vol_id}});
  json snap =
      Call("CreateSnapshot", {{"VolumeId", vol_id}, {"TagSpecifications", Tags("snapshot")}});
  Call("CreateSnapshots", {{"InstanceSpecification", {{"InstanceId", inst["InstanceId"]}}}});
  json perm = {{"Add", {{{"UserId", "210987654321"}}}}};
  json snap_id = snap["SnapshotId"];
  Call("ModifySnapshotAttribute", {{"SnapshotId", snap_id}, {"CreateVolumePermission", perm}});
  Call("DescribeSnapshotAttribute",
       {{"SnapshotId", snap_id}, {"Attribute", "createVolumePermission"}});
  Call("ResetSnapshotAttribute",
       {{"SnapshotId", snap_id}, {"Attribute", "createVolumePermission"}});
  Call("DescribeSnapshots", {{"OwnerIds", {"self"}}});
  Call("CopySnapshot", {{"SourceRegion", ctx_.region}, {"SourceSnapshotId", snap_id}});
  json root = json::array({{{"DeviceName", "/dev/xvda"}, {"Ebs", {{"SnapshotId", snap_id}}}}});
  json registered = Call("RegisterImage", {{"Name", "registered"},
                                           {"Architecture", "x86_64"},
                                           {"RootDeviceName", "/dev/xvda"},
                                           {"BlockDeviceMappings", root}});
  Call("DeregisterImage", {{"ImageId", registered["ImageId"]}});
  Call("DeleteSnapshot", {{"SnapshotId", snap_id}});
  json image = Call(
      "CreateImage",
      {{"InstanceId", inst["InstanceId"]}, {"Name", "fit"}, {"TagSpecifications", Tags("image")}});
  json image_id = image["ImageId"];
  Call("DescribeImages", {{"Owners", {"self"}}});
  Call("ModifyImageAttribute", {{"ImageId", image_id}, {"LaunchPermission", perm}});
  for (const char* attribute : {"launchPermission", "description", "blockDeviceMapping",
                                "productCodes", "sriovNetSupport", "kernel"}) {
    Call("DescribeImageAttribute", {{"ImageId", image_id}, {"Attribute", attribute}});
  }
  Call("ResetImageAttribute", {{"ImageId", image_id}, {"Attribute", "launchPermission"}});
  Call("CopyImage", {{"SourceRegion", ctx_.region}, {"SourceImageId", image_id}, {"Name", "copy"}});
  Call("DeregisterImage", {{"ImageId", image_id}});
  Call("DetachVolume", {{"VolumeId", vol_id}});
  Call("DeleteVolume", {{"VolumeId", vol_id}});
  Call("MonitorInstances", {{"InstanceIds", {inst["InstanceId"]}}});
  Call("UnmonitorInstances", {{"InstanceIds", {inst["InstanceId"]}}});
  Call("EnableEbsEncryptionByDefault");
  Call("GetEbsEncryptionByDefault");
  Call("DisableEbsEncryptionByDefault");
  Call("ModifyEbsDefaultKmsKeyId", {{"KmsKeyId", "alias/team"}});
  Call("GetEbsDefaultKmsKeyId");
  Call("ResetEbsDefaultKmsKeyId");
  Call("TerminateInstances", {{"InstanceIds", {inst["InstanceId"]}}});
}

}  // namespace
}  // namespace ec2sim::wire
