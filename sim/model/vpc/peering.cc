#include "sim/model/vpc/peering.h"

#include "sim/model/resource_kinds.h"

namespace ec2sim::model {
namespace {

// Both copies of a connection: the one in `scope` and, across Regions, the other side's.
std::vector<VpcPeeringConnection*> PeeringCopies(World& world, const VpcPeeringConnection& pcx) {
  std::vector<VpcPeeringConnection*> out;
  for (const PeeringSide* side : {&pcx.requester, &pcx.accepter}) {
    Scope* scope = world.FindScope(side->account, side->region);
    VpcPeeringConnection* copy = scope ? scope->peerings.Find(pcx.id) : nullptr;
    if (copy != nullptr && (out.empty() || out.front() != copy)) out.push_back(copy);
  }
  return out;
}

void SetPeeringStatus(World& world, const VpcPeeringConnection& pcx, const std::string& status,
                      const std::string& message) {
  for (VpcPeeringConnection* copy : PeeringCopies(world, pcx)) {
    copy->status = status;
    copy->status_message = message;
  }
}

bool PeeringCidrsOverlap(const Vpc& a, const Vpc& b) {
  std::vector<Cidr4> left{a.cidr}, right{b.cidr};
  for (const VpcCidrAssociation& c : a.secondary_cidrs) left.push_back(c.cidr4);
  for (const VpcCidrAssociation& c : b.secondary_cidrs) right.push_back(c.cidr4);
  for (const Cidr4& l : left) {
    for (const Cidr4& r : right) {
      if (l.Overlaps(r)) return true;
    }
  }
  return false;
}

Result<VpcPeeringConnection*> FindPeering(Scope& scope, std::string_view id) {
  VpcPeeringConnection* pcx = scope.peerings.Find(id);
  if (pcx == nullptr) return NotFoundError(KindInfo(Kind::kVpcPeeringConnection), id);
  return pcx;
}

Error PeeringBadTransition(const VpcPeeringConnection& pcx, std::string_view to) {
  return MakeError(ErrorCode::kInvalidStateTransition, "Invalid state transition for " + pcx.id +
                                                           ", attempted to transition from " +
                                                           pcx.status + " to " + std::string(to));
}

// Accept and Reject come from the accepter's account and Region (Peering Guide, "Accept a VPC
// peering connection": the request is accepted in the accepter's Region).
Status CheckAccepterSide(const Scope& scope, const VpcPeeringConnection& pcx, std::string_view to) {
  if (scope.account != pcx.accepter.account || scope.region->code != pcx.accepter.region) {
    return MakeError(ErrorCode::kOperationNotPermitted,
                     "User " + scope.account + " cannot " + std::string(to) +
                         " peering connection " + pcx.id + " from Region " + scope.region->code +
                         "; it is answered in the accepter's Region " + pcx.accepter.region);
  }
  if (pcx.status != "pending-acceptance")
    return PeeringBadTransition(pcx, to == "accept" ? "active" : "rejected");
  return OkStatus();
}

void SchedulePeeringExpiry(World& world, const VpcPeeringConnection& pcx) {
  std::string account = pcx.requester.account;
  std::string region = pcx.requester.region;
  std::string id = pcx.id;
  World* w = &world;
  world.sim().After(kPeeringRequestLifetime, [w, account, region, id] {
    Scope* scope = w->FindScope(account, region);
    VpcPeeringConnection* pcx = scope ? scope->peerings.Find(id) : nullptr;
    if (pcx != nullptr && pcx->status == "pending-acceptance") {
      SetPeeringStatus(*w, *pcx, "expired", "Expired");
    }
  });
}

}  // namespace

Result<VpcPeeringConnection*> CreateVpcPeering(World& world, Scope& scope,
                                               const PeeringRequest& request) {
  const Vpc* vpc = scope.vpcs.Find(request.vpc_id);
  if (vpc == nullptr) return NotFoundError(KindInfo(Kind::kVpc), request.vpc_id);
  if (!request.peer_owner.empty() && request.peer_owner != scope.account) {
    return MakeError(ErrorCode::kSimUnsupported,
                     "ec2sim models VPC peering within one account; PeerOwnerId " +
                         request.peer_owner + " is another account");
  }
  std::string peer_region = request.peer_region.empty() ? scope.region->code : request.peer_region;
  EC2SIM_ASSIGN_OR_RETURN(Scope * peer_scope, world.GetScope(scope.account, peer_region));
  const Vpc* peer = peer_scope->vpcs.Find(request.peer_vpc_id);
  if (peer == nullptr) return NotFoundError(KindInfo(Kind::kVpc), request.peer_vpc_id);

  VpcPeeringConnection pcx;
  pcx.id = world.NewId("pcx");
  pcx.requester = {scope.account, scope.region->code, vpc->id, vpc->cidr};
  pcx.accepter = {scope.account, peer_region, peer->id, peer->cidr};
  pcx.tags = request.tags;
  // A connection between VPCs with overlapping IPv4 blocks fails (Peering Guide, "VPC peering
  // limitations": "You cannot create a VPC peering connection between VPCs that have matching
  // or overlapping IPv4 CIDR blocks").
  if (PeeringCidrsOverlap(*vpc, *peer) || vpc->id == peer->id) {
    pcx.status = "failed";
    pcx.status_message = "Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range";
  } else {
    pcx.status = "pending-acceptance";
    pcx.status_message = "Pending Acceptance by " + scope.account;
    pcx.expiration_time = world.now() + kPeeringRequestLifetime;
  }
  if (peer_scope != &scope) {
    VpcPeeringConnection copy = pcx;
    copy.tags.clear();  // tags belong to the Region's resource they were put on
    peer_scope->peerings.Insert(copy.id, std::move(copy));
  }
  std::string id = pcx.id;
  VpcPeeringConnection& stored = scope.peerings.Insert(id, std::move(pcx));
  if (stored.status == "pending-acceptance") SchedulePeeringExpiry(world, stored);
  return &stored;
}

Result<VpcPeeringConnection*> AcceptVpcPeering(World& world, Scope& scope, std::string_view id) {
  EC2SIM_ASSIGN_OR_RETURN(VpcPeeringConnection * pcx, FindPeering(scope, id));
  EC2SIM_RETURN_IF_ERROR(CheckAccepterSide(scope, *pcx, "accept"));
  for (VpcPeeringConnection* copy : PeeringCopies(world, *pcx)) copy->expiration_time = 0;
  SetPeeringStatus(world, *pcx, "active", "Active");
  return pcx;
}

Status RejectVpcPeering(World& world, Scope& scope, std::string_view id) {
  EC2SIM_ASSIGN_OR_RETURN(VpcPeeringConnection * pcx, FindPeering(scope, id));
  EC2SIM_RETURN_IF_ERROR(CheckAccepterSide(scope, *pcx, "reject"));
  SetPeeringStatus(world, *pcx, "rejected", "Rejected by " + scope.account);
  return OkStatus();
}

// "You can delete a VPC peering connection from either side while it is pending or active"
// (Peering Guide, "Delete a VPC peering connection"); routes to it become blackhole routes.
Status DeleteVpcPeering(World& world, Scope& scope, std::string_view id) {
  EC2SIM_ASSIGN_OR_RETURN(VpcPeeringConnection * pcx, FindPeering(scope, id));
  if (pcx->status != "active" && pcx->status != "pending-acceptance") {
    return PeeringBadTransition(*pcx, "deleted");
  }
  SetPeeringStatus(world, *pcx, "deleted", "Deleted by " + scope.account);
  return OkStatus();
}

bool VpcHasLivePeering(const Scope& scope, std::string_view vpc_id) {
  for (const VpcPeeringConnection& pcx : scope.peerings.values()) {
    bool live = pcx.status == "active" || pcx.status == "pending-acceptance";
    bool side = pcx.requester.vpc_id == vpc_id || pcx.accepter.vpc_id == vpc_id;
    if (live && side) return true;
  }
  return false;
}

}  // namespace ec2sim::model
