#include "sim/api/render.h"

#include <utility>

#include "sim/model/catalog.h"
#include "sim/model/volumes.h"

// Rendering is the hot path of DescribeInstances (every instance is a few dozen JSON nodes), so
// objects are filled member by member and moved into place: nlohmann's brace-initializer lists
// build every pair as a temporary array and copy it, several times the allocations.
namespace ec2sim::api {
namespace {

std::string Dashed(model::Ipv4 ip) {
  std::string s = model::FormatIpv4(ip);
  for (char& c : s) {
    if (c == '.') c = '-';
  }
  return s;
}

bool IsUsEast1(const model::RegionInfo& region) { return region.code == "us-east-1"; }

json Object() { return json(json::value_t::object); }
json Array() { return json(json::value_t::array); }

json Association(model::Scope& scope, const model::NetworkInterface& eni) {
  json a = Object();
  a["PublicIp"] = model::FormatIpv4(eni.public_ip);
  a["PublicDnsName"] = PublicDnsName(*scope.region, eni.public_ip);
  a["IpOwnerId"] = eni.public_allocation_id.empty() ? std::string("amazon") : scope.account;
  return a;
}

json PrimaryAddress(model::Scope& scope, const model::NetworkInterface& eni,
                    const std::string& private_dns, const std::string& private_ip) {
  json primary = Object();
  primary["Primary"] = true;
  primary["PrivateDnsName"] = private_dns;
  primary["PrivateIpAddress"] = private_ip;
  if (eni.public_ip != 0) primary["Association"] = Association(scope, eni);
  json list = Array();
  list.push_back(std::move(primary));
  return list;
}

// The members the instance and network-interface views of an attachment share.
json AttachmentCore(const model::NetworkInterface& eni) {
  json a = Object();
  a["AttachTime"] = FormatIsoTime(eni.attach_time);
  a["AttachmentId"] = eni.attachment_id;
  a["DeleteOnTermination"] = eni.delete_on_termination;
  a["DeviceIndex"] = 0;
  a["NetworkCardIndex"] = 0;
  a["Status"] = "attached";
  return a;
}

// One element of Instances[].NetworkInterfaces[] (boto3's InstanceNetworkInterface shape, which
// has no AvailabilityZone, RequesterManaged or TagSet and an attachment without instance ids).
json InstanceInterfaceJson(model::Scope& scope, const model::NetworkInterface& eni) {
  std::string private_ip = model::FormatIpv4(eni.private_ip);
  std::string private_dns = PrivateDnsName(*scope.region, eni.private_ip);
  json j = Object();
  j["Description"] = eni.description;
  j["Groups"] = GroupIdentifiers(scope, eni.group_ids);
  j["InterfaceType"] = eni.interface_type;
  j["Ipv6Addresses"] = Array();
  j["MacAddress"] = eni.mac;
  j["NetworkInterfaceId"] = eni.id;
  j["OwnerId"] = scope.account;
  j["PrivateDnsName"] = private_dns;
  j["PrivateIpAddress"] = private_ip;
  j["PrivateIpAddresses"] = PrimaryAddress(scope, eni, private_dns, private_ip);
  j["SourceDestCheck"] = eni.source_dest_check;
  j["Status"] = eni.instance_id.empty() && !eni.requester_managed ? "available" : "in-use";
  j["SubnetId"] = eni.subnet_id;
  j["VpcId"] = eni.vpc_id;
  if (eni.public_ip != 0) j["Association"] = Association(scope, eni);
  if (!eni.instance_id.empty()) j["Attachment"] = AttachmentCore(eni);
  return j;
}

json Named(const char* key, const char* value) {
  json j = Object();
  j[key] = value;
  return j;
}

}  // namespace

json TagsJson(const model::TagList& tags) {
  json out = Array();
  for (const model::Tag& t : tags) {
    json tag = Object();
    tag["Key"] = t.key;
    tag["Value"] = t.value;
    out.push_back(std::move(tag));
  }
  return out;
}

json StateJson(model::InstanceState state) {
  json j = Object();
  j["Code"] = static_cast<int>(state);
  j["Name"] = model::StateName(state);
  return j;
}

std::string PublicDnsName(const model::RegionInfo& region, model::Ipv4 ip) {
  if (IsUsEast1(region)) return "ec2-" + Dashed(ip) + ".compute-1.amazonaws.com";
  return "ec2-" + Dashed(ip) + "." + region.code + ".compute.amazonaws.com";
}

std::string PrivateDnsName(const model::RegionInfo& region, model::Ipv4 ip) {
  if (IsUsEast1(region)) return "ip-" + Dashed(ip) + ".ec2.internal";
  return "ip-" + Dashed(ip) + "." + region.code + ".compute.internal";
}

json GroupIdentifiers(model::Scope& scope, const std::vector<std::string>& group_ids) {
  json out = Array();
  for (const std::string& id : group_ids) {
    const model::SecurityGroup* g = scope.groups.Find(id);
    json group = Object();
    group["GroupId"] = id;
    group["GroupName"] = g ? g->name : std::string();
    out.push_back(std::move(group));
  }
  return out;
}

json MetadataOptionsJson(const model::Instance& inst, const char* state) {
  const model::InstanceMetadataOptions& m = inst.metadata;
  json j = Object();
  j["State"] = state;
  j["HttpTokens"] = m.http_tokens;
  j["HttpPutResponseHopLimit"] = m.hop_limit;
  j["HttpEndpoint"] = m.http_endpoint;
  j["HttpProtocolIpv6"] = m.http_protocol_ipv6;
  j["InstanceMetadataTags"] = m.instance_metadata_tags;
  return j;
}

json InstanceJson(model::Scope& scope, const model::Instance& inst) {
  using model::InstanceState;
  const model::NetworkInterface* eni = scope.interfaces.Find(inst.eni_id);
  const model::Volume* root = scope.volumes.Find(inst.root_volume_id);
  bool gone = inst.state == InstanceState::kTerminated;
  bool running = inst.state == InstanceState::kRunning;
  std::string launch_time = FormatIsoTime(inst.launch_time);

  json j = Object();
  j["AmiLaunchIndex"] = inst.launch_index;
  j["ImageId"] = inst.image_id;
  j["InstanceId"] = inst.id;
  j["InstanceType"] = inst.instance_type;
  j["LaunchTime"] = launch_time;
  j["Monitoring"] = Named("State", inst.monitoring.c_str());
  json placement = Object();
  placement["AvailabilityZone"] = inst.az;
  placement["GroupName"] = "";
  placement["Tenancy"] = "default";
  j["Placement"] = std::move(placement);
  j["PrivateDnsName"] = "";
  j["ProductCodes"] = Array();
  j["PublicDnsName"] = "";
  j["State"] = StateJson(inst.state);
  j["StateTransitionReason"] = inst.state_transition_reason;
  j["Architecture"] = inst.architecture;
  j["ClientToken"] = inst.client_token;
  j["EbsOptimized"] = inst.ebs_optimized;
  j["EnaSupport"] = inst.ena_support;
  j["Hypervisor"] = "xen";
  j["RootDeviceName"] = inst.root_device_name;
  j["RootDeviceType"] = "ebs";
  j["SourceDestCheck"] = eni == nullptr || eni->source_dest_check;
  j["VirtualizationType"] = "hvm";
  j["MetadataOptions"] = MetadataOptionsJson(inst, "applied");
  if (!inst.key_name.empty()) j["KeyName"] = inst.key_name;
  if (!inst.platform.empty()) {
    j["Platform"] = inst.platform;
    j["PlatformDetails"] = "Windows";
  } else {
    j["PlatformDetails"] = "Linux/UNIX";
  }
  if (!inst.tags.empty()) j["Tags"] = TagsJson(inst.tags);
  if (!inst.state_reason_code.empty()) {
    json reason = Object();
    reason["Code"] = inst.state_reason_code;
    reason["Message"] = inst.state_reason_code + ": User initiated shutdown";
    j["StateReason"] = std::move(reason);
  }
  json cpu = Object();
  if (const model::InstanceTypeInfo* t = model::FindInstanceType(inst.instance_type)) {
    cpu["CoreCount"] = t->default_cores;
    cpu["ThreadsPerCore"] = t->threads_per_core;
  }
  j["CpuOptions"] = std::move(cpu);
  if (!gone) {
    j["SubnetId"] = inst.subnet_id;
    j["VpcId"] = inst.vpc_id;
  }
  json interfaces = Array();
  if (eni != nullptr) {
    j["PrivateIpAddress"] = model::FormatIpv4(eni->private_ip);
    j["PrivateDnsName"] = PrivateDnsName(*scope.region, eni->private_ip);
    j["SecurityGroups"] = GroupIdentifiers(scope, eni->group_ids);
    if (eni->public_ip != 0) {
      j["PublicIpAddress"] = model::FormatIpv4(eni->public_ip);
      // The model lists no public DNS name before the instance is running (BC-MODEL).
      if (running) j["PublicDnsName"] = PublicDnsName(*scope.region, eni->public_ip);
    }
    interfaces.push_back(InstanceInterfaceJson(scope, *eni));
  } else {
    j["SecurityGroups"] = Array();
  }
  j["NetworkInterfaces"] = std::move(interfaces);
  json devices = Array();
  for (const model::Volume* vol : model::AttachedVolumes(scope, inst)) {
    bool is_root = vol == root;
    json ebs = Object();
    // The root volume's attachment is as old as the launch.
    ebs["AttachTime"] = is_root ? launch_time : FormatIsoTime(vol->attach_time);
    ebs["DeleteOnTermination"] = vol->delete_on_termination;
    ebs["Status"] = vol->attach_state;
    ebs["VolumeId"] = vol->id;
    json mapping = Object();
    mapping["DeviceName"] = vol->device;
    mapping["Ebs"] = std::move(ebs);
    devices.push_back(std::move(mapping));
  }
  j["BlockDeviceMappings"] = std::move(devices);
  return j;
}

json NetworkInterfaceJson(model::Scope& scope, const model::NetworkInterface& eni) {
  json j = InstanceInterfaceJson(scope, eni);
  j["AvailabilityZone"] = eni.az;
  j["RequesterManaged"] = eni.requester_managed;
  // A NAT gateway's interface is managed by the service and carries no groups (DescribeNetwork
  // Interfaces shows RequesterId and RequesterManaged for it).
  if (eni.requester_managed) j["RequesterId"] = "amazon-nat-gateway";
  j["TagSet"] = TagsJson(eni.tags);
  if (!eni.instance_id.empty()) {
    json& attachment = j["Attachment"];
    attachment["InstanceId"] = eni.instance_id;
    attachment["InstanceOwnerId"] = scope.account;
  }
  return j;
}

}  // namespace ec2sim::api
