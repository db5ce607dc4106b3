// Read-only VPC actions: DescribeVpcs, DescribeSubnets and DescribeNetworkInterfaces (the
// family's mutating actions register from here too).
#include "sim/api/actions_describe.h"
#include "sim/api/describe.h"
#include "sim/api/render.h"
#include "sim/api/vpc_render.h"

namespace ec2sim::api {
namespace {

using model::NetworkInterface;
using model::Scope;
using model::Subnet;
using model::Vpc;

// Every IPv4 association of a VPC, the primary first.
std::vector<model::VpcCidrAssociation> Ipv4Associations(const Vpc& v) {
  std::vector<model::VpcCidrAssociation> out{{v.cidr_association_id, v.cidr, "", "associated"}};
  out.insert(out.end(), v.secondary_cidrs.begin(), v.secondary_cidrs.end());
  return out;
}

// Values of one member over a list of associations.
template <typename Get>
std::vector<std::string> EachOf(const std::vector<model::VpcCidrAssociation>& list, Get get) {
  std::vector<std::string> out;
  for (const model::VpcCidrAssociation& a : list) out.push_back(get(a));
  return out;
}

// DescribeVpcs' filters
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcs.html).
FilterSchema<Vpc> VpcFilters(const Scope& scope) {
  using Assoc = model::VpcCidrAssociation;
  FilterSchema<Vpc> schema;
  auto& f = schema.fields;
  std::string account = scope.account;
  f["vpc-id"] = [](const Vpc& v) { return OneValue(v.id); };
  // "cidr": the primary IPv4 block only; the association filters see every block.
  f["cidr"] = [](const Vpc& v) { return OneValue(v.cidr.ToString()); };
  f["cidr-block-association.cidr-block"] = [](const Vpc& v) {
    return EachOf(Ipv4Associations(v), [](const Assoc& a) { return a.cidr4.ToString(); });
  };
  f["cidr-block-association.association-id"] = [](const Vpc& v) {
    return EachOf(Ipv4Associations(v), [](const Assoc& a) { return a.association_id; });
  };
  f["cidr-block-association.state"] = [](const Vpc& v) {
    return EachOf(Ipv4Associations(v), [](const Assoc& a) { return a.state; });
  };
  f["ipv6-cidr-block-association.ipv6-cidr-block"] = [](const Vpc& v) {
    return EachOf(v.ipv6_cidrs, [](const Assoc& a) { return a.cidr6; });
  };
  f["ipv6-cidr-block-association.association-id"] = [](const Vpc& v) {
    return EachOf(v.ipv6_cidrs, [](const Assoc& a) { return a.association_id; });
  };
  f["ipv6-cidr-block-association.state"] = [](const Vpc& v) {
    return EachOf(v.ipv6_cidrs, [](const Assoc& a) { return a.state; });
  };
  f["ipv6-cidr-block-association.ipv6-pool"] = [](const Vpc& v) {
    return EachOf(v.ipv6_cidrs, [](const Assoc&) { return std::string("Amazon"); });
  };
  f["is-default"] = [](const Vpc& v) { return BoolValue(v.is_default); };
  f["isDefault"] = f["is-default"];
  f["state"] = [](const Vpc&) { return OneValue("available"); };
  f["owner-id"] = [account](const Vpc&) { return OneValue(account); };
  f["dhcp-options-id"] = [](const Vpc& v) { return OneValue(v.dhcp_options_id); };
  f["instance-tenancy"] = [](const Vpc& v) { return OneValue(v.instance_tenancy); };
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
  auto v6 = [](const Subnet& s, const std::string& value) {
    return s.ipv6_cidr.empty() ? std::vector<std::string>{} : OneValue(value);
  };
  f["ipv6-cidr-block-association.ipv6-cidr-block"] = [v6](const Subnet& s) {
    return v6(s, s.ipv6_cidr);
  };
  f["ipv6-cidr-block-association.association-id"] = [v6](const Subnet& s) {
    return v6(s, s.ipv6_association_id);
  };
  f["ipv6-cidr-block-association.state"] = [v6](const Subnet& s) { return v6(s, "associated"); };
  f["assign-ipv6-address-on-creation"] = [](const Subnet& s) {
    return BoolValue(s.assign_ipv6_on_creation);
  };
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
  RegisterVpcLifecycleActions(table);
  RegisterSubnetActions(table);
  RegisterDhcpOptionsActions(table);
}

}  // namespace ec2sim::api
