// Read-only VPC actions: DescribeVpcs, DescribeSubnets and DescribeNetworkInterfaces.
#include <algorithm>

#include "sim/api/actions_describe.h"
#include "sim/api/render.h"

namespace ec2sim::api {
namespace {

using model::NetworkInterface;
using model::Scope;
using model::Subnet;
using model::Vpc;

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Names every requested id `map` lacks, in the wording EC2 uses for `noun` ("vpc" gives
// "The vpc ID 'vpc-1' does not exist"). Malformed ids are reported as not found too: result.h
// has no Malformed codes for these resources.
template <typename T, typename Key>
Status CheckIds(const model::IdMap<T, Key>& map, const std::vector<std::string>& ids,
                ErrorCode code, std::string_view noun) {
  std::vector<std::string> missing;
  for (const std::string& id : ids) {
    if (map.Find(id) == nullptr && !Contains(missing, id)) missing.push_back(id);
  }
  if (missing.empty()) return OkStatus();
  if (missing.size() == 1) {
    return MakeError(code, "The " + std::string(noun) + " ID '" + missing[0] + "' does not exist");
  }
  return MakeError(code,
                   "The " + std::string(noun) + " IDs '" + JoinIds(missing) + "' do not exist");
}

// Resources of `map` in creation order, restricted to `ids` when given, that pass `filters`.
template <typename T, typename Key>
std::vector<const T*> Select(const model::IdMap<T, Key>& map, const std::vector<std::string>& ids,
                             const std::vector<Filter>& filters, const FilterSchema<T>& schema,
                             std::string T::*id_field) {
  std::vector<const T*> out;
  for (const T& item : map.values()) {
    if (!ids.empty() && !Contains(ids, item.*id_field)) continue;
    if (MatchesFilters(item, filters, schema)) out.push_back(&item);
  }
  return out;
}

// The association id of a VPC's primary CIDR block. Derived from the VPC id so the model
// stores nothing for it and it never changes.
std::string CidrAssociationId(const Vpc& vpc) {
  return "vpc-cidr-assoc-" + vpc.id.substr(vpc.id.find('-') + 1);
}

json VpcJson(const Scope& scope, const Vpc& vpc) {
  json j = {
      {"CidrBlock", vpc.cidr.ToString()},
      {"DhcpOptionsId", vpc.dhcp_options_id},
      {"State", "available"},
      {"VpcId", vpc.id},
      {"OwnerId", scope.account},
      {"InstanceTenancy", "default"},
      {"CidrBlockAssociationSet", json::array({{{"AssociationId", CidrAssociationId(vpc)},
                                                {"CidrBlock", vpc.cidr.ToString()},
                                                {"CidrBlockState", {{"State", "associated"}}}}})},
      {"IsDefault", vpc.is_default}};
  if (!vpc.tags.empty()) j["Tags"] = TagsJson(vpc.tags);
  return j;
}

FilterSchema<Vpc> VpcFilters(const Scope& scope) {
  FilterSchema<Vpc> schema;
  auto& f = schema.fields;
  std::string account = scope.account;
  f["vpc-id"] = [](const Vpc& v) { return OneValue(v.id); };
  f["cidr"] = [](const Vpc& v) { return OneValue(v.cidr.ToString()); };
  f["cidr-block-association.cidr-block"] = f["cidr"];
  f["cidr-block-association.association-id"] = [](const Vpc& v) {
    return OneValue(CidrAssociationId(v));
  };
  f["cidr-block-association.state"] = [](const Vpc&) { return OneValue("associated"); };
  f["is-default"] = [](const Vpc& v) { return BoolValue(v.is_default); };
  f["isDefault"] = f["is-default"];
  f["state"] = [](const Vpc&) { return OneValue("available"); };
  f["owner-id"] = [account](const Vpc&) { return OneValue(account); };
  f["dhcp-options-id"] = [](const Vpc& v) { return OneValue(v.dhcp_options_id); };
  schema.tags = [](const Vpc& v) -> const model::TagList& { return v.tags; };
  return schema;
}

Result<json> DescribeVpcsHandler(ApiContext& ctx, Params& p) {
  std::vector<std::string> ids = p.StringList("VpcIds");
  std::vector<Filter> filters = p.Filters();
  auto max_results = p.OptInt("MaxResults", 5, 1000);
  auto token = p.OptString("NextToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = VpcFilters(ctx.scope);
  EC2SIM_RETURN_IF_ERROR(CheckFilters(filters, schema));
  EC2SIM_RETURN_IF_ERROR(CheckIds(ctx.scope.vpcs, ids, ErrorCode::kInvalidVpcIdNotFound, "vpc"));
  auto selected = Select(ctx.scope.vpcs, ids, filters, schema, &Vpc::id);
  EC2SIM_ASSIGN_OR_RETURN(Page page, Paginate(selected.size(), max_results, token));
  return PagedJson("Vpcs", selected, page, [&](const Vpc* v) { return VpcJson(ctx.scope, *v); });
}

std::string SubnetArn(const Scope& scope, const Subnet& s) {
  return "arn:aws:ec2:" + scope.region->code + ":" + scope.account + ":subnet/" + s.id;
}

json SubnetJson(const Scope& scope, const Subnet& s) {
  json j = {{"AvailabilityZone", s.az},
            {"AvailabilityZoneId", s.az_id},
            {"AvailableIpAddressCount", s.available()},
            {"CidrBlock", s.cidr.ToString()},
            {"DefaultForAz", s.default_for_az},
            {"MapPublicIpOnLaunch", s.map_public_ip_on_launch},
            {"MapCustomerOwnedIpOnLaunch", false},
            {"State", "available"},
            {"SubnetId", s.id},
            {"VpcId", s.vpc_id},
            {"OwnerId", scope.account},
            {"AssignIpv6AddressOnCreation", false},
            {"Ipv6CidrBlockAssociationSet", json::array()},
            {"SubnetArn", SubnetArn(scope, s)},
            {"EnableDns64", false},
            {"Ipv6Native", false},
            {"PrivateDnsNameOptionsOnLaunch",
             {{"HostnameType", "ip-name"},
              {"EnableResourceNameDnsARecord", false},
              {"EnableResourceNameDnsAAAARecord", false}}}};
  if (!s.tags.empty()) j["Tags"] = TagsJson(s.tags);
  return j;
}

FilterSchema<Subnet> SubnetFilters(const Scope& scope) {
  FilterSchema<Subnet> schema;
  auto& f = schema.fields;
  const Scope* bound = &scope;
  f["subnet-id"] = [](const Subnet& s) { return OneValue(s.id); };
  f["vpc-id"] = [](const Subnet& s) { return OneValue(s.vpc_id); };
  f["availability-zone"] = [](const Subnet& s) { return OneValue(s.az); };
  f["availability-zone-id"] = [](const Subnet& s) { return OneValue(s.az_id); };
  f["cidr-block"] = [](const Subnet& s) { return OneValue(s.cidr.ToString()); };
  f["default-for-az"] = [](const Subnet& s) { return BoolValue(s.default_for_az); };
  f["map-public-ip-on-launch"] = [](const Subnet& s) {
    return BoolValue(s.map_public_ip_on_launch);
  };
  f["state"] = [](const Subnet&) { return OneValue("available"); };
  f["owner-id"] = [bound](const Subnet&) { return OneValue(bound->account); };
  f["subnet-arn"] = [bound](const Subnet& s) { return OneValue(SubnetArn(*bound, s)); };
  f["available-ip-address-count"] = [](const Subnet& s) {
    return OneValue(std::to_string(s.available()));
  };
  f["ipv6-native"] = [](const Subnet&) { return BoolValue(false); };
  // EC2 also accepts these older spellings (BC-MODEL:DescribeSubnetsRequest.Filters).
  f["availabilityZone"] = f["availability-zone"];
  f["availabilityZoneId"] = f["availability-zone-id"];
  f["cidr"] = f["cidr-block"];
  f["cidrBlock"] = f["cidr-block"];
  f["defaultForAz"] = f["default-for-az"];
  schema.tags = [](const Subnet& s) -> const model::TagList& { return s.tags; };
  return schema;
}

Result<json> DescribeSubnetsHandler(ApiContext& ctx, Params& p) {
  std::vector<std::string> ids = p.StringList("SubnetIds");
  std::vector<Filter> filters = p.Filters();
  auto max_results = p.OptInt("MaxResults", 5, 1000);
  auto token = p.OptString("NextToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = SubnetFilters(ctx.scope);
  EC2SIM_RETURN_IF_ERROR(CheckFilters(filters, schema));
  EC2SIM_RETURN_IF_ERROR(
      CheckIds(ctx.scope.subnets, ids, ErrorCode::kInvalidSubnetIdNotFound, "subnet"));
  auto selected = Select(ctx.scope.subnets, ids, filters, schema, &Subnet::id);
  EC2SIM_ASSIGN_OR_RETURN(Page page, Paginate(selected.size(), max_results, token));
  return PagedJson("Subnets", selected, page,
                   [&](const Subnet* s) { return SubnetJson(ctx.scope, *s); });
}

FilterSchema<NetworkInterface> InterfaceFilters(Scope& scope) {
  using Eni = NetworkInterface;
  FilterSchema<Eni> schema;
  auto& f = schema.fields;
  Scope* bound = &scope;
  auto none = [] { return std::vector<std::string>{}; };
  f["network-interface-id"] = [](const Eni& e) { return OneValue(e.id); };
  f["subnet-id"] = [](const Eni& e) { return OneValue(e.subnet_id); };
  f["vpc-id"] = [](const Eni& e) { return OneValue(e.vpc_id); };
  f["availability-zone"] = [](const Eni& e) { return OneValue(e.az); };
  f["description"] = [](const Eni& e) { return OneValue(e.description); };
  f["mac-address"] = [](const Eni& e) { return OneValue(e.mac); };
  f["owner-id"] = [bound](const Eni&) { return OneValue(bound->account); };
  f["requester-managed"] = [](const Eni&) { return BoolValue(false); };
  f["source-dest-check"] = [](const Eni& e) { return BoolValue(e.source_dest_check); };
  f["interface-type"] = [](const Eni&) { return OneValue("interface"); };
  f["status"] = [](const Eni& e) {
    return OneValue(e.instance_id.empty() ? "available" : "in-use");
  };
  f["private-ip-address"] = [](const Eni& e) { return OneValue(model::FormatIpv4(e.private_ip)); };
  f["addresses.private-ip-address"] = f["private-ip-address"];
  f["private-dns-name"] = [bound](const Eni& e) {
    return OneValue(PrivateDnsName(*bound->region, e.private_ip));
  };
  f["group-id"] = [](const Eni& e) { return e.group_ids; };
  f["group-name"] = [bound](const Eni& e) {
    std::vector<std::string> names;
    for (const std::string& id : e.group_ids) {
      if (const model::SecurityGroup* g = bound->groups.Find(id)) names.push_back(g->name);
    }
    return names;
  };
  f["attachment.instance-id"] = [=](const Eni& e) {
    return e.instance_id.empty() ? none() : OneValue(e.instance_id);
  };
  f["attachment.instance-owner-id"] = [=](const Eni& e) {
    return e.instance_id.empty() ? none() : OneValue(bound->account);
  };
  f["attachment.attachment-id"] = [=](const Eni& e) {
    return e.instance_id.empty() ? none() : OneValue(e.attachment_id);
  };
  f["attachment.status"] = [=](const Eni& e) {
    return e.instance_id.empty() ? none() : OneValue("attached");
  };
  f["attachment.device-index"] = [=](const Eni& e) {
    return e.instance_id.empty() ? none() : OneValue("0");
  };
  f["attachment.delete-on-termination"] = [=](const Eni& e) {
    return e.instance_id.empty() ? none() : BoolValue(e.delete_on_termination);
  };
  f["association.public-ip"] = [=](const Eni& e) {
    return e.public_ip == 0 ? none() : OneValue(model::FormatIpv4(e.public_ip));
  };
  f["addresses.association.public-ip"] = f["association.public-ip"];
  f["association.allocation-id"] = [=](const Eni& e) {
    return e.public_allocation_id.empty() ? none() : OneValue(e.public_allocation_id);
  };
  f["association.ip-owner-id"] = [=](const Eni& e) {
    if (e.public_ip == 0) return none();
    return OneValue(e.public_allocation_id.empty() ? "amazon" : bound->account);
  };
  schema.tags = [](const Eni& e) -> const model::TagList& { return e.tags; };
  return schema;
}

Result<json> DescribeNetworkInterfacesHandler(ApiContext& ctx, Params& p) {
  std::vector<std::string> ids = p.StringList("NetworkInterfaceIds");
  std::vector<Filter> filters = p.Filters();
  auto max_results = p.OptInt("MaxResults", 5, 1000);
  auto token = p.OptString("NextToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  // BC-MODEL:DescribeNetworkInterfacesRequest.MaxResults forbids combining the two.
  EC2SIM_RETURN_IF_ERROR(NoPageSizeWithIds(!ids.empty(), max_results.has_value(),
                                           "NetworkInterfaceIds", "MaxResults"));
  const auto schema = InterfaceFilters(ctx.scope);
  EC2SIM_RETURN_IF_ERROR(CheckFilters(filters, schema));
  EC2SIM_RETURN_IF_ERROR(CheckIds(ctx.scope.interfaces, ids,
                                  ErrorCode::kInvalidNetworkInterfaceIdNotFound,
                                  "networkInterface"));
  auto selected = Select(ctx.scope.interfaces, ids, filters, schema, &NetworkInterface::id);
  EC2SIM_ASSIGN_OR_RETURN(Page page, Paginate(selected.size(), max_results, token));
  return PagedJson("NetworkInterfaces", selected, page,
                   [&](const NetworkInterface* e) { return NetworkInterfaceJson(ctx.scope, *e); });
}

}  // namespace

void RegisterVpcActions(ActionTable& table) {
  table.Add("DescribeVpcs", DescribeVpcsHandler, kStateDescribe);
  table.Add("DescribeSubnets", DescribeSubnetsHandler, kStateDescribe);
  table.Add("DescribeNetworkInterfaces", DescribeNetworkInterfacesHandler, kStateDescribe);
}

}  // namespace ec2sim::api
