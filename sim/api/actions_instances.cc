// Instance actions: RunInstances, Describe*, Start/Stop/Reboot/TerminateInstances.
#include "sim/api/action_table.h"
#include "sim/api/actions_describe.h"
#include "sim/api/describe.h"
#include "sim/api/filters.h"
#include "sim/api/instance_attribute_params.h"
#include "sim/api/launch_template_json.h"
#include "sim/api/render.h"
#include "sim/model/instances.h"

namespace ec2sim::api {
namespace {

using model::Instance;

// RunInstances members that change nothing ec2sim models (capacity reservations,
// maintenance and private DNS name options, enclaves, CPU options): accepted and ignored, since
// Terraform, the console and Ansible send them with their defaults on every launch
// (docs/model.md, "Requests").
constexpr const char* kIgnoredRunParameters[] = {"CapacityReservationSpecification",
                                                 "MaintenanceOptions", "PrivateDnsNameOptions",
                                                 "EnclaveOptions", "CpuOptions"};

// Whether `v` asks for nothing: absent, false, zero, an empty list or structure, or a structure
// whose flag `flag` is false (HibernationOptions.Configured).
bool AsksNothing(const json* v, const char* flag = nullptr) {
  if (v == nullptr || v->is_null() || (v->is_boolean() && !v->get<bool>())) return true;
  if (v->is_number_integer() || v->is_number_unsigned()) return v->get<std::int64_t>() == 0;
  if (v->is_array()) return v->empty();
  if (!v->is_object()) return false;
  if (v->empty()) return true;
  return flag != nullptr && v->size() == 1 && v->contains(flag) && AsksNothing(&(*v)[flag]);
}

// Members whose default value Terraform sends on every launch but whose other values ask for
// what ec2sim does not model (hibernation, IPv6 addresses): accepted at the
// default, refused otherwise, as are IamInstanceProfile and InstanceMarketOptions (spot) with any
// value. Every other AWS member the handler does not read is refused by Params::Finish.
void RefuseUnmodelled(Params& p) {
  for (const char* key : {"Ipv6AddressCount", "Ipv6Addresses"}) {
    if (!AsksNothing(p.Raw(key))) p.Fail(p.NotModeledError(key));
  }
  if (!AsksNothing(p.Raw("HibernationOptions"), "Configured")) {
    p.Fail(p.NotModeledError("HibernationOptions"));
  }
  p.NotModeled("IamInstanceProfile");
  p.NotModeled("InstanceMarketOptions");
}

void DecodeNetworkInterfaces(const json& list, model::LaunchSpec& spec, Params& p) {
  if (!list.is_array() || list.size() != 1 || !list[0].is_object()) {
    p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                     "NetworkInterfaces must hold exactly one interface with DeviceIndex 0"));
    return;
  }
  const json& ni = list[0];
  for (auto it = ni.begin(); it != ni.end(); ++it) {
    const std::string& k = it.key();
    const json& v = it.value();
    if (k == "DeviceIndex" && v.is_number_integer() && v.get<int>() == 0) continue;
    if (k == "AssociatePublicIpAddress" && v.is_boolean()) {
      spec.associate_public_ip = v.get<bool>();
    } else if (k == "SubnetId" && v.is_string()) {
      spec.subnet_id = v.get<std::string>();
    } else if (k == "Groups" && v.is_array()) {
      for (const json& g : v) {
        if (g.is_string()) spec.group_ids.push_back(g.get<std::string>());
      }
    } else if (k == "DeleteOnTermination" && v.is_boolean()) {
      // An interface that outlives its instance is not modeled: the primary interface always
      // goes with it, which is what true asks for.
      if (!v.get<bool>()) p.Fail(p.NotModeledError("NetworkInterfaces.DeleteOnTermination"));
    } else if (k == "PrivateIpAddress" && v.is_string()) {
      spec.private_ip = v.get<std::string>();
    } else {
      p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                       "Invalid or unsupported NetworkInterfaces member '" + k + "'"));
      return;
    }
  }
}

// Each Ebs entry becomes a BlockDeviceRequest; the model decides which one is the root's.
void DecodeBlockDevices(const json& list, model::LaunchSpec& spec, Params& p) {
  if (!list.is_array()) {
    p.Fail(MakeError(ErrorCode::kInvalidParameterValue, "BlockDeviceMappings must be a list"));
    return;
  }
  for (const json& bdm : list) {
    if (!bdm.is_object() || !bdm.contains("Ebs") || !bdm["Ebs"].is_object()) continue;
    const json& ebs = bdm["Ebs"];
    model::BlockDeviceRequest r;
    if (bdm.contains("DeviceName") && bdm["DeviceName"].is_string()) {
      r.device = bdm["DeviceName"].get<std::string>();
    }
    if (ebs.contains("VolumeSize")) {
      // The type's own limits are the model's (PlanLaunchVolumes).
      if (!ebs["VolumeSize"].is_number_integer()) {
        p.Fail(MakeError(ErrorCode::kInvalidParameterValue, "Volume size must be an integer"));
        return;
      }
      r.size_gib = ebs["VolumeSize"].get<int>();
    }
    if (ebs.contains("VolumeType") && ebs["VolumeType"].is_string()) {
      r.type = ebs["VolumeType"].get<std::string>();
    }
    for (const char* key : {"Iops", "Throughput"}) {
      if (ebs.contains(key) && ebs[key].is_number_integer()) {
        (std::string_view(key) == "Iops" ? r.iops : r.throughput) = ebs[key].get<int>();
      }
    }
    if (ebs.contains("DeleteOnTermination") && ebs["DeleteOnTermination"].is_boolean()) {
      r.delete_on_termination = ebs["DeleteOnTermination"].get<bool>();
    }
    if (ebs.contains("Encrypted") && ebs["Encrypted"].is_boolean()) {
      r.encrypted = ebs["Encrypted"].get<bool>();
    }
    if (ebs.contains("SnapshotId") && ebs["SnapshotId"].is_string()) {
      r.snapshot_id = ebs["SnapshotId"].get<std::string>();
    }
    spec.block_devices.push_back(std::move(r));
  }
}

json ReservationJson(model::Scope& scope, const model::Reservation& r,
                     const std::vector<const Instance*>& instances) {
  json list = json::array();
  for (const Instance* inst : instances) list.push_back(InstanceJson(scope, *inst));
  return {{"Groups", json::array()},
          {"Instances", list},
          {"OwnerId", scope.account},
          {"ReservationId", r.id}};
}

}  // namespace

Result<json> RunInstancesWithTags(ApiContext& ctx, Params& p, const model::TagList& extra_tags) {
  model::LaunchSpec spec;
  spec.image_id = p.String("ImageId");
  spec.instance_type = p.OptString("InstanceType").value_or("t2.micro");
  // Any positive count is valid; the quotas decide how many launch (model::RunInstances).
  spec.min_count = static_cast<int>(p.OptInt("MinCount", 1, INT32_MAX).value_or(1));
  spec.max_count = static_cast<int>(p.OptInt("MaxCount", 1, INT32_MAX).value_or(spec.min_count));
  if (!p.Has("MinCount") || !p.Has("MaxCount")) {
    p.Fail(MakeError(ErrorCode::kMissingParameter, std::string("The request must contain the ") +
                                                       "parameters MinCount and MaxCount"));
  }
  spec.key_name = p.OptString("KeyName").value_or("");
  spec.group_ids = p.StringList("SecurityGroupIds");
  spec.group_names = p.StringList("SecurityGroups");
  spec.subnet_id = p.OptString("SubnetId").value_or("");
  spec.private_ip = p.OptString("PrivateIpAddress");
  spec.client_token = p.OptString("ClientToken").value_or("");
  ReadLaunchAttributes(p, spec);
  if (const json* placement = p.Raw("Placement")) {
    if (placement->is_object() && placement->contains("AvailabilityZone") &&
        (*placement)["AvailabilityZone"].is_string()) {
      spec.availability_zone = (*placement)["AvailabilityZone"].get<std::string>();
    }
  }
  if (const json* nis = p.Raw("NetworkInterfaces")) {
    // AWS refuses instance-level network members next to NetworkInterfaces
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html).
    if (!spec.subnet_id.empty()) {
      p.Fail(MakeError(ErrorCode::kInvalidParameterCombination,
                       "Network interfaces and an instance-level subnet ID may not be specified "
                       "on the same request"));
    }
    if (!spec.group_ids.empty() || !spec.group_names.empty()) {
      p.Fail(MakeError(ErrorCode::kInvalidParameterCombination,
                       "Network interfaces and an instance-level security groups may not be "
                       "specified on the same request"));
    }
    if (spec.private_ip.has_value()) {
      p.Fail(MakeError(ErrorCode::kInvalidParameterCombination,
                       "Network interfaces and an instance-level private IP address should not "
                       "be specified on the same request"));
    }
    DecodeNetworkInterfaces(*nis, spec, p);
  }
  if (const json* bdms = p.Raw("BlockDeviceMappings")) DecodeBlockDevices(*bdms, spec, p);
  spec.instance_tags = p.TagSpecifications("instance");
  // Tags EC2 adds itself (aws:ec2launchtemplate:*): past CheckTag's "aws:" rule and the count.
  spec.instance_tags.insert(spec.instance_tags.end(), extra_tags.begin(), extra_tags.end());
  spec.volume_tags = p.TagSpecifications("volume");
  for (const char* key : kIgnoredRunParameters) p.Raw(key);
  RefuseUnmodelled(p);
  EC2SIM_RETURN_IF_ERROR(p.Finish());

  // A repeated ClientToken returns the original launch instead of launching again.
  if (!spec.client_token.empty()) {
    for (const Instance& inst : ctx.scope.instances.values()) {
      if (inst.client_token == spec.client_token) {
        const model::Reservation& r = ctx.scope.reservations.at(inst.reservation_id);
        std::vector<const Instance*> members;
        for (const std::string& id : r.instance_ids)
          members.push_back(ctx.scope.instances.Find(id));
        return ReservationJson(ctx.scope, r, members);
      }
    }
  }
  EC2SIM_ASSIGN_OR_RETURN(std::string rid, model::RunInstances(ctx.world, ctx.scope, spec));
  const model::Reservation& r = ctx.scope.reservations.at(rid);
  std::vector<const Instance*> members;
  for (const std::string& id : r.instance_ids) members.push_back(ctx.scope.instances.Find(id));
  return ReservationJson(ctx.scope, r, members);
}

namespace {

// With LaunchTemplate, the template's data is merged into the request first (API_RunInstances).
Result<json> RunInstancesHandler(ApiContext& ctx, Params& p) {
  if (!p.Has("LaunchTemplate")) return RunInstancesWithTags(ctx, p, {});
  EC2SIM_ASSIGN_OR_RETURN(LaunchTemplateLaunch launch, MergeLaunchTemplate(ctx.scope, p));
  Params merged(launch.request, "RunInstances");
  return RunInstancesWithTags(ctx, merged, launch.instance_tags);
}

FilterSchema<Instance> InstanceFilters(model::Scope& scope) {
  FilterSchema<Instance> schema;
  model::Scope* bound = &scope;
  auto eni = [bound](const Instance& i) { return bound->interfaces.Find(i.eni_id); };
  auto one = [](std::string s) { return std::vector<std::string>{std::move(s)}; };
  auto& f = schema.fields;
  f["instance-id"] = [=](const Instance& i) { return one(i.id); };
  f["instance-state-name"] = [=](const Instance& i) { return one(model::StateName(i.state)); };
  f["instance-state-code"] = [=](const Instance& i) {
    return one(std::to_string(static_cast<int>(i.state)));
  };
  f["instance-type"] = [=](const Instance& i) { return one(i.instance_type); };
  f["image-id"] = [=](const Instance& i) { return one(i.image_id); };
  f["availability-zone"] = [=](const Instance& i) { return one(i.az); };
  f["placement-availability-zone"] = f["availability-zone"];
  f["subnet-id"] = [=](const Instance& i) { return one(i.subnet_id); };
  f["vpc-id"] = [=](const Instance& i) { return one(i.vpc_id); };
  f["key-name"] = [=](const Instance& i) { return one(i.key_name); };
  f["reservation-id"] = [=](const Instance& i) { return one(i.reservation_id); };
  f["architecture"] = [=](const Instance& i) { return one(i.architecture); };
  f["platform"] = [=](const Instance& i) { return one(i.platform); };
  f["launch-index"] = [=](const Instance& i) { return one(std::to_string(i.launch_index)); };
  f["client-token"] = [=](const Instance& i) { return one(i.client_token); };
  f["private-ip-address"] = [=](const Instance& i) {
    auto* e = eni(i);
    return e ? one(model::FormatIpv4(e->private_ip)) : std::vector<std::string>{};
  };
  f["ip-address"] = [=](const Instance& i) {
    auto* e = eni(i);
    return e && e->public_ip ? one(model::FormatIpv4(e->public_ip)) : std::vector<std::string>{};
  };
  f["private-dns-name"] = [=](const Instance& i) {
    auto* e = eni(i);
    return e ? one(PrivateDnsName(*bound->region, e->private_ip)) : std::vector<std::string>{};
  };
  f["dns-name"] = [=](const Instance& i) {
    auto* e = eni(i);
    return e && e->public_ip && i.state == model::InstanceState::kRunning
               ? one(PublicDnsName(*bound->region, e->public_ip))
               : std::vector<std::string>{};
  };
  f["instance.group-id"] = [=](const Instance& i) {
    auto* e = eni(i);
    return e ? e->group_ids : std::vector<std::string>{};
  };
  f["instance.group-name"] = [=](const Instance& i) {
    std::vector<std::string> names;
    if (auto* e = eni(i)) {
      for (const std::string& g : e->group_ids) {
        if (auto* sg = bound->groups.Find(g)) names.push_back(sg->name);
      }
    }
    return names;
  };
  f["network-interface.network-interface-id"] = [=](const Instance& i) { return one(i.eni_id); };
  schema.tags = [](const Instance& i) -> const model::TagList& { return i.tags; };
  return schema;
}

Result<json> DescribeInstancesHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kInstance);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 1000});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const FilterSchema<Instance> schema = InstanceFilters(ctx.scope);
  DescribeSpec<Instance> spec = KindSpec(schema, kind, IdMember<Instance, &Instance::id>);
  spec.page_size_excludes_ids = PageSizeExcludesIds{"instancesSet", "maxResults"};
  EC2SIM_ASSIGN_OR_RETURN(DescribedPage<Instance> page,
                          DescribePage(ctx.scope, ctx.scope.instances.values(), query, spec));
  // Instances of one reservation stay together within a page, in launch order.
  json reservations = json::array();
  std::map<std::string, size_t> index;
  for (const Instance* inst : page.items) {
    auto [it, fresh] = index.emplace(inst->reservation_id, reservations.size());
    if (fresh) {
      json reservation(json::value_t::object);
      reservation["Groups"] = json::array();
      reservation["Instances"] = json::array();
      reservation["OwnerId"] = ctx.scope.account;
      reservation["ReservationId"] = inst->reservation_id;
      reservations.push_back(std::move(reservation));
    }
    reservations[it->second]["Instances"].push_back(InstanceJson(ctx.scope, *inst));
  }
  json out(json::value_t::object);
  out["Reservations"] = std::move(reservations);
  if (!page.next_token.empty()) out["NextToken"] = page.next_token;
  return out;
}

json StatusCheck(const char* name, const char* status, const char* detail) {
  return {{"Details", json::array({{{"Name", name}, {"Status", detail}}})}, {"Status", status}};
}

json InstanceStatusJson(const model::World& world, const Instance& inst) {
  json s = {{"AvailabilityZone", inst.az},
            {"InstanceId", inst.id},
            {"InstanceState", StateJson(inst.state)}};
  if (inst.state == model::InstanceState::kRunning) {
    bool ready = world.now() - inst.running_since >= world.times().status_checks;
    const char* status = ready ? "ok" : "initializing";
    const char* detail = ready ? "passed" : "initializing";
    s["InstanceStatus"] = StatusCheck("reachability", status, detail);
    s["SystemStatus"] = StatusCheck("reachability", status, detail);
  } else {
    s["InstanceStatus"] = {{"Status", "not-applicable"}};
    s["SystemStatus"] = {{"Status", "not-applicable"}};
  }
  return s;
}

Result<json> DescribeInstanceStatusHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kInstance);
  DescribeQuery query;
  query.ids = p.StringList(kind.ids_param);
  query.filters = p.Filters();
  bool include_all = p.OptBool("IncludeAllInstances").value_or(false);
  query.max_results = p.OptInt("MaxResults", 5, 1000);
  query.next_token = p.OptString("NextToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const FilterSchema<Instance> schema = InstanceFilters(ctx.scope);
  DescribeSpec<Instance> spec = KindSpec(schema, kind, IdMember<Instance, &Instance::id>);
  spec.also = [include_all](const Instance& inst) {
    return include_all || inst.state == model::InstanceState::kRunning;
  };
  return DescribeList(ctx.scope, ctx.scope.instances.values(), query, spec, "InstanceStatuses",
                      [&](const Instance& inst) { return InstanceStatusJson(ctx.world, inst); });
}

using StateOp = Result<std::vector<model::StateChange>> (*)(model::World&, model::Scope&,
                                                            const std::vector<std::string>&);

Result<json> StateChangeHandler(ApiContext& ctx, Params& p, StateOp op, const char* key,
                                bool accepts_force) {
  std::vector<std::string> ids = p.StringList("InstanceIds");
  if (!p.Has("InstanceIds")) {
    p.Fail(MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter InstanceIds"));
  }
  if (accepts_force) {
    p.OptBool("Force");
    p.OptBool("Hibernate");
  }
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(auto changes, op(ctx.world, ctx.scope, ids));
  json list = json::array();
  for (const model::StateChange& c : changes) {
    json change(json::value_t::object);
    change["CurrentState"] = StateJson(c.current);
    change["InstanceId"] = c.instance_id;
    change["PreviousState"] = StateJson(c.previous);
    list.push_back(std::move(change));
  }
  json out(json::value_t::object);
  out[key] = std::move(list);
  return out;
}

Result<json> StartInstancesHandler(ApiContext& ctx, Params& p) {
  p.Raw("AdditionalInfo");
  return StateChangeHandler(ctx, p, model::StartInstances, "StartingInstances", false);
}
Result<json> StopInstancesHandler(ApiContext& ctx, Params& p) {
  return StateChangeHandler(ctx, p, model::StopInstances, "StoppingInstances", true);
}
Result<json> TerminateInstancesHandler(ApiContext& ctx, Params& p) {
  return StateChangeHandler(ctx, p, model::TerminateInstances, "TerminatingInstances", false);
}

Result<json> RebootInstancesHandler(ApiContext& ctx, Params& p) {
  std::vector<std::string> ids = p.StringList("InstanceIds");
  if (!p.Has("InstanceIds")) {
    p.Fail(MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter InstanceIds"));
  }
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::RebootInstances(ctx.world, ctx.scope, ids));
  return json::object();
}

}  // namespace

void RegisterInstanceActions(ActionTable& table) {
  table.Add("RunInstances", RunInstancesHandler, kMutating);
  table.Add("DescribeInstances", DescribeInstancesHandler, kStateDescribe);
  table.Add("DescribeInstanceStatus", DescribeInstanceStatusHandler, kClockedDescribe);
  table.Add("StartInstances", StartInstancesHandler, kMutating);
  table.Add("StopInstances", StopInstancesHandler, kMutating);
  table.Add("RebootInstances", RebootInstancesHandler, kMutating);
  table.Add("TerminateInstances", TerminateInstancesHandler, kMutating);
}

}  // namespace ec2sim::api
