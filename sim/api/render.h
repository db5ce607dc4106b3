// Model resources rendered as the JSON boto3 returns for them.
#ifndef EC2SIM_API_RENDER_H_
#define EC2SIM_API_RENDER_H_

#include <nlohmann/json.hpp>

#include "sim/model/world.h"

namespace ec2sim::api {

using nlohmann::json;

json TagsJson(const model::TagList& tags);
json StateJson(model::InstanceState state);
// "ec2-3-34-1-2.ap-northeast-2.compute.amazonaws.com" ("compute-1" form in us-east-1).
std::string PublicDnsName(const model::RegionInfo& region, model::Ipv4 ip);
// "ip-172-31-5-9.ap-northeast-2.compute.internal" ("ec2.internal" in us-east-1).
std::string PrivateDnsName(const model::RegionInfo& region, model::Ipv4 ip);
// [{"GroupId": ..., "GroupName": ...}] for the given group ids.
json GroupIdentifiers(model::Scope& scope, const std::vector<std::string>& group_ids);
// One element of Reservations[].Instances[].
json InstanceJson(model::Scope& scope, const model::Instance& inst);
// An instance's MetadataOptions (InstanceMetadataOptionsResponse) with State `state`.
json MetadataOptionsJson(const model::Instance& inst, const char* state);
// One element of NetworkInterfaces[] (DescribeNetworkInterfaces shape).
json NetworkInterfaceJson(model::Scope& scope, const model::NetworkInterface& eni);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_RENDER_H_
