// Internet gateways, egress-only internet gateways and DHCP options sets, as plain data.
#ifndef EC2SIM_MODEL_VPC_GATEWAYS_H_
#define EC2SIM_MODEL_VPC_GATEWAYS_H_

#include <string>
#include <utility>
#include <vector>

#include "sim/model/tags.h"

namespace ec2sim::model {

// At most one per VPC; `vpc_id` is empty while detached.
struct InternetGateway {
  std::string id;
  std::string vpc_id;
  TagList tags;
};

// IPv6 outbound only; created attached to its VPC and never moved.
struct EgressOnlyInternetGateway {
  std::string id;
  std::string vpc_id;
  TagList tags;
};

// A DHCP options set: option key ("domain-name", "domain-name-servers", "ntp-servers",
// "netbios-name-servers", "netbios-node-type") and its values, in the order given.
struct DhcpOptions {
  std::string id;
  std::vector<std::pair<std::string, std::vector<std::string>>> options;
  TagList tags;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_GATEWAYS_H_
