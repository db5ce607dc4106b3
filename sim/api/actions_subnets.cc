// Subnet actions that change state: CreateSubnet, DeleteSubnet and ModifySubnetAttribute, in
// boto3's shapes. The rules live in sim/model/vpc/subnets.h; DescribeSubnets is in
// actions_vpc.cc.
#include "sim/api/vpc_render.h"
#include "sim/model/vpc/subnets.h"

namespace ec2sim::api {
namespace {

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSubnet.html
Result<json> CreateSubnetHandler(ApiContext& ctx, Params& p) {
  model::SubnetSpec spec;
  spec.vpc_id = p.String("VpcId");
  spec.cidr = p.OptString("CidrBlock").value_or("");
  spec.ipv6_cidr = p.OptString("Ipv6CidrBlock");
  spec.az = p.OptString("AvailabilityZone");
  spec.az_id = p.OptString("AvailabilityZoneId");
  spec.tags = p.TagSpecifications("subnet");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(model::Subnet * subnet, model::CreateSubnet(ctx.world, ctx.scope, spec));
  return json{{"Subnet", SubnetJson(ctx.scope, *subnet)}};
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSubnet.html
Result<json> DeleteSubnetHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("SubnetId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::DeleteSubnet(ctx.scope, id));
  return json::object();
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySubnetAttribute.html: one
// attribute per request. The attributes for customer-owned addresses, DNS64 and resource-name
// DNS records are not modeled.
Result<json> ModifySubnetAttributeHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("SubnetId");
  std::optional<bool> map_public = p.OptAttributeBool("MapPublicIpOnLaunch");
  std::optional<bool> assign_ipv6 = p.OptAttributeBool("AssignIpv6AddressOnCreation");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (map_public.has_value() == assign_ipv6.has_value()) {
    return MakeError(
        ErrorCode::kInvalidParameterCombination,
        map_public ? "You can only modify one attribute at a time." : "No attributes specified.");
  }
  EC2SIM_ASSIGN_OR_RETURN(model::Subnet * subnet, model::FindSubnet(ctx.scope, id));
  if (map_public) {
    subnet->map_public_ip_on_launch = *map_public;
    return json::object();
  }
  if (*assign_ipv6 && subnet->ipv6_cidr.empty()) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Subnet " + id +
                         " has no IPv6 CIDR block: cannot assign IPv6 addresses "
                         "on creation.");
  }
  subnet->assign_ipv6_on_creation = *assign_ipv6;
  return json::object();
}

}  // namespace

void RegisterSubnetActions(ActionTable& table) {
  table.Add("CreateSubnet", CreateSubnetHandler, kMutating);
  table.Add("DeleteSubnet", DeleteSubnetHandler, kMutating);
  table.Add("ModifySubnetAttribute", ModifySubnetAttributeHandler, kMutating);
}

}  // namespace ec2sim::api
