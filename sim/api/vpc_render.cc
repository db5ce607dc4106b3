#include "sim/api/vpc_render.h"

#include "sim/api/render.h"

namespace ec2sim::api {

json VpcCidrJson(const model::VpcCidrAssociation& a) {
  return {{"AssociationId", a.association_id},
          {"CidrBlock", a.cidr4.ToString()},
          {"CidrBlockState", {{"State", a.state}}}};
}

json VpcIpv6CidrJson(const model::Scope& scope, const model::VpcCidrAssociation& a) {
  return {{"AssociationId", a.association_id},
          {"Ipv6CidrBlock", a.cidr6},
          {"Ipv6CidrBlockState", {{"State", a.state}}},
          {"NetworkBorderGroup", scope.region->code},
          {"Ipv6Pool", "Amazon"}};
}

json VpcJson(const model::Scope& scope, const model::Vpc& vpc) {
  json cidrs = json::array();
  cidrs.push_back(VpcCidrJson({vpc.cidr_association_id, vpc.cidr, "", "associated"}));
  for (const model::VpcCidrAssociation& a : vpc.secondary_cidrs) cidrs.push_back(VpcCidrJson(a));
  json j = {{"CidrBlock", vpc.cidr.ToString()},
            {"DhcpOptionsId", vpc.dhcp_options_id},
            {"State", "available"},
            {"VpcId", vpc.id},
            {"OwnerId", scope.account},
            {"InstanceTenancy", vpc.instance_tenancy},
            {"CidrBlockAssociationSet", cidrs},
            {"IsDefault", vpc.is_default}};
  // Absent, not empty, for a VPC without IPv6, as EC2 answers.
  if (!vpc.ipv6_cidrs.empty()) {
    json v6 = json::array();
    for (const model::VpcCidrAssociation& a : vpc.ipv6_cidrs) {
      v6.push_back(VpcIpv6CidrJson(scope, a));
    }
    j["Ipv6CidrBlockAssociationSet"] = v6;
  }
  if (!vpc.tags.empty()) j["Tags"] = TagsJson(vpc.tags);
  return j;
}

std::string SubnetArn(const model::Scope& scope, const model::Subnet& s) {
  return "arn:aws:ec2:" + scope.region->code + ":" + scope.account + ":subnet/" + s.id;
}

json SubnetJson(const model::Scope& scope, const model::Subnet& s) {
  json v6 = json::array();
  if (!s.ipv6_cidr.empty()) {
    v6.push_back({{"AssociationId", s.ipv6_association_id},
                  {"Ipv6CidrBlock", s.ipv6_cidr},
                  {"Ipv6CidrBlockState", {{"State", "associated"}}}});
  }
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
            {"AssignIpv6AddressOnCreation", s.assign_ipv6_on_creation},
            {"Ipv6CidrBlockAssociationSet", v6},
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

json DhcpOptionsJson(const model::Scope& scope, const model::DhcpOptions& d) {
  json configs = json::array();
  for (const auto& [key, values] : d.options) {
    json vs = json::array();
    for (const std::string& v : values) vs.push_back({{"Value", v}});
    configs.push_back({{"Key", key}, {"Values", vs}});
  }
  json j = {{"DhcpConfigurations", configs}, {"DhcpOptionsId", d.id}, {"OwnerId", scope.account}};
  j["Tags"] = TagsJson(d.tags);
  return j;
}

}  // namespace ec2sim::api
