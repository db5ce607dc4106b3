// A security group and its rules, as plain data. Operations: security_groups.h, sg_rules.h.
#ifndef EC2SIM_MODEL_SECURITY_GROUP_H_
#define EC2SIM_MODEL_SECURITY_GROUP_H_

#include <string>
#include <vector>

#include "sim/model/tags.h"

namespace ec2sim::model {

// One security-group rule as EC2 stores it (one peer per rule).
struct SgRule {
  enum class Peer { kCidr4, kCidr6, kGroup, kPrefixList };
  std::string rule_id;  // "sgr-..."
  bool egress = false;
  std::string protocol;  // "-1", "tcp", "udp", "icmp", "icmpv6" or a protocol number
  int from_port = -1;    // ICMP: type
  int to_port = -1;      // ICMP: code
  Peer peer = Peer::kCidr4;
  std::string peer_value;    // canonical CIDR, group id or prefix-list id
  std::string peer_user_id;  // owner of a referenced group
  std::string description;
  TagList tags;
};

struct SecurityGroup {
  std::string id;
  std::string name;
  std::string description;
  std::string vpc_id;
  std::vector<SgRule> rules;  // ingress and egress, in the order they were added
  TagList tags;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_SECURITY_GROUP_H_
