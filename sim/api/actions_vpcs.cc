// VPC actions that change state: CreateVpc, DeleteVpc, CreateDefaultVpc, ModifyVpcAttribute,
// AssociateVpcCidrBlock and DisassociateVpcCidrBlock, with DescribeVpcAttribute, in boto3's
// shapes. The rules live in sim/model/vpc/vpcs.h.
#include "sim/api/render.h"
#include "sim/api/vpc_render.h"
#include "sim/model/vpc/vpcs.h"

namespace ec2sim::api {
namespace {

using model::Vpc;

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpc.html
Result<json> CreateVpcHandler(ApiContext& ctx, Params& p) {
  model::VpcSpec spec;
  spec.cidr = p.OptString("CidrBlock").value_or("");
  spec.amazon_ipv6 = p.OptBool("AmazonProvidedIpv6CidrBlock").value_or(false);
  spec.instance_tenancy = p.OptString("InstanceTenancy").value_or("default");
  spec.tags = p.TagSpecifications("vpc");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(Vpc * vpc, model::CreateVpc(ctx.world, ctx.scope, spec));
  return json{{"Vpc", VpcJson(ctx.scope, *vpc)}};
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVpc.html
Result<json> DeleteVpcHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("VpcId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::DeleteVpc(ctx.scope, id));
  return json::object();
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDefaultVpc.html
Result<json> CreateDefaultVpcHandler(ApiContext& ctx, Params& p) {
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(Vpc * vpc, model::CreateDefaultVpcOnce(ctx.world, ctx.scope));
  return json{{"Vpc", VpcJson(ctx.scope, *vpc)}};
}

// The attribute names DescribeVpcAttribute takes and the result members that answer them.
struct VpcAttribute {
  const char* name;    // "enableDnsSupport"
  const char* member;  // "EnableDnsSupport"
  bool Vpc::*field;
};
constexpr VpcAttribute kVpcAttributes[] = {
    {"enableDnsSupport", "EnableDnsSupport", &Vpc::dns_support},
    {"enableDnsHostnames", "EnableDnsHostnames", &Vpc::dns_hostnames},
    {"enableNetworkAddressUsageMetrics", "EnableNetworkAddressUsageMetrics",
     &Vpc::network_address_usage_metrics},
};

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcAttribute.html
Result<json> DescribeVpcAttributeHandler(ApiContext& ctx, Params& p) {
  std::string name = p.String("Attribute");
  std::string id = p.String("VpcId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const VpcAttribute* attr = nullptr;
  for (const VpcAttribute& a : kVpcAttributes) {
    if (name == a.name) attr = &a;
  }
  if (attr == nullptr) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + name + ") for parameter attribute is invalid. Unknown attribute.");
  }
  EC2SIM_ASSIGN_OR_RETURN(Vpc * vpc, model::FindVpc(ctx.scope, id));
  return json{{"VpcId", vpc->id}, {attr->member, {{"Value", vpc->*(attr->field)}}}};
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcAttribute.html: one
// attribute per request; DNS hostnames only while DNS support is on.
Result<json> ModifyVpcAttributeHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("VpcId");
  std::vector<std::pair<const VpcAttribute*, bool>> asked;
  for (const VpcAttribute& a : kVpcAttributes) {
    if (auto v = p.OptAttributeBool(a.member)) asked.emplace_back(&a, *v);
  }
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (asked.size() != 1) {
    return MakeError(ErrorCode::kInvalidParameterCombination,
                     asked.empty()
                         ? "No attributes specified."
                         : "Fields for multiple attribute types specified: " +
                               std::string(asked[0].first->name) + ", " + asked[1].first->name);
  }
  EC2SIM_ASSIGN_OR_RETURN(Vpc * vpc, model::FindVpc(ctx.scope, id));
  auto [attr, value] = asked[0];
  if (attr->field == &Vpc::dns_hostnames && value && !vpc->dns_support) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Cannot enable DNS hostnames for a VPC without DNS support "
                     "(enableDnsSupport).");
  }
  vpc->*(attr->field) = value;
  return json::object();
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateVpcCidrBlock.html
Result<json> AssociateVpcCidrBlockHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("VpcId");
  std::optional<std::string> cidr = p.OptString("CidrBlock");
  bool ipv6 = p.OptBool("AmazonProvidedIpv6CidrBlock").value_or(false);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(Vpc * vpc, model::FindVpc(ctx.scope, id));
  EC2SIM_ASSIGN_OR_RETURN(model::VpcCidrAssociation a,
                          model::AssociateVpcCidr(ctx.world, ctx.scope, *vpc, cidr, ipv6));
  json out = {{"VpcId", vpc->id}};
  if (ipv6) {
    out["Ipv6CidrBlockAssociation"] = VpcIpv6CidrJson(ctx.scope, a);
  } else {
    out["CidrBlockAssociation"] = VpcCidrJson(a);
  }
  return out;
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DisassociateVpcCidrBlock.html
Result<json> DisassociateVpcCidrBlockHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("AssociationId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(auto gone, model::DisassociateVpcCidr(ctx.scope, id));
  json out = {{"VpcId", gone.first}};
  if (gone.second.cidr6.empty()) {
    out["CidrBlockAssociation"] = VpcCidrJson(gone.second);
  } else {
    out["Ipv6CidrBlockAssociation"] = VpcIpv6CidrJson(ctx.scope, gone.second);
  }
  return out;
}

}  // namespace

void RegisterVpcLifecycleActions(ActionTable& table) {
  table.Add("CreateVpc", CreateVpcHandler, kMutating);
  table.Add("DeleteVpc", DeleteVpcHandler, kMutating);
  table.Add("CreateDefaultVpc", CreateDefaultVpcHandler, kMutating);
  table.Add("DescribeVpcAttribute", DescribeVpcAttributeHandler, kStateDescribe);
  table.Add("ModifyVpcAttribute", ModifyVpcAttributeHandler, kMutating);
  table.Add("AssociateVpcCidrBlock", AssociateVpcCidrBlockHandler, kMutating);
  table.Add("DisassociateVpcCidrBlock", DisassociateVpcCidrBlockHandler, kMutating);
}

}  // namespace ec2sim::api
