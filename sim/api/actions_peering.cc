// VPC peering connections: Create/Accept/Reject/Delete/DescribeVpcPeeringConnections, in
// boto3's shapes (EC2 API Reference, data type VpcPeeringConnection). The rules live in
// sim/model/vpc/peering.h.
#include "sim/api/action_table.h"
#include "sim/api/actions_describe.h"
#include "sim/api/describe.h"
#include "sim/api/render.h"
#include "sim/model/vpc/peering.h"

namespace ec2sim::api {
namespace {

using model::PeeringSide;
using model::VpcPeeringConnection;

// VpcPeeringConnectionVpcInfo. AWS shows the accepter's CIDR blocks and both sides' peering
// options only once the connection is active; the requester's block from the start.
json PeeringSideJson(const PeeringSide& side, bool cidrs, bool active) {
  json j = {{"OwnerId", side.account}, {"VpcId", side.vpc_id}, {"Region", side.region}};
  if (cidrs) {
    j["CidrBlock"] = side.cidr.ToString();
    j["CidrBlockSet"] = json::array({json{{"CidrBlock", side.cidr.ToString()}}});
  }
  if (active) {
    j["PeeringOptions"] = {{"AllowDnsResolutionFromRemoteVpc", false},
                           {"AllowEgressFromLocalClassicLinkToRemoteVpc", false},
                           {"AllowEgressFromLocalVpcToRemoteClassicLink", false}};
  }
  return j;
}

json PeeringJson(const VpcPeeringConnection& pcx) {
  bool active = pcx.status == "active";
  json j = {{"AccepterVpcInfo", PeeringSideJson(pcx.accepter, active, active)},
            {"RequesterVpcInfo", PeeringSideJson(pcx.requester, true, active)},
            {"Status", {{"Code", pcx.status}, {"Message", pcx.status_message}}},
            {"Tags", TagsJson(pcx.tags)},
            {"VpcPeeringConnectionId", pcx.id}};
  if (pcx.status == "pending-acceptance") j["ExpirationTime"] = FormatIsoTime(pcx.expiration_time);
  return j;
}

Result<json> CreatePeeringHandler(ApiContext& ctx, Params& p) {
  model::PeeringRequest request;
  request.vpc_id = p.String("VpcId");
  request.peer_vpc_id = p.String("PeerVpcId");
  request.peer_region = p.OptString("PeerRegion").value_or("");
  request.peer_owner = p.OptString("PeerOwnerId").value_or("");
  request.tags = p.TagSpecifications("vpc-peering-connection");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(VpcPeeringConnection * pcx,
                          model::CreateVpcPeering(ctx.world, ctx.scope, request));
  // The answer to the request itself says "initiating-request"; Describe then shows
  // "pending-acceptance" (EC2 API Reference, CreateVpcPeeringConnection example).
  json out = PeeringJson(*pcx);
  if (pcx->status == "pending-acceptance") {
    out["Status"] = {{"Code", "initiating-request"},
                     {"Message", "Initiating Request to " + pcx->accepter.account}};
  }
  return json{{"VpcPeeringConnection", out}};
}

Result<json> AcceptPeeringHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("VpcPeeringConnectionId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(VpcPeeringConnection * pcx,
                          model::AcceptVpcPeering(ctx.world, ctx.scope, id));
  return json{{"VpcPeeringConnection", PeeringJson(*pcx)}};
}

Result<json> RejectPeeringHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("VpcPeeringConnectionId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::RejectVpcPeering(ctx.world, ctx.scope, id));
  return json{{"Return", true}};
}

Result<json> DeletePeeringHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("VpcPeeringConnectionId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::DeleteVpcPeering(ctx.world, ctx.scope, id));
  return json{{"Return", true}};
}

// DescribeVpcPeeringConnections filters (EC2 API Reference).
FilterSchema<VpcPeeringConnection> PeeringFilters() {
  using Pcx = VpcPeeringConnection;
  FilterSchema<Pcx> schema;
  auto& f = schema.fields;
  f["vpc-peering-connection-id"] = [](const Pcx& c) { return OneValue(c.id); };
  f["status-code"] = [](const Pcx& c) { return OneValue(c.status); };
  f["status-message"] = [](const Pcx& c) { return OneValue(c.status_message); };
  f["expiration-time"] = [](const Pcx& c) {
    return c.status == "pending-acceptance" ? OneValue(FormatIsoTime(c.expiration_time))
                                            : std::vector<std::string>{};
  };
  f["accepter-vpc-info.vpc-id"] = [](const Pcx& c) { return OneValue(c.accepter.vpc_id); };
  f["accepter-vpc-info.owner-id"] = [](const Pcx& c) { return OneValue(c.accepter.account); };
  f["accepter-vpc-info.cidr-block"] = [](const Pcx& c) {
    return OneValue(c.accepter.cidr.ToString());
  };
  f["requester-vpc-info.vpc-id"] = [](const Pcx& c) { return OneValue(c.requester.vpc_id); };
  f["requester-vpc-info.owner-id"] = [](const Pcx& c) { return OneValue(c.requester.account); };
  f["requester-vpc-info.cidr-block"] = [](const Pcx& c) {
    return OneValue(c.requester.cidr.ToString());
  };
  schema.tags = [](const Pcx& c) -> const model::TagList& { return c.tags; };
  return schema;
}

Result<json> DescribePeeringsHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kVpcPeeringConnection);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 1000});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = PeeringFilters();
  auto spec = KindSpec(schema, kind, IdMember<VpcPeeringConnection, &VpcPeeringConnection::id>);
  return DescribeList(ctx.scope, ctx.scope.peerings.values(), query, spec, kind.list_member,
                      [](const VpcPeeringConnection& c) { return PeeringJson(c); });
}

}  // namespace

void RegisterPeeringActions(ActionTable& table) {
  table.Add("CreateVpcPeeringConnection", CreatePeeringHandler, kMutating);
  table.Add("AcceptVpcPeeringConnection", AcceptPeeringHandler, kMutating);
  table.Add("RejectVpcPeeringConnection", RejectPeeringHandler, kMutating);
  table.Add("DeleteVpcPeeringConnection", DeletePeeringHandler, kMutating);
  // A request's expiry is a simulated-clock event, which moves the state version itself.
  table.Add("DescribeVpcPeeringConnections", DescribePeeringsHandler, kStateDescribe);
}

}  // namespace ec2sim::api
