// An image an account owns (CreateImage, RegisterImage, CopyImage), as plain data: the Image
// data type of the EC2 API Reference
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Image.html). Amazon's public images
// are the catalog's (sim/model/catalog.h) and are not stored per account.
#ifndef EC2SIM_MODEL_IMAGES_IMAGE_H_
#define EC2SIM_MODEL_IMAGES_IMAGE_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "ec2sim/sim_time.h"
#include "sim/model/tags.h"

namespace ec2sim::model {

// One entry of the image's BlockDeviceMappings (the BlockDeviceMapping and EbsBlockDevice data
// types). An EBS entry without a snapshot launches an empty volume of its size.
struct ImageDevice {
  std::string device;
  std::string snapshot_id;
  int size_gib = 0;
  std::string type = "gp3";
  bool delete_on_termination = true;
  bool encrypted = false;
  int iops = 0;
  int throughput = 0;
};

struct Image {
  std::string id;
  std::uint64_t serial = 0;  // World::NewSerial
  std::string owner_id;
  std::string name;
  std::string description;
  std::string state = "pending";  // "pending", "available" (API_Image.html, State)
  SimTime creation_time = 0;
  std::string architecture = "x86_64";
  std::string root_device_name = "/dev/xvda";
  std::string platform;  // "windows" or empty, from the source instance or image
  bool hourly_billing = false;
  std::string virtualization_type = "hvm";
  bool ena_support = true;
  std::string sriov_net_support;
  std::string boot_mode;
  std::string imds_support;
  std::string tpm_support;
  std::string kernel_id;
  std::string ramdisk_id;
  std::string source_instance_id;  // CreateImage's instance, for DescribeImages' SourceInstanceId
  std::vector<ImageDevice> devices;
  // launchPermission: accounts given it by id, and whether the group "all" has it.
  std::set<std::string> launch_users;
  bool is_public = false;
  TagList tags;
  // Bumped by each state change so a transition scheduled before it becomes a no-op.
  std::uint64_t generation = 0;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_IMAGES_IMAGE_H_
