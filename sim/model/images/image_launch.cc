// Launching own images: what RunInstances reads of them (sim/model/launch.cc).
#include <algorithm>

#include "sim/model/images/images.h"

namespace ec2sim::model {

// An own image as the launch reads it: the catalog's fields, taken from its root mapping.
ImageInfo OwnImageInfo(const Image& image) {
  ImageInfo info;
  info.image_id = image.id;
  info.name = image.name;
  info.owner_id = image.owner_id;
  info.architecture = image.architecture;
  info.root_device_name = image.root_device_name;
  info.os = image.platform == "windows" ? OsFamily::kWindows : OsFamily::kLinux;
  info.billing =
      image.hourly_billing ? BillingGranularity::kHourly : BillingGranularity::kPerSecond;
  info.volume_type = "gp3";
  info.root_volume_gib = 8;
  for (const ImageDevice& d : image.devices) {
    if (d.device != image.root_device_name) continue;
    info.volume_type = d.type;
    info.root_volume_gib = d.size_gib;
  }
  return info;
}

// The image's mappings other than the root join the request's: an entry of the request for the
// same device overrides what it names and keeps the rest ("you can override the block device
// mappings of the AMI", EC2 User Guide, block-device-mapping-concepts.html). The image's
// snapshots need no restore permission of their own: launch permission covers them.
void MergeImageDevices(const Image& image, std::vector<BlockDeviceRequest>& devices) {
  for (const ImageDevice& d : image.devices) {
    if (d.device == image.root_device_name) continue;
    auto it = std::find_if(devices.begin(), devices.end(),
                           [&](const BlockDeviceRequest& r) { return r.device == d.device; });
    if (it == devices.end()) {
      BlockDeviceRequest r;
      r.device = d.device;
      if (d.iops > 0) r.iops = d.iops;
      if (d.throughput > 0) r.throughput = d.throughput;
      it = devices.insert(devices.end(), r);
    }
    if (!it->snapshot_id.empty()) continue;
    it->snapshot_id = d.snapshot_id;
    if (!it->size_gib) it->size_gib = d.size_gib;
    if (!it->type) it->type = d.type;
    if (!it->delete_on_termination) it->delete_on_termination = d.delete_on_termination;
    it->encrypted = it->encrypted || d.encrypted;
  }
}

}  // namespace ec2sim::model
