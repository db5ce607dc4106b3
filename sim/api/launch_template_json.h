// Launch templates as EC2 answers them, and what RunInstances and GetLaunchTemplateData need of
// them. Shapes: EC2 API Reference, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/
// API_LaunchTemplate.html, API_LaunchTemplateVersion.html, API_RunInstances.html
// (LaunchTemplate: "Any additional parameters that you specify for the new instance overwrite
// the corresponding parameters included in the launch template").
#ifndef EC2SIM_API_LAUNCH_TEMPLATE_JSON_H_
#define EC2SIM_API_LAUNCH_TEMPLATE_JSON_H_

#include <nlohmann/json.hpp>

#include "ec2sim/result.h"
#include "sim/api/action_table.h"
#include "sim/model/launch_templates/launch_template.h"

namespace ec2sim::api {

// LaunchTemplate: id, name, times, creator, default and latest version numbers, tags.
json LaunchTemplateJson(const model::LaunchTemplate& lt);
// LaunchTemplateVersion, with its LaunchTemplateData.
json LaunchTemplateVersionJson(const model::LaunchTemplate& lt,
                               const model::LaunchTemplateVersion& v);
// A version's data as JSON (an object; {} for data that does not parse, which ec2sim never
// stores).
json LaunchTemplateDataOf(const model::LaunchTemplateVersion& v);

// RunInstances' request with the launch template it names merged in, and the tags EC2 puts on
// instances launched from a template (aws:ec2launchtemplate:id and :version).
struct LaunchTemplateLaunch {
  json request;
  model::TagList instance_tags;
};
// Reads `p`'s LaunchTemplate ({LaunchTemplateId | LaunchTemplateName, Version}; Version
// defaults to $Default) and overlays the request's other members on the version's data. Marks
// every member of `p` read. Errors: model::FindLaunchTemplate's and FindLaunchTemplateVersion's.
Result<LaunchTemplateLaunch> MergeLaunchTemplate(model::Scope& scope, Params& p);

// RunInstances after its request was merged: `extra_tags` go on every instance.
Result<json> RunInstancesWithTags(ApiContext& ctx, Params& p, const model::TagList& extra_tags);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_LAUNCH_TEMPLATE_JSON_H_
