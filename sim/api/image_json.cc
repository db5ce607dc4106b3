#include "sim/api/image_json.h"

#include <cstdint>
#include <string_view>

#include "sim/api/render.h"

namespace ec2sim::api {
namespace {

// "snap-0" + 16 hex digits of a 64-bit FNV-1a hash of the image id: the same catalog image always
// names the same root snapshot, and the id has the 17-digit shape AWS issues.
std::string CatalogRootSnapshotId(std::string_view image_id) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : image_id) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "snap-0";
  for (int shift = 60; shift >= 0; shift -= 4) id += kHex[(h >> shift) & 0xf];
  return id;
}

}  // namespace

ImageView CatalogImageView(const model::ImageInfo& info) {
  ImageView v;
  model::Image& i = v.image;
  i.id = info.image_id;
  i.owner_id = info.owner_id;
  i.name = info.name;
  i.description = info.description;
  i.state = "available";
  i.architecture = info.architecture;
  i.root_device_name = info.root_device_name;
  i.platform = info.os == model::OsFamily::kWindows ? "windows" : "";
  i.hourly_billing = info.billing == model::BillingGranularity::kHourly;
  i.sriov_net_support = "simple";
  i.is_public = true;
  model::ImageDevice root;
  root.device = info.root_device_name;
  root.snapshot_id = CatalogRootSnapshotId(info.image_id);
  root.size_gib = info.root_volume_gib;
  root.type = info.volume_type;
  i.devices.push_back(std::move(root));
  v.owner_alias = info.owner_alias;
  v.creation_date = info.creation_date;
  // Amazon's own images show the alias as the location's prefix, others their owner id.
  v.location = (info.owner_alias.empty() ? info.owner_id : info.owner_alias) + "/" + info.name;
  return v;
}

ImageView OwnImageView(const model::Image& image) {
  ImageView v;
  v.image = image;
  v.creation_date = FormatIsoTime(image.creation_time);
  v.location = image.owner_id + "/" + image.name;
  return v;
}

json ImageDevicesJson(const model::Image& image) {
  json list = json::array();
  for (const model::ImageDevice& d : image.devices) {
    json ebs = {{"DeleteOnTermination", d.delete_on_termination},
                {"VolumeSize", d.size_gib},
                {"VolumeType", d.type},
                {"Encrypted", d.encrypted}};
    if (!d.snapshot_id.empty()) ebs["SnapshotId"] = d.snapshot_id;
    if (d.iops > 0) ebs["Iops"] = d.iops;
    if (d.throughput > 0) ebs["Throughput"] = d.throughput;
    list.push_back({{"DeviceName", d.device}, {"Ebs", std::move(ebs)}});
  }
  return list;
}

json ImageViewJson(const ImageView& view) {
  const model::Image& i = view.image;
  bool windows = i.platform == "windows";
  json j = {
      {"ImageId", i.id},
      {"Name", i.name},
      {"OwnerId", i.owner_id},
      {"Architecture", i.architecture},
      {"CreationDate", view.creation_date},
      {"ImageLocation", view.location},
      {"ImageType", "machine"},
      {"Public", i.is_public},
      {"State", i.state},
      // Usage operations are AWS's billing codes: RunInstances is Linux/UNIX, RunInstances:0002
      // Windows (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/billing-info-fields.html).
      {"PlatformDetails", windows ? "Windows" : "Linux/UNIX"},
      {"UsageOperation", windows ? "RunInstances:0002" : "RunInstances"},
      {"RootDeviceName", i.root_device_name},
      {"RootDeviceType", "ebs"},
      {"VirtualizationType", i.virtualization_type},
      {"EnaSupport", i.ena_support},
      {"Hypervisor", "xen"},
      {"BlockDeviceMappings", ImageDevicesJson(i)},
  };
  if (!i.description.empty() || !view.owner_alias.empty()) j["Description"] = i.description;
  if (!i.sriov_net_support.empty()) j["SriovNetSupport"] = i.sriov_net_support;
  if (!view.owner_alias.empty()) j["ImageOwnerAlias"] = view.owner_alias;
  if (windows) j["Platform"] = "windows";
  if (!i.boot_mode.empty()) j["BootMode"] = i.boot_mode;
  if (!i.imds_support.empty()) j["ImdsSupport"] = i.imds_support;
  if (!i.tpm_support.empty()) j["TpmSupport"] = i.tpm_support;
  if (!i.kernel_id.empty()) j["KernelId"] = i.kernel_id;
  if (!i.ramdisk_id.empty()) j["RamdiskId"] = i.ramdisk_id;
  if (!i.tags.empty()) j["Tags"] = TagsJson(i.tags);
  return j;
}

}  // namespace ec2sim::api
