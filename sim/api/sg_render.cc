#include "sim/api/sg_render.h"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

#include "sim/api/render.h"

namespace ec2sim::api {
namespace {

using model::SgRule;

// Decodes one peer list of a permission (IpRanges, Ipv6Ranges, UserIdGroupPairs or
// PrefixListIds).
void DecodePeers(Params& perm, const std::string& list_key, SgRule::Peer kind,
                 model::PermissionSpec& spec) {
  const json* list = perm.List(list_key);
  if (list == nullptr) return;
  for (size_t i = 0; i < list->size(); ++i) {
    Params item((*list)[i], perm.where() + "." + list_key + "[" + std::to_string(i) + "]", perm);
    if (!item.ok()) return;
    model::PeerSpec peer;
    peer.kind = kind;
    switch (kind) {
      case SgRule::Peer::kCidr4:
        peer.value = item.String("CidrIp");
        break;
      case SgRule::Peer::kCidr6:
        peer.value = item.String("CidrIpv6");
        break;
      case SgRule::Peer::kPrefixList:
        peer.value = item.String("PrefixListId");
        break;
      case SgRule::Peer::kGroup:
        peer.value = item.OptString("GroupId").value_or("");
        peer.group_name = item.OptString("GroupName").value_or("");
        peer.user_id = item.OptString("UserId").value_or("");
        item.OptString("VpcId");  // accepted as Describe* shows it; the group id decides
        break;
    }
    peer.description = item.OptString("Description").value_or("");
    item.Done();
    spec.peers.push_back(std::move(peer));
  }
}

json PeerEntry(const SgRule& rule, const char* key) {
  json entry = {{key, rule.peer_value}};
  if (!rule.description.empty()) entry["Description"] = rule.description;
  return entry;
}

// The rule's peer under its kind's key, and its description when it has one. A referenced group
// is ReferencedGroupInfo {GroupId, UserId} in SecurityGroupRule, a bare ReferencedGroupId in
// RevokedSecurityGroupRule.
void AddPeerAndDescription(json& j, const SgRule& rule, bool group_as_info) {
  switch (rule.peer) {
    case SgRule::Peer::kCidr4:
      j["CidrIpv4"] = rule.peer_value;
      break;
    case SgRule::Peer::kCidr6:
      j["CidrIpv6"] = rule.peer_value;
      break;
    case SgRule::Peer::kPrefixList:
      j["PrefixListId"] = rule.peer_value;
      break;
    case SgRule::Peer::kGroup:
      if (group_as_info) {
        j["ReferencedGroupInfo"] = {{"GroupId", rule.peer_value}, {"UserId", rule.peer_user_id}};
      } else {
        j["ReferencedGroupId"] = rule.peer_value;
      }
      break;
  }
  if (!rule.description.empty()) j["Description"] = rule.description;
}

}  // namespace

std::vector<model::PermissionSpec> DecodePermissions(const json& list, Params& p) {
  std::vector<model::PermissionSpec> out;
  for (size_t i = 0; i < list.size(); ++i) {
    Params perm(list[i], "IpPermissions[" + std::to_string(i) + "]", p);
    if (!perm.ok()) return out;
    model::PermissionSpec spec;
    spec.protocol = perm.String("IpProtocol");
    spec.from_port = perm.OptInt("FromPort");
    spec.to_port = perm.OptInt("ToPort");
    DecodePeers(perm, "IpRanges", SgRule::Peer::kCidr4, spec);
    DecodePeers(perm, "Ipv6Ranges", SgRule::Peer::kCidr6, spec);
    DecodePeers(perm, "UserIdGroupPairs", SgRule::Peer::kGroup, spec);
    DecodePeers(perm, "PrefixListIds", SgRule::Peer::kPrefixList, spec);
    perm.Done();
    out.push_back(std::move(spec));
  }
  return out;
}

json RuleJson(const model::Scope& scope, const std::string& group_id, const SgRule& rule) {
  json j = {{"SecurityGroupRuleId", rule.rule_id},
            {"GroupId", group_id},
            {"GroupOwnerId", scope.account},
            {"IsEgress", rule.egress},
            {"IpProtocol", rule.protocol},
            {"FromPort", rule.from_port},
            {"ToPort", rule.to_port},
            {"Tags", TagsJson(rule.tags)}};
  AddPeerAndDescription(j, rule, /*group_as_info=*/true);
  return j;
}

json RevokedRuleJson(const std::string& group_id, const SgRule& rule) {
  // Shape of RevokedSecurityGroupRule in the current EC2 API reference (newer than BC-MODEL).
  json j = {{"SecurityGroupRuleId", rule.rule_id},
            {"GroupId", group_id},
            {"IsEgress", rule.egress},
            {"IpProtocol", rule.protocol},
            {"FromPort", rule.from_port},
            {"ToPort", rule.to_port}};
  AddPeerAndDescription(j, rule, /*group_as_info=*/false);
  return j;
}

json IpPermissionsJson(const std::vector<SgRule>& rules, bool egress) {
  json out = json::array();
  std::vector<std::tuple<std::string, int, int>> keys;  // index-aligned with `out`
  for (const SgRule& rule : rules) {
    if (rule.egress != egress) continue;
    auto key = std::make_tuple(rule.protocol, rule.from_port, rule.to_port);
    size_t index = std::find(keys.begin(), keys.end(), key) - keys.begin();
    if (index == keys.size()) {
      keys.push_back(key);
      json entry = {{"IpProtocol", rule.protocol},
                    {"IpRanges", json::array()},
                    {"Ipv6Ranges", json::array()},
                    {"PrefixListIds", json::array()},
                    {"UserIdGroupPairs", json::array()}};
      if (rule.protocol != "-1") {
        entry["FromPort"] = rule.from_port;
        entry["ToPort"] = rule.to_port;
      }
      out.push_back(std::move(entry));
    }
    json& entry = out[index];
    switch (rule.peer) {
      case SgRule::Peer::kCidr4:
        entry["IpRanges"].push_back(PeerEntry(rule, "CidrIp"));
        break;
      case SgRule::Peer::kCidr6:
        entry["Ipv6Ranges"].push_back(PeerEntry(rule, "CidrIpv6"));
        break;
      case SgRule::Peer::kPrefixList:
        entry["PrefixListIds"].push_back(PeerEntry(rule, "PrefixListId"));
        break;
      case SgRule::Peer::kGroup: {
        json pair = {{"GroupId", rule.peer_value}, {"UserId", rule.peer_user_id}};
        if (!rule.description.empty()) pair["Description"] = rule.description;
        entry["UserIdGroupPairs"].push_back(std::move(pair));
        break;
      }
    }
  }
  return out;
}

json SecurityGroupJson(const model::Scope& scope, const model::SecurityGroup& group) {
  json j = {{"Description", group.description},
            {"GroupName", group.name},
            {"IpPermissions", IpPermissionsJson(group.rules, false)},
            {"OwnerId", scope.account},
            {"GroupId", group.id},
            {"IpPermissionsEgress", IpPermissionsJson(group.rules, true)},
            {"VpcId", group.vpc_id},
            {"SecurityGroupArn", "arn:aws:ec2:" + scope.region->code + ":" + scope.account +
                                     ":security-group/" + group.id}};
  if (!group.tags.empty()) j["Tags"] = TagsJson(group.tags);
  return j;
}

}  // namespace ec2sim::api
