#include "sim/api/render.h"

#include "sim/model/catalog.h"

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

json Association(model::Scope& scope, const model::NetworkInterface& eni) {
  json a = {{"PublicIp", model::FormatIpv4(eni.public_ip)},
            {"PublicDnsName", PublicDnsName(*scope.region, eni.public_ip)},
            {"IpOwnerId", eni.public_allocation_id.empty() ? "amazon" : scope.account}};
  return a;
}

}  // namespace

json TagsJson(const model::TagList& tags) {
  json out = json::array();
  for (const model::Tag& t : tags) out.push_back({{"Key", t.key}, {"Value", t.value}});
  return out;
}

json StateJson(model::InstanceState state) {
  return {{"Code", static_cast<int>(state)}, {"Name", model::StateName(state)}};
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
  json out = json::array();
  for (const std::string& id : group_ids) {
    const model::SecurityGroup* g = scope.groups.Find(id);
    out.push_back({{"GroupId", id}, {"GroupName", g ? g->name : ""}});
  }
  return out;
}

json InstanceJson(model::Scope& scope, const model::Instance& inst) {
  using model::InstanceState;
  const model::NetworkInterface* eni = scope.interfaces.Find(inst.eni_id);
  const model::Volume* root = scope.volumes.Find(inst.root_volume_id);
  bool gone = inst.state == InstanceState::kTerminated;
  bool running = inst.state == InstanceState::kRunning;
  json j = {
      {"AmiLaunchIndex", inst.launch_index},
      {"ImageId", inst.image_id},
      {"InstanceId", inst.id},
      {"InstanceType", inst.instance_type},
      {"LaunchTime", FormatIsoTime(inst.launch_time)},
      {"Monitoring", {{"State", "disabled"}}},
      {"Placement", {{"AvailabilityZone", inst.az}, {"GroupName", ""}, {"Tenancy", "default"}}},
      {"PrivateDnsName", ""},
      {"ProductCodes", json::array()},
      {"PublicDnsName", ""},
      {"State", StateJson(inst.state)},
      {"StateTransitionReason", inst.state_transition_reason},
      {"Architecture", inst.architecture},
      {"BlockDeviceMappings", json::array()},
      {"ClientToken", inst.client_token},
      {"EbsOptimized", false},
      {"EnaSupport", true},
      {"Hypervisor", "xen"},
      {"NetworkInterfaces", json::array()},
      {"RootDeviceName", inst.root_device_name},
      {"RootDeviceType", "ebs"},
      {"SecurityGroups", json::array()},
      {"SourceDestCheck", true},
      {"VirtualizationType", "hvm"},
      {"CpuOptions", json::object()},
      {"MetadataOptions", {{"State", "applied"}, {"HttpTokens", "required"},
                           {"HttpPutResponseHopLimit", 2}, {"HttpEndpoint", "enabled"}}},
  };
  if (!inst.key_name.empty()) j["KeyName"] = inst.key_name;
  if (!inst.platform.empty()) {
    j["Platform"] = inst.platform;
    j["PlatformDetails"] = "Windows";
  } else {
    j["PlatformDetails"] = "Linux/UNIX";
  }
  if (!inst.tags.empty()) j["Tags"] = TagsJson(inst.tags);
  if (!inst.state_reason_code.empty()) {
    j["StateReason"] = {{"Code", inst.state_reason_code},
                        {"Message", inst.state_reason_code + ": User initiated shutdown"}};
  }
  if (const model::InstanceTypeInfo* t = model::FindInstanceType(inst.instance_type)) {
    j["CpuOptions"] = {{"CoreCount", t->default_cores}, {"ThreadsPerCore", t->threads_per_core}};
  }
  if (!gone) {
    j["SubnetId"] = inst.subnet_id;
    j["VpcId"] = inst.vpc_id;
  }
  if (eni != nullptr) {
    j["PrivateIpAddress"] = model::FormatIpv4(eni->private_ip);
    j["PrivateDnsName"] = PrivateDnsName(*scope.region, eni->private_ip);
    j["SecurityGroups"] = GroupIdentifiers(scope, eni->group_ids);
    if (eni->public_ip != 0) {
      j["PublicIpAddress"] = model::FormatIpv4(eni->public_ip);
      // The model lists no public DNS name before the instance is running (BC-MODEL).
      if (running) j["PublicDnsName"] = PublicDnsName(*scope.region, eni->public_ip);
    }
    json n = NetworkInterfaceJson(scope, *eni);
    n.erase("AvailabilityZone");
    n.erase("RequesterManaged");
    n.erase("TagSet");
    n.erase("InterfaceType");
    n["InterfaceType"] = "interface";
    j["NetworkInterfaces"].push_back(n);
  }
  if (root != nullptr) {
    j["BlockDeviceMappings"].push_back(
        {{"DeviceName", root->device},
         {"Ebs",
          {{"AttachTime", FormatIsoTime(inst.launch_time)},
           {"DeleteOnTermination", root->delete_on_termination},
           {"Status", "attached"},
           {"VolumeId", root->id}}}});
  }
  return j;
}

json NetworkInterfaceJson(model::Scope& scope, const model::NetworkInterface& eni) {
  json j = {
      {"AvailabilityZone", eni.az},
      {"Description", eni.description},
      {"Groups", GroupIdentifiers(scope, eni.group_ids)},
      {"InterfaceType", "interface"},
      {"Ipv6Addresses", json::array()},
      {"MacAddress", eni.mac},
      {"NetworkInterfaceId", eni.id},
      {"OwnerId", scope.account},
      {"PrivateDnsName", PrivateDnsName(*scope.region, eni.private_ip)},
      {"PrivateIpAddress", model::FormatIpv4(eni.private_ip)},
      {"PrivateIpAddresses", json::array()},
      {"RequesterManaged", false},
      {"SourceDestCheck", eni.source_dest_check},
      {"Status", eni.instance_id.empty() ? "available" : "in-use"},
      {"SubnetId", eni.subnet_id},
      {"TagSet", TagsJson(eni.tags)},
      {"VpcId", eni.vpc_id},
  };
  json primary = {{"Primary", true},
                  {"PrivateDnsName", PrivateDnsName(*scope.region, eni.private_ip)},
                  {"PrivateIpAddress", model::FormatIpv4(eni.private_ip)}};
  if (eni.public_ip != 0) {
    j["Association"] = Association(scope, eni);
    primary["Association"] = Association(scope, eni);
  }
  j["PrivateIpAddresses"].push_back(primary);
  if (!eni.instance_id.empty()) {
    j["Attachment"] = {{"AttachTime", FormatIsoTime(eni.attach_time)},
                       {"AttachmentId", eni.attachment_id},
                       {"DeleteOnTermination", eni.delete_on_termination},
                       {"DeviceIndex", 0},
                       {"NetworkCardIndex", 0},
                       {"InstanceId", eni.instance_id},
                       {"InstanceOwnerId", scope.account},
                       {"Status", "attached"}};
  }
  return j;
}

}  // namespace ec2sim::api
