// A VPC and its subnets, as plain data (the VPC family; default_vpc.h builds the default one).
#ifndef EC2SIM_MODEL_VPC_VPC_H_
#define EC2SIM_MODEL_VPC_VPC_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "ec2sim/sim_time.h"
#include "sim/model/ip.h"
#include "sim/model/tags.h"

namespace ec2sim::model {

// A secondary IPv4 block of a VPC (AssociateVpcCidrBlock), or its Amazon-provided IPv6 /56.
struct VpcCidrAssociation {
  std::string association_id;  // "vpc-cidr-assoc-..."
  Cidr4 cidr4;                 // IPv4 associations
  std::string cidr6;           // IPv6 associations: the /56 as text
  std::string state = "associated";
};

struct Vpc {
  std::string id;
  Cidr4 cidr;  // the primary IPv4 block
  std::string cidr_association_id;
  std::vector<VpcCidrAssociation> secondary_cidrs;  // IPv4, in association order
  std::vector<VpcCidrAssociation> ipv6_cidrs;
  bool is_default = false;
  bool dns_hostnames = true;
  bool dns_support = true;
  bool network_address_usage_metrics = false;
  std::string instance_tenancy = "default";
  std::string dhcp_options_id;  // "default" when none is associated
  std::string default_group_id;
  std::string default_acl_id;
  std::string main_route_table_id;
  TagList tags;
};

struct Subnet {
  std::string id;
  std::string vpc_id;
  std::string az;
  std::string az_id;
  Cidr4 cidr;
  std::string ipv6_cidr;  // "" when the subnet has no IPv6 block
  std::string ipv6_association_id;
  bool default_for_az = false;
  bool map_public_ip_on_launch = false;
  bool assign_ipv6_on_creation = false;
  std::set<Ipv4> used;  // private addresses handed out
  TagList tags;
  // AWS reserves the first four addresses and the last one of every subnet.
  std::uint64_t available() const { return cidr.size() - 5 - used.size(); }
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_VPC_H_
