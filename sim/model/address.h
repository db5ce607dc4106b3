// An Elastic IP address, as plain data. Operations: addresses.h.
#ifndef EC2SIM_MODEL_ADDRESS_H_
#define EC2SIM_MODEL_ADDRESS_H_

#include <cstdint>
#include <string>

#include "ec2sim/sim_time.h"
#include "sim/model/ip.h"
#include "sim/model/tags.h"

namespace ec2sim::model {

struct Address {
  std::string allocation_id;  // "eipalloc-..."
  std::uint64_t serial = 0;   // World::NewSerial, carried by its resource events
  Ipv4 public_ip = 0;
  std::string association_id;  // "eipassoc-..." while associated
  std::string instance_id;
  std::string eni_id;
  Ipv4 private_ip = 0;
  SimTime allocated_at = 0;
  // Reverse DNS (ModifyAddressAttribute domain-name): "" means the default PTR record.
  std::string ptr_record;
  TagList tags;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_ADDRESS_H_
