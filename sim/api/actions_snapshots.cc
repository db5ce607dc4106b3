// EBS snapshot actions: CreateSnapshot, CreateSnapshots, CopySnapshot, DeleteSnapshot,
// DescribeSnapshots and Describe/Modify/ResetSnapshotAttribute. Shapes and filters: EC2 API
// Reference, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/ API_CreateSnapshot.html,
// API_CreateSnapshots.html,
// API_CopySnapshot.html, API_DeleteSnapshot.html, API_DescribeSnapshots.html,
// API_DescribeSnapshotAttribute.html, API_ModifySnapshotAttribute.html,
// API_ResetSnapshotAttribute.html and the Snapshot and CreateVolumePermission data types.
#include <algorithm>
#include <functional>

#include "sim/api/account_permissions.h"
#include "sim/api/action_table.h"
#include "sim/api/actions_describe.h"
#include "sim/api/describe.h"
#include "sim/api/filters.h"
#include "sim/api/render.h"
#include "sim/model/resource_kinds.h"
#include "sim/model/snapshots.h"

namespace ec2sim::api {
namespace {

using model::Snapshot;

std::string SnapshotProgressText(const Snapshot& s) { return std::to_string(s.progress) + "%"; }

// The Snapshot shape: DescribeSnapshots lists it and CreateSnapshot answers with it.
json SnapshotJson(const Snapshot& s) {
  json j = {{"Description", s.description},
            {"Encrypted", s.encrypted},
            {"OwnerId", s.owner_id},
            {"Progress", SnapshotProgressText(s)},
            {"SnapshotId", s.id},
            {"StartTime", FormatIsoTime(s.start_time)},
            {"State", s.state},
            {"VolumeId", s.volume_id},
            {"VolumeSize", s.volume_size_gib},
            {"StorageTier", "standard"}};
  if (!s.tags.empty()) j["Tags"] = TagsJson(s.tags);
  return j;
}

Result<json> CreateSnapshotHandler(ApiContext& ctx, Params& p) {
  std::string volume_id = p.String("VolumeId");
  std::string description = p.OptString("Description").value_or("");
  model::TagList tags = p.TagSpecifications("snapshot");
  // Snapshots on Outposts and in Local Zones are not modelled.
  p.NotModeled("OutpostArn");
  p.NotModeled("Location");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(Snapshot * s, model::CreateSnapshot(ctx.world, ctx.scope, volume_id,
                                                              description, std::move(tags)));
  return SnapshotJson(*s);
}

// CreateSnapshots answers SnapshotInfo entries: the Snapshot shape without StorageTier.
Result<json> CreateSnapshotsHandler(ApiContext& ctx, Params& p) {
  model::InstanceSnapshotsRequest request;
  if (const json* spec = p.Raw("InstanceSpecification")) {
    Params nested(*spec, "InstanceSpecification", p);
    if (nested.ok()) {
      request.instance_id = nested.String("InstanceId");
      request.exclude_boot_volume = nested.OptBool("ExcludeBootVolume").value_or(false);
      request.exclude_volume_ids = nested.StringList("ExcludeDataVolumeIds");
      nested.Done();
    }
  } else {
    p.String("InstanceSpecification");  // records MissingParameter
  }
  request.description = p.OptString("Description").value_or("");
  request.tags = p.TagSpecifications("snapshot");
  std::optional<std::string> copy_tags = p.OptString("CopyTagsFromSource");
  p.NotModeled("OutpostArn");
  p.NotModeled("Location");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (copy_tags && *copy_tags != "volume") {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + *copy_tags +
                         ") for parameter copyTagsFromSource is invalid. Valid values: volume");
  }
  request.copy_tags_from_volume = copy_tags.has_value();
  EC2SIM_ASSIGN_OR_RETURN(std::vector<Snapshot*> made,
                          model::CreateInstanceSnapshots(ctx.world, ctx.scope, request));
  json list = json::array();
  for (const Snapshot* s : made) {
    json info = SnapshotJson(*s);
    info.erase("StorageTier");
    list.push_back(std::move(info));
  }
  return json{{"Snapshots", std::move(list)}};
}

// CopySnapshot is called in the destination region; DestinationRegion is only for presigned
// URLs and must name that region when given.
Result<json> CopySnapshotHandler(ApiContext& ctx, Params& p) {
  model::SnapshotCopyRequest request;
  request.source_region = p.String("SourceRegion");
  request.source_snapshot_id = p.String("SourceSnapshotId");
  request.description = p.OptString("Description");
  request.encrypted = p.OptBool("Encrypted").value_or(false);
  request.tags = p.TagSpecifications("snapshot");
  std::optional<std::string> destination = p.OptString("DestinationRegion");
  // Accepted and not modelled: the KMS key (no key material is kept for EBS), the presigned URL
  // (requests are not re-signed between regions here) and the time-based copy's duration.
  p.OptString("KmsKeyId");
  p.OptString("PresignedUrl");
  p.OptInt("CompletionDurationMinutes");
  p.NotModeled("DestinationOutpostArn");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (destination && *destination != ctx.scope.region->code) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + *destination +
                         ") for parameter destinationRegion is invalid: call CopySnapshot in "
                         "the destination region.");
  }
  EC2SIM_ASSIGN_OR_RETURN(Snapshot * s, model::CopySnapshot(ctx.world, ctx.scope, request));
  json out = {{"SnapshotId", s->id}};
  if (!s->tags.empty()) out["Tags"] = TagsJson(s->tags);
  return out;
}

Result<json> DeleteSnapshotHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("SnapshotId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::DeleteSnapshot(ctx.world, ctx.scope, id));
  return json::object();
}

FilterSchema<Snapshot> SnapshotFilters() {
  FilterSchema<Snapshot> schema;
  auto& f = schema.fields;
  f["description"] = [](const Snapshot& s) { return OneValue(s.description); };
  f["encrypted"] = [](const Snapshot& s) { return OneValue(s.encrypted ? "true" : "false"); };
  // Only Amazon's own snapshots have an owner alias, and the simulator keeps none.
  f["owner-alias"] = [](const Snapshot&) { return std::vector<std::string>{}; };
  f["owner-id"] = [](const Snapshot& s) { return OneValue(s.owner_id); };
  f["progress"] = [](const Snapshot& s) { return OneValue(SnapshotProgressText(s)); };
  f["snapshot-id"] = [](const Snapshot& s) { return OneValue(s.id); };
  f["start-time"] = [](const Snapshot& s) { return OneValue(FormatIsoTime(s.start_time)); };
  f["status"] = [](const Snapshot& s) { return OneValue(s.state); };
  f["storage-tier"] = [](const Snapshot&) { return OneValue("standard"); };
  f["transfer-type"] = [](const Snapshot&) { return OneValue("standard"); };
  f["volume-id"] = [](const Snapshot& s) { return OneValue(s.volume_id); };
  f["volume-size"] = [](const Snapshot& s) { return OneValue(std::to_string(s.volume_size_gib)); };
  schema.tags = [](const Snapshot& s) -> const model::TagList& { return s.tags; };
  return schema;
}

// "self" names the caller in OwnerIds and RestorableByUserIds.
std::vector<std::string> SnapshotAccounts(std::vector<std::string> ids, const std::string& self) {
  for (std::string& id : ids) {
    if (id == "self") id = self;
  }
  return ids;
}

bool SnapshotListsAccount(const std::vector<std::string>& ids, const std::string& account) {
  return std::find(ids.begin(), ids.end(), account) != ids.end();
}

// An id that is malformed or names no snapshot of the region is an error; one that exists but
// is not shared with the caller is left out of the answer ("If you specify a snapshot ID for
// which you do not have access, it is not included in the returned results").
Status CheckSnapshotIds(model::World& world, const model::Scope& scope,
                        const std::vector<std::string>& ids) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kSnapshot);
  for (const std::string& id : ids) {
    if (!model::IsWellFormedId(kind, id)) return model::MalformedIdError(kind, id);
    bool exists = false;
    for (model::Scope* other : world.AllScopes()) {
      if (other->region == scope.region && other->snapshots.Find(id) != nullptr) exists = true;
    }
    if (!exists) return model::NotFoundError(kind, id);
  }
  return OkStatus();
}

Result<json> DescribeSnapshotsHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kSnapshot);
  std::vector<std::string> owners = SnapshotAccounts(p.StringList("OwnerIds"), ctx.scope.account);
  std::vector<std::string> restorable =
      SnapshotAccounts(p.StringList("RestorableByUserIds"), ctx.scope.account);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 1000});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = SnapshotFilters();
  DescribeSpec<Snapshot> spec = KindSpec(schema, kind, IdMember<Snapshot, &Snapshot::id>);
  spec.check_ids = [&] { return CheckSnapshotIds(ctx.world, ctx.scope, query.ids); };
  spec.also = [&](const Snapshot& s) {
    if (!owners.empty() && !SnapshotListsAccount(owners, s.owner_id)) return false;
    if (restorable.empty()) return true;
    for (const std::string& account : restorable) {
      if (model::SnapshotRestorableBy(s, account)) return true;
    }
    return false;
  };
  std::vector<std::reference_wrapper<const Snapshot>> items;
  for (const Snapshot* s : model::VisibleSnapshots(ctx.world, ctx.scope)) items.push_back(*s);
  return DescribeList(ctx.scope, items, query, spec, kind.list_member, SnapshotJson);
}

Error BadSnapshotAttribute(const std::string& attribute) {
  return MakeError(ErrorCode::kInvalidParameterValue,
                   "Value (" + attribute +
                       ") for parameter attribute is invalid. Valid values: "
                       "createVolumePermission, productCodes");
}

json CreateVolumePermissionsJson(const Snapshot& s) {
  json list = json::array();
  if (s.public_restore) list.push_back({{"Group", "all"}});
  for (const std::string& user : s.create_volume_users) list.push_back({{"UserId", user}});
  return list;
}

// The request of Describe- and ResetSnapshotAttribute: an attribute they know, of a snapshot
// the caller owns (a shared snapshot's attributes are its owner's).
Result<Snapshot*> SnapshotOfAttributeRequest(ApiContext& ctx, Params& p, std::string& attribute) {
  attribute = p.String("Attribute");
  std::string id = p.String("SnapshotId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (attribute != "createVolumePermission" && attribute != "productCodes") {
    return BadSnapshotAttribute(attribute);
  }
  return model::FindOwnSnapshot(ctx.scope, id);
}

Result<json> DescribeSnapshotAttributeHandler(ApiContext& ctx, Params& p) {
  std::string attribute;
  EC2SIM_ASSIGN_OR_RETURN(Snapshot * s, SnapshotOfAttributeRequest(ctx, p, attribute));
  json out = {{"SnapshotId", s->id}};
  if (attribute == "createVolumePermission") {
    out["CreateVolumePermissions"] = CreateVolumePermissionsJson(*s);
  } else {
    out["ProductCodes"] = json::array();  // only Marketplace snapshots carry product codes
  }
  return out;
}

// One change to createVolumePermission: accounts and whether the group "all" is named.
using SnapshotPermissionChange = AccountPermissionChange;

// Reads CreateVolumePermission.Add or .Remove: [{"UserId": ...} | {"Group": "all"}].
void ReadSnapshotPermissionList(const json* list, const std::string& where,
                                SnapshotPermissionChange& change, Params& p) {
  if (list == nullptr || !list->is_array()) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    Params item((*list)[i], where + "[" + std::to_string(i) + "]", p);
    if (!item.ok()) return;
    if (auto user = item.OptString("UserId")) change.users.push_back(*user);
    if (auto group = item.OptString("Group")) {
      if (*group != "all") {
        p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                         "Value (" + *group +
                             ") for parameter group is invalid. Valid values: "
                             "all"));
      }
      change.all = true;
    }
    item.Done();
  }
}

// Two ways to say the same change: the CreateVolumePermission structure, or OperationType with
// UserIds and GroupNames (API_ModifySnapshotAttribute.html).
Result<json> ModifySnapshotAttributeHandler(ApiContext& ctx, Params& p) {
  std::string id = p.String("SnapshotId");
  std::string attribute = p.OptString("Attribute").value_or("createVolumePermission");
  std::optional<std::string> operation = p.OptString("OperationType");
  SnapshotPermissionChange legacy;
  legacy.users = p.StringList("UserIds");
  for (const std::string& group : p.StringList("GroupNames")) {
    if (group != "all") {
      p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                       "Value (" + group +
                           ") for parameter groupName is invalid. Valid values: "
                           "all"));
    }
    legacy.all = true;
  }
  SnapshotPermissionChange granted, revoked;
  if (const json* cvp = p.Raw("CreateVolumePermission")) {
    Params nested(*cvp, "CreateVolumePermission", p);
    if (nested.ok()) {
      ReadSnapshotPermissionList(nested.Raw("Add"), "CreateVolumePermission.Add", granted, p);
      ReadSnapshotPermissionList(nested.Raw("Remove"), "CreateVolumePermission.Remove", revoked, p);
      nested.Done();
    }
  }
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (attribute != "createVolumePermission") {
    // Product codes are set by AWS Marketplace, never by the owner.
    return MakeError(ErrorCode::kInvalidParameterCombination,
                     "Only the createVolumePermission attribute of a snapshot can be modified.");
  }
  if (operation && *operation != "add" && *operation != "remove") {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + *operation +
                         ") for parameter operationType is invalid. Valid values: add, remove");
  }
  if (operation) (*operation == "add" ? granted : revoked) = legacy;
  for (const auto* change : {&granted, &revoked}) {
    EC2SIM_RETURN_IF_ERROR(CheckAccountIds(change->users));
  }
  EC2SIM_ASSIGN_OR_RETURN(Snapshot * s, model::FindOwnSnapshot(ctx.scope, id));
  ApplyAccountPermissions(granted, /*add=*/true, s->create_volume_users, s->public_restore);
  ApplyAccountPermissions(revoked, /*add=*/false, s->create_volume_users, s->public_restore);
  return json::object();
}

Result<json> ResetSnapshotAttributeHandler(ApiContext& ctx, Params& p) {
  std::string attribute;
  EC2SIM_ASSIGN_OR_RETURN(Snapshot * s, SnapshotOfAttributeRequest(ctx, p, attribute));
  if (attribute == "createVolumePermission") {
    s->create_volume_users.clear();
    s->public_restore = false;
  }
  return json::object();
}

}  // namespace

void RegisterSnapshotActions(ActionTable& table) {
  table.Add("CreateSnapshot", CreateSnapshotHandler, kMutating);
  table.Add("CreateSnapshots", CreateSnapshotsHandler, kMutating);
  table.Add("CopySnapshot", CopySnapshotHandler, kMutating);
  table.Add("DeleteSnapshot", DeleteSnapshotHandler, kMutating);
  // Snapshots complete by clock events, and events run move the state version. Other accounts'
  // shared snapshots move it too: every account's calls share the one world's version.
  table.Add("DescribeSnapshots", DescribeSnapshotsHandler, kStateDescribe);
  table.Add("DescribeSnapshotAttribute", DescribeSnapshotAttributeHandler, kStateDescribe);
  table.Add("ModifySnapshotAttribute", ModifySnapshotAttributeHandler, kMutating);
  table.Add("ResetSnapshotAttribute", ResetSnapshotAttributeHandler, kMutating);
}

}  // namespace ec2sim::api
