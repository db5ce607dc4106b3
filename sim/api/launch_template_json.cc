#include "sim/api/launch_template_json.h"

#include <string>
#include <utility>

#include "sim/api/render.h"
#include "sim/model/launch_templates/launch_templates.h"

namespace ec2sim::api {
namespace {

// TagSpecifications of the request replace the template's for the resource types they name
// and keep the template's others, so a request that tags only volumes keeps the template's
// instance tags.
json MergeLaunchTagSpecifications(const json& from_template, const json& from_request) {
  if (!from_template.is_array() || !from_request.is_array()) return from_request;
  json out = json::array();
  for (const json& spec : from_template) {
    bool replaced = false;
    for (const json& mine : from_request) {
      if (spec.is_object() && mine.is_object() &&
          spec.value("ResourceType", json()) == mine.value("ResourceType", json())) {
        replaced = true;
      }
    }
    if (!replaced) out.push_back(spec);
  }
  for (const json& mine : from_request) out.push_back(mine);
  return out;
}

}  // namespace

json LaunchTemplateJson(const model::LaunchTemplate& lt) {
  json j = {{"CreateTime", FormatIsoTime(lt.create_time)},
            {"CreatedBy", lt.created_by},
            {"DefaultVersionNumber", lt.default_version},
            {"LatestVersionNumber", lt.latest_version},
            {"LaunchTemplateId", lt.id},
            {"LaunchTemplateName", lt.name}};
  if (!lt.tags.empty()) j["Tags"] = TagsJson(lt.tags);
  return j;
}

json LaunchTemplateDataOf(const model::LaunchTemplateVersion& v) {
  json data = json::parse(v.data, nullptr, /*allow_exceptions=*/false);
  return data.is_object() ? data : json::object();
}

json LaunchTemplateVersionJson(const model::LaunchTemplate& lt,
                               const model::LaunchTemplateVersion& v) {
  json j = {{"CreateTime", FormatIsoTime(v.create_time)},
            {"CreatedBy", v.created_by},
            {"DefaultVersion", v.number == lt.default_version},
            {"LaunchTemplateData", LaunchTemplateDataOf(v)},
            {"LaunchTemplateId", lt.id},
            {"LaunchTemplateName", lt.name},
            {"VersionNumber", v.number}};
  if (!v.description.empty()) j["VersionDescription"] = v.description;
  return j;
}

Result<LaunchTemplateLaunch> MergeLaunchTemplate(model::Scope& scope, Params& p) {
  std::optional<std::string> id, name;
  std::string version = "$Default";
  if (const json* raw = p.Raw("LaunchTemplate")) {
    Params spec(*raw, "LaunchTemplate", p);
    if (spec.ok()) {
      id = spec.OptString("LaunchTemplateId");
      name = spec.OptString("LaunchTemplateName");
      version = spec.OptString("Version").value_or("$Default");
      spec.Done();
    }
  }
  for (const auto& member : p.value().items()) p.Raw(member.key());
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(model::LaunchTemplate * lt, model::FindLaunchTemplate(scope, id, name));
  EC2SIM_ASSIGN_OR_RETURN(const model::LaunchTemplateVersion* v,
                          model::FindLaunchTemplateVersion(*lt, version));
  LaunchTemplateLaunch out;
  out.request = LaunchTemplateDataOf(*v);
  // The two members RequestLaunchTemplateData spells differently from RunInstancesRequest
  // (BC-MODEL): the request's spelling wins when both are present.
  for (auto [from, to] : {std::pair{"RamDiskId", "RamdiskId"},
                          std::pair{"ElasticGpuSpecifications", "ElasticGpuSpecification"}}) {
    if (!out.request.contains(from)) continue;
    out.request[to] = std::move(out.request[from]);
    out.request.erase(from);
  }
  for (const auto& member : p.value().items()) {
    if (member.key() == "LaunchTemplate") continue;
    if (member.key() == "TagSpecifications" && out.request.contains("TagSpecifications")) {
      out.request["TagSpecifications"] =
          MergeLaunchTagSpecifications(out.request["TagSpecifications"], member.value());
      continue;
    }
    out.request[member.key()] = member.value();
  }
  out.instance_tags = {{"aws:ec2launchtemplate:id", lt->id},
                       {"aws:ec2launchtemplate:version", std::to_string(v->number)}};
  return out;
}

}  // namespace ec2sim::api
