// Helpers shared by the network tests: launching instances into groups and subnets, network ACL
// calls, and probes through the Sandbox.
#ifndef EC2SIM_TESTS_NETWORK_NETWORK_TEST_SUPPORT_H_
#define EC2SIM_TESTS_NETWORK_NETWORK_TEST_SUPPORT_H_

#include <string>

#include "tests/api/sg_test_support.h"

namespace ec2sim::testing {

// The address probes come from in the network tests: a documentation address (RFC 5737).
inline constexpr const char* kClient = "203.0.113.7";

class NetworkTest : public SecurityGroupTest {
 protected:
  NetworkTest() { Reset(SandboxOptions{.timing = Timing::kInstant}); }

  // Launches a running instance with these groups (none: the default group) in an AZ
  // ("": the seeded choice).
  std::string LaunchWith(const std::vector<std::string>& groups, const std::string& az = "",
                         const json& extra = json::object()) {
    json params = extra;
    if (!groups.empty()) params["SecurityGroupIds"] = groups;
    if (!az.empty()) params["Placement"] = {{"AvailabilityZone", az}};
    return Launch(params);
  }

  std::string PublicIp(const std::string& id) { return Describe(id).value("PublicIpAddress", ""); }
  std::string PrivateIp(const std::string& id) {
    return Describe(id).value("PrivateIpAddress", "");
  }
  std::string SubnetOf(const std::string& id) { return Describe(id).value("SubnetId", ""); }

  // A probe that must not be an error; returns its result.
  json Probe(const json& spec) {
    Result<json> r = sandbox_->Probe(spec, ctx_);
    if (!r.ok()) {
      ADD_FAILURE() << "probe failed: " << AwsCode(r.error().code) << ": " << r.error().message
                    << "\n  spec: " << spec.dump();
      return json::object();
    }
    return r.value();
  }
  // The AWS code of a probe that must fail.
  std::string ProbeError(const json& spec) {
    Result<json> r = sandbox_->Probe(spec, ctx_);
    if (r.ok()) {
      ADD_FAILURE() << "probe succeeded but an error was expected: " << r.value().dump();
      return "";
    }
    return std::string(AwsCode(r.error().code));
  }
  static json Flow(const std::string& from, const std::string& to, const std::string& protocol,
                   int port) {
    return {{"from", from}, {"to", to}, {"protocol", protocol}, {"port", port}};
  }
  // "allowed" or "blocked".
  std::string Verdict(const std::string& from, const std::string& to,
                      const std::string& protocol = "tcp", int port = 22) {
    return Probe(Flow(from, to, protocol, port)).value("Verdict", "");
  }

  std::string DefaultAclId() {
    json r = Call("DescribeNetworkAcls", {{"Filters", {Filter("default", {"true"})}}});
    return r["NetworkAcls"][0].value("NetworkAclId", "");
  }
  std::string DefaultVpcId() {
    return Call("DescribeVpcs", {{"Filters", {Filter("is-default", {"true"})}}})["Vpcs"][0].value(
        "VpcId", "");
  }
  std::string CreateAcl() {
    return Call("CreateNetworkAcl", {{"VpcId", DefaultVpcId()}})["NetworkAcl"].value("NetworkAclId",
                                                                                     "");
  }
  static json Entry(const std::string& acl, int number, bool egress, const std::string& protocol,
                    const std::string& action, const std::string& cidr, int from = -1,
                    int to = -1) {
    json e = {{"NetworkAclId", acl},  {"RuleNumber", number}, {"Egress", egress},
              {"Protocol", protocol}, {"RuleAction", action}, {"CidrBlock", cidr}};
    if (from >= 0) e["PortRange"] = {{"From", from}, {"To", to}};
    return e;
  }
  void AddEntry(const json& entry) { Call("CreateNetworkAclEntry", entry); }
  // Moves `subnet` to `acl`.
  void Associate(const std::string& acl, const std::string& subnet) {
    json r =
        Call("DescribeNetworkAcls", {{"Filters", {Filter("association.subnet-id", {subnet})}}});
    std::string assoc;
    for (const json& a : r["NetworkAcls"][0]["Associations"]) {
      if (a["SubnetId"] == subnet) assoc = a["NetworkAclAssociationId"];
    }
    Call("ReplaceNetworkAclAssociation", {{"AssociationId", assoc}, {"NetworkAclId", acl}});
  }
  // Opens inbound `port` from `cidr` on a group.
  void AllowIn(const std::string& group, int port, const std::string& cidr,
               const std::string& protocol = "tcp") {
    Ingress(group, json::array({{{"IpProtocol", protocol},
                                 {"FromPort", port},
                                 {"ToPort", port},
                                 {"IpRanges", {{{"CidrIp", cidr}}}}}}));
  }
};

}  // namespace ec2sim::testing

#endif  // EC2SIM_TESTS_NETWORK_NETWORK_TEST_SUPPORT_H_
