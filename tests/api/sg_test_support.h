// Helpers shared by the security-group action tests.
#ifndef EC2SIM_TESTS_API_SG_TEST_SUPPORT_H_
#define EC2SIM_TESTS_API_SG_TEST_SUPPORT_H_

#include <string>

#include "tests/api/test_support.h"

namespace ec2sim::testing {

class SecurityGroupTest : public SandboxTest {
 protected:
  // Creates a group in the default VPC and returns its id.
  std::string CreateGroup(const std::string& name, const json& extra = json::object()) {
    json params = {{"GroupName", name}, {"Description", name + " servers"}};
    for (auto it = extra.begin(); it != extra.end(); ++it) params[it.key()] = it.value();
    json r = Call("CreateSecurityGroup", params);
    return r.value("GroupId", "");
  }

  // DescribeSecurityGroups of one group: SecurityGroups[0].
  json Group(const std::string& id) {
    json r = Call("DescribeSecurityGroups", {{"GroupIds", {id}}});
    if (!r.contains("SecurityGroups") || r["SecurityGroups"].size() != 1) return json::object();
    return r["SecurityGroups"][0];
  }

  json DefaultGroup() {
    json r = Call("DescribeSecurityGroups", {{"GroupNames", {"default"}}});
    if (!r.contains("SecurityGroups") || r["SecurityGroups"].size() != 1) return json::object();
    return r["SecurityGroups"][0];
  }

  // An IpPermission with one IPv4 range.
  static json Tcp(int from, int to, const std::string& cidr) {
    return {{"IpProtocol", "tcp"},
            {"FromPort", from},
            {"ToPort", to},
            {"IpRanges", {{{"CidrIp", cidr}}}}};
  }

  json Ingress(const std::string& group_id, const json& permissions) {
    return Call("AuthorizeSecurityGroupIngress",
                {{"GroupId", group_id}, {"IpPermissions", permissions}});
  }
  std::string IngressError(const std::string& group_id, const json& permissions) {
    return ErrorOf("AuthorizeSecurityGroupIngress",
                   {{"GroupId", group_id}, {"IpPermissions", permissions}});
  }

  // The message of a call that must fail.
  std::string MessageOf(const std::string& action, const json& params) {
    Result<json> r = sandbox_->Call(action, params, ctx_);
    return r.ok() ? std::string("<succeeded>") : r.error().message;
  }
};

}  // namespace ec2sim::testing

#endif  // EC2SIM_TESTS_API_SG_TEST_SUPPORT_H_
