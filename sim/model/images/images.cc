#include "sim/model/images/images.h"

#include <algorithm>

#include "sim/model/catalog.h"
#include "sim/model/instances.h"
#include "sim/model/resource_kinds.h"
#include "sim/model/snapshots.h"
#include "sim/model/volumes.h"

namespace ec2sim::model {
namespace {

// CreateImage's, RegisterImage's and CopyImage's Name: "Constraints: 3-128 alphanumeric
// characters, parentheses (()), square brackets ([]), spaces ( ), periods (.), slashes (/),
// dashes (-), single quotes ('), at-signs (@), or underscores(_)" (API_CreateImage.html).
bool IsImageNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("()[] ./-'@_").find(c) != std::string_view::npos;
}

// Names are unique per account and Region ("InvalidAMIName.Duplicate", errors-overview.html).
Status CheckImageName(const Scope& scope, const std::string& name) {
  if (name.size() < 3 || name.size() > 128 ||
      !std::all_of(name.begin(), name.end(), IsImageNameChar)) {
    return MakeError(ErrorCode::kInvalidAmiNameMalformed,
                     "AMI names must be between 3 and 128 characters long, and may contain "
                     "letters, numbers, '(', ')', '.', '-', '/' and '_'");
  }
  for (const Image& image : scope.images.values()) {
    if (image.name == name) {
      return MakeError(ErrorCode::kInvalidAmiNameDuplicate,
                       "AMI name " + name + " is already in use by AMI " + image.id);
    }
  }
  return OkStatus();
}

Status CheckImageIdShape(const std::string& id) {
  if (!IsWellFormedImageId(id)) {
    return MakeError(ErrorCode::kInvalidAmiIdMalformed,
                     "Invalid id: \"" + id + "\" (expecting \"ami-...\")");
  }
  return OkStatus();
}

Error ImageNotFound(const std::string& id) {
  return MakeError(ErrorCode::kInvalidAmiIdNotFound, "The image id '[" + id + "]' does not exist");
}

// Inserts `image` and, unless it is already available, schedules pending -> available once its
// snapshots, drawn in the same call, have completed (TransitionTimes::snap_create).
Image& StoreImage(World& world, Scope& scope, Image image) {
  image.serial = world.NewSerial();
  image.creation_time = world.now();
  std::string id = image.id;
  Image& stored = scope.images.Insert(id, std::move(image));
  if (stored.state == "available") return stored;
  std::uint64_t generation = ++stored.generation;
  Scope* sp = &scope;
  world.sim().After(world.times().snap_create, [sp, id, generation] {
    Image* i = sp->images.Find(id);
    if (i == nullptr || i->generation != generation) return;
    i->state = "available";
  });
  return stored;
}

// The request's entry for `device`, nullptr when it names none.
const ImageDeviceRequest* RequestFor(const std::vector<ImageDeviceRequest>& requests,
                                     const std::string& device) {
  for (const ImageDeviceRequest& r : requests) {
    if (r.device == device) return &r;
  }
  return nullptr;
}

// Applies an Ebs entry's settings to a mapping.
void ApplyDeviceRequest(const ImageDeviceRequest& r, ImageDevice& d) {
  if (r.size_gib) d.size_gib = std::max(d.size_gib, *r.size_gib);
  if (r.type) d.type = *r.type;
  if (r.delete_on_termination) d.delete_on_termination = *r.delete_on_termination;
  if (r.encrypted) d.encrypted = d.encrypted || *r.encrypted;
  if (r.iops) d.iops = *r.iops;
  if (r.throughput) d.throughput = *r.throughput;
}

// A snapshot of each attached volume the request does not omit, then the request's new empty
// volumes. Snapshots are drawn in attachment order, root first.
void SnapshotInstanceVolumes(World& world, Scope& scope, const Instance& inst,
                             const ImageFromInstanceRequest& request, Image& image) {
  std::vector<std::string> volume_ids;
  for (const Volume* v : AttachedVolumes(scope, inst)) volume_ids.push_back(v->id);
  for (const std::string& volume_id : volume_ids) {
    const Volume& vol = *scope.volumes.Find(volume_id);
    const ImageDeviceRequest* r = RequestFor(request.devices, vol.device);
    if (r != nullptr && r->no_device) continue;
    Snapshot snap;
    snap.id = world.NewId("snap");
    snap.owner_id = scope.account;
    snap.volume_id = vol.id;
    snap.volume_size_gib = vol.size_gib;
    // What EC2 writes into the snapshots of CreateImage (EC2 User Guide, "Create an
    // Amazon EBS-backed AMI": "Created by CreateImage(i-...) for ami-...").
    snap.description = "Created by CreateImage(" + inst.id + ") for " + image.id;
    snap.encrypted = vol.encrypted;
    snap.tags = request.snapshot_tags;
    ImageDevice d;
    d.device = vol.device;
    d.snapshot_id = AddNewSnapshot(world, scope, std::move(snap)).id;
    d.size_gib = vol.size_gib;
    d.type = vol.type;
    d.delete_on_termination = vol.delete_on_termination;
    d.encrypted = vol.encrypted;
    // Image mappings carry IOPS only for the types that provision them, throughput for gp3
    // (EbsBlockDevice: "Iops ... not supported for gp2, st1, sc1, or standard volumes").
    if (vol.type == "gp3" || vol.type == "io1" || vol.type == "io2") d.iops = vol.iops;
    if (vol.type == "gp3") d.throughput = vol.throughput;
    if (r != nullptr) ApplyDeviceRequest(*r, d);
    image.devices.push_back(std::move(d));
  }
  for (const ImageDeviceRequest& r : request.devices) {
    bool mapped = std::any_of(image.devices.begin(), image.devices.end(),
                              [&](const ImageDevice& d) { return d.device == r.device; });
    bool attached = std::any_of(volume_ids.begin(), volume_ids.end(), [&](const std::string& id) {
      return scope.volumes.Find(id)->device == r.device;
    });
    if (r.no_device || mapped || attached) continue;
    ImageDevice d;
    d.device = r.device;
    d.type = "gp2";  // EbsBlockDevice's VolumeType default
    ApplyDeviceRequest(r, d);
    image.devices.push_back(std::move(d));
  }
}

}  // namespace

bool ImageLaunchableBy(const Image& image, const std::string& account) {
  return image.owner_id == account || image.is_public || image.launch_users.count(account) > 0;
}

const Image* FindLaunchableImage(World& world, const Scope& scope, const std::string& id) {
  for (Scope* other : world.AllScopes()) {
    if (other->region != scope.region) continue;
    const Image* image = other->images.Find(id);
    if (image != nullptr && ImageLaunchableBy(*image, scope.account)) return image;
  }
  return nullptr;
}

bool OwnImageExists(World& world, const Scope& scope, const std::string& id) {
  for (Scope* other : world.AllScopes()) {
    if (other->region == scope.region && other->images.Find(id) != nullptr) return true;
  }
  return false;
}

std::vector<const Image*> LaunchableImages(World& world, const Scope& scope) {
  std::vector<const Image*> out;
  for (const Image& image : scope.images.values()) out.push_back(&image);
  for (Scope* other : world.AllScopes()) {
    if (other->region != scope.region || other->account == scope.account) continue;
    for (const Image& image : other->images.values()) {
      if (ImageLaunchableBy(image, scope.account)) out.push_back(&image);
    }
  }
  return out;
}

Result<Image*> FindOwnImage(World& world, Scope& scope, const std::string& id) {
  EC2SIM_RETURN_IF_ERROR(CheckImageIdShape(id));
  if (Image* image = scope.images.Find(id)) return image;
  // errors-overview.html: InvalidAMIID.Unavailable, "The specified AMI has been deregistered".
  if (scope.deregistered_images.count(id) > 0) {
    return MakeError(ErrorCode::kInvalidAmiIdUnavailable,
                     "The image id '[" + id + "]' is no longer available");
  }
  if (FindImage(scope.region->code, id) || FindLaunchableImage(world, scope, id) != nullptr) {
    return MakeError(ErrorCode::kAuthFailure, "Not authorized for image:" + id);
  }
  return ImageNotFound(id);
}

Result<Image*> CreateImage(World& world, Scope& scope, const ImageFromInstanceRequest& request) {
  const ResourceKind& instance_kind = KindInfo(Kind::kInstance);
  if (!IsWellFormedId(instance_kind, request.instance_id)) {
    return MalformedIdError(instance_kind, request.instance_id);
  }
  const Instance* inst = scope.instances.Find(request.instance_id);
  if (inst == nullptr) return NotFoundError(instance_kind, request.instance_id);
  if (inst->state != InstanceState::kRunning && inst->state != InstanceState::kStopped) {
    return MakeError(ErrorCode::kIncorrectInstanceState,
                     "The instance '" + inst->id +
                         "' is not in a state from which it can be "
                         "imaged.");
  }
  EC2SIM_RETURN_IF_ERROR(CheckImageName(scope, request.name));
  // Without NoReboot EC2 shuts the instance down and reboots it to image consistent volumes
  // (API_CreateImage.html, NoReboot); the reboot keeps the instance running.
  if (!request.no_reboot && inst->state == InstanceState::kRunning) {
    EC2SIM_RETURN_IF_ERROR(RebootInstances(world, scope, {inst->id}));
  }
  Image image;
  image.id = world.NewId("ami");
  image.owner_id = scope.account;
  image.name = request.name;
  image.description = request.description;
  image.architecture = inst->architecture;
  image.root_device_name = inst->root_device_name;
  image.platform = inst->platform;
  image.hourly_billing = inst->hourly_billing;
  image.sriov_net_support = "simple";
  image.source_instance_id = inst->id;
  image.tags = request.image_tags;
  SnapshotInstanceVolumes(world, scope, *inst, request, image);
  return &StoreImage(world, scope, std::move(image));
}

Result<Image*> RegisterImage(World& world, Scope& scope, const ImageRegistration& request) {
  EC2SIM_RETURN_IF_ERROR(CheckImageName(scope, request.name));
  if (RequestFor(request.devices, request.root_device_name) == nullptr ||
      RequestFor(request.devices, request.root_device_name)->snapshot_id.empty()) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + request.root_device_name +
                         ") for parameter rootDeviceName is invalid: the root device needs a "
                         "block device mapping with a snapshot.");
  }
  Image image;
  image.owner_id = scope.account;
  for (const ImageDeviceRequest& r : request.devices) {
    if (r.no_device) continue;
    ImageDevice d;
    d.device = r.device;
    d.type = "gp2";
    if (!r.snapshot_id.empty()) {
      EC2SIM_ASSIGN_OR_RETURN(const Snapshot* snap,
                              FindRestorableSnapshot(world, scope, r.snapshot_id));
      d.snapshot_id = snap->id;
      d.size_gib = snap->volume_size_gib;
      d.encrypted = snap->encrypted;
      if (r.size_gib && *r.size_gib < snap->volume_size_gib) {
        return MakeError(ErrorCode::kInvalidParameterValue,
                         "Volume of size " + std::to_string(*r.size_gib) +
                             "GiB is smaller than snapshot '" + snap->id +
                             "', expect size >= " + std::to_string(snap->volume_size_gib) + "GiB");
      }
    }
    ApplyDeviceRequest(r, d);
    image.devices.push_back(std::move(d));
  }
  image.id = world.NewId("ami");
  image.state = "available";
  image.name = request.name;
  image.description = request.description;
  image.root_device_name = request.root_device_name;
  image.architecture = request.architecture;
  image.virtualization_type = request.virtualization_type;
  image.ena_support = request.ena_support;
  image.sriov_net_support = request.sriov_net_support;
  image.boot_mode = request.boot_mode;
  image.imds_support = request.imds_support;
  image.tpm_support = request.tpm_support;
  image.kernel_id = request.kernel_id;
  image.ramdisk_id = request.ramdisk_id;
  image.tags = request.tags;
  return &StoreImage(world, scope, std::move(image));
}

Result<Image*> CopyImage(World& world, Scope& scope, const ImageCopyRequest& request) {
  const RegionInfo* source_region = FindRegion(request.source_region);
  if (source_region == nullptr) {
    return MakeError(
        ErrorCode::kInvalidParameterValue,
        "Value (" + request.source_region + ") for parameter sourceRegion is invalid.");
  }
  EC2SIM_RETURN_IF_ERROR(CheckImageIdShape(request.source_image_id));
  const Image* source = nullptr;
  const Scope* source_scope = nullptr;
  for (Scope* other : world.AllScopes()) {
    if (other->region != source_region) continue;
    const Image* i = other->images.Find(request.source_image_id);
    if (i != nullptr && ImageLaunchableBy(*i, scope.account)) {
      source = i;
      source_scope = other;
    }
  }
  if (source == nullptr) return ImageNotFound(request.source_image_id);
  if (source->state != "available") {
    return MakeError(ErrorCode::kInvalidAmiIdUnavailable,
                     "Image " + source->id + " is not available (state: " + source->state + ")");
  }
  EC2SIM_RETURN_IF_ERROR(CheckImageName(scope, request.name));
  Image copy = *source;
  copy.id = world.NewId("ami");
  copy.owner_id = scope.account;
  copy.name = request.name;
  copy.description = request.description;
  copy.state = "pending";
  copy.source_instance_id.clear();
  copy.launch_users.clear();
  copy.is_public = false;
  copy.tags = request.tags;
  for (ImageDevice& d : copy.devices) {
    if (d.snapshot_id.empty()) continue;
    const Snapshot* from = source_scope->snapshots.Find(d.snapshot_id);
    Snapshot snap;
    snap.id = world.NewId("snap");
    snap.owner_id = scope.account;
    snap.volume_id = kCopiedSnapshotVolumeId;
    snap.volume_size_gib = from != nullptr ? from->volume_size_gib : d.size_gib;
    // How EC2 describes the snapshots of a copied AMI (EC2 User Guide, "Copy an AMI").
    snap.description = "Copied for DestinationAmi " + copy.id + " from SourceAmi " + source->id +
                       " for SourceSnapshot " + d.snapshot_id;
    snap.encrypted = d.encrypted || request.encrypted;
    d.encrypted = snap.encrypted;
    d.snapshot_id = AddNewSnapshot(world, scope, std::move(snap)).id;
  }
  return &StoreImage(world, scope, std::move(copy));
}

Status DeregisterImage(World& world, Scope& scope, const std::string& id, bool delete_snapshots) {
  EC2SIM_ASSIGN_OR_RETURN(Image * image, FindOwnImage(world, scope, id));
  std::vector<std::string> snapshot_ids;
  for (const ImageDevice& d : image->devices) {
    if (!d.snapshot_id.empty()) snapshot_ids.push_back(d.snapshot_id);
  }
  scope.deregistered_images.insert(image->id);
  scope.images.Erase(image->id);
  if (!delete_snapshots) return OkStatus();
  for (const std::string& snap_id : snapshot_ids) {
    // Snapshots another image still maps, or already gone, stay as they are.
    if (scope.snapshots.Find(snap_id) != nullptr && ImageUsingSnapshot(scope, snap_id) == nullptr) {
      EC2SIM_RETURN_IF_ERROR(DeleteSnapshot(world, scope, snap_id));
    }
  }
  return OkStatus();
}

const Image* ImageUsingSnapshot(const Scope& scope, const std::string& snapshot_id) {
  for (const Image& image : scope.images.values()) {
    for (const ImageDevice& d : image.devices) {
      if (d.snapshot_id == snapshot_id) return &image;
    }
  }
  return nullptr;
}

}  // namespace ec2sim::model
