// A launch template and its versions (EC2 User Guide, "Store instance launch parameters in
// Amazon EC2 launch templates"). A version's data is kept as the JSON text of AWS's
// RequestLaunchTemplateData shape, which the api layer reads and writes: the model does not see
// the JSON library, and launch parameters are RunInstances' business, not the template's.
#ifndef EC2SIM_MODEL_LAUNCH_TEMPLATES_LAUNCH_TEMPLATE_H_
#define EC2SIM_MODEL_LAUNCH_TEMPLATES_LAUNCH_TEMPLATE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ec2sim/sim_time.h"
#include "sim/model/tags.h"

namespace ec2sim::model {

struct LaunchTemplateVersion {
  std::int64_t number = 1;
  std::string description;
  SimTime create_time = 0;
  std::string created_by;
  std::string data;  // RequestLaunchTemplateData as JSON text ("{}" when empty)
};

struct LaunchTemplate {
  std::string id;
  std::string name;
  SimTime create_time = 0;
  std::string created_by;  // arn:aws:iam::ACCOUNT:root
  std::int64_t default_version = 1;
  std::int64_t latest_version = 1;              // the highest number ever given, deleted or not
  std::vector<LaunchTemplateVersion> versions;  // ascending by number; deleted ones removed
  std::string client_token;
  TagList tags;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_LAUNCH_TEMPLATES_LAUNCH_TEMPLATE_H_
