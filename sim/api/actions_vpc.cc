// Read-only VPC actions: DescribeVpcs, DescribeSubnets and DescribeNetworkInterfaces.
#include "sim/api/actions_describe.h"
#include "sim/api/describe.h"
#include "sim/api/render.h"

namespace ec2sim::api {
namespace {

using model::NetworkInterface;
using model::Scope;
using model::Subnet;
using model::Vpc;

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
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kVpc);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 1000});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = VpcFilters(ctx.scope);
  DescribeSpec<Vpc> spec = KindSpec(schema, kind, IdMember<Vpc, &Vpc::id>);
  return DescribeList(ctx.scope, ctx.scope.vpcs.values(), query, spec, kind.list_member,
                      [&](const Vpc& v) { return VpcJson(ctx.scope, v); });
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
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kSubnet);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 1000});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = SubnetFilters(ctx.scope);
  DescribeSpec<Subnet> spec = KindSpec(schema, kind, IdMember<Subnet, &Subnet::id>);
  return DescribeList(ctx.scope, ctx.scope.subnets.values(), query, spec, kind.list_member,
                      [&](const Subnet& s) { return SubnetJson(ctx.scope, s); });
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
  f["requester-managed"] = [](const Eni& e) { return BoolValue(e.requester_managed); };
  f["source-dest-check"] = [](const Eni& e) { return BoolValue(e.source_dest_check); };
  f["interface-type"] = [](const Eni& e) { return OneValue(e.interface_type); };
  f["status"] = [](const Eni& e) {
    return OneValue(e.instance_id.empty() && !e.requester_managed ? "available" : "in-use");
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
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kNetworkInterface);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 1000});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = InterfaceFilters(ctx.scope);
  DescribeSpec<NetworkInterface> spec =
      KindSpec(schema, kind, IdMember<NetworkInterface, &NetworkInterface::id>);
  // BC-MODEL:DescribeNetworkInterfacesRequest.MaxResults forbids combining the two.
  spec.page_size_excludes_ids = PageSizeExcludesIds{"NetworkInterfaceIds", "MaxResults"};
  return DescribeList(
      ctx.scope, ctx.scope.interfaces.values(), query, spec, kind.list_member,
      [&](const NetworkInterface& e) { return NetworkInterfaceJson(ctx.scope, e); });
}

}  // namespace

void RegisterVpcActions(ActionTable& table) {
  table.Add("DescribeVpcs", DescribeVpcsHandler, kStateDescribe);
  table.Add("DescribeSubnets", DescribeSubnetsHandler, kStateDescribe);
  table.Add("DescribeNetworkInterfaces", DescribeNetworkInterfacesHandler, kStateDescribe);
}

}  // namespace ec2sim::api
