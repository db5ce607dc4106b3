#include "sim/model/launch_templates/launch_templates.h"

#include <algorithm>
#include <charconv>

#include "sim/model/resource_kinds.h"

namespace ec2sim::model {
namespace {

bool IsLaunchTemplateNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '(' ||
         c == ')' || c == '.' || c == '-' || c == '/' || c == '_';
}

Status CheckLaunchTemplateVersionSpec(const LaunchTemplateSpec& spec) {
  if (spec.description.size() > kMaxLaunchTemplateDescription) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "The version description must be at most 255 characters");
  }
  if (spec.data.size() > kMaxLaunchTemplateDataBytes) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "LaunchTemplateData must be at most 65536 bytes");
  }
  return OkStatus();
}

Error LaunchTemplateVersionNotFound(const LaunchTemplate& lt, std::string_view version) {
  return MakeError(ErrorCode::kInvalidLaunchTemplateIdVersionNotFound,
                   "Could not find launch template version " + std::string(version) +
                       " for launch template ID " + lt.id);
}

// A version number as text: digits only, at least 1.
std::optional<std::int64_t> ParseLaunchTemplateVersionNumber(std::string_view text) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1) return std::nullopt;
  return n;
}

LaunchTemplateVersion* VersionByNumber(LaunchTemplate& lt, std::int64_t number) {
  for (LaunchTemplateVersion& v : lt.versions) {
    if (v.number == number) return &v;
  }
  return nullptr;
}

}  // namespace

std::string AccountRootArn(std::string_view account) {
  return "arn:aws:iam::" + std::string(account) + ":root";
}

Status CheckLaunchTemplateName(std::string_view name) {
  bool ok = name.size() >= 3 && name.size() <= 128 &&
            std::all_of(name.begin(), name.end(), IsLaunchTemplateNameChar);
  if (ok) return OkStatus();
  return MakeError(ErrorCode::kInvalidLaunchTemplateNameMalformed,
                   "A launch template name must be between 3 and 128 characters, and may contain "
                   "letters, numbers, and the following characters: - ( ) . / _.'");
}

Result<LaunchTemplate*> CreateLaunchTemplate(World& world, Scope& scope,
                                             const LaunchTemplateSpec& spec) {
  if (!spec.client_token.empty()) {
    for (LaunchTemplate& lt : scope.launch_templates.values()) {
      if (lt.client_token == spec.client_token) return &lt;
    }
  }
  EC2SIM_RETURN_IF_ERROR(CheckLaunchTemplateName(spec.name));
  EC2SIM_RETURN_IF_ERROR(CheckLaunchTemplateVersionSpec(spec));
  for (const LaunchTemplate& lt : scope.launch_templates.values()) {
    if (lt.name == spec.name) {
      return MakeError(ErrorCode::kLaunchTemplateNameInUse, "Launch template name already in use.");
    }
  }
  if (scope.launch_templates.size() >= kMaxLaunchTemplatesPerRegion) {
    return MakeError(ErrorCode::kResourceLimitExceeded,
                     "You have reached the maximum of 5000 launch templates in this Region");
  }
  LaunchTemplate lt;
  lt.id = world.NewId("lt");
  lt.name = spec.name;
  lt.create_time = world.now();
  lt.created_by = AccountRootArn(scope.account);
  lt.client_token = spec.client_token;
  lt.tags = spec.tags;
  LaunchTemplateVersion v;
  v.number = 1;
  v.description = spec.description;
  v.create_time = lt.create_time;
  v.created_by = lt.created_by;
  v.data = spec.data;
  lt.versions.push_back(std::move(v));
  return &scope.launch_templates.Insert(lt.id, std::move(lt));
}

Result<LaunchTemplate*> FindLaunchTemplate(Scope& scope, const std::optional<std::string>& id,
                                           const std::optional<std::string>& name) {
  if (id && name) {
    return MakeError(ErrorCode::kInvalidParameterCombination,
                     "Both LaunchTemplateId and LaunchTemplateName were specified; specify one");
  }
  if (id) {
    const ResourceKind& kind = KindInfo(Kind::kLaunchTemplate);
    if (!IsWellFormedId(kind, *id)) {
      return MakeError(ErrorCode::kInvalidLaunchTemplateIdMalformed,
                       "The specified ID for the launch template (" + *id +
                           ") is malformed. Specify an ID in the form lt-xxxxxxxxxxxxxxxxx.");
    }
    if (LaunchTemplate* lt = scope.launch_templates.Find(*id)) return lt;
    return MakeError(
        ErrorCode::kInvalidLaunchTemplateIdNotFound,
        "The specified launch template, with template ID " + *id + ", does not exist.");
  }
  if (name) {
    for (LaunchTemplate& lt : scope.launch_templates.values()) {
      if (lt.name == *name) return &lt;
    }
    return MakeError(
        ErrorCode::kInvalidLaunchTemplateNameNotFound,
        "The specified launch template, with template name " + *name + ", does not exist.");
  }
  return MakeError(ErrorCode::kMissingParameter,
                   "The request must contain the parameter launchTemplateName or "
                   "launchTemplateId");
}

Result<const LaunchTemplateVersion*> FindLaunchTemplateVersion(const LaunchTemplate& lt,
                                                               std::string_view version) {
  std::int64_t number = 0;
  if (version == "$Latest") {
    number = lt.latest_version;
  } else if (version == "$Default") {
    number = lt.default_version;
  } else if (auto n = ParseLaunchTemplateVersionNumber(version)) {
    number = *n;
  } else {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Invalid launch template version: '" + std::string(version) +
                         "'. Specify a version number, $Latest or $Default.");
  }
  // $Latest names the highest version that still exists when the newest one was deleted.
  const LaunchTemplateVersion* found = nullptr;
  for (const LaunchTemplateVersion& v : lt.versions) {
    if (v.number == number) found = &v;
  }
  if (found == nullptr && version == "$Latest" && !lt.versions.empty()) {
    found = &lt.versions.back();
  }
  if (found == nullptr) return LaunchTemplateVersionNotFound(lt, version);
  return found;
}

Result<const LaunchTemplateVersion*> AddLaunchTemplateVersion(World& world, LaunchTemplate& lt,
                                                              const LaunchTemplateSpec& spec) {
  EC2SIM_RETURN_IF_ERROR(CheckLaunchTemplateVersionSpec(spec));
  if (lt.versions.size() >= kMaxLaunchTemplateVersions) {
    return MakeError(ErrorCode::kResourceLimitExceeded,
                     "You have reached the maximum of 10000 versions for launch template " + lt.id);
  }
  LaunchTemplateVersion v;
  v.number = lt.latest_version + 1;
  v.description = spec.description;
  v.create_time = world.now();
  v.created_by = lt.created_by;
  v.data = spec.data;
  lt.latest_version = v.number;
  lt.versions.push_back(std::move(v));
  return &lt.versions.back();
}

Status SetDefaultLaunchTemplateVersion(LaunchTemplate& lt, std::string_view version) {
  EC2SIM_ASSIGN_OR_RETURN(const LaunchTemplateVersion* v, FindLaunchTemplateVersion(lt, version));
  lt.default_version = v->number;
  return OkStatus();
}

std::vector<LaunchTemplateVersionDeletion> DeleteLaunchTemplateVersions(
    LaunchTemplate& lt, const std::vector<std::string>& versions) {
  std::vector<LaunchTemplateVersionDeletion> out;
  for (const std::string& text : versions) {
    LaunchTemplateVersionDeletion d;
    std::optional<std::int64_t> number = ParseLaunchTemplateVersionNumber(text);
    d.number = number.value_or(0);
    if (!number || VersionByNumber(lt, *number) == nullptr) {
      d.code = "launchTemplateVersionDoesNotExist";
      d.message = "The specified launch template version does not exist.";
    } else if (*number == lt.default_version) {
      // ResponseError has no code of its own for this (API_ResponseError.html lists six).
      d.code = "unexpectedError";
      d.message =
          "Cannot delete the default version of a launch template. Set another version as the "
          "default, or delete the launch template.";
    } else {
      std::erase_if(lt.versions,
                    [&](const LaunchTemplateVersion& v) { return v.number == *number; });
    }
    out.push_back(std::move(d));
  }
  return out;
}

void DeleteLaunchTemplate(Scope& scope, std::string_view id) { scope.launch_templates.Erase(id); }

}  // namespace ec2sim::model
