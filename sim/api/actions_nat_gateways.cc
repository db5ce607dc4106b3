// NAT gateway actions: CreateNatGateway, DeleteNatGateway, DescribeNatGateways. Shapes and
// filters: EC2 API Reference, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/
// API_CreateNatGateway.html, API_DeleteNatGateway.html, API_DescribeNatGateways.html and the
// NatGateway / NatGatewayAddress data types.
#include "sim/api/action_table.h"
#include "sim/api/describe.h"
#include "sim/api/filters.h"
#include "sim/api/render.h"
#include "sim/model/vpc/nat_gateways.h"

namespace ec2sim::api {
namespace {

using model::NatGateway;

// The gateway's address: its interface and private IP, and for a public gateway the Elastic IP
// with its association. Status follows the gateway: "associating" while pending, "succeeded"
// once available, "disassociating" while deleting, "failed" when it failed.
json NatAddressJson(const NatGateway& g) {
  json a = {{"NetworkInterfaceId", g.network_interface_id},
            {"PrivateIp", model::FormatIpv4(g.private_ip)},
            {"IsPrimary", true}};
  if (g.is_public) {
    a["AllocationId"] = g.allocation_id;
    a["PublicIp"] = model::FormatIpv4(g.public_ip);
    if (g.state != "failed") a["AssociationId"] = g.association_id;
  }
  std::string status = "succeeded";
  if (g.state == "pending") status = g.is_public ? "associating" : "assigning";
  if (g.state == "deleting") status = g.is_public ? "disassociating" : "unassigning";
  if (g.state == "failed") status = "failed";
  a["Status"] = status;
  return a;
}

json NatGatewayJson(const NatGateway& g) {
  json j = {{"CreateTime", FormatIsoTime(g.create_time)},
            {"NatGatewayAddresses", json::array({NatAddressJson(g)})},
            {"NatGatewayId", g.id},
            {"State", g.state},
            {"SubnetId", g.subnet_id},
            {"VpcId", g.vpc_id},
            {"ConnectivityType", g.is_public ? "public" : "private"}};
  if (g.delete_time >= 0) j["DeleteTime"] = FormatIsoTime(g.delete_time);
  if (!g.failure_code.empty()) {
    j["FailureCode"] = g.failure_code;
    j["FailureMessage"] = g.failure_message;
  }
  if (!g.tags.empty()) j["Tags"] = TagsJson(g.tags);
  return j;
}

Result<json> CreateNatGatewayHandler(ApiContext& ctx, Params& p) {
  model::NatGatewaySpec spec;
  spec.subnet_id = p.OptString("SubnetId").value_or("");
  spec.allocation_id = p.OptString("AllocationId").value_or("");
  spec.connectivity_type = p.OptString("ConnectivityType").value_or("public");
  spec.private_ip = p.OptString("PrivateIpAddress");
  std::optional<std::string> token = p.OptString("ClientToken");
  spec.client_token = token.value_or("");
  spec.tags = p.TagSpecifications("natgateway");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(NatGateway * g, model::CreateNatGateway(ctx.world, ctx.scope, spec));
  json out = {{"NatGateway", NatGatewayJson(*g)}};
  if (token) out["ClientToken"] = *token;
  return out;
}

Result<json> DeleteNatGatewayHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("NatGatewayId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(NatGateway * g, model::DeleteNatGateway(ctx.world, ctx.scope, id));
  return json{{"NatGatewayId", g->id}};
}

FilterSchema<NatGateway> NatGatewayFilters() {
  FilterSchema<NatGateway> schema;
  auto& f = schema.fields;
  f["nat-gateway-id"] = [](const NatGateway& g) { return OneValue(g.id); };
  f["state"] = [](const NatGateway& g) { return OneValue(g.state); };
  f["subnet-id"] = [](const NatGateway& g) { return OneValue(g.subnet_id); };
  f["vpc-id"] = [](const NatGateway& g) { return OneValue(g.vpc_id); };
  schema.tags = [](const NatGateway& g) -> const model::TagList& { return g.tags; };
  return schema;
}

Result<json> DescribeNatGatewaysHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kNatGateway);
  // The request's filter member is "Filter", not "Filters" (BC-MODEL
  // DescribeNatGatewaysRequest); MaxResults is 5 to 1000.
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 1000}, "Filter");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = NatGatewayFilters();
  DescribeSpec<NatGateway> spec = KindSpec(schema, kind, IdMember<NatGateway, &NatGateway::id>);
  return DescribeList(ctx.scope, ctx.scope.nat_gateways.values(), query, spec, kind.list_member,
                      [](const NatGateway& g) { return NatGatewayJson(g); });
}

}  // namespace

void RegisterNatGatewayActions(ActionTable& table) {
  table.Add("CreateNatGateway", CreateNatGatewayHandler, kMutating);
  table.Add("DeleteNatGateway", DeleteNatGatewayHandler, kMutating);
  table.Add("DescribeNatGateways", DescribeNatGatewaysHandler, kStateDescribe);
}

}  // namespace ec2sim::api
