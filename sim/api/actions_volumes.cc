// EBS volume actions: CreateVolume, AttachVolume, DetachVolume, DeleteVolume, DescribeVolumes.
// Shapes and filters: EC2 API Reference, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/
// API_CreateVolume.html, API_AttachVolume.html, API_DetachVolume.html, API_DeleteVolume.html,
// API_DescribeVolumes.html and the Volume / VolumeAttachment data types.
#include "sim/api/action_table.h"
#include "sim/api/actions_describe.h"
#include "sim/api/describe.h"
#include "sim/api/filters.h"
#include "sim/api/render.h"
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
  // Accepted and not modelled: the request's idempotency token and the KMS key of an encrypted
  // volume (the simulator stores no key material for volumes).
  p.OptString("ClientToken");
  p.OptString("KmsKeyId");
  p.OptBool("MultiAttachEnabled");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
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
  DescribeQuery query;
  query.ids = p.StringList(kind.ids_param);
  query.filters = p.Filters("Filters");
  query.max_results = p.OptInt("MaxResults", 5, 500);
  query.next_token = p.OptString("NextToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = VolumeFilters();
  DescribeSpec<Volume> spec = KindSpec(schema, kind, IdMember<Volume, &Volume::id>);
  return DescribeList(ctx.scope, ctx.scope.volumes.values(), query, spec, kind.list_member,
                      [](const Volume& v) { return EbsVolumeJson(v); });
}

}  // namespace

void RegisterVolumeActions(ActionTable& table) {
  table.Add("CreateVolume", CreateVolumeHandler, kMutating);
  table.Add("AttachVolume", AttachVolumeHandler, kMutating);
  table.Add("DetachVolume", DetachVolumeHandler, kMutating);
  table.Add("DeleteVolume", DeleteVolumeHandler, kMutating);
  // Volume transitions are clock events, and events run move the state version.
  table.Add("DescribeVolumes", DescribeVolumesHandler, kStateDescribe);
}

}  // namespace ec2sim::api
