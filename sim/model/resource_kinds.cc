#include "sim/model/resource_kinds.h"

#include <algorithm>

#include "sim/model/resource_ids.h"
#include "sim/model/security_groups.h"

namespace ec2sim::model {
namespace {

// find and list for the kinds kept in a Scope map keyed by their id (`Map` is the member).
template <auto Map>
TagList* FindInMap(Scope& scope, std::string_view id) {
  auto* item = (scope.*Map).Find(id);
  return item == nullptr ? nullptr : &item->tags;
}

template <auto Map, auto IdField>
void ListMap(const Scope& scope, std::vector<TaggedResource>& out) {
  for (const auto& item : (scope.*Map).values()) out.push_back({item.*IdField, &item.tags});
}

// Key pairs are keyed by name; their kind is found by key pair id.
TagList* FindKeyPair(Scope& scope, std::string_view id) {
  for (KeyPairRecord& key : scope.key_pairs.values()) {
    if (key.key_pair_id == id) return &key.tags;
  }
  return nullptr;
}

TagList* FindRuleTags(Scope& scope, std::string_view id) {
  SgRule* rule = FindRule(scope, id);
  return rule == nullptr ? nullptr : &rule->tags;
}

// Group creation order, then the order rules were added to each group.
void ListRules(const Scope& scope, std::vector<TaggedResource>& out) {
  for (const SecurityGroup& g : scope.groups.values()) {
    for (const SgRule& rule : g.rules) out.push_back({rule.rule_id, &rule.tags});
  }
}

// In the order of Kind.
constexpr ResourceKind kKinds[] = {
    {.kind = Kind::kInstance,
     .prefix = "i-",
     .tag_type = "instance",
     .not_found = ErrorCode::kInvalidInstanceIdNotFound,
     .malformed = ErrorCode::kInvalidInstanceIdMalformed,
     .noun = "The instance ID",
     .names_every_missing = true,
     .find = FindInMap<&Scope::instances>,
     .list = ListMap<&Scope::instances, &Instance::id>,
     .id_key = "InstanceId",
     .ids_param = "InstanceIds",
     .describe_action = "DescribeInstances",
     .list_member = "Reservations",
     .in_snapshot = true,
     .in_transcript = true},
    {.kind = Kind::kVpc,
     .prefix = "vpc-",
     .tag_type = "vpc",
     .not_found = ErrorCode::kInvalidVpcIdNotFound,
     .malformed = ErrorCode::kInvalidVpcIdNotFound,
     .noun = "The vpc ID",
     .names_every_missing = true,
     .find = FindInMap<&Scope::vpcs>,
     .list = ListMap<&Scope::vpcs, &Vpc::id>,
     .id_key = "VpcId",
     .ids_param = "VpcIds",
     .describe_action = "DescribeVpcs",
     .list_member = "Vpcs",
     .in_snapshot = true,
     .in_transcript = false},
    {.kind = Kind::kSubnet,
     .prefix = "subnet-",
     .tag_type = "subnet",
     .not_found = ErrorCode::kInvalidSubnetIdNotFound,
     .malformed = ErrorCode::kInvalidSubnetIdNotFound,
     .noun = "The subnet ID",
     .names_every_missing = true,
     .find = FindInMap<&Scope::subnets>,
     .list = ListMap<&Scope::subnets, &Subnet::id>,
     .id_key = "SubnetId",
     .ids_param = "SubnetIds",
     .describe_action = "DescribeSubnets",
     .list_member = "Subnets",
     .in_snapshot = true,
     .in_transcript = false},
    {.kind = Kind::kNetworkInterface,
     .prefix = "eni-",
     .tag_type = "network-interface",
     .not_found = ErrorCode::kInvalidNetworkInterfaceIdNotFound,
     .malformed = ErrorCode::kInvalidNetworkInterfaceIdNotFound,
     .noun = "The networkInterface ID",
     .names_every_missing = true,
     .find = FindInMap<&Scope::interfaces>,
     .list = ListMap<&Scope::interfaces, &NetworkInterface::id>,
     .id_key = "NetworkInterfaceId",
     .ids_param = "NetworkInterfaceIds",
     .describe_action = "DescribeNetworkInterfaces",
     .list_member = "NetworkInterfaces",
     .in_snapshot = true,
     .in_transcript = true},
    {.kind = Kind::kVolume,
     .prefix = "vol-",
     .tag_type = "volume",
     .not_found = ErrorCode::kInvalidVolumeNotFound,
     .malformed = ErrorCode::kInvalidVolumeIdMalformed,
     .noun = "The volume",
     .names_every_missing = true,
     .find = FindInMap<&Scope::volumes>,
     .list = ListMap<&Scope::volumes, &Volume::id>,
     .id_key = "VolumeId",
     .ids_param = "VolumeIds",
     .describe_action = "DescribeVolumes",
     .list_member = "Volumes",
     // Left out of account snapshots so that snapshots taken before volumes were describable
     // keep their shape.
     .in_snapshot = false,
     .in_transcript = true},
    {.kind = Kind::kAddress,
     .prefix = "eipalloc-",
     .tag_type = "elastic-ip",
     .not_found = ErrorCode::kInvalidAllocationIdNotFound,
     .malformed = ErrorCode::kInvalidAllocationIdNotFound,
     .noun = "The allocation ID",
     .names_every_missing = false,
     .find = FindInMap<&Scope::addresses>,
     .list = ListMap<&Scope::addresses, &Address::allocation_id>,
     .id_key = "AllocationId",
     .ids_param = "AllocationIds",
     .describe_action = "DescribeAddresses",
     .list_member = "Addresses",
     .in_snapshot = true,
     .in_transcript = true},
    {.kind = Kind::kKeyPair,
     .prefix = "key-",
     .tag_type = "key-pair",
     .not_found = ErrorCode::kInvalidKeyPairNotFound,
     .malformed = ErrorCode::kInvalidKeyPairNotFound,
     .noun = "The key pair",
     .names_every_missing = false,
     .find = FindKeyPair,
     .list = ListMap<&Scope::key_pairs, &KeyPairRecord::key_pair_id>,
     .id_key = "KeyPairId",
     .ids_param = "KeyPairIds",
     .describe_action = "DescribeKeyPairs",
     .list_member = "KeyPairs",
     .in_snapshot = true,
     .in_transcript = true},
    {.kind = Kind::kNetworkAcl,
     .prefix = "acl-",
     .tag_type = "network-acl",
     .not_found = ErrorCode::kInvalidNetworkAclIdNotFound,
     .malformed = ErrorCode::kInvalidNetworkAclIdNotFound,
     .noun = "The networkAcl ID",
     .names_every_missing = true,
     .find = FindInMap<&Scope::acls>,
     .list = ListMap<&Scope::acls, &NetworkAcl::id>,
     .id_key = "NetworkAclId",
     .ids_param = "NetworkAclIds",
     .describe_action = "DescribeNetworkAcls",
     .list_member = "NetworkAcls",
     .in_snapshot = true,
     .in_transcript = true},
    {.kind = Kind::kSecurityGroup,
     .prefix = "sg-",
     .tag_type = "security-group",
     .not_found = ErrorCode::kInvalidGroupNotFound,
     .malformed = ErrorCode::kInvalidGroupIdMalformed,
     .noun = "The security group",
     .names_every_missing = false,
     .find = FindInMap<&Scope::groups>,
     .list = ListMap<&Scope::groups, &SecurityGroup::id>,
     .id_key = "GroupId",
     .ids_param = "GroupIds",
     .describe_action = "DescribeSecurityGroups",
     .list_member = "SecurityGroups",
     .in_snapshot = true,
     .in_transcript = true},
    {.kind = Kind::kSecurityGroupRule,
     .prefix = "sgr-",
     .tag_type = "security-group-rule",
     .not_found = ErrorCode::kInvalidSecurityGroupRuleIdNotFound,
     .malformed = ErrorCode::kInvalidSecurityGroupRuleIdNotFound,
     .noun = "The security group rule ID",
     .names_every_missing = false,
     .find = FindRuleTags,
     .list = ListRules,
     .id_key = "SecurityGroupRuleId",
     .ids_param = "SecurityGroupRuleIds",
     .describe_action = "DescribeSecurityGroupRules",
     .list_member = "SecurityGroupRules",
     .in_snapshot = false,
     .in_transcript = true},
    {.kind = Kind::kInternetGateway,
     .prefix = "igw-",
     .tag_type = "internet-gateway",
     .not_found = ErrorCode::kInvalidInternetGatewayIdNotFound,
     .malformed = ErrorCode::kInvalidInternetGatewayIdNotFound,
     .noun = "The internetGateway ID",
     .names_every_missing = true,
     .find = FindInMap<&Scope::internet_gateways>,
     .list = ListMap<&Scope::internet_gateways, &InternetGateway::id>,
     .id_key = "InternetGatewayId",
     .ids_param = "InternetGatewayIds",
     .describe_action = "DescribeInternetGateways",
     .list_member = "InternetGateways",
     .in_snapshot = true,
     .in_transcript = true},
    {.kind = Kind::kEgressOnlyInternetGateway,
     .prefix = "eigw-",
     .tag_type = "egress-only-internet-gateway",
     .not_found = ErrorCode::kInvalidEgressOnlyInternetGatewayIdNotFound,
     .malformed = ErrorCode::kInvalidEgressOnlyInternetGatewayIdNotFound,
     .noun = "The egressOnlyInternetGateway ID",
     .names_every_missing = true,
     .find = FindInMap<&Scope::egress_only_gateways>,
     .list = ListMap<&Scope::egress_only_gateways, &EgressOnlyInternetGateway::id>,
     .id_key = "EgressOnlyInternetGatewayId",
     .ids_param = "EgressOnlyInternetGatewayIds",
     .describe_action = "DescribeEgressOnlyInternetGateways",
     .list_member = "EgressOnlyInternetGateways",
     .in_snapshot = true,
     .in_transcript = true},
    {.kind = Kind::kRouteTable,
     .prefix = "rtb-",
     .tag_type = "route-table",
     .not_found = ErrorCode::kInvalidRouteTableIdNotFound,
     .malformed = ErrorCode::kInvalidRouteTableIdMalformed,
     .noun = "The routeTable ID",
     .names_every_missing = true,
     .find = FindInMap<&Scope::route_tables>,
     .list = ListMap<&Scope::route_tables, &RouteTable::id>,
     .id_key = "RouteTableId",
     .ids_param = "RouteTableIds",
     .describe_action = "DescribeRouteTables",
     .list_member = "RouteTables",
     .in_snapshot = true,
     .in_transcript = true},
    {.kind = Kind::kNatGateway,
     .prefix = "nat-",
     .tag_type = "natgateway",
     .not_found = ErrorCode::kNatGatewayNotFound,
     .malformed = ErrorCode::kNatGatewayMalformed,
     .noun = "The NAT gateway ID",
     .names_every_missing = true,
     .find = FindInMap<&Scope::nat_gateways>,
     .list = ListMap<&Scope::nat_gateways, &NatGateway::id>,
     .id_key = "NatGatewayId",
     .ids_param = "NatGatewayIds",
     .describe_action = "DescribeNatGateways",
     .list_member = "NatGateways",
     .in_snapshot = true,
     .in_transcript = true},
    {.kind = Kind::kVpcPeeringConnection,
     .prefix = "pcx-",
     .tag_type = "vpc-peering-connection",
     .not_found = ErrorCode::kInvalidVpcPeeringConnectionIdNotFound,
     .malformed = ErrorCode::kInvalidVpcPeeringConnectionIdMalformed,
     .noun = "The vpcPeeringConnection ID",
     .names_every_missing = true,
     .find = FindInMap<&Scope::peerings>,
     .list = ListMap<&Scope::peerings, &VpcPeeringConnection::id>,
     .id_key = "VpcPeeringConnectionId",
     .ids_param = "VpcPeeringConnectionIds",
     .describe_action = "DescribeVpcPeeringConnections",
     .list_member = "VpcPeeringConnections",
     .in_snapshot = true,
     .in_transcript = true},
    {.kind = Kind::kDhcpOptions,
     .prefix = "dopt-",
     .tag_type = "dhcp-options",
     .not_found = ErrorCode::kInvalidDhcpOptionIdNotFound,
     .malformed = ErrorCode::kInvalidDhcpOptionsIdMalformed,
     .noun = "The dhcpOption ID",
     .names_every_missing = true,
     .find = FindInMap<&Scope::dhcp_options>,
     .list = ListMap<&Scope::dhcp_options, &DhcpOptions::id>,
     .id_key = "DhcpOptionsId",
     .ids_param = "DhcpOptionsIds",
     .describe_action = "DescribeDhcpOptions",
     .list_member = "DhcpOptions",
     .in_snapshot = true,
     .in_transcript = false},
    {.kind = Kind::kLaunchTemplate,
     .prefix = "lt-",
     .tag_type = "launch-template",
     .not_found = ErrorCode::kInvalidLaunchTemplateIdNotFound,
     .malformed = ErrorCode::kInvalidLaunchTemplateIdMalformed,
     .noun = "The launch template ID",
     .names_every_missing = false,
     .find = FindInMap<&Scope::launch_templates>,
     .list = ListMap<&Scope::launch_templates, &LaunchTemplate::id>,
     .id_key = "LaunchTemplateId",
     .ids_param = "LaunchTemplateIds",
     .describe_action = "DescribeLaunchTemplates",
     .list_member = "LaunchTemplates",
     .in_snapshot = true,
     .in_transcript = true},
    {.kind = Kind::kSnapshot,
     .prefix = "snap-",
     .tag_type = "snapshot",
     .not_found = ErrorCode::kInvalidSnapshotNotFound,
     .malformed = ErrorCode::kInvalidSnapshotIdMalformed,
     .noun = "The snapshot",
     .names_every_missing = false,
     .find = FindInMap<&Scope::snapshots>,
     .list = ListMap<&Scope::snapshots, &Snapshot::id>,
     .id_key = "SnapshotId",
     .ids_param = "SnapshotIds",
     .describe_action = "DescribeSnapshots",
     .list_member = "Snapshots",
     // Left out of account snapshots so that existing state snapshots keep their shape, and
     // of transcripts: volumes and catalog images carry a SnapshotId beside their own ids.
     .in_snapshot = false,
     .in_transcript = false},
    // Own images only (CreateImage, RegisterImage, CopyImage); the catalog's public images are
    // not an account's resources and cannot be tagged by it.
    {.kind = Kind::kImage,
     .prefix = "ami-",
     .tag_type = "image",
     .not_found = ErrorCode::kInvalidAmiIdNotFound,
     .malformed = ErrorCode::kInvalidAmiIdMalformed,
     .noun = "The image id",
     .names_every_missing = true,
     .find = FindInMap<&Scope::images>,
     .list = ListMap<&Scope::images, &Image::id>,
     .id_key = "ImageId",
     .ids_param = "ImageIds",
     .describe_action = "DescribeImages",
     .list_member = "Images",
     // Left out of account snapshots and transcripts so that existing golden outputs, which
     // name catalog images in every launch, keep their shape.
     .in_snapshot = false,
     .in_transcript = false},
};

constexpr bool InKindOrder() {
  for (std::size_t i = 0; i < std::size(kKinds); ++i) {
    if (static_cast<std::size_t>(kKinds[i].kind) != i) return false;
  }
  return true;
}
static_assert(InKindOrder(), "kKinds must list the kinds in the order of enum Kind");

}  // namespace

std::span<const ResourceKind> ResourceKinds() { return kKinds; }

const ResourceKind& KindInfo(Kind kind) { return kKinds[static_cast<std::size_t>(kind)]; }

const ResourceKind* KindOfId(std::string_view id) {
  std::size_t dash = id.rfind('-');
  if (dash == std::string_view::npos) return nullptr;
  std::string_view prefix = id.substr(0, dash + 1);
  for (const ResourceKind& kind : kKinds) {
    if (kind.prefix == prefix) return &kind;
  }
  return nullptr;
}

bool IsWellFormedId(const ResourceKind& kind, std::string_view id) {
  return IsHexId(id, kind.prefix);
}

Error NotFoundError(const ResourceKind& kind, std::string_view id) {
  return MakeError(kind.not_found,
                   std::string(kind.noun) + " '" + std::string(id) + "' does not exist");
}

Error NotFoundError(const ResourceKind& kind, const std::vector<std::string>& missing) {
  if (missing.size() == 1) return NotFoundError(kind, missing[0]);
  std::string list;
  for (const std::string& id : missing) list += (list.empty() ? "" : ", ") + id;
  return MakeError(kind.not_found, std::string(kind.noun) + "s '" + list + "' do not exist");
}

Error MalformedIdError(const ResourceKind& kind, std::string_view id) {
  std::string message = "Invalid id: \"" + std::string(id) + "\"";
  // EC2 spells out the expected shape for groups only.
  if (kind.kind == Kind::kSecurityGroup) message += " (expecting \"sg-...\")";
  return MakeError(kind.malformed, message);
}

Status CheckIds(const ResourceKind& kind, Scope& scope, const std::vector<std::string>& ids) {
  std::vector<std::string> missing;
  for (const std::string& id : ids) {
    bool well_formed = IsWellFormedId(kind, id);
    if (!well_formed && kind.malformed != kind.not_found) return MalformedIdError(kind, id);
    if (well_formed && kind.find(scope, id) != nullptr) continue;
    if (!kind.names_every_missing) return NotFoundError(kind, id);
    if (std::find(missing.begin(), missing.end(), id) == missing.end()) missing.push_back(id);
  }
  if (missing.empty()) return OkStatus();
  return NotFoundError(kind, missing);
}

}  // namespace ec2sim::model
