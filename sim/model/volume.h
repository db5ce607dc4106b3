// An EBS volume, as plain data.
#ifndef EC2SIM_MODEL_VOLUME_H_
#define EC2SIM_MODEL_VOLUME_H_

#include <cstdint>
#include <string>

#include "ec2sim/sim_time.h"
#include "sim/model/tags.h"

namespace ec2sim::model {

struct Volume {
  std::string id;
  std::uint64_t serial = 0;  // World::NewSerial, carried by its resource events
  std::string az;
  int size_gib = 8;
  std::string type = "gp3";
  std::string instance_id;
  std::string device;
  bool delete_on_termination = true;
  SimTime create_time = 0;
  TagList tags;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VOLUME_H_
