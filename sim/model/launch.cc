// RunInstances: resolving image, type, placement, groups and key, then creating the instances
// with their interfaces, root volumes and reservation.
#include <algorithm>

#include "sim/model/catalog.h"
#include "sim/model/images/images.h"
#include "sim/model/instances.h"
#include "sim/model/resource_events.h"
#include "sim/model/security_groups.h"
#include "sim/model/snapshots.h"
#include "sim/model/type_offerings.h"
#include "sim/model/volumes.h"

namespace ec2sim::model {
namespace {

Error InvalidLaunch(std::string message) {
  return MakeError(ErrorCode::kInvalidParameterValue, std::move(message));
}

// AWS answers InvalidAMIID.NotFound for an image id it does not know ("The image id '[ami-...]'
// does not exist"; https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
// `accept_unknown` (SandboxOptions::accept_unknown_images) launches such an id as a generic image
// instead, for test suites whose made-up ids are beside the point.
Result<ImageInfo> ResolveImage(const Scope& scope, const std::string& image_id,
                               bool accept_unknown) {
  if (image_id.empty()) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter ImageId");
  }
  if (!IsWellFormedImageId(image_id)) {
    return MakeError(ErrorCode::kInvalidAmiIdMalformed,
                     "Invalid id: \"" + image_id + "\" (expecting \"ami-...\")");
  }
  if (auto image = FindImage(scope.region->code, image_id)) return *image;
  // Images are regional: a catalog image of another region does not exist here, which is the
  // lesson AWS teaches with the same error.
  for (const RegionInfo& r : Regions()) {
    if (FindImage(r.code, image_id)) {
      return MakeError(ErrorCode::kInvalidAmiIdNotFound,
                       "The image id '[" + image_id + "]' does not exist (it is an image of " +
                           r.code + "; AMIs are regional)");
    }
  }
  if (accept_unknown) return GenericImage(image_id);
  return MakeError(ErrorCode::kInvalidAmiIdNotFound,
                   "The image id '[" + image_id + "]' does not exist");
}

// An own image of the region the caller may launch, else the catalog's. "InvalidAMIID.Unavailable:
// The specified AMI ... is in an invalid state that prevents it from being used"
// (errors-overview.html): a pending image cannot launch yet. Another account's image that is
// not shared with the caller is not found, even with accept_unknown_images.
Result<ImageInfo> ResolveLaunchImage(World& world, const Scope& scope, const std::string& image_id,
                                     const Image*& own) {
  own = FindLaunchableImage(world, scope, image_id);
  if (own != nullptr) {
    if (own->state != "available") {
      return MakeError(
          ErrorCode::kInvalidAmiIdUnavailable,
          "The image id '[" + image_id + "]' is not available (state: " + own->state + ")");
    }
    return OwnImageInfo(*own);
  }
  if (IsWellFormedImageId(image_id) && OwnImageExists(world, scope, image_id)) {
    return MakeError(ErrorCode::kInvalidAmiIdNotFound,
                     "The image id '[" + image_id + "]' does not exist");
  }
  return ResolveImage(scope, image_id, world.options().accept_unknown_images);
}

Result<Subnet*> ChooseSubnet(World& world, Scope& scope, const LaunchSpec& spec) {
  if (!spec.subnet_id.empty()) {
    Subnet* subnet = scope.subnets.Find(spec.subnet_id);
    if (subnet == nullptr) {
      return MakeError(ErrorCode::kInvalidSubnetIdNotFound,
                       "The subnet ID '" + spec.subnet_id + "' does not exist");
    }
    if (!spec.availability_zone.empty() && spec.availability_zone != subnet->az) {
      return MakeError(ErrorCode::kInvalidParameterCombination,
                       "The specified Availability Zone (" + spec.availability_zone +
                           ") does not match the subnet's (" + subnet->az + ")");
    }
    return subnet;
  }
  std::vector<Subnet*> defaults;
  for (Subnet& s : scope.subnets.values()) {
    if (s.default_for_az && s.vpc_id == scope.default_vpc_id) defaults.push_back(&s);
  }
  // Without a default VPC (deleted, as AWS allows) a launch must name its subnet. AWS answers
  // VPCIdNotSpecified, a code result.h lacks; MissingParameter names the same missing member.
  if (defaults.empty()) {
    return MakeError(ErrorCode::kMissingParameter,
                     "No default VPC for this user. The request must contain the parameter "
                     "SubnetId");
  }
  if (!spec.availability_zone.empty()) {
    for (Subnet* s : defaults) {
      if (s->az == spec.availability_zone) return s;
    }
    return InvalidLaunch("Invalid availability zone: [" + spec.availability_zone + "]");
  }
  // EC2 picks an AZ for the caller, one that offers the type; the seeded choice keeps runs
  // reproducible. One draw over every default subnet, then the next one that offers the type,
  // so that a zone's gap never changes which zone other types get.
  std::size_t pick = world.rng().Below(defaults.size());
  for (std::size_t i = 0; i < defaults.size(); ++i) {
    Subnet* s = defaults[(pick + i) % defaults.size()];
    if (ZoneOffersType(s->az, spec.instance_type)) return s;
  }
  return defaults[pick];
}

Result<std::vector<std::string>> ResolveGroups(Scope& scope, const LaunchSpec& spec,
                                               const Subnet& subnet) {
  std::vector<std::string> ids;
  for (const std::string& id : spec.group_ids) {
    EC2SIM_ASSIGN_OR_RETURN(SecurityGroup * g, FindGroupById(scope, id));
    if (g->vpc_id != subnet.vpc_id) {
      return InvalidLaunch("Security group " + id + " and subnet " + subnet.id +
                           " belong to different networks.");
    }
    if (std::find(ids.begin(), ids.end(), g->id) == ids.end()) ids.push_back(g->id);
  }
  for (const std::string& name : spec.group_names) {
    EC2SIM_ASSIGN_OR_RETURN(SecurityGroup * g, FindGroupByName(scope, subnet.vpc_id, name));
    if (std::find(ids.begin(), ids.end(), g->id) == ids.end()) ids.push_back(g->id);
  }
  if (ids.empty()) ids.push_back(scope.vpcs.Find(subnet.vpc_id)->default_group_id);
  if (ids.size() > static_cast<size_t>(kGroupsPerInterface)) {
    return MakeError(ErrorCode::kSecurityGroupsPerInterfaceLimitExceeded,
                     "The maximum number of security groups per interface has been reached.");
  }
  return ids;
}

// Instances an account may hold per Region in any state but terminated. AWS's quotas count
// vCPUs of running instances (AccountQuotas::vcpus), which leaves stopped instances unbounded; this
// bound keeps one account from growing a shared server without limit (docs/hardening.md).
constexpr int kInstanceQuota = 1000;

int InstancesHeld(const Scope& scope) {
  int held = 0;
  for (const Instance& inst : scope.instances.values()) {
    if (inst.state != InstanceState::kTerminated) ++held;
  }
  return held;
}

int VcpusInUse(const Scope& scope) {
  int used = 0;
  for (const Instance& inst : scope.instances.values()) {
    if (inst.state == InstanceState::kPending || inst.state == InstanceState::kRunning ||
        inst.state == InstanceState::kStopping) {
      if (const InstanceTypeInfo* t = FindInstanceType(inst.instance_type)) used += t->vcpus;
    }
  }
  return used;
}

// What a valid request launches: resolved once, used by the quota check and the build.
struct LaunchPlan {
  ImageInfo image;
  const InstanceTypeInfo* type = nullptr;
  Subnet* subnet = nullptr;
  std::vector<std::string> group_ids;
  LaunchVolumes volumes;
  // The root volume of an own image: its snapshot and mapping.
  std::string root_snapshot_id;
  bool root_encrypted = false;
  bool root_delete_on_termination = true;
};

// The root mapping of an own image: the launch's root volume restores its snapshot and may not
// be smaller ("Volume of size N GiB is smaller than snapshot ..."; API_EbsBlockDevice.html).
Status ApplyImageRoot(const Image& image, LaunchPlan& plan) {
  for (const ImageDevice& d : image.devices) {
    if (d.device != image.root_device_name) continue;
    plan.root_snapshot_id = d.snapshot_id;
    plan.root_encrypted = d.encrypted;
    plan.root_delete_on_termination = d.delete_on_termination;
    if (plan.volumes.root_gib && *plan.volumes.root_gib < d.size_gib) {
      return InvalidLaunch("Volume of size " + std::to_string(*plan.volumes.root_gib) +
                           "GB is smaller than snapshot '" + d.snapshot_id +
                           "', expect size >= " + std::to_string(d.size_gib) + "GB");
    }
  }
  return OkStatus();
}

// Checks the request against the catalog and the account's resources and resolves what it
// names. Draws from the world's rng only to pick an AZ when the request names none.
Result<LaunchPlan> ValidateLaunch(World& world, Scope& scope, const LaunchSpec& spec) {
  LaunchPlan plan;
  const Image* own = nullptr;
  EC2SIM_ASSIGN_OR_RETURN(plan.image, ResolveLaunchImage(world, scope, spec.image_id, own));
  plan.type = FindInstanceType(spec.instance_type);
  if (plan.type == nullptr) {
    return InvalidLaunch("Invalid value '" + spec.instance_type + "' for InstanceType.");
  }
  if (plan.type->architecture != plan.image.architecture) {
    return InvalidLaunch("The architecture '" + plan.type->architecture +
                         "' of the specified instance type does not match the architecture '" +
                         plan.image.architecture + "' of the specified AMI.");
  }
  if (spec.min_count < 1 || spec.max_count < spec.min_count) {
    return InvalidLaunch("MinCount must be at least 1 and MaxCount at least MinCount (MinCount=" +
                         std::to_string(spec.min_count) +
                         ", MaxCount=" + std::to_string(spec.max_count) + ").");
  }
  if (spec.shutdown_behavior != "stop" && spec.shutdown_behavior != "terminate") {
    return InvalidLaunch("Invalid value '" + spec.shutdown_behavior +
                         "' for InstanceInitiatedShutdownBehavior.");
  }
  if (!spec.key_name.empty() && scope.key_pairs.Find(spec.key_name) == nullptr) {
    return MakeError(ErrorCode::kInvalidKeyPairNotFound,
                     "The key pair '" + spec.key_name + "' does not exist");
  }
  EC2SIM_ASSIGN_OR_RETURN(plan.subnet, ChooseSubnet(world, scope, spec));
  // A zone without the type: Unsupported, naming the zones that have it (type_offerings.h).
  EC2SIM_RETURN_IF_ERROR(CheckZoneOffersType(*scope.region, plan.subnet->az, plan.type->name));
  EC2SIM_ASSIGN_OR_RETURN(plan.group_ids, ResolveGroups(scope, spec, *plan.subnet));
  if (spec.private_ip.has_value()) {
    auto ip = ParseIpv4(*spec.private_ip);
    if (!ip || !plan.subnet->cidr.Contains(*ip)) {
      return InvalidLaunch("Address " + *spec.private_ip + " does not fall within the subnet's " +
                           "address range");
    }
    if (spec.max_count > 1) {
      return MakeError(ErrorCode::kInvalidParameterCombination,
                       "Cannot specify a private IP address when launching more than one "
                       "instance");
    }
    // The first four addresses and the last one of a subnet are AWS's ("Subnet CIDR blocks",
    // https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
    const Cidr4& block = plan.subnet->cidr;
    if (*ip < block.base + 4 || *ip == block.base + static_cast<Ipv4>(block.size() - 1)) {
      return InvalidLaunch("Address " + *spec.private_ip +
                           " is in subnet's reserved address range");
    }
    if (plan.subnet->used.count(*ip)) {
      return MakeError(ErrorCode::kInvalidIpAddressInUse,
                       "Address " + *spec.private_ip + " is in use.");
    }
  }
  // Volumes restored from snapshots take the snapshot's size unless the mapping names one.
  std::vector<BlockDeviceRequest> devices = spec.block_devices;
  EC2SIM_RETURN_IF_ERROR(
      ApplySnapshotsToDevices(world, scope, plan.image.root_device_name, devices));
  if (own != nullptr) MergeImageDevices(*own, devices);
  EC2SIM_ASSIGN_OR_RETURN(plan.volumes, PlanLaunchVolumes(devices, plan.image.root_device_name));
  if (own != nullptr) EC2SIM_RETURN_IF_ERROR(ApplyImageRoot(*own, plan));
  return plan;
}

// How many instances to launch: as many as the quotas allow between MinCount and MaxCount, as
// EC2 does. The counts are compared, never iterated, so a MaxCount of millions costs nothing.
// Errors: kVcpuLimitExceeded, kInstanceLimitExceeded, or kInvalidParameterValue when the subnet
// has too few free addresses.
Result<int> CheckQuotas(const Scope& scope, const LaunchSpec& spec, const LaunchPlan& plan,
                        int vcpu_quota) {
  int free_vcpus = vcpu_quota - VcpusInUse(scope);
  int fit = std::max(0, free_vcpus / plan.type->vcpus);
  int fit_instances = std::max(0, kInstanceQuota - InstancesHeld(scope));
  int count = std::min({spec.max_count, fit, fit_instances});
  if (fit < spec.min_count) {
    return MakeError(ErrorCode::kVcpuLimitExceeded,
                     "You have requested more vCPU capacity than your current vCPU limit of " +
                         std::to_string(vcpu_quota) +
                         " allows for the instance bucket that the specified instance type "
                         "belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request "
                         "to request an adjustment to this limit.");
  }
  if (fit_instances < spec.min_count) {
    // AWS's wording (ec2-semantics.md §2.3, ISSUE-INSTLIMIT).
    return MakeError(ErrorCode::kInstanceLimitExceeded,
                     "Your quota allows for " + std::to_string(fit_instances) +
                         " more running instance(s). You requested at least " +
                         std::to_string(spec.min_count));
  }
  if (static_cast<std::uint64_t>(count) > plan.subnet->available()) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "There are not enough free addresses in subnet '" + plan.subnet->id + "'.");
  }
  return count;
}

// The instance record of launch `index` in `reservation_id` (its id and serial drawn here).
Instance NewInstance(World& world, const LaunchSpec& spec, const LaunchPlan& plan,
                     const std::string& reservation_id, int index) {
  const Subnet& subnet = *plan.subnet;
  const ImageInfo& image = plan.image;
  Instance inst;
  inst.id = world.NewId("i");
  inst.serial = world.NewSerial();
  inst.reservation_id = reservation_id;
  inst.image_id = spec.image_id;
  inst.instance_type = plan.type->name;
  inst.launch_time = world.now();
  inst.launch_index = index;
  inst.az = subnet.az;
  inst.subnet_id = subnet.id;
  inst.vpc_id = subnet.vpc_id;
  inst.key_name = spec.key_name;
  inst.root_device_name = image.root_device_name;
  inst.platform = image.os == OsFamily::kWindows ? "windows" : "";
  inst.architecture = image.architecture;
  inst.hourly_billing = image.billing == BillingGranularity::kHourly;
  inst.wants_public_ip = spec.associate_public_ip.value_or(subnet.map_public_ip_on_launch);
  inst.disable_api_termination = spec.disable_api_termination;
  inst.shutdown_behavior = spec.shutdown_behavior;
  inst.user_data = spec.user_data;
  inst.disable_api_stop = spec.disable_api_stop;
  inst.ebs_optimized = spec.ebs_optimized;
  inst.monitoring = spec.monitoring ? "enabled" : "disabled";
  inst.cpu_credits = spec.cpu_credits;
  if (spec.metadata.has_value()) inst.metadata = *spec.metadata;
  inst.client_token = spec.client_token;
  inst.tags = spec.instance_tags;
  return inst;
}

// The primary interface of `inst`, with its private address taken from the subnet.
NetworkInterface NewPrimaryInterface(World& world, const LaunchSpec& spec, const LaunchPlan& plan,
                                     const Instance& inst) {
  Subnet& subnet = *plan.subnet;
  NetworkInterface eni = NewInterfaceIn(world, subnet);
  if (spec.private_ip.has_value()) {
    eni.private_ip = *ParseIpv4(*spec.private_ip);
    subnet.used.insert(eni.private_ip);
  } else {
    eni.private_ip = AllocatePrivateIp(world, subnet);
  }
  eni.group_ids = plan.group_ids;
  eni.instance_id = inst.id;
  eni.attachment_id = world.NewId("eni-attach");
  eni.attach_time = world.now();
  return eni;
}

// The root volume of `inst`, sized and typed by the request or else by the image.
Volume NewRootVolume(World& world, const LaunchSpec& spec, const LaunchPlan& plan,
                     const Instance& inst) {
  Volume vol;
  vol.id = world.NewId("vol");
  vol.serial = world.NewSerial();
  vol.az = plan.subnet->az;
  vol.size_gib =
      plan.volumes.root_gib.value_or(spec.root_volume_gib.value_or(plan.image.root_volume_gib));
  vol.type =
      plan.volumes.root_type.value_or(spec.root_volume_type.value_or(plan.image.volume_type));
  vol.instance_id = inst.id;
  vol.device = plan.image.root_device_name;
  vol.delete_on_termination = plan.volumes.root_delete_on_termination.value_or(
      spec.root_delete_on_termination.value_or(plan.root_delete_on_termination));
  vol.snapshot_id = plan.root_snapshot_id;
  vol.encrypted = plan.root_encrypted;
  vol.create_time = world.now();
  vol.attach_time = vol.create_time;
  // The IOPS and throughput DescribeVolumes reports for the type's defaults (gp2: 3 per GiB).
  if (vol.type == "gp2") vol.iops = std::clamp(3 * vol.size_gib, 100, 16000);
  if (vol.type == "gp3") {
    vol.iops = 3000;
    vol.throughput = 125;
  }
  vol.tags = spec.volume_tags;
  return vol;
}

// Creates `count` instances, each with its interface and root volume, in one new reservation,
// and starts them towards running. Returns the reservation id.
std::string BuildLaunch(World& world, Scope& scope, const LaunchSpec& spec, const LaunchPlan& plan,
                        int count) {
  Reservation reservation{world.NewId("r"), {}};
  for (int i = 0; i < count; ++i) {
    Instance inst = NewInstance(world, spec, plan, reservation.id, i);
    NetworkInterface eni = NewPrimaryInterface(world, spec, plan, inst);
    inst.eni_id = eni.id;
    Volume vol = NewRootVolume(world, spec, plan, inst);
    vol.encrypted = vol.encrypted || scope.ebs_encryption_by_default;
    inst.root_volume_id = vol.id;

    EmitVolume(world, scope, vol, /*created=*/true);
    scope.volumes.Insert(vol.id, std::move(vol));
    for (const BlockDeviceRequest& extra : plan.volumes.extra) {
      AddLaunchVolume(world, scope, inst, extra, spec.volume_tags);
    }
    inst.primary_eni = &scope.interfaces.Insert(eni.id, std::move(eni));
    Instance& stored = scope.instances.Insert(inst.id, std::move(inst));
    EmitInstanceState(world, scope, stored);
    SchedulePendingToRunning(world, scope, stored, world.times().launch);
    reservation.instance_ids.push_back(stored.id);
  }
  std::string id = reservation.id;
  scope.reservations.emplace(id, std::move(reservation));
  return id;
}

}  // namespace

Result<std::string> RunInstances(World& world, Scope& scope, const LaunchSpec& spec) {
  EC2SIM_ASSIGN_OR_RETURN(LaunchPlan plan, ValidateLaunch(world, scope, spec));
  EC2SIM_ASSIGN_OR_RETURN(int count, CheckQuotas(scope, spec, plan, world.options().quotas.vcpus));
  return BuildLaunch(world, scope, spec, plan, count);
}

}  // namespace ec2sim::model
