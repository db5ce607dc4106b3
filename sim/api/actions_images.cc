// DescribeImages over the region's catalog images (sim/model/catalog.h). The simulator has no
// account-owned images, so "self" owns nothing.
#include <algorithm>
#include <cstdint>

#include "sim/api/actions_describe.h"
#include "sim/model/catalog.h"

namespace ec2sim::api {
namespace {

using model::ImageInfo;

// "snap-0" + 16 hex digits of a 64-bit FNV-1a hash of the image id: the same image always names
// the same root snapshot, and the id has the 17-digit shape AWS issues.
std::string RootSnapshotId(std::string_view image_id) {
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

bool IsWindows(const ImageInfo& image) { return image.os == model::OsFamily::kWindows; }

// Amazon's own images show the alias as the location's prefix, others their owner id.
std::string ImageLocation(const ImageInfo& image) {
  return (image.owner_alias.empty() ? image.owner_id : image.owner_alias) + "/" + image.name;
}

json ImageJson(const ImageInfo& image) {
  json j = {
      {"ImageId", image.image_id},
      {"Name", image.name},
      {"Description", image.description},
      {"OwnerId", image.owner_id},
      {"Architecture", image.architecture},
      {"CreationDate", image.creation_date},
      {"ImageLocation", ImageLocation(image)},
      {"ImageType", "machine"},
      {"Public", true},
      {"State", "available"},
      // Usage operations are AWS's billing codes: RunInstances is Linux/UNIX, RunInstances:0002
      // Windows (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/billing-info-fields.html).
      {"PlatformDetails", IsWindows(image) ? "Windows" : "Linux/UNIX"},
      {"UsageOperation", IsWindows(image) ? "RunInstances:0002" : "RunInstances"},
      {"RootDeviceName", image.root_device_name},
      {"RootDeviceType", "ebs"},
      {"VirtualizationType", "hvm"},
      {"EnaSupport", true},
      {"SriovNetSupport", "simple"},
      {"Hypervisor", "xen"},
      {"BlockDeviceMappings", json::array({{{"DeviceName", image.root_device_name},
                                            {"Ebs",
                                             {{"DeleteOnTermination", true},
                                              {"SnapshotId", RootSnapshotId(image.image_id)},
                                              {"VolumeSize", image.root_volume_gib},
                                              {"VolumeType", image.volume_type},
                                              {"Encrypted", false}}}}})},
  };
  if (!image.owner_alias.empty()) j["ImageOwnerAlias"] = image.owner_alias;
  if (IsWindows(image)) j["Platform"] = "windows";
  return j;
}

FilterSchema<ImageInfo> ImageFilters() {
  FilterSchema<ImageInfo> schema;
  auto& f = schema.fields;
  f["image-id"] = [](const ImageInfo& i) { return OneValue(i.image_id); };
  f["name"] = [](const ImageInfo& i) { return OneValue(i.name); };
  f["description"] = [](const ImageInfo& i) { return OneValue(i.description); };
  f["owner-id"] = [](const ImageInfo& i) { return OneValue(i.owner_id); };
  f["owner-alias"] = [](const ImageInfo& i) {
    return i.owner_alias.empty() ? std::vector<std::string>{} : OneValue(i.owner_alias);
  };
  f["architecture"] = [](const ImageInfo& i) { return OneValue(i.architecture); };
  // Only Windows images have a platform; Linux ones match no value of this filter.
  f["platform"] = [](const ImageInfo& i) {
    return IsWindows(i) ? OneValue("windows") : std::vector<std::string>{};
  };
  f["root-device-type"] = [](const ImageInfo&) { return OneValue("ebs"); };
  f["root-device-name"] = [](const ImageInfo& i) { return OneValue(i.root_device_name); };
  f["state"] = [](const ImageInfo&) { return OneValue("available"); };
  f["is-public"] = [](const ImageInfo&) { return BoolValue(true); };
  f["image-type"] = [](const ImageInfo&) { return OneValue("machine"); };
  f["virtualization-type"] = [](const ImageInfo&) { return OneValue("hvm"); };
  f["hypervisor"] = [](const ImageInfo&) { return OneValue("xen"); };
  f["ena-support"] = [](const ImageInfo&) { return BoolValue(true); };
  f["creation-date"] = [](const ImageInfo& i) { return OneValue(i.creation_date); };
  f["block-device-mapping.device-name"] = f["root-device-name"];
  f["block-device-mapping.snapshot-id"] = [](const ImageInfo& i) {
    return OneValue(RootSnapshotId(i.image_id));
  };
  f["block-device-mapping.volume-size"] = [](const ImageInfo& i) {
    return OneValue(std::to_string(i.root_volume_gib));
  };
  f["block-device-mapping.volume-type"] = [](const ImageInfo& i) {
    return OneValue(i.volume_type);
  };
  f["block-device-mapping.delete-on-termination"] = [](const ImageInfo&) {
    return BoolValue(true);
  };
  f["block-device-mapping.encrypted"] = [](const ImageInfo&) { return BoolValue(false); };
  // Catalog images carry no tags, so tag filters are valid and match nothing.
  schema.tags = [](const ImageInfo&) -> const model::TagList& {
    static const model::TagList kNone;
    return kNone;
  };
  return schema;
}

bool IsAccountId(std::string_view s) {
  return s.size() == 12 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether `image` belongs to one of `owners` ("self", an alias, or an account id).
bool OwnedBy(const ImageInfo& image, const std::vector<std::string>& owners,
             const std::string& account) {
  for (const std::string& owner : owners) {
    if (owner == "self" ? image.owner_id == account
                        : owner == image.owner_alias || owner == image.owner_id) {
      return true;
    }
  }
  return false;
}

Status CheckOwners(const std::vector<std::string>& owners) {
  for (const std::string& owner : owners) {
    if (owner == "self" || owner == "amazon" || owner == "aws-marketplace" ||
        owner == "aws-backup-vault" || IsAccountId(owner)) {
      continue;
    }
    return MakeError(ErrorCode::kInvalidParameterValue, "Invalid user id: \"" + owner + "\"");
  }
  return OkStatus();
}

// Malformed ids fail first, then every well-formed id this region's catalog lacks is named.
Status CheckImageIds(std::string_view region, const std::vector<std::string>& ids) {
  std::vector<std::string> missing;
  for (const std::string& id : ids) {
    if (!model::IsWellFormedImageId(id)) {
      return MakeError(ErrorCode::kInvalidAmiIdMalformed,
                       "Invalid id: \"" + id + "\" (expecting \"ami-...\")");
    }
    if (!model::FindImage(region, id) &&
        std::find(missing.begin(), missing.end(), id) == missing.end()) {
      missing.push_back(id);
    }
  }
  if (missing.size() == 1) {
    return MakeError(ErrorCode::kInvalidAmiIdNotFound,
                     "The image id '[" + missing[0] + "]' does not exist");
  }
  if (!missing.empty()) {
    return MakeError(ErrorCode::kInvalidAmiIdNotFound,
                     "The image ids '[" + JoinIds(missing) + "]' do not exist");
  }
  return OkStatus();
}

Result<json> DescribeImagesHandler(ApiContext& ctx, Params& p) {
  std::vector<std::string> ids = p.StringList("ImageIds");
  std::vector<std::string> owners = p.StringList("Owners");
  std::vector<std::string> executable_by = p.StringList("ExecutableUsers");
  std::vector<Filter> filters = p.Filters();
  // No catalog image is deprecated or disabled, so these change nothing.
  p.OptBool("IncludeDeprecated");
  p.OptBool("IncludeDisabled");
  auto max_results = p.OptInt("MaxResults", 1, 1000);
  auto token = p.OptString("NextToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(
      NoPageSizeWithIds(!ids.empty(), max_results.has_value(), "ImageIds", "MaxResults"));
  const auto schema = ImageFilters();
  EC2SIM_RETURN_IF_ERROR(CheckFilters(filters, schema));
  EC2SIM_RETURN_IF_ERROR(CheckOwners(owners));
  const std::string& region = ctx.scope.region->code;
  EC2SIM_RETURN_IF_ERROR(CheckImageIds(region, ids));
  // Every catalog image is public: "all" can launch it, no account holds an explicit grant.
  bool executable = executable_by.empty() || std::find(executable_by.begin(), executable_by.end(),
                                                       "all") != executable_by.end();
  std::vector<ImageInfo> selected;
  if (executable) {
    for (ImageInfo& image : model::ImagesIn(region)) {
      if (!ids.empty() && std::find(ids.begin(), ids.end(), image.image_id) == ids.end()) continue;
      if (!owners.empty() && !OwnedBy(image, owners, ctx.scope.account)) continue;
      if (MatchesFilters(image, filters, schema)) selected.push_back(std::move(image));
    }
  }
  EC2SIM_ASSIGN_OR_RETURN(Page page, Paginate(selected.size(), max_results, token));
  return PagedJson("Images", selected, page, ImageJson);
}

}  // namespace

void RegisterImageActions(ActionTable& table) {
  table.Add("DescribeImages", DescribeImagesHandler, kCatalog);
}

}  // namespace ec2sim::api
