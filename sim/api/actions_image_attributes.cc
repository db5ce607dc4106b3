// DescribeImageAttribute, ModifyImageAttribute and ResetImageAttribute of own images. Members
// and attribute names: EC2 API Reference, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/
// API_DescribeImageAttribute.html, API_ModifyImageAttribute.html, API_ResetImageAttribute.html
// and the LaunchPermission data type; sharing: EC2 User Guide, "Share an AMI with specific AWS
// accounts" (sharingamis-explicit.html) and "Make your AMI public" (sharingamis-intro.html).
#include <algorithm>

#include "sim/api/account_permissions.h"
#include "sim/api/action_table.h"
#include "sim/api/image_json.h"
#include "sim/api/render.h"
#include "sim/model/images/images.h"

namespace ec2sim::api {
namespace {

using model::Image;

// ImageAttributeName's values (API_DescribeImageAttribute.html, Attribute).
constexpr const char* kImageAttributeNames[] = {
    "description",        "kernel",          "ramdisk",  "launchPermission", "productCodes",
    "blockDeviceMapping", "sriovNetSupport", "bootMode", "tpmSupport",       "uefiData",
    "lastLaunchedTime",   "imdsSupport"};

Status CheckImageAttributeName(const std::string& attribute) {
  for (const char* name : kImageAttributeNames) {
    if (attribute == name) return OkStatus();
  }
  return MakeError(
      ErrorCode::kInvalidParameterValue,
      "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
}

json LaunchPermissionsJson(const Image& image) {
  json list = json::array();
  if (image.is_public) list.push_back({{"Group", "all"}});
  for (const std::string& user : image.launch_users) list.push_back({{"UserId", user}});
  return list;
}

// An AttributeValue ({"Value": ...}), present only when the image has the setting.
void PutAttributeValue(json& out, const char* key, const std::string& value) {
  if (!value.empty()) out[key] = {{"Value", value}};
}

Result<json> DescribeImageAttributeHandler(ApiContext& ctx, Params& p) {
  std::string attribute = p.String("Attribute");
  std::string id = p.String("ImageId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(CheckImageAttributeName(attribute));
  EC2SIM_ASSIGN_OR_RETURN(Image * image, model::FindOwnImage(ctx.world, ctx.scope, id));
  json out = {{"ImageId", image->id}};
  if (attribute == "launchPermission") out["LaunchPermissions"] = LaunchPermissionsJson(*image);
  if (attribute == "description") out["Description"] = {{"Value", image->description}};
  if (attribute == "kernel") PutAttributeValue(out, "KernelId", image->kernel_id);
  if (attribute == "ramdisk") PutAttributeValue(out, "RamdiskId", image->ramdisk_id);
  // Only AWS Marketplace images carry product codes.
  if (attribute == "productCodes") out["ProductCodes"] = json::array();
  if (attribute == "blockDeviceMapping") out["BlockDeviceMappings"] = ImageDevicesJson(*image);
  if (attribute == "sriovNetSupport") {
    PutAttributeValue(out, "SriovNetSupport", image->sriov_net_support);
  }
  if (attribute == "bootMode") PutAttributeValue(out, "BootMode", image->boot_mode);
  if (attribute == "tpmSupport") PutAttributeValue(out, "TpmSupport", image->tpm_support);
  if (attribute == "imdsSupport") PutAttributeValue(out, "ImdsSupport", image->imds_support);
  // uefiData and lastLaunchedTime: no UEFI variable store is kept, and launch times are not
  // recorded per image; AWS leaves the members out when it has no value.
  return out;
}

// One change to launchPermission: accounts and whether the group "all" is named.
using LaunchPermissionChange = AccountPermissionChange;

void AddImageGroup(const std::string& group, LaunchPermissionChange& change, Params& p) {
  if (group != "all") {
    p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + group + ") for parameter group is invalid. Valid values: all"));
  }
  change.all = true;
}

// LaunchPermission.Add or .Remove: [{"UserId": ...} | {"Group": "all"}]. Organization ARNs
// need AWS Organizations, which the simulator has not.
void ReadLaunchPermissionList(const json* list, const std::string& where,
                              LaunchPermissionChange& change, Params& p) {
  if (list == nullptr || !list->is_array()) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    Params item((*list)[i], where + "[" + std::to_string(i) + "]", p);
    if (!item.ok()) return;
    if (auto user = item.OptString("UserId")) change.users.push_back(*user);
    if (auto group = item.OptString("Group")) AddImageGroup(*group, change, p);
    item.NotModeled("OrganizationArn");
    item.NotModeled("OrganizationalUnitArn");
    item.Done();
  }
}

// What one ModifyImageAttribute call asks.
struct ImageAttributeChange {
  std::string attribute;
  std::optional<std::string> operation;
  LaunchPermissionChange legacy, granted, revoked;
  std::optional<std::string> description;
  std::optional<std::string> value;
  std::optional<std::string> imds_support;
};

void ReadImageAttributeChange(Params& p, ImageAttributeChange& c) {
  c.attribute = p.OptString("Attribute").value_or("");
  c.operation = p.OptString("OperationType");
  c.legacy.users = p.StringList("UserIds");
  for (const std::string& group : p.StringList("UserGroups")) AddImageGroup(group, c.legacy, p);
  if (const json* lp = p.Raw("LaunchPermission")) {
    Params nested(*lp, "LaunchPermission", p);
    if (nested.ok()) {
      ReadLaunchPermissionList(nested.Raw("Add"), "LaunchPermission.Add", c.granted, p);
      ReadLaunchPermissionList(nested.Raw("Remove"), "LaunchPermission.Remove", c.revoked, p);
      nested.Done();
    }
  }
  if (const json* d = p.Raw("Description")) {
    Params nested(*d, "Description", p);
    if (nested.ok()) {
      c.description = nested.OptString("Value");
      nested.Done();
    }
  }
  if (const json* d = p.Raw("ImdsSupport")) {
    Params nested(*d, "ImdsSupport", p);
    if (nested.ok()) {
      c.imds_support = nested.OptString("Value");
      nested.Done();
    }
  }
  c.value = p.OptString("Value");
  // Product codes are attached by AWS Marketplace; organizations need AWS Organizations.
  p.NotModeled("ProductCodes");
  p.NotModeled("OrganizationArns");
  p.NotModeled("OrganizationalUnitArns");
}

// Three ways to say a change: the LaunchPermission structure; Attribute=launchPermission with
// OperationType, UserIds and UserGroups; Attribute=description (or imdsSupport) with Value, or
// the Description structure (API_ModifyImageAttribute.html).
Result<json> ModifyImageAttributeHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("ImageId");
  ImageAttributeChange c;
  ReadImageAttributeChange(p, c);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (!c.attribute.empty() && c.attribute != "launchPermission" && c.attribute != "description" &&
      c.attribute != "imdsSupport") {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + c.attribute +
                         ") for parameter attribute is invalid. Valid values: description, "
                         "imdsSupport, launchPermission");
  }
  if (c.operation && *c.operation != "add" && *c.operation != "remove") {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + *c.operation +
                         ") for parameter operationType is invalid. Valid values: add, remove");
  }
  if (c.operation) (*c.operation == "add" ? c.granted : c.revoked) = c.legacy;
  if (c.attribute == "description" && c.value) c.description = c.value;
  if (c.attribute == "imdsSupport" && c.value) c.imds_support = c.value;
  for (const auto* change : {&c.granted, &c.revoked}) {
    EC2SIM_RETURN_IF_ERROR(CheckAccountIds(change->users));
  }
  if (c.imds_support && *c.imds_support != "v2.0") {
    return MakeError(
        ErrorCode::kInvalidParameterValue,
        "Value (" + *c.imds_support + ") for parameter imdsSupport is invalid. Valid values: v2.0");
  }
  EC2SIM_ASSIGN_OR_RETURN(Image * image, model::FindOwnImage(ctx.world, ctx.scope, id));
  ApplyAccountPermissions(c.granted, /*add=*/true, image->launch_users, image->is_public);
  ApplyAccountPermissions(c.revoked, /*add=*/false, image->launch_users, image->is_public);
  if (c.description) image->description = *c.description;
  if (c.imds_support) image->imds_support = *c.imds_support;
  return json::object();
}

// "The attribute to reset (currently you can only reset the launch permission attribute)"
// (API_ResetImageAttribute.html).
Result<json> ResetImageAttributeHandler(ApiContext& ctx, Params& p) {
  std::string attribute = p.String("Attribute");
  std::string id = p.String("ImageId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (attribute != "launchPermission") {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + attribute +
                         ") for parameter attribute is invalid. Valid values: launchPermission");
  }
  EC2SIM_ASSIGN_OR_RETURN(Image * image, model::FindOwnImage(ctx.world, ctx.scope, id));
  image->launch_users.clear();
  image->is_public = false;
  return json::object();
}

}  // namespace

void RegisterImageAttributeActions(ActionTable& table) {
  table.Add("DescribeImageAttribute", DescribeImageAttributeHandler, kStateDescribe);
  table.Add("ModifyImageAttribute", ModifyImageAttributeHandler, kMutating);
  table.Add("ResetImageAttribute", ResetImageAttributeHandler, kMutating);
}

}  // namespace ec2sim::api
