// Launch template actions: CreateLaunchTemplate, CreateLaunchTemplateVersion,
// ModifyLaunchTemplate, DescribeLaunchTemplates, DescribeLaunchTemplateVersions,
// DeleteLaunchTemplate, DeleteLaunchTemplateVersions, GetLaunchTemplateData. Members, filters
// and answers: EC2 API Reference, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/
// API_<Action>.html for each action named.
#include <set>

#include "sim/api/action_table.h"
#include "sim/api/describe.h"
#include "sim/api/filters.h"
#include "sim/api/launch_template_json.h"
#include "sim/api/render.h"
#include "sim/model/launch_templates/launch_templates.h"

namespace ec2sim::api {
namespace {

using model::LaunchTemplate;
using model::LaunchTemplateVersion;

// The request's LaunchTemplateData as JSON text; kMissingParameter when absent.
std::string ReadLaunchTemplateData(Params& p) {
  const json* data = p.Raw("LaunchTemplateData");
  if (data == nullptr) {
    p.Fail(MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter LaunchTemplateData"));
    return "{}";
  }
  if (!data->is_object()) {
    p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                     "LaunchTemplateData must be a RequestLaunchTemplateData structure"));
    return "{}";
  }
  return data->dump();
}

Result<LaunchTemplate*> ReadAndFindTemplate(ApiContext& ctx, Params& p) {
  std::optional<std::string> id = p.OptString("LaunchTemplateId");
  std::optional<std::string> name = p.OptString("LaunchTemplateName");
  return model::FindLaunchTemplate(ctx.scope, id, name);
}

Result<json> CreateLaunchTemplateHandler(ApiContext& ctx, Params& p) {
  model::LaunchTemplateSpec spec;
  spec.name = p.String("LaunchTemplateName");
  spec.description = p.OptString("VersionDescription").value_or("");
  spec.client_token = p.OptString("ClientToken").value_or("");
  spec.tags = p.TagSpecifications("launch-template");
  spec.data = ReadLaunchTemplateData(p);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(LaunchTemplate * lt,
                          model::CreateLaunchTemplate(ctx.world, ctx.scope, spec));
  return json{{"LaunchTemplate", LaunchTemplateJson(*lt)}};
}

// SourceVersion: the new version starts from that version's data, and the request's
// LaunchTemplateData replaces its top-level members (API_CreateLaunchTemplateVersion.html).
// ResolveAlias only matters for images named by a Systems Manager parameter, which ec2sim does
// not have, so it is read and changes nothing.
Result<json> CreateLaunchTemplateVersionHandler(ApiContext& ctx, Params& p) {
  std::optional<std::string> id = p.OptString("LaunchTemplateId");
  std::optional<std::string> name = p.OptString("LaunchTemplateName");
  std::optional<std::string> source = p.OptString("SourceVersion");
  model::LaunchTemplateSpec spec;
  spec.description = p.OptString("VersionDescription").value_or("");
  spec.client_token = p.OptString("ClientToken").value_or("");
  p.OptBool("ResolveAlias");
  spec.data = ReadLaunchTemplateData(p);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(LaunchTemplate * lt, model::FindLaunchTemplate(ctx.scope, id, name));
  if (source) {
    EC2SIM_ASSIGN_OR_RETURN(const LaunchTemplateVersion* from,
                            model::FindLaunchTemplateVersion(*lt, *source));
    json merged = LaunchTemplateDataOf(*from);
    const json given = json::parse(spec.data);
    for (const auto& member : given.items()) merged[member.key()] = member.value();
    spec.data = merged.dump();
  }
  EC2SIM_ASSIGN_OR_RETURN(const LaunchTemplateVersion* v,
                          model::AddLaunchTemplateVersion(ctx.world, *lt, spec));
  return json{{"LaunchTemplateVersion", LaunchTemplateVersionJson(*lt, *v)}};
}

// DefaultVersion is the member boto3 sends; the AWS CLI's --default-version goes on the wire
// as SetDefaultVersion, which the wire model maps back to it.
Result<json> ModifyLaunchTemplateHandler(ApiContext& ctx, Params& p) {
  std::optional<std::string> version = p.OptString("DefaultVersion");
  p.OptString("ClientToken");
  Result<LaunchTemplate*> found = ReadAndFindTemplate(ctx, p);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(LaunchTemplate * lt, std::move(found));
  if (version) EC2SIM_RETURN_IF_ERROR(model::SetDefaultLaunchTemplateVersion(*lt, *version));
  return json{{"LaunchTemplate", LaunchTemplateJson(*lt)}};
}

Result<json> DeleteLaunchTemplateHandler(ApiContext& ctx, Params& p) {
  Result<LaunchTemplate*> found = ReadAndFindTemplate(ctx, p);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(LaunchTemplate * lt, std::move(found));
  json out = {{"LaunchTemplate", LaunchTemplateJson(*lt)}};
  model::DeleteLaunchTemplate(ctx.scope, lt->id);
  return out;
}

// Up to 200 versions a call; each is deleted or listed as unsuccessful with its ResponseError
// (API_DeleteLaunchTemplateVersions.html, API_ResponseError.html).
Result<json> DeleteLaunchTemplateVersionsHandler(ApiContext& ctx, Params& p) {
  std::vector<std::string> versions = p.StringList("Versions");
  Result<LaunchTemplate*> found = ReadAndFindTemplate(ctx, p);
  if (versions.empty()) {
    p.Fail(MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter LaunchTemplateVersion"));
  } else if (versions.size() > 200) {
    p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                     "You can specify at most 200 launch template versions in one request"));
  }
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(LaunchTemplate * lt, std::move(found));
  json ok = json::array();
  json failed = json::array();
  for (const auto& d : model::DeleteLaunchTemplateVersions(*lt, versions)) {
    json item = {{"LaunchTemplateId", lt->id},
                 {"LaunchTemplateName", lt->name},
                 {"VersionNumber", d.number}};
    if (d.code.empty()) {
      ok.push_back(std::move(item));
    } else {
      item["ResponseError"] = {{"Code", d.code}, {"Message", d.message}};
      failed.push_back(std::move(item));
    }
  }
  return json{{"SuccessfullyDeletedLaunchTemplateVersions", std::move(ok)},
              {"UnsuccessfullyDeletedLaunchTemplateVersions", std::move(failed)}};
}

FilterSchema<LaunchTemplate> LaunchTemplateFilters() {
  FilterSchema<LaunchTemplate> schema;
  auto& f = schema.fields;
  f["create-time"] = [](const LaunchTemplate& t) { return OneValue(FormatIsoTime(t.create_time)); };
  f["launch-template-name"] = [](const LaunchTemplate& t) { return OneValue(t.name); };
  schema.tags = [](const LaunchTemplate& t) -> const model::TagList& { return t.tags; };
  return schema;
}

// Names that name nothing are InvalidLaunchTemplateName.NotFoundException, ids the kind's
// NotFound (API_DescribeLaunchTemplates.html; "Error codes for the Amazon EC2 API").
Status CheckLaunchTemplateSelectors(model::Scope& scope, const std::vector<std::string>& ids,
                                    const std::vector<std::string>& names) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kLaunchTemplate);
  EC2SIM_RETURN_IF_ERROR(model::CheckIds(kind, scope, ids));
  for (const std::string& name : names) {
    bool known = false;
    for (const LaunchTemplate& lt : scope.launch_templates.values()) known |= lt.name == name;
    if (!known) {
      return MakeError(ErrorCode::kInvalidLaunchTemplateNameNotFound,
                       "At least one of the launch templates specified in the request does not "
                       "exist.");
    }
  }
  return OkStatus();
}

Result<json> DescribeLaunchTemplatesHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kLaunchTemplate);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{1, 200});
  std::vector<std::string> names = p.StringList("LaunchTemplateNames");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = LaunchTemplateFilters();
  DescribeSpec<LaunchTemplate> spec;
  spec.schema = &schema;
  spec.check_ids = [&] { return CheckLaunchTemplateSelectors(ctx.scope, query.ids, names); };
  spec.requested = [&](const LaunchTemplate& lt) {
    if (query.ids.empty() && names.empty()) return true;
    return std::find(query.ids.begin(), query.ids.end(), lt.id) != query.ids.end() ||
           std::find(names.begin(), names.end(), lt.name) != names.end();
  };
  return DescribeList(ctx.scope, ctx.scope.launch_templates.values(), query, spec, kind.list_member,
                      [](const LaunchTemplate& lt) { return LaunchTemplateJson(lt); });
}

}  // namespace

Result<json> GetLaunchTemplateDataHandler(ApiContext& ctx, Params& p);
Result<json> DescribeLaunchTemplateVersionsHandler(ApiContext& ctx, Params& p);

void RegisterLaunchTemplateActions(ActionTable& table) {
  table.Add("CreateLaunchTemplate", CreateLaunchTemplateHandler, kMutating);
  table.Add("CreateLaunchTemplateVersion", CreateLaunchTemplateVersionHandler, kMutating);
  table.Add("ModifyLaunchTemplate", ModifyLaunchTemplateHandler, kMutating);
  table.Add("DeleteLaunchTemplate", DeleteLaunchTemplateHandler, kMutating);
  table.Add("DeleteLaunchTemplateVersions", DeleteLaunchTemplateVersionsHandler, kMutating);
  table.Add("DescribeLaunchTemplates", DescribeLaunchTemplatesHandler, kStateDescribe);
  table.Add("DescribeLaunchTemplateVersions", DescribeLaunchTemplateVersionsHandler,
            kStateDescribe);
  table.Add("GetLaunchTemplateData", GetLaunchTemplateDataHandler, kStateDescribe);
}

}  // namespace ec2sim::api
