// Elastic IP actions: AllocateAddress, AssociateAddress, DisassociateAddress, ReleaseAddress,
// DescribeAddresses.
#include <algorithm>

#include "sim/api/action_table.h"
#include "sim/api/describe.h"
#include "sim/api/filters.h"
#include "sim/api/render.h"
#include "sim/model/addresses.h"

namespace ec2sim::api {
namespace {

using model::Address;

json AddressJson(model::Scope& scope, const Address& a) {
  json j = {{"AllocationId", a.allocation_id},
            {"Domain", "vpc"},
            {"NetworkBorderGroup", scope.region->code},
            {"PublicIp", model::FormatIpv4(a.public_ip)},
            {"PublicIpv4Pool", "amazon"}};
  if (!a.association_id.empty()) {
    j["AssociationId"] = a.association_id;
    j["NetworkInterfaceId"] = a.eni_id;
    j["NetworkInterfaceOwnerId"] = scope.account;
    j["PrivateIpAddress"] = model::FormatIpv4(a.private_ip);
    if (!a.instance_id.empty()) j["InstanceId"] = a.instance_id;
  }
  if (!a.tags.empty()) j["Tags"] = TagsJson(a.tags);
  return j;
}

Result<json> AllocateAddressHandler(ApiContext& ctx, Params& p) {
  std::string domain = p.OptString("Domain").value_or("vpc");
  std::string address = p.OptString("Address").value_or("");
  std::string pool = p.OptString("PublicIpv4Pool").value_or("amazon");
  std::string border = p.OptString("NetworkBorderGroup").value_or(ctx.scope.region->code);
  model::TagList tags = p.TagSpecifications("elastic-ip");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (domain != "vpc" && domain != "standard") {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Invalid value '" + domain + "' for domain.");
  }
  if (pool != "amazon") {
    return MakeError(ErrorCode::kInvalidParameterValue, "The public IPv4 pool '" + pool +
                                                            "' does not exist (only 'amazon' is "
                                                            "simulated)");
  }
  if (border != ctx.scope.region->code) {
    return MakeError(
        ErrorCode::kInvalidParameterValue,
        "Invalid network border group '" + border + "' for region " + ctx.scope.region->code);
  }
  EC2SIM_ASSIGN_OR_RETURN(Address * a, model::AllocateAddress(ctx.world, ctx.scope, address, tags));
  json out = AddressJson(ctx.scope, *a);
  return out;
}

Result<json> AssociateAddressHandler(ApiContext& ctx, Params& p) {
  std::string allocation_id = p.OptString("AllocationId").value_or("");
  std::string public_ip = p.OptString("PublicIp").value_or("");
  model::AssociateTarget target;
  target.instance_id = p.OptString("InstanceId").value_or("");
  target.interface_id = p.OptString("NetworkInterfaceId").value_or("");
  target.private_ip = p.OptString("PrivateIpAddress").value_or("");
  target.allow_reassociation = p.OptBool("AllowReassociation").value_or(true);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(Address * a, model::FindAddress(ctx.scope, allocation_id, public_ip));
  EC2SIM_ASSIGN_OR_RETURN(std::string assoc,
                          model::AssociateAddress(ctx.world, ctx.scope, *a, target));
  return json{{"AssociationId", assoc}};
}

Result<json> DisassociateAddressHandler(ApiContext& ctx, Params& p) {
  std::string association_id = p.OptString("AssociationId").value_or("");
  std::string public_ip = p.OptString("PublicIp").value_or("");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (association_id.empty()) {
    if (public_ip.empty()) {
      return MakeError(ErrorCode::kMissingParameter,
                       "The request must contain the parameter AssociationId");
    }
    EC2SIM_ASSIGN_OR_RETURN(Address * a, model::FindAddress(ctx.scope, "", public_ip));
    if (a->association_id.empty()) return json::object();
    association_id = a->association_id;
  }
  EC2SIM_RETURN_IF_ERROR(model::DisassociateAddress(ctx.world, ctx.scope, association_id));
  return json::object();
}

Result<json> ReleaseAddressHandler(ApiContext& ctx, Params& p) {
  std::string allocation_id = p.OptString("AllocationId").value_or("");
  std::string public_ip = p.OptString("PublicIp").value_or("");
  p.OptString("NetworkBorderGroup");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(Address * a, model::FindAddress(ctx.scope, allocation_id, public_ip));
  EC2SIM_RETURN_IF_ERROR(model::ReleaseAddress(ctx.world, ctx.scope, *a));
  return json::object();
}

FilterSchema<Address> AddressFilters() {
  FilterSchema<Address> s;
  auto one = [](std::string v) { return std::vector<std::string>{std::move(v)}; };
  auto opt = [](const std::string& v) {
    return v.empty() ? std::vector<std::string>{} : std::vector<std::string>{v};
  };
  s.fields["allocation-id"] = [=](const Address& a) { return one(a.allocation_id); };
  s.fields["association-id"] = [=](const Address& a) { return opt(a.association_id); };
  s.fields["instance-id"] = [=](const Address& a) { return opt(a.instance_id); };
  s.fields["network-interface-id"] = [=](const Address& a) { return opt(a.eni_id); };
  s.fields["public-ip"] = [=](const Address& a) { return one(model::FormatIpv4(a.public_ip)); };
  s.fields["private-ip-address"] = [=](const Address& a) {
    return a.private_ip ? one(model::FormatIpv4(a.private_ip)) : std::vector<std::string>{};
  };
  s.fields["domain"] = [=](const Address&) { return one("vpc"); };
  s.tags = [](const Address& a) -> const model::TagList& { return a.tags; };
  return s;
}

Result<json> DescribeAddressesHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kAddress);
  DescribeQuery query;
  query.ids = p.StringList(kind.ids_param);
  std::vector<std::string> public_ips = p.StringList("PublicIps");
  query.filters = p.Filters();
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  FilterSchema<Address> schema = AddressFilters();
  schema.fields["network-border-group"] = [&ctx](const Address&) {
    return std::vector<std::string>{ctx.scope.region->code};
  };
  model::Scope& scope = ctx.scope;
  auto listed = [](const std::vector<std::string>& list, const std::string& v) {
    return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
  };
  DescribeSpec<Address> spec;
  spec.schema = &schema;
  // Unknown ids and addresses are errors, as in EC2, not silently empty answers.
  // model::FindAddress, not the kind's check: it answers an empty id as a missing parameter.
  spec.check_ids = [&]() -> Status {
    for (const std::string& id : query.ids) {
      EC2SIM_RETURN_IF_ERROR(model::FindAddress(scope, id, ""));
    }
    for (const std::string& ip : public_ips) {
      EC2SIM_RETURN_IF_ERROR(model::FindAddress(scope, "", ip));
    }
    return OkStatus();
  };
  // Allocation ids and public IPs both narrow the answer.
  spec.requested = [&](const Address& a) {
    return listed(query.ids, a.allocation_id) && listed(public_ips, model::FormatIpv4(a.public_ip));
  };
  return DescribeList(scope, scope.addresses.values(), query, spec, kind.list_member,
                      [&](const Address& a) { return AddressJson(scope, a); });
}

}  // namespace

void RegisterAddressActions(ActionTable& table) {
  table.Add("AllocateAddress", AllocateAddressHandler, kMutating);
  table.Add("AssociateAddress", AssociateAddressHandler, kMutating);
  table.Add("DisassociateAddress", DisassociateAddressHandler, kMutating);
  table.Add("ReleaseAddress", ReleaseAddressHandler, kMutating);
  table.Add("DescribeAddresses", DescribeAddressesHandler, kStateDescribe);
}

}  // namespace ec2sim::api
