// EBS volume actions: CreateVolume, AttachVolume, DetachVolume, DeleteVolume, DescribeVolumes,
// ModifyVolume, DescribeVolumesModifications, DescribeVolumeStatus, DescribeVolumeAttribute and
// ModifyVolumeAttribute. Shapes and filters: EC2 API Reference,
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/ API_CreateVolume.html,
// API_AttachVolume.html, API_DetachVolume.html, API_DeleteVolume.html, API_DescribeVolumes.html,
// API_ModifyVolume.html, API_DescribeVolumesModifications.html, API_DescribeVolumeStatus.html,
// API_DescribeVolumeAttribute.html, API_ModifyVolumeAttribute.html and the Volume,
// VolumeAttachment, VolumeModification and VolumeStatusItem data types.
#include "sim/api/action_table.h"
#include "sim/api/actions_describe.h"
#include "sim/api/describe.h"
#include "sim/api/filters.h"
#include "sim/api/render.h"
#include "sim/model/resource_kinds.h"
#include "sim/model/snapshots.h"
#include "sim/model/volume_modifications.h"
#include "sim/model/volumes.h"

namespace ec2sim::api {
namespace {

using model::Volume;

const char* EbsBoolText(bool b) { return b ? "true" : "false"; }

// The VolumeAttachment shape of an attached volume.
json EbsAttachmentJson(const Volume& v) {
  return {{"AttachTime", FormatIsoTime(v.attach_time)},
          {"Device", v.device},
          {"InstanceId", v.instance_id},
          {"State", v.attach_state},
          {"VolumeId", v.id},
          {"DeleteOnTermination", v.delete_on_termination}};
}

// The Volume shape: DescribeVolumes lists it and CreateVolume answers with it.
json EbsVolumeJson(const Volume& v) {
  json attachments = json::array();
  if (!v.instance_id.empty()) attachments.push_back(EbsAttachmentJson(v));
  json j = {{"Attachments", std::move(attachments)},
            {"AvailabilityZone", v.az},
            {"CreateTime", FormatIsoTime(v.create_time)},
            {"Encrypted", v.encrypted},
            {"Size", v.size_gib},
            {"SnapshotId", v.snapshot_id},
            {"State", v.state},
            {"VolumeId", v.id},
            {"VolumeType", v.type},
            {"MultiAttachEnabled", false}};
  if (v.iops > 0) j["Iops"] = v.iops;
  if (v.throughput > 0) j["Throughput"] = v.throughput;
  if (!v.tags.empty()) j["Tags"] = TagsJson(v.tags);
  return j;
}

std::optional<int> OptEbsInt(Params& p, std::string_view key) {
  std::optional<std::int64_t> v = p.OptInt(key, 0, 1 << 30);
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

Result<json> CreateVolumeHandler(ApiContext& ctx, Params& p) {
  model::VolumeSpec spec;
  spec.az = p.String("AvailabilityZone");
  spec.size_gib = OptEbsInt(p, "Size");
  spec.type = p.OptString("VolumeType").value_or("gp2");
  spec.iops = OptEbsInt(p, "Iops");
  spec.throughput = OptEbsInt(p, "Throughput");
  spec.encrypted = p.OptBool("Encrypted").value_or(false);
  spec.tags = p.TagSpecifications("volume");
  std::optional<std::string> snapshot_id = p.OptString("SnapshotId");
  // Accepted and not modelled: the request's idempotency token and the KMS key of an encrypted
  // volume (the simulator stores no key material for volumes).
  p.OptString("ClientToken");
  p.OptString("KmsKeyId");
  p.OptBool("MultiAttachEnabled");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (snapshot_id) {
    EC2SIM_RETURN_IF_ERROR(model::ApplySnapshotToVolume(ctx.world, ctx.scope, *snapshot_id, spec));
  }
  EC2SIM_ASSIGN_OR_RETURN(Volume * v, model::CreateVolume(ctx.world, ctx.scope, std::move(spec)));
  return EbsVolumeJson(*v);
}

Result<json> AttachVolumeHandler(ApiContext& ctx, Params& p) {
  std::string device = p.String("Device");
  std::string instance_id = p.String("InstanceId");
  std::string volume_id = p.String("VolumeId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(
      Volume * v, model::AttachVolume(ctx.world, ctx.scope, volume_id, instance_id, device));
  return EbsAttachmentJson(*v);
}

Result<json> DetachVolumeHandler(ApiContext& ctx, Params& p) {
  std::string volume_id = p.String("VolumeId");
  std::string instance_id = p.OptString("InstanceId").value_or("");
  std::string device = p.OptString("Device").value_or("");
  // Force skips the guest's unmount; the simulator has no guest, so it changes nothing here.
  p.OptBool("Force");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(
      Volume * v, model::DetachVolume(ctx.world, ctx.scope, volume_id, instance_id, device));
  return EbsAttachmentJson(*v);
}

Result<json> DeleteVolumeHandler(ApiContext& ctx, Params& p) {
  std::string volume_id = p.String("VolumeId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::DeleteVolume(ctx.world, ctx.scope, volume_id));
  return json::object();
}

std::vector<std::string> EbsAttachmentValue(const Volume& v, std::string value) {
  if (v.instance_id.empty()) return {};
  return OneValue(std::move(value));
}

FilterSchema<Volume> VolumeFilters() {
  FilterSchema<Volume> schema;
  auto& f = schema.fields;
  f["attachment.attach-time"] = [](const Volume& v) {
    return EbsAttachmentValue(v, FormatIsoTime(v.attach_time));
  };
  f["attachment.delete-on-termination"] = [](const Volume& v) {
    return EbsAttachmentValue(v, EbsBoolText(v.delete_on_termination));
  };
  f["attachment.device"] = [](const Volume& v) { return EbsAttachmentValue(v, v.device); };
  f["attachment.instance-id"] = [](const Volume& v) {
    return EbsAttachmentValue(v, v.instance_id);
  };
  f["attachment.status"] = [](const Volume& v) { return EbsAttachmentValue(v, v.attach_state); };
  f["availability-zone"] = [](const Volume& v) { return OneValue(v.az); };
  f["create-time"] = [](const Volume& v) { return OneValue(FormatIsoTime(v.create_time)); };
  f["encrypted"] = [](const Volume& v) { return OneValue(EbsBoolText(v.encrypted)); };
  f["multi-attach-enabled"] = [](const Volume&) { return OneValue("false"); };
  f["size"] = [](const Volume& v) { return OneValue(std::to_string(v.size_gib)); };
  f["snapshot-id"] = [](const Volume& v) { return OneValue(v.snapshot_id); };
  f["status"] = [](const Volume& v) { return OneValue(v.state); };
  f["volume-id"] = [](const Volume& v) { return OneValue(v.id); };
  f["volume-type"] = [](const Volume& v) { return OneValue(v.type); };
  schema.tags = [](const Volume& v) -> const model::TagList& { return v.tags; };
  return schema;
}

Result<json> DescribeVolumesHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kVolume);
  // MaxResults is 5 to 500 (API_DescribeVolumes.html).
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 500});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = VolumeFilters();
  DescribeSpec<Volume> spec = KindSpec(schema, kind, IdMember<Volume, &Volume::id>);
  return DescribeList(ctx.scope, ctx.scope.volumes.values(), query, spec, kind.list_member,
                      [](const Volume& v) { return EbsVolumeJson(v); });
}

using model::VolumeModification;

// The VolumeModification shape. Iops and Throughput are left out for types without them, as
// DescribeVolumes leaves them out.
json VolumeModificationJson(const Volume& v) {
  const VolumeModification& m = *v.modification;
  json j = {{"VolumeId", v.id},
            {"ModificationState", m.state},
            {"TargetSize", m.target_size_gib},
            {"TargetVolumeType", m.target_type},
            {"TargetMultiAttachEnabled", false},
            {"OriginalSize", m.original_size_gib},
            {"OriginalVolumeType", m.original_type},
            {"OriginalMultiAttachEnabled", false},
            {"Progress", m.progress},
            {"StartTime", FormatIsoTime(m.start_time)}};
  if (m.target_iops > 0) j["TargetIops"] = m.target_iops;
  if (m.target_throughput > 0) j["TargetThroughput"] = m.target_throughput;
  if (m.original_iops > 0) j["OriginalIops"] = m.original_iops;
  if (m.original_throughput > 0) j["OriginalThroughput"] = m.original_throughput;
  if (m.end_time >= 0) j["EndTime"] = FormatIsoTime(m.end_time);
  return j;
}

Result<json> ModifyVolumeHandler(ApiContext& ctx, Params& p) {
  std::string volume_id = p.String("VolumeId");
  model::VolumeChange change;
  change.size_gib = OptEbsInt(p, "Size");
  change.type = p.OptString("VolumeType");
  change.iops = OptEbsInt(p, "Iops");
  change.throughput = OptEbsInt(p, "Throughput");
  // Multi-Attach is not modelled: every volume reports MultiAttachEnabled false.
  p.OptBool("MultiAttachEnabled");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(Volume * v, model::ModifyVolume(ctx.world, ctx.scope, volume_id, change));
  return json{{"VolumeModification", VolumeModificationJson(*v)}};
}

std::vector<std::string> ModificationInt(const Volume& v, int VolumeModification::*field) {
  int value = (*v.modification).*field;
  if (value <= 0) return {};
  return OneValue(std::to_string(value));
}

FilterSchema<Volume> VolumeModificationFilters() {
  FilterSchema<Volume> schema;
  auto& f = schema.fields;
  f["modification-state"] = [](const Volume& v) { return OneValue(v.modification->state); };
  f["original-iops"] = [](const Volume& v) {
    return ModificationInt(v, &VolumeModification::original_iops);
  };
  f["original-multi-attach-enabled"] = [](const Volume&) { return OneValue("false"); };
  f["original-size"] = [](const Volume& v) {
    return ModificationInt(v, &VolumeModification::original_size_gib);
  };
  f["original-volume-type"] = [](const Volume& v) {
    return OneValue(v.modification->original_type);
  };
  f["start-time"] = [](const Volume& v) {
    return OneValue(FormatIsoTime(v.modification->start_time));
  };
  f["target-iops"] = [](const Volume& v) {
    return ModificationInt(v, &VolumeModification::target_iops);
  };
  f["target-multi-attach-enabled"] = [](const Volume&) { return OneValue("false"); };
  f["target-size"] = [](const Volume& v) {
    return ModificationInt(v, &VolumeModification::target_size_gib);
  };
  f["target-throughput"] = [](const Volume& v) {
    return ModificationInt(v, &VolumeModification::target_throughput);
  };
  f["target-volume-type"] = [](const Volume& v) { return OneValue(v.modification->target_type); };
  f["volume-id"] = [](const Volume& v) { return OneValue(v.id); };
  return schema;
}

// Lists the latest modification of each volume that has one. A volume named by id that was never
// modified lists nothing (AWS answers InvalidVolumeModification.NotFound there; an empty list
// keeps tools that poll right after ModifyVolume working the same).
Result<json> DescribeVolumesModificationsHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kVolume);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 500});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = VolumeModificationFilters();
  DescribeSpec<Volume> spec = KindSpec(schema, kind, IdMember<Volume, &Volume::id>);
  spec.also = [](const Volume& v) { return v.modification.has_value(); };
  return DescribeList(ctx.scope, ctx.scope.volumes.values(), query, spec, "VolumesModifications",
                      [](const Volume& v) { return VolumeModificationJson(v); });
}

// A volume's I/O is always enabled: the simulator has no failing disks, so every volume that
// exists is "ok" with io-enabled "passed"; io-performance is measured only for io1 and io2
// (API_DescribeVolumeStatus.html, VolumeStatusDetails).
const char* VolumeIoPerformance(const Volume& v) {
  return v.type == "io1" || v.type == "io2" ? "normal" : "not-applicable";
}

FilterSchema<Volume> VolumeStatusFilters() {
  FilterSchema<Volume> schema;
  auto& f = schema.fields;
  f["availability-zone"] = [](const Volume& v) { return OneValue(v.az); };
  f["volume-status.status"] = [](const Volume&) { return OneValue("ok"); };
  f["volume-status.details-name"] = [](const Volume&) {
    return std::vector<std::string>{"io-enabled", "io-performance"};
  };
  f["volume-status.details-status"] = [](const Volume& v) {
    return std::vector<std::string>{"passed", VolumeIoPerformance(v)};
  };
  // No scheduled events or actions exist; the names are accepted and match nothing.
  for (const char* name :
       {"action.code", "action.description", "action.event-id", "event.description",
        "event.event-id", "event.event-type", "event.not-after", "event.not-before"}) {
    f[name] = [](const Volume&) { return std::vector<std::string>{}; };
  }
  return schema;
}

json VolumeStatusJson(const Volume& v) {
  json details = json::array({{{"Name", "io-enabled"}, {"Status", "passed"}},
                              {{"Name", "io-performance"}, {"Status", VolumeIoPerformance(v)}}});
  return {{"VolumeId", v.id},
          {"AvailabilityZone", v.az},
          {"VolumeStatus", {{"Status", "ok"}, {"Details", std::move(details)}}},
          {"Events", json::array()},
          {"Actions", json::array()}};
}

Result<json> DescribeVolumeStatusHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kVolume);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 1000});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = VolumeStatusFilters();
  DescribeSpec<Volume> spec = KindSpec(schema, kind, IdMember<Volume, &Volume::id>);
  // "You cannot specify this parameter and the volume IDs parameter in the same request."
  spec.page_size_excludes_ids = PageSizeExcludesIds{"volumeIds", "maxResults"};
  return DescribeList(ctx.scope, ctx.scope.volumes.values(), query, spec, "VolumeStatuses",
                      [](const Volume& v) { return VolumeStatusJson(v); });
}

Result<Volume*> FindVolumeForAttribute(model::Scope& scope, const std::string& id) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kVolume);
  if (!model::IsWellFormedId(kind, id)) return model::MalformedIdError(kind, id);
  Volume* v = scope.volumes.Find(id);
  if (v == nullptr) return model::NotFoundError(kind, id);
  return v;
}

Result<json> DescribeVolumeAttributeHandler(ApiContext& ctx, Params& p) {
  std::string attribute = p.String("Attribute");
  std::string volume_id = p.String("VolumeId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (attribute != "autoEnableIO" && attribute != "productCodes") {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + attribute +
                         ") for parameter attribute is invalid. Valid values: "
                         "autoEnableIO, productCodes");
  }
  EC2SIM_ASSIGN_OR_RETURN(Volume * v, FindVolumeForAttribute(ctx.scope, volume_id));
  json out = {{"VolumeId", v->id}};
  if (attribute == "autoEnableIO") {
    out["AutoEnableIO"] = {{"Value", v->auto_enable_io}};
  } else {
    out["ProductCodes"] = json::array();  // only Marketplace volumes carry product codes
  }
  return out;
}

// EnableVolumeIO (API_EnableVolumeIO.html) turns on I/O that EBS disabled after a data
// inconsistency; no volume's I/O is ever disabled here, so it only checks the volume.
Result<json> EnableVolumeIoHandler(ApiContext& ctx, Params& p) {
  std::string volume_id = p.String("VolumeId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  Result<Volume*> found = FindVolumeForAttribute(ctx.scope, volume_id);
  if (!found.ok()) return found.error();
  return json::object();
}

Result<json> ModifyVolumeAttributeHandler(ApiContext& ctx, Params& p) {
  std::string volume_id = p.String("VolumeId");
  std::optional<bool> auto_enable_io = p.OptAttributeBool("AutoEnableIO");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(Volume * v, FindVolumeForAttribute(ctx.scope, volume_id));
  if (auto_enable_io) v->auto_enable_io = *auto_enable_io;
  return json::object();
}

}  // namespace

void RegisterVolumeActions(ActionTable& table) {
  table.Add("CreateVolume", CreateVolumeHandler, kMutating);
  table.Add("AttachVolume", AttachVolumeHandler, kMutating);
  table.Add("DetachVolume", DetachVolumeHandler, kMutating);
  table.Add("DeleteVolume", DeleteVolumeHandler, kMutating);
  // Volume transitions are clock events, and events run move the state version.
  table.Add("DescribeVolumes", DescribeVolumesHandler, kStateDescribe);
  table.Add("ModifyVolume", ModifyVolumeHandler, kMutating);
  // Modifications move on the clock too.
  table.Add("DescribeVolumesModifications", DescribeVolumesModificationsHandler, kStateDescribe);
  table.Add("DescribeVolumeStatus", DescribeVolumeStatusHandler, kStateDescribe);
  table.Add("DescribeVolumeAttribute", DescribeVolumeAttributeHandler, kStateDescribe);
  table.Add("ModifyVolumeAttribute", ModifyVolumeAttributeHandler, kMutating);
  table.Add("EnableVolumeIO", EnableVolumeIoHandler, kMutating);
}

}  // namespace ec2sim::api
