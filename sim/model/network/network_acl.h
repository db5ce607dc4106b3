// A network ACL, its entries and subnet associations, as plain data. Operations: nacl.h.
#ifndef EC2SIM_MODEL_NETWORK_NETWORK_ACL_H_
#define EC2SIM_MODEL_NETWORK_NETWORK_ACL_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/model/ip.h"
#include "sim/model/tags.h"

namespace ec2sim::model {

struct NetworkAclEntry {
  int rule_number = 0;  // 32767 for the fixed "*" IPv4 rule
  bool egress = false;
  std::string protocol;  // "-1" or a protocol number ("6", "17", "1", "58")
  bool allow = false;
  std::optional<Cidr4> cidr4;
  std::optional<Cidr6> cidr6;
  int port_from = -1, port_to = -1;
  int icmp_type = -1, icmp_code = -1;
};

struct NetworkAcl {
  std::string id;
  std::string vpc_id;
  bool is_default = false;
  std::vector<NetworkAclEntry> entries;
  std::map<std::string, std::string> associations;  // subnet id -> "aclassoc-..."
  TagList tags;
  std::string client_token;  // CreateNetworkAcl's ClientToken; "" when none was given
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_NETWORK_NETWORK_ACL_H_
