// The kinds of resource an account owns in a region, each described once: how its ids look,
// what DescribeTags calls it, how EC2 answers an id that is malformed or names nothing, how to
// find one in a Scope, and which Describe action lists it. Tags, the state snapshot, transcripts,
// id validation and the Describe actions all read this table, so a new kind is one entry here.
#ifndef EC2SIM_MODEL_RESOURCE_KINDS_H_
#define EC2SIM_MODEL_RESOURCE_KINDS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/scope.h"

namespace ec2sim::model {

// Names one entry of ResourceKinds(); the order of the table.
enum class Kind {
  kInstance,
  kVpc,
  kSubnet,
  kNetworkInterface,
  kVolume,
  kAddress,
  kKeyPair,
  kNetworkAcl,
  kSecurityGroup,
  kSecurityGroupRule,
  kInternetGateway,
  kEgressOnlyInternetGateway,
  kRouteTable,
  kNatGateway,
  kVpcPeeringConnection,
  kDhcpOptions,
  kLaunchTemplate,
  kSnapshot,
  kImage,
};

// One resource of a kind with its tags, as ResourceKind::list yields it.
struct TaggedResource {
  std::string_view id;
  const TagList* tags;
};

struct ResourceKind {
  Kind kind;
  std::string_view prefix;    // of every id, with the dash: "i-"
  std::string_view tag_type;  // DescribeTags' ResourceType: "instance"
  ErrorCode not_found;
  // AWS's code for an id of the wrong shape; equal to not_found where result.h has no Malformed
  // code for the kind, and such ids are then reported as not found.
  ErrorCode malformed;
  // Starts the NotFound message: "The instance ID" gives "The instance ID 'i-1' does not exist"
  // and, for several ids, "The instance IDs 'i-1, i-2' do not exist".
  std::string_view noun;
  // True when a NotFound names every missing id of a request; false when EC2 stops at the first.
  bool names_every_missing;
  // The tags of the resource `id` names, nullptr when there is none. Finds by id only (key pairs
  // by key pair id, not name).
  TagList* (*find)(Scope& scope, std::string_view id);
  // Appends every resource of the kind in `scope`, in the order its Describe lists them.
  void (*list)(const Scope& scope, std::vector<TaggedResource>& out);
  std::string_view id_key;           // the member naming it in results: "InstanceId"
  std::string_view ids_param;        // its Describe's id list parameter: "InstanceIds"
  std::string_view describe_action;  // "DescribeInstances"; empty when the simulator has none
  std::string_view list_member;      // the Describe result's list: "Reservations"
  // Listed in Sandbox::Snapshot (security group rules are shown inside their groups).
  bool in_snapshot;
  // Names the resources a call is about in transcripts. VPC and subnet ids are context: nearly
  // every instance result names them and they would drown the interesting ids.
  bool in_transcript;
};

// Every kind, in Kind order.
std::span<const ResourceKind> ResourceKinds();

// The entry of `kind`.
const ResourceKind& KindInfo(Kind kind);

// The kind whose prefix is the text of `id` up to and including its last dash, or nullptr
// ("vpc-cidr-assoc-1" has prefix "vpc-cidr-assoc-", which is no kind).
const ResourceKind* KindOfId(std::string_view id);

// True when `id` is the kind's prefix followed by 8 or 17 lowercase hex digits.
bool IsWellFormedId(const ResourceKind& kind, std::string_view id);

// The kind's NotFound for one id: "The instance ID 'i-1' does not exist".
Error NotFoundError(const ResourceKind& kind, std::string_view id);
// The kind's NotFound for `missing` (not empty): one id as above, several as
// "The instance IDs 'i-1, i-2' do not exist".
Error NotFoundError(const ResourceKind& kind, const std::vector<std::string>& missing);
// The kind's Malformed answer: `Invalid id: "x"`, with the expected shape for security groups.
// Precondition: kind.malformed != kind.not_found.
Error MalformedIdError(const ResourceKind& kind, std::string_view id);

// Checks that every id names a resource of the kind: a malformed id is answered with the kind's
// Malformed code as soon as it is met (where the kind has one); unknown ids with its NotFound,
// naming all of them or the first as the kind's names_every_missing says.
Status CheckIds(const ResourceKind& kind, Scope& scope, const std::vector<std::string>& ids);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_RESOURCE_KINDS_H_
