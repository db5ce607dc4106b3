// Own images: CreateImage, RegisterImage, CopyImage and DeregisterImage. Request and response
// members: EC2 API Reference, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/
// API_CreateImage.html, API_RegisterImage.html, API_CopyImage.html, API_DeregisterImage.html and
// the BlockDeviceMapping and EbsBlockDevice data types.
#include <initializer_list>

#include "sim/api/action_table.h"
#include "sim/api/render.h"
#include "sim/model/images/images.h"

namespace ec2sim::api {
namespace {

using model::ImageDeviceRequest;

// One Ebs member of a mapping: what EbsBlockDevice carries.
void ReadImageEbs(Params& ebs, ImageDeviceRequest& r) {
  if (auto v = ebs.OptInt("VolumeSize")) r.size_gib = static_cast<int>(*v);
  r.type = ebs.OptString("VolumeType");
  r.delete_on_termination = ebs.OptBool("DeleteOnTermination");
  r.encrypted = ebs.OptBool("Encrypted");
  if (auto v = ebs.OptInt("Iops")) r.iops = static_cast<int>(*v);
  if (auto v = ebs.OptInt("Throughput")) r.throughput = static_cast<int>(*v);
  r.snapshot_id = ebs.OptString("SnapshotId").value_or("");
  // Accepted and not modelled: no key material is kept for EBS.
  ebs.OptString("KmsKeyId");
  ebs.NotModeled("OutpostArn");
  ebs.Done();
}

// BlockDeviceMappings of CreateImage and RegisterImage: DeviceName with NoDevice (leave the
// device out) or Ebs; VirtualName names instance store volumes, which EBS-backed images here
// do not map.
std::vector<ImageDeviceRequest> ReadImageDevices(Params& p) {
  std::vector<ImageDeviceRequest> out;
  const json* list = p.List("BlockDeviceMappings");
  if (list == nullptr) return out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string where = "BlockDeviceMappings[" + std::to_string(i) + "]";
    Params item((*list)[i], where, p);
    if (!item.ok()) break;
    ImageDeviceRequest r;
    r.device = item.String("DeviceName");
    r.no_device = item.OptString("NoDevice").has_value();
    item.OptString("VirtualName");
    if (const json* ebs = item.Raw("Ebs")) {
      Params nested(*ebs, where + ".Ebs", p);
      if (nested.ok()) ReadImageEbs(nested, r);
    }
    item.Done();
    out.push_back(std::move(r));
  }
  return out;
}

Result<json> CreateImageHandler(ApiContext& ctx, Params& p) {
  model::ImageFromInstanceRequest request;
  request.instance_id = p.String("InstanceId");
  request.name = p.String("Name");
  request.description = p.OptString("Description").value_or("");
  request.no_reboot = p.OptBool("NoReboot").value_or(false);
  request.devices = ReadImageDevices(p);
  request.image_tags = p.TagSpecifications("image");
  request.snapshot_tags = p.TagSpecifications("snapshot");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(model::Image * image, model::CreateImage(ctx.world, ctx.scope, request));
  return json{{"ImageId", image->id}};
}

// A value of one of AWS's enums (ArchitectureValues, VirtualizationType).
Status CheckImageEnum(const std::string& value, const char* member,
                      std::initializer_list<const char*> allowed) {
  std::string listed;
  for (const char* a : allowed) {
    if (value == a) return OkStatus();
    listed += (listed.empty() ? "" : ", ") + std::string(a);
  }
  return MakeError(
      ErrorCode::kInvalidParameterValue,
      "Value (" + value + ") for parameter " + member + " is invalid. Valid values: " + listed);
}

// RegisterImage's defaults are AWS's: "Architecture ... Default: For Amazon EBS-backed AMIs,
// i386" and "VirtualizationType ... Default: paravirtual" (API_RegisterImage.html), so a
// registration that names neither launches on no instance type of the catalog, as in AWS.
Result<json> RegisterImageHandler(ApiContext& ctx, Params& p) {
  model::ImageRegistration request;
  request.name = p.String("Name");
  request.description = p.OptString("Description").value_or("");
  request.root_device_name = p.OptString("RootDeviceName").value_or("");
  request.architecture = p.OptString("Architecture").value_or("i386");
  request.virtualization_type = p.OptString("VirtualizationType").value_or("paravirtual");
  request.ena_support = p.OptBool("EnaSupport").value_or(false);
  request.sriov_net_support = p.OptString("SriovNetSupport").value_or("");
  request.boot_mode = p.OptString("BootMode").value_or("");
  request.imds_support = p.OptString("ImdsSupport").value_or("");
  request.tpm_support = p.OptString("TpmSupport").value_or("");
  request.kernel_id = p.OptString("KernelId").value_or("");
  request.ramdisk_id = p.OptString("RamdiskId").value_or("");
  request.devices = ReadImageDevices(p);
  request.tags = p.TagSpecifications("image");
  // Instance store-backed images come from a manifest in S3, which the simulator has not.
  p.NotModeled("ImageLocation");
  p.NotModeled("BillingProducts");
  p.NotModeled("UefiData");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (request.root_device_name.empty()) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter rootDeviceName");
  }
  EC2SIM_RETURN_IF_ERROR(
      CheckImageEnum(request.architecture, "architecture", {"i386", "x86_64", "arm64"}));
  EC2SIM_RETURN_IF_ERROR(
      CheckImageEnum(request.virtualization_type, "virtualizationType", {"hvm", "paravirtual"}));
  EC2SIM_ASSIGN_OR_RETURN(model::Image * image,
                          model::RegisterImage(ctx.world, ctx.scope, request));
  return json{{"ImageId", image->id}};
}

// CopyImage is called in the destination region (API_CopyImage.html).
Result<json> CopyImageHandler(ApiContext& ctx, Params& p) {
  model::ImageCopyRequest request;
  request.source_region = p.String("SourceRegion");
  request.source_image_id = p.String("SourceImageId");
  request.name = p.String("Name");
  request.description = p.OptString("Description").value_or("");
  request.encrypted = p.OptBool("Encrypted").value_or(false);
  // Accepted and not modelled: the KMS key (no key material is kept for EBS) and the
  // idempotency token (each call copies).
  p.OptString("KmsKeyId");
  p.OptString("ClientToken");
  p.OptBool("CopyImageTags");
  p.NotModeled("DestinationOutpostArn");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(model::Image * image, model::CopyImage(ctx.world, ctx.scope, request));
  return json{{"ImageId", image->id}};
}

// "When you deregister an AMI, it doesn't affect any instances that you've already launched
// from the AMI ... you continue to incur usage costs for the snapshots" (API_DeregisterImage.html).
Result<json> DeregisterImageHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("ImageId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::DeregisterImage(ctx.world, ctx.scope, id, false));
  return json::object();
}

}  // namespace

void RegisterOwnImageActions(ActionTable& table) {
  table.Add("CreateImage", CreateImageHandler, kMutating);
  table.Add("RegisterImage", RegisterImageHandler, kMutating);
  table.Add("CopyImage", CopyImageHandler, kMutating);
  table.Add("DeregisterImage", DeregisterImageHandler, kMutating);
  RegisterImageAttributeActions(table);
}

}  // namespace ec2sim::api
