// Own images: CreateImage from an instance, RegisterImage from snapshots, CopyImage across
// regions, DeregisterImage, and who may see and launch them (launchPermission). Shapes, states
// and errors follow the EC2 API Reference
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/ API_CreateImage.html,
// API_RegisterImage.html, API_CopyImage.html, API_DeregisterImage.html,
// API_ModifyImageAttribute.html) and the EC2 User Guide ("Share an AMI with specific AWS
// accounts", sharingamis-explicit.html).
#ifndef EC2SIM_MODEL_IMAGES_IMAGES_H_
#define EC2SIM_MODEL_IMAGES_IMAGES_H_

#include <optional>
#include <string>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/catalog.h"
#include "sim/model/scope.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// Whether `account` may launch the image: it owns it, or the owner gave launchPermission to it
// or to the group "all" (DescribeImages' ExecutableUsers "self", account ids and "all").
bool ImageLaunchableBy(const Image& image, const std::string& account);

// An own image of any account in the scope's region that the scope's account may launch;
// nullptr when there is none (the id may still be a catalog image).
const Image* FindLaunchableImage(World& world, const Scope& scope, const std::string& id);

// Whether any account holds the image `id` in the scope's region.
bool OwnImageExists(World& world, const Scope& scope, const std::string& id);

// Every own image of the scope's region its account may launch: its own in creation order, then
// other accounts' shared ones, by owner and creation order.
std::vector<const Image*> LaunchableImages(World& world, const Scope& scope);

// An image the scope's account owns, for the calls only an owner makes (attributes, deregister).
// Errors: InvalidAMIID.Malformed; InvalidAMIID.Unavailable for one it deregistered; AuthFailure
// "Not authorized for image:ami-..." for a catalog image or another account's visible image (what
// EC2 answers a caller that does not own the AMI); InvalidAMIID.NotFound otherwise.
Result<Image*> FindOwnImage(World& world, Scope& scope, const std::string& id);

// One BlockDeviceMappings entry of CreateImage or RegisterImage. `no_device` (NoDevice "")
// leaves the device out; an Ebs entry changes or adds a device.
struct ImageDeviceRequest {
  std::string device;
  bool no_device = false;
  std::optional<int> size_gib;
  std::optional<std::string> type;
  std::optional<bool> delete_on_termination;
  std::optional<bool> encrypted;
  std::optional<int> iops;
  std::optional<int> throughput;
  std::string snapshot_id;
};

struct ImageFromInstanceRequest {
  std::string instance_id;
  std::string name;
  std::string description;
  bool no_reboot = false;
  std::vector<ImageDeviceRequest> devices;
  TagList image_tags;
  TagList snapshot_tags;
};
// A pending image with a snapshot of each attached volume ("Created by CreateImage(i-...) for
// ami-..."), available once they complete. Errors: the instance's Malformed / NotFound;
// IncorrectInstanceState unless running or stopped; those of the name.
Result<Image*> CreateImage(World& world, Scope& scope, const ImageFromInstanceRequest& request);

struct ImageRegistration {
  std::string name;
  std::string description;
  std::string root_device_name;
  std::string architecture;
  std::string virtualization_type;
  bool ena_support = false;
  std::string sriov_net_support;
  std::string boot_mode;
  std::string imds_support;
  std::string tpm_support;
  std::string kernel_id;
  std::string ramdisk_id;
  std::vector<ImageDeviceRequest> devices;
  TagList tags;
};
// An available image of snapshots the caller owns or may restore. Errors: those of the name;
// InvalidParameterValue for a root device without a snapshot; the snapshots' NotFound.
Result<Image*> RegisterImage(World& world, Scope& scope, const ImageRegistration& request);

struct ImageCopyRequest {
  std::string source_region;
  std::string source_image_id;
  std::string name;
  std::string description;
  bool encrypted = false;
  TagList tags;
};
// A pending copy in the scope's region whose snapshots are copies of the source's; available once
// they complete. Errors: InvalidParameterValue for an unknown region; the source's Malformed /
// NotFound (an image the caller may not launch is not found); InvalidAMIID.Unavailable while the
// source is pending; those of the name.
Result<Image*> CopyImage(World& world, Scope& scope, const ImageCopyRequest& request);

// Removes an own image; its snapshots stay unless `delete_snapshots`. Errors: FindOwnImage's.
Status DeregisterImage(World& world, Scope& scope, const std::string& id, bool delete_snapshots);

// An own image as RunInstances reads it: the catalog's fields, taken from its root mapping.
ImageInfo OwnImageInfo(const Image& image);

// Joins the image's mappings other than the root to a launch's block device requests.
void MergeImageDevices(const Image& image, std::vector<BlockDeviceRequest>& devices);

// The first image of the scope that maps the snapshot, nullptr when none does.
const Image* ImageUsingSnapshot(const Scope& scope, const std::string& snapshot_id);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_IMAGES_IMAGES_H_
