// DescribeLaunchTemplateVersions and GetLaunchTemplateData. Members, filters and answers: EC2
// API Reference, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/
// API_DescribeLaunchTemplateVersions.html and API_GetLaunchTemplateData.html.
#include <charconv>
#include <set>

#include "sim/api/action_table.h"
#include "sim/api/describe.h"
#include "sim/api/filters.h"
#include "sim/api/launch_template_json.h"
#include "sim/api/render.h"
#include "sim/model/instance_attributes.h"
#include "sim/model/launch_templates/launch_templates.h"
#include "sim/model/resource_kinds.h"

namespace ec2sim::api {
namespace {

using model::LaunchTemplate;
using model::LaunchTemplateVersion;

// One version as DescribeLaunchTemplateVersions lists it, with its data parsed once for filters.
struct LtVersionRow {
  const LaunchTemplate* lt;
  const LaunchTemplateVersion* v;
  json data;
};

// A member of the data as filter text: strings as they are, booleans and numbers as JSON.
std::vector<std::string> LtDataValue(const json& data, std::initializer_list<const char*> path) {
  const json* at = &data;
  for (const char* key : path) {
    if (!at->is_object() || !at->contains(key)) return {};
    at = &(*at)[key];
  }
  if (at->is_string()) return {at->get<std::string>()};
  if (at->is_boolean() || at->is_number()) return {at->dump()};
  return {};
}

FilterSchema<LtVersionRow> LtVersionFilters() {
  FilterSchema<LtVersionRow> schema;
  auto& f = schema.fields;
  f["create-time"] = [](const LtVersionRow& r) {
    return OneValue(FormatIsoTime(r.v->create_time));
  };
  f["ebs-optimized"] = [](const LtVersionRow& r) { return LtDataValue(r.data, {"EbsOptimized"}); };
  f["http-endpoint"] = [](const LtVersionRow& r) {
    return LtDataValue(r.data, {"MetadataOptions", "HttpEndpoint"});
  };
  f["http-tokens"] = [](const LtVersionRow& r) {
    return LtDataValue(r.data, {"MetadataOptions", "HttpTokens"});
  };
  f["iam-instance-profile"] = [](const LtVersionRow& r) {
    std::vector<std::string> out = LtDataValue(r.data, {"IamInstanceProfile", "Arn"});
    for (auto& name : LtDataValue(r.data, {"IamInstanceProfile", "Name"})) out.push_back(name);
    return out;
  };
  f["image-id"] = [](const LtVersionRow& r) { return LtDataValue(r.data, {"ImageId"}); };
  f["instance-type"] = [](const LtVersionRow& r) { return LtDataValue(r.data, {"InstanceType"}); };
  f["is-default-version"] = [](const LtVersionRow& r) {
    return OneValue(r.v->number == r.lt->default_version ? "true" : "false");
  };
  f["kernel-id"] = [](const LtVersionRow& r) { return LtDataValue(r.data, {"KernelId"}); };
  f["ram-disk-id"] = [](const LtVersionRow& r) { return LtDataValue(r.data, {"RamDiskId"}); };
  return schema;
}

Result<std::optional<std::int64_t>> ReadVersionBound(const std::optional<std::string>& text,
                                                     const char* member) {
  if (!text) return std::optional<std::int64_t>();
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc() || end != text->data() + text->size()) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     std::string(member) + " must be a version number: '" + *text + "'");
  }
  return std::optional<std::int64_t>(n);
}

struct LtVersionSelection {
  std::optional<std::string> id, name;
  std::vector<std::string> versions;
  std::optional<std::int64_t> min, max;
};

// The versions of one template that `sel` asks for, in ascending order.
Status AddTemplateRows(const LaunchTemplate& lt, const LtVersionSelection& sel,
                       std::vector<LtVersionRow>& rows) {
  std::set<std::int64_t> wanted;
  for (const std::string& text : sel.versions) {
    EC2SIM_ASSIGN_OR_RETURN(const LaunchTemplateVersion* v,
                            model::FindLaunchTemplateVersion(lt, text));
    wanted.insert(v->number);
  }
  for (const LaunchTemplateVersion& v : lt.versions) {
    if (!wanted.empty() && wanted.count(v.number) == 0) continue;
    if ((sel.min && v.number < *sel.min) || (sel.max && v.number > *sel.max)) continue;
    rows.push_back({&lt, &v, LaunchTemplateDataOf(v)});
  }
  return OkStatus();
}

// Without a template, only $Latest and $Default name versions, of every template
// (API_DescribeLaunchTemplateVersions.html, Versions).
Result<std::vector<LtVersionRow>> SelectLtVersions(model::Scope& scope,
                                                   const LtVersionSelection& sel) {
  std::vector<LtVersionRow> rows;
  if (sel.id || sel.name) {
    EC2SIM_ASSIGN_OR_RETURN(LaunchTemplate * lt,
                            model::FindLaunchTemplate(scope, sel.id, sel.name));
    EC2SIM_RETURN_IF_ERROR(AddTemplateRows(*lt, sel, rows));
    return rows;
  }
  for (const std::string& text : sel.versions) {
    if (text != "$Latest" && text != "$Default") {
      return model::FindLaunchTemplate(scope, std::nullopt, std::nullopt).error();
    }
  }
  for (const LaunchTemplate& lt : scope.launch_templates.values()) {
    EC2SIM_RETURN_IF_ERROR(AddTemplateRows(lt, sel, rows));
  }
  return rows;
}

}  // namespace

Result<json> DescribeLaunchTemplateVersionsHandler(ApiContext& ctx, Params& p) {
  LtVersionSelection sel;
  sel.id = p.OptString("LaunchTemplateId");
  sel.name = p.OptString("LaunchTemplateName");
  DescribeQuery query = ReadDescribeQuery(p, "Versions", PageSizeRange{1, 200});
  std::optional<std::string> min_text = p.OptString("MinVersion");
  std::optional<std::string> max_text = p.OptString("MaxVersion");
  p.OptBool("ResolveAlias");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(sel.min, ReadVersionBound(min_text, "MinVersion"));
  EC2SIM_ASSIGN_OR_RETURN(sel.max, ReadVersionBound(max_text, "MaxVersion"));
  sel.versions = std::move(query.ids);
  query.ids.clear();
  EC2SIM_ASSIGN_OR_RETURN(std::vector<LtVersionRow> rows, SelectLtVersions(ctx.scope, sel));
  const auto schema = LtVersionFilters();
  DescribeSpec<LtVersionRow> spec;
  spec.schema = &schema;
  spec.requested = [](const LtVersionRow&) { return true; };
  return DescribeList(ctx.scope, rows, query, spec, "LaunchTemplateVersions",
                      [](const LtVersionRow& r) { return LaunchTemplateVersionJson(*r.lt, *r.v); });
}

namespace {

json LtInterfaceData(model::Scope& scope, const model::Instance& inst) {
  const model::NetworkInterface* eni = scope.interfaces.Find(inst.eni_id);
  if (eni == nullptr) return json::array();
  json ni = {{"AssociatePublicIpAddress", inst.wants_public_ip},
             {"DeleteOnTermination", eni->delete_on_termination},
             {"Description", eni->description},
             {"DeviceIndex", 0},
             {"Groups", eni->group_ids},
             {"InterfaceType", eni->interface_type},
             {"Ipv6Addresses", json::array()},
             {"NetworkInterfaceId", eni->id},
             {"PrivateIpAddress", model::FormatIpv4(eni->private_ip)},
             {"SubnetId", eni->subnet_id}};
  return json::array({ni});
}

// The launch parameters of an instance, in RequestLaunchTemplateData's members, as EC2 answers
// GetLaunchTemplateData; EC2's own tags (aws:*) are left out, as a template may not set them.
json LtDataOfInstance(model::Scope& scope, const model::Instance& inst) {
  json data = {
      {"ImageId", inst.image_id},
      {"InstanceType", inst.instance_type},
      {"Monitoring", {{"Enabled", false}}},
      {"Placement", {{"AvailabilityZone", inst.az}, {"GroupName", ""}, {"Tenancy", "default"}}},
      {"DisableApiTermination", inst.disable_api_termination},
      {"DisableApiStop", inst.disable_api_stop},
      {"InstanceInitiatedShutdownBehavior", inst.shutdown_behavior},
      {"EbsOptimized", inst.ebs_optimized},
      {"NetworkInterfaces", LtInterfaceData(scope, inst)}};
  if (!inst.key_name.empty()) data["KeyName"] = inst.key_name;
  if (!inst.user_data.empty()) data["UserData"] = inst.user_data;
  if (model::BurstableFamily(inst.instance_type)) {
    data["CreditSpecification"] = {{"CpuCredits", model::EffectiveCpuCredits(scope, inst)}};
  }
  json meta = MetadataOptionsJson(inst, "applied");
  meta.erase("State");
  data["MetadataOptions"] = meta;
  if (const model::Volume* root = scope.volumes.Find(inst.root_volume_id)) {
    data["BlockDeviceMappings"] =
        json::array({{{"DeviceName", inst.root_device_name},
                      {"Ebs",
                       {{"DeleteOnTermination", root->delete_on_termination},
                        {"Encrypted", false},
                        {"VolumeSize", root->size_gib},
                        {"VolumeType", root->type}}}}});
  }
  model::TagList own;
  for (const model::Tag& t : inst.tags) {
    if (t.key.rfind("aws:", 0) != 0) own.push_back(t);
  }
  if (!own.empty()) {
    data["TagSpecifications"] =
        json::array({{{"ResourceType", "instance"}, {"Tags", TagsJson(own)}}});
  }
  return data;
}

}  // namespace

Result<json> GetLaunchTemplateDataHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("InstanceId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kInstance);
  EC2SIM_RETURN_IF_ERROR(model::CheckIds(kind, ctx.scope, {id}));
  const model::Instance* inst = ctx.scope.instances.Find(id);
  return json{{"LaunchTemplateData", LtDataOfInstance(ctx.scope, *inst)}};
}

}  // namespace ec2sim::api
