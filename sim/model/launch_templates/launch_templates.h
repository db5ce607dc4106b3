// Launch template operations: create, find by id or name, versions ($Latest, $Default, numbers),
// the default version, deletion. Codes and rules: EC2 API Reference,
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html,
// API_CreateLaunchTemplateVersion.html, API_ModifyLaunchTemplate.html,
// API_DeleteLaunchTemplateVersions.html, and "Error codes for the Amazon EC2 API".
#ifndef EC2SIM_MODEL_LAUNCH_TEMPLATES_LAUNCH_TEMPLATES_H_
#define EC2SIM_MODEL_LAUNCH_TEMPLATES_LAUNCH_TEMPLATES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// AWS's quotas "Launch templates per Region" and "Versions per launch template" (Amazon EC2
// service quotas); they also bound what one account adds to a shared server.
inline constexpr std::size_t kMaxLaunchTemplatesPerRegion = 5000;
inline constexpr std::size_t kMaxLaunchTemplateVersions = 10000;
// VersionDescription: "Maximum length of 255" (API_CreateLaunchTemplate.html).
inline constexpr std::size_t kMaxLaunchTemplateDescription = 255;
// A version's data as JSON text. AWS publishes no size; its largest member, UserData, is 16 KB
// before base64 (API_RequestLaunchTemplateData.html), so 64 KiB holds any real template while
// bounding what 10,000 versions of one template may keep.
inline constexpr std::size_t kMaxLaunchTemplateDataBytes = 64 * 1024;

struct LaunchTemplateSpec {
  std::string name;
  std::string description;
  std::string data;  // RequestLaunchTemplateData as JSON text
  std::string client_token;
  TagList tags;
};

// 3 to 128 characters of letters, digits and ( ) . - / _; else
// kInvalidLaunchTemplateNameMalformed.
Status CheckLaunchTemplateName(std::string_view name);

// Creates the template with version 1 as its default. A repeated ClientToken returns the
// template it created. Errors: kInvalidLaunchTemplateNameMalformed,
// kLaunchTemplateNameInUse, kInvalidParameterValue (description, data),
// kResourceLimitExceeded.
Result<LaunchTemplate*> CreateLaunchTemplate(World& world, Scope& scope,
                                             const LaunchTemplateSpec& spec);

// The template named by exactly one of `id` and `name`. Errors: kMissingParameter (neither),
// kInvalidParameterCombination (both), kInvalidLaunchTemplateIdMalformed / NotFound,
// kInvalidLaunchTemplateNameNotFound.
Result<LaunchTemplate*> FindLaunchTemplate(Scope& scope, const std::optional<std::string>& id,
                                           const std::optional<std::string>& name);

// The version `version` names: "$Latest", "$Default" or a number. Errors:
// kInvalidLaunchTemplateIdVersionNotFound (no such version), kInvalidParameterValue (text that
// is none of the three).
Result<const LaunchTemplateVersion*> FindLaunchTemplateVersion(const LaunchTemplate& lt,
                                                               std::string_view version);

// Appends the next version (number latest + 1). Errors: kInvalidParameterValue (description, data),
// kResourceLimitExceeded.
Result<const LaunchTemplateVersion*> AddLaunchTemplateVersion(World& world, LaunchTemplate& lt,
                                                              const LaunchTemplateSpec& spec);

// Makes `version` ("$Latest" or a number) the default. Errors: FindLaunchTemplateVersion's.
Status SetDefaultLaunchTemplateVersion(LaunchTemplate& lt, std::string_view version);

// The outcome of deleting one version: `code` is empty on success, else AWS's ResponseError
// code (API_ResponseError.html) with its message.
struct LaunchTemplateVersionDeletion {
  std::int64_t number = 0;
  std::string code;
  std::string message;
};
std::vector<LaunchTemplateVersionDeletion> DeleteLaunchTemplateVersions(
    LaunchTemplate& lt, const std::vector<std::string>& versions);

// Removes the template and every version; instances launched from it are not affected.
void DeleteLaunchTemplate(Scope& scope, std::string_view id);

// The ARN CreatedBy shows for an account's root user.
std::string AccountRootArn(std::string_view account);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_LAUNCH_TEMPLATES_LAUNCH_TEMPLATES_H_
