// A VPC and its subnets, as plain data (the VPC family; default_vpc.h builds the default one).
#ifndef EC2SIM_MODEL_VPC_VPC_H_
#define EC2SIM_MODEL_VPC_VPC_H_

#include <cstdint>
#include <set>
#include <string>

#include "ec2sim/sim_time.h"
#include "sim/model/ip.h"
#include "sim/model/tags.h"

namespace ec2sim::model {

struct Vpc {
  std::string id;
  Cidr4 cidr;
  bool is_default = false;
  bool dns_hostnames = true;
  bool dns_support = true;
  std::string dhcp_options_id;
  std::string default_group_id;
  std::string default_acl_id;
  TagList tags;
};

struct Subnet {
  std::string id;
  std::string vpc_id;
  std::string az;
  std::string az_id;
  Cidr4 cidr;
  bool default_for_az = false;
  bool map_public_ip_on_launch = false;
  std::set<Ipv4> used;  // private addresses handed out
  TagList tags;
  // AWS reserves the first four addresses and the last one of every subnet.
  std::uint64_t available() const { return cidr.size() - 5 - used.size(); }
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_VPC_H_
