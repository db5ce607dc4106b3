// DescribeImages over the region's catalog images (sim/model/catalog.h) and the own images the
// caller may launch (sim/model/images/images.h). Request members, the owner and executable-by
// rules and the filters: EC2 API Reference,
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeImages.html.
#include <algorithm>
#include <cstdint>

#include "sim/api/actions_describe.h"
#include "sim/api/image_json.h"
#include "sim/api/render.h"
#include "sim/model/catalog.h"
#include "sim/model/images/images.h"

namespace ec2sim::api {
namespace {

FilterSchema<ImageView> ImageFilters() {
  FilterSchema<ImageView> schema;
  auto& f = schema.fields;
  f["image-id"] = [](const ImageView& v) { return OneValue(v.image.id); };
  f["name"] = [](const ImageView& v) { return OneValue(v.image.name); };
  f["description"] = [](const ImageView& v) { return OneValue(v.image.description); };
  f["owner-id"] = [](const ImageView& v) { return OneValue(v.image.owner_id); };
  f["owner-alias"] = [](const ImageView& v) {
    return v.owner_alias.empty() ? std::vector<std::string>{} : OneValue(v.owner_alias);
  };
  f["architecture"] = [](const ImageView& v) { return OneValue(v.image.architecture); };
  // Only Windows images have a platform; Linux ones match no value of this filter.
  f["platform"] = [](const ImageView& v) {
    return v.image.platform.empty() ? std::vector<std::string>{} : OneValue(v.image.platform);
  };
  f["root-device-type"] = [](const ImageView&) { return OneValue("ebs"); };
  f["root-device-name"] = [](const ImageView& v) { return OneValue(v.image.root_device_name); };
  f["state"] = [](const ImageView& v) { return OneValue(v.image.state); };
  f["is-public"] = [](const ImageView& v) { return BoolValue(v.image.is_public); };
  f["image-type"] = [](const ImageView&) { return OneValue("machine"); };
  f["virtualization-type"] = [](const ImageView& v) {
    return OneValue(v.image.virtualization_type);
  };
  f["hypervisor"] = [](const ImageView&) { return OneValue("xen"); };
  f["ena-support"] = [](const ImageView& v) { return BoolValue(v.image.ena_support); };
  f["creation-date"] = [](const ImageView& v) { return OneValue(v.creation_date); };
  f["boot-mode"] = [](const ImageView& v) {
    return v.image.boot_mode.empty() ? std::vector<std::string>{} : OneValue(v.image.boot_mode);
  };
  f["source-instance-id"] = [](const ImageView& v) {
    return v.image.source_instance_id.empty() ? std::vector<std::string>{}
                                              : OneValue(v.image.source_instance_id);
  };
  // block-device-mapping.*: any mapping of the image matches.
  auto each_device = [](auto get) {
    return [get](const ImageView& v) {
      std::vector<std::string> out;
      for (const model::ImageDevice& d : v.image.devices) out.push_back(get(d));
      return out;
    };
  };
  f["block-device-mapping.device-name"] =
      each_device([](const model::ImageDevice& d) { return d.device; });
  f["block-device-mapping.snapshot-id"] =
      each_device([](const model::ImageDevice& d) { return d.snapshot_id; });
  f["block-device-mapping.volume-size"] =
      each_device([](const model::ImageDevice& d) { return std::to_string(d.size_gib); });
  f["block-device-mapping.volume-type"] =
      each_device([](const model::ImageDevice& d) { return d.type; });
  f["block-device-mapping.delete-on-termination"] = each_device([](const model::ImageDevice& d) {
    return std::string(d.delete_on_termination ? "true" : "false");
  });
  f["block-device-mapping.encrypted"] = each_device(
      [](const model::ImageDevice& d) { return std::string(d.encrypted ? "true" : "false"); });
  schema.tags = [](const ImageView& v) -> const model::TagList& { return v.image.tags; };
  return schema;
}

bool IsAccountId(std::string_view s) {
  return s.size() == 12 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether the image belongs to one of `owners` ("self", an alias, or an account id).
bool OwnedBy(const ImageView& v, const std::vector<std::string>& owners,
             const std::string& account) {
  for (const std::string& owner : owners) {
    if (owner == "self" ? v.image.owner_id == account
                        : owner == v.owner_alias || owner == v.image.owner_id) {
      return true;
    }
  }
  return false;
}

// ExecutableUsers: "all" keeps public images; "self" or the caller's own id keeps the images it
// owns and those shared with it; another account id keeps the images shared with that account
// ("If you specify self or your own Amazon Web Services account ID, AMIs shared with your
// account and AMIs that you own are returned", API_DescribeImages.html).
bool ExecutableBy(const ImageView& v, const std::vector<std::string>& users,
                  const std::string& account) {
  for (const std::string& user : users) {
    if (user == "all" && v.image.is_public) return true;
    std::string who = user == "self" ? account : user;
    if (who == account && (v.image.owner_id == account || v.image.launch_users.count(who) > 0)) {
      return true;
    }
    if (who != account && v.image.launch_users.count(who) > 0) return true;
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

Status CheckExecutableUsers(const std::vector<std::string>& users) {
  for (const std::string& user : users) {
    if (user == "self" || user == "all" || IsAccountId(user)) continue;
    return MakeError(ErrorCode::kInvalidParameterValue, "Invalid user id: \"" + user + "\"");
  }
  return OkStatus();
}

// Malformed ids fail first, then every well-formed id the caller cannot see is named: another
// account's image that is not shared with it does not exist for it.
Status CheckImageIds(const std::vector<ImageView>& visible, const std::vector<std::string>& ids) {
  std::vector<std::string> missing;
  for (const std::string& id : ids) {
    if (!model::IsWellFormedImageId(id)) {
      return MakeError(ErrorCode::kInvalidAmiIdMalformed,
                       "Invalid id: \"" + id + "\" (expecting \"ami-...\")");
    }
    bool found = std::any_of(visible.begin(), visible.end(),
                             [&](const ImageView& v) { return v.image.id == id; });
    if (!found && std::find(missing.begin(), missing.end(), id) == missing.end()) {
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

// What the caller may see without Owners, ImageIds or ExecutableUsers: its own images and those
// shared with it (owner's creation order), then the public catalog.
std::vector<ImageView> VisibleImageViews(ApiContext& ctx) {
  std::vector<ImageView> out;
  for (const model::Image* image : model::LaunchableImages(ctx.world, ctx.scope)) {
    out.push_back(OwnImageView(*image));
  }
  for (const model::ImageInfo& info : model::ImagesIn(ctx.scope.region->code)) {
    out.push_back(CatalogImageView(info));
  }
  return out;
}

Result<json> DescribeImagesHandler(ApiContext& ctx, Params& p) {
  std::vector<std::string> ids = p.StringList("ImageIds");
  std::vector<std::string> owners = p.StringList("Owners");
  std::vector<std::string> executable_by = p.StringList("ExecutableUsers");
  std::vector<Filter> filters = p.Filters();
  // No image is deprecated or disabled, so these change nothing.
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
  EC2SIM_RETURN_IF_ERROR(CheckExecutableUsers(executable_by));
  std::vector<ImageView> visible = VisibleImageViews(ctx);
  EC2SIM_RETURN_IF_ERROR(CheckImageIds(visible, ids));
  std::vector<ImageView> selected;
  for (ImageView& v : visible) {
    if (!ids.empty() && std::find(ids.begin(), ids.end(), v.image.id) == ids.end()) continue;
    if (!owners.empty() && !OwnedBy(v, owners, ctx.scope.account)) continue;
    if (!executable_by.empty() && !ExecutableBy(v, executable_by, ctx.scope.account)) continue;
    if (MatchesFilters(v, filters, schema)) selected.push_back(std::move(v));
  }
  EC2SIM_ASSIGN_OR_RETURN(Page page, Paginate(selected.size(), max_results, token));
  return PagedJson("Images", selected, page, ImageViewJson);
}

}  // namespace

void RegisterImageActions(ActionTable& table) {
  // Own images change with CreateImage and the clock (pending -> available), and other accounts'
  // shares change what the caller sees: a state Describe, cached per state version like
  // DescribeSnapshots (every account's calls share the one world's version).
  table.Add("DescribeImages", DescribeImagesHandler, kStateDescribe);
}

}  // namespace ec2sim::api
