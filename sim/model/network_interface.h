// An elastic network interface, as plain data.
#ifndef EC2SIM_MODEL_NETWORK_INTERFACE_H_
#define EC2SIM_MODEL_NETWORK_INTERFACE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ec2sim/sim_time.h"
#include "sim/model/ip.h"
#include "sim/model/tags.h"

namespace ec2sim::model {

struct NetworkInterface {
  std::string id;
  std::uint64_t serial = 0;  // World::NewSerial, carried by its resource events
  // Public IPv4 mapped to this interface: auto-assigned (allocation_id empty) or an Elastic IP.
  // (Next to the id: every stop and start touches these.)
  Ipv4 public_ip = 0;
  std::string public_allocation_id;
  std::string subnet_id;
  std::string vpc_id;
  std::string az;
  std::string description;
  std::string mac;
  Ipv4 private_ip = 0;
  std::vector<std::string> group_ids;
  std::string instance_id;  // empty when detached
  std::string attachment_id;
  SimTime attach_time = 0;
  bool delete_on_termination = true;
  bool source_dest_check = true;
  // "interface", or "nat_gateway" for the interface a NAT gateway owns (RequesterManaged).
  std::string interface_type = "interface";
  bool requester_managed = false;
  TagList tags;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_NETWORK_INTERFACE_H_
