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
    const ServiceModel& model = ServiceModel::Ec2();
    const Operation* op = model.FindOperation(action);
    if (op == nullptr) {
      ADD_FAILURE() << action << " is not in the wire model";
      return *r;
    }
    std::vector<std::string> dropped;
    EncodeResult(model, *op, *r, "req", &dropped);
    std::erase_if(dropped, [](const std::string& path) { return KnownDrop(path); });
    EXPECT_TRUE(dropped.empty()) << action << " loses " << json(dropped).dump();
    return *r;
  }

  Sandbox sandbox_{SandboxOptions{.seed = 5, .timing = Timing::kInstant}};
  CallContext ctx_{"123456789012", "ap-northeast-2"};
  std::set<std::string> called_;
};

json Tags(const std::string& resource_type) {
  return json::array({{{"ResourceType", resource_type},
                       {"Tags", json::array({{{"Key", "Name"}, {"Value", "x"}}})}}});
}

TEST_F(ResultFit, EveryActionOfALabSessionEncodesWithoutLoss) {
  Call("DescribeRegions", {{"AllRegions", true}});
  Call("DescribeAvailabilityZones");
  Call("DescribeInstanceTypes", {{"InstanceTypes", {"t2.micro", "m5.large"}}});
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
  Call("DescribeInstanceStatus", {{"IncludeAllInstances", true}});
  json enis = Call("DescribeNetworkInterfaces");
  Call("CreateTags", {{"Resources", ids}, {"Tags", {{{"Key", "Env"}, {"Value", "lab"}}}}});
  Call("DescribeTags");
  Call("DeleteTags", {{"Resources", ids}, {"Tags", {{{"Key", "Env"}}}}});
  Call("ModifyInstanceAttribute", {{"InstanceId", id}, {"Groups", {group}}});
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

  // Every action of the table should be exercised here; list the ones that are not.
  std::vector<std::string> missing;
  for (const std::string& action : sandbox_.Actions()) {
    if (called_.count(action) == 0) missing.push_back(action);
  }
  EXPECT_TRUE(missing.empty()) << "not exercised: " << json(missing).dump();
}

}  // namespace
}  // namespace ec2sim::wire
