// Internet gateways and egress-only internet gateways: Create/Attach/Detach/Delete/Describe
// InternetGateways and Create/Delete/DescribeEgressOnlyInternetGateways, in boto3's shapes. The
// rules live in sim/model/vpc/internet_gateways.h.
#include "sim/api/action_table.h"
#include "sim/api/actions_describe.h"
#include "sim/api/describe.h"
#include "sim/api/render.h"
#include "sim/model/vpc/internet_gateways.h"

namespace ec2sim::api {
namespace {

using model::EgressOnlyInternetGateway;
using model::InternetGateway;

// InternetGateway: "Attachments" lists the VPC with State "available" while attached (AWS
// reports "available", not "attached", for internet gateways: EC2 API Reference,
// InternetGatewayAttachment), and is empty while detached.
json IgwJson(const model::Scope& scope, const InternetGateway& igw) {
  json attachments = json::array();
  if (!igw.vpc_id.empty()) {
    attachments.push_back({{"State", "available"}, {"VpcId", igw.vpc_id}});
  }
  return json{{"Attachments", attachments},
              {"InternetGatewayId", igw.id},
              {"OwnerId", scope.account},
              {"Tags", TagsJson(igw.tags)}};
}

// EgressOnlyInternetGateway (EC2 API Reference): created attached, State "attached".
json EigwJson(const EgressOnlyInternetGateway& eigw) {
  json attachment = {{"State", "attached"}, {"VpcId", eigw.vpc_id}};
  return json{{"Attachments", json::array({attachment})},
              {"EgressOnlyInternetGatewayId", eigw.id},
              {"Tags", TagsJson(eigw.tags)}};
}

Result<json> CreateIgwHandler(ApiContext& ctx, Params& p) {
  model::TagList tags = p.TagSpecifications("internet-gateway");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(InternetGateway * igw,
                          model::CreateInternetGateway(ctx.world, ctx.scope, std::move(tags)));
  return json{{"InternetGateway", IgwJson(ctx.scope, *igw)}};
}

Result<json> AttachIgwHandler(ApiContext& ctx, Params& p) {
  std::string igw = p.String("InternetGatewayId");
  std::string vpc = p.String("VpcId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::AttachInternetGateway(ctx.scope, igw, vpc));
  return json::object();
}

Result<json> DetachIgwHandler(ApiContext& ctx, Params& p) {
  std::string igw = p.String("InternetGatewayId");
  std::string vpc = p.String("VpcId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::DetachInternetGateway(ctx.scope, igw, vpc));
  return json::object();
}

Result<json> DeleteIgwHandler(ApiContext& ctx, Params& p) {
  std::string igw = p.String("InternetGatewayId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::DeleteInternetGateway(ctx.scope, igw));
  return json::object();
}

// DescribeInternetGateways filters (EC2 API Reference): attachment.state, attachment.vpc-id,
// internet-gateway-id, owner-id, tag:<key>, tag-key.
FilterSchema<InternetGateway> IgwFilters(const model::Scope& scope) {
  FilterSchema<InternetGateway> schema;
  auto& f = schema.fields;
  std::string account = scope.account;
  auto attached = [](const InternetGateway& g) {
    return g.vpc_id.empty() ? std::vector<std::string>{} : OneValue("available");
  };
  f["attachment.state"] = attached;
  f["attachment.vpc-id"] = [](const InternetGateway& g) {
    return g.vpc_id.empty() ? std::vector<std::string>{} : OneValue(g.vpc_id);
  };
  f["internet-gateway-id"] = [](const InternetGateway& g) { return OneValue(g.id); };
  f["owner-id"] = [account](const InternetGateway&) { return OneValue(account); };
  schema.tags = [](const InternetGateway& g) -> const model::TagList& { return g.tags; };
  return schema;
}

Result<json> DescribeIgwsHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kInternetGateway);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 1000});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = IgwFilters(ctx.scope);
  auto spec = KindSpec(schema, kind, IdMember<InternetGateway, &InternetGateway::id>);
  return DescribeList(ctx.scope, ctx.scope.internet_gateways.values(), query, spec,
                      kind.list_member,
                      [&](const InternetGateway& g) { return IgwJson(ctx.scope, g); });
}

Result<json> CreateEigwHandler(ApiContext& ctx, Params& p) {
  std::string vpc = p.String("VpcId");
  model::TagList tags = p.TagSpecifications("egress-only-internet-gateway");
  auto token = p.OptString("ClientToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(
      EgressOnlyInternetGateway * eigw,
      model::CreateEgressOnlyGateway(ctx.world, ctx.scope, vpc, std::move(tags)));
  json out = {{"EgressOnlyInternetGateway", EigwJson(*eigw)}};
  if (token) out["ClientToken"] = *token;
  return out;
}

Result<json> DeleteEigwHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("EgressOnlyInternetGatewayId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::DeleteEgressOnlyGateway(ctx.scope, id));
  return json{{"ReturnCode", true}};
}

// DescribeEgressOnlyInternetGateways documents the tag filters only (EC2 API Reference).
Result<json> DescribeEigwsHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kEgressOnlyInternetGateway);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 255});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  FilterSchema<EgressOnlyInternetGateway> schema;
  schema.tags = [](const EgressOnlyInternetGateway& g) -> const model::TagList& { return g.tags; };
  auto spec =
      KindSpec(schema, kind, IdMember<EgressOnlyInternetGateway, &EgressOnlyInternetGateway::id>);
  return DescribeList(ctx.scope, ctx.scope.egress_only_gateways.values(), query, spec,
                      kind.list_member,
                      [](const EgressOnlyInternetGateway& g) { return EigwJson(g); });
}

}  // namespace

void RegisterInternetGatewayActions(ActionTable& table) {
  table.Add("CreateInternetGateway", CreateIgwHandler, kMutating);
  table.Add("AttachInternetGateway", AttachIgwHandler, kMutating);
  table.Add("DetachInternetGateway", DetachIgwHandler, kMutating);
  table.Add("DeleteInternetGateway", DeleteIgwHandler, kMutating);
  table.Add("DescribeInternetGateways", DescribeIgwsHandler, kStateDescribe);
  table.Add("CreateEgressOnlyInternetGateway", CreateEigwHandler, kMutating);
  table.Add("DeleteEgressOnlyInternetGateway", DeleteEigwHandler, kMutating);
  table.Add("DescribeEgressOnlyInternetGateways", DescribeEigwsHandler, kStateDescribe);
}

}  // namespace ec2sim::api
