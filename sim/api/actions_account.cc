// DescribeAccountAttributes: the account's quotas and default VPC in the caller's region, as
// tools read them before they launch (Ansible's ec2 modules, Terraform's default-VPC lookup).
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeAccountAttributes.html
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "sim/api/action_table.h"
#include "sim/model/security_groups.h"

namespace ec2sim::api {
namespace {

// In the order the AWS CLI reference's example shows them.
constexpr std::array<const char*, 6> kAccountAttributeNames = {
    "vpc-max-security-groups-per-interface",
    "max-instances",
    "supported-platforms",
    "default-vpc",
    "max-elastic-ips",
    "vpc-max-elastic-ips"};

std::vector<std::string> AccountAttributeValues(const ApiContext& ctx, const std::string& name) {
  const AccountQuotas& quotas = ctx.world.options().quotas;
  if (name == "vpc-max-security-groups-per-interface") {
    return {std::to_string(model::kGroupsPerInterface)};
  }
  // AWS documents max-instances as no longer tracking the vCPU quota; ec2sim has no other
  // instance quota to show, so it shows the vCPU quota the account launches against.
  if (name == "max-instances") return {std::to_string(quotas.vcpus)};
  // EC2-Classic is retired: every account is VPC-only.
  if (name == "supported-platforms") return {"VPC"};
  if (name == "default-vpc") {
    const std::string& id = ctx.scope.default_vpc_id;
    return {!id.empty() && ctx.scope.vpcs.Find(id) != nullptr ? id : "none"};
  }
  return {std::to_string(quotas.elastic_ips)};  // max-elastic-ips, vpc-max-elastic-ips
}

Result<json> DescribeAccountAttributesHandler(ApiContext& ctx, Params& p) {
  std::vector<std::string> asked = p.StringList("AttributeNames");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  for (const std::string& name : asked) {
    if (std::find_if(kAccountAttributeNames.begin(), kAccountAttributeNames.end(),
                     [&name](const char* n) { return name == n; }) ==
        kAccountAttributeNames.end()) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "Value (" + name +
                           ") for parameter attributeName is invalid. Valid values "
                           "are supported-platforms, default-vpc, max-instances, "
                           "vpc-max-security-groups-per-interface, max-elastic-ips "
                           "and vpc-max-elastic-ips.");
    }
  }
  json list = json::array();
  for (const char* name : kAccountAttributeNames) {
    if (!asked.empty() && std::find(asked.begin(), asked.end(), name) == asked.end()) continue;
    json values = json::array();
    for (const std::string& v : AccountAttributeValues(ctx, name)) {
      values.push_back({{"AttributeValue", v}});
    }
    list.push_back({{"AttributeName", name}, {"AttributeValues", values}});
  }
  return json{{"AccountAttributes", list}};
}

}  // namespace

void RegisterAccountActions(ActionTable& table) {
  // State: default-vpc follows DeleteVpc and CreateDefaultVpc.
  table.Add("DescribeAccountAttributes", DescribeAccountAttributesHandler, kStateDescribe);
}

}  // namespace ec2sim::api
