#include "sim/model/vpc/nat_gateways.h"

#include "sim/model/resource_events.h"
#include "sim/model/resource_kinds.h"

namespace ec2sim::model {
namespace {

bool NatCountsAgainstQuota(const NatGateway& g) {
  return g.state == "pending" || g.state == "available" || g.state == "deleting";
}

bool NatVpcHasInternetGateway(const Scope& scope, const std::string& vpc_id) {
  for (const InternetGateway& igw : scope.internet_gateways.values()) {
    if (igw.vpc_id == vpc_id) return true;
  }
  return false;
}

void SetNatState(World& world, Scope& scope, NatGateway& g, std::string state) {
  g.state = std::move(state);
  EmitNatGatewayState(world, scope, g);
}

// Takes the Elastic IP off the gateway's interface (it stays allocated) and deletes the
// interface, giving its private address back to the subnet.
void ReleaseNatResources(World& world, Scope& scope, NatGateway& g) {
  NetworkInterface* eni = scope.interfaces.Find(g.network_interface_id);
  if (Address* a = scope.addresses.Find(g.allocation_id);
      a != nullptr && !g.association_id.empty() && a->association_id == g.association_id) {
    if (eni != nullptr) {
      EmitPublicIp(world, scope, *eni, /*attached=*/false, a->public_ip, a->allocation_id);
      eni->public_ip = 0;
      eni->public_allocation_id.clear();
    }
    EmitAddress(world, scope, *a, ResourceEvent::Kind::kAddressDisassociated);
    scope.ended_associations.insert(a->association_id);
    a->association_id.clear();
    a->eni_id.clear();
    a->private_ip = 0;
  }
  if (eni != nullptr) {
    if (Subnet* subnet = scope.subnets.Find(eni->subnet_id)) subnet->used.erase(eni->private_ip);
    scope.interfaces.Erase(eni->id);
  }
}

// Gone records (deleted, failed) leave the Describe answers after an hour.
void ScheduleNatPurge(World& world, Scope& scope, const std::string& id) {
  Scope* sp = &scope;
  world.sim().After(world.times().nat_gone_visible, [sp, id] {
    const NatGateway* g = sp->nat_gateways.Find(id);
    if (g != nullptr && (g->state == "deleted" || g->state == "failed")) {
      sp->nat_gateways.Erase(id);
    }
  });
}

// pending -> available, or failed when a public gateway's VPC has no internet gateway: AWS
// reports FailureCode Gateway.NotAttached, "Network vpc-x has no Internet gateway attached"
// (Amazon VPC User Guide, "Troubleshoot NAT gateways", "NAT gateway creation fails").
void SettleNatGateway(World& world, Scope& scope, const std::string& id) {
  NatGateway* g = scope.nat_gateways.Find(id);
  if (g == nullptr || g->state != "pending") return;
  if (g->is_public && !NatVpcHasInternetGateway(scope, g->vpc_id)) {
    g->failure_code = "Gateway.NotAttached";
    g->failure_message = "Network " + g->vpc_id + " has no Internet gateway attached";
    ReleaseNatResources(world, scope, *g);
    g->delete_time = world.now();
    SetNatState(world, scope, *g, "failed");
    ScheduleNatPurge(world, scope, id);
    return;
  }
  SetNatState(world, scope, *g, "available");
}

void FinishNatDelete(World& world, Scope& scope, const std::string& id) {
  NatGateway* g = scope.nat_gateways.Find(id);
  if (g == nullptr || g->state != "deleting") return;
  ReleaseNatResources(world, scope, *g);
  g->delete_time = world.now();
  SetNatState(world, scope, *g, "deleted");
  ScheduleNatPurge(world, scope, id);
}

Result<Ipv4> NatRequestedPrivateIp(const Subnet& subnet, const std::string& text) {
  std::optional<Ipv4> ip = ParseIpv4(text);
  Ipv4 last = subnet.cidr.base + static_cast<Ipv4>(subnet.cidr.size() - 1);
  if (!ip || !subnet.cidr.Contains(*ip) || *ip < subnet.cidr.base + 4 || *ip == last) {
    return MakeError(ErrorCode::kInvalidParameterValue, "Address " + text + " is not in subnet " +
                                                            subnet.id + "'s usable range " +
                                                            subnet.cidr.ToString());
  }
  if (subnet.used.count(*ip)) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Address " + text + " is in use in subnet " + subnet.id);
  }
  return *ip;
}

// The checks that come before anything is created, in the order AWS reports them.
Result<Address*> CheckNatRequest(Scope& scope, const NatGatewaySpec& spec, const Subnet& subnet) {
  Address* address = nullptr;
  if (spec.connectivity_type == "public") {
    if (spec.allocation_id.empty()) {
      return MakeError(ErrorCode::kMissingParameter,
                       "The request must include the AllocationId parameter. Add the required "
                       "parameter and retry the request.");
    }
    address = scope.addresses.Find(spec.allocation_id);
    if (address == nullptr) return NotFoundError(KindInfo(Kind::kAddress), spec.allocation_id);
    if (!address->association_id.empty()) {
      return MakeError(ErrorCode::kResourceAlreadyAssociated,
                       "Elastic IP address [" + spec.allocation_id + "] is already associated");
    }
  } else if (!spec.allocation_id.empty()) {
    return MakeError(ErrorCode::kInvalidParameterCombination,
                     "AllocationId cannot be specified for a private NAT gateway");
  }
  int in_az = 0;
  for (const NatGateway& g : scope.nat_gateways.values()) {
    const Subnet* s = scope.subnets.Find(g.subnet_id);
    if (NatCountsAgainstQuota(g) && s != nullptr && s->az == subnet.az) ++in_az;
  }
  if (in_az >= kNatGatewaysPerAz) {
    return MakeError(ErrorCode::kNatGatewayLimitExceeded,
                     "The maximum number of NAT gateways has been reached.");
  }
  if (!spec.private_ip && subnet.available() == 0) {
    return MakeError(ErrorCode::kInsufficientFreeAddressesInSubnet,
                     "There are not enough free addresses in subnet '" + subnet.id +
                         "' to satisfy the requested number of instances.");
  }
  return address;
}

NetworkInterface NewNatInterface(World& world, Subnet& subnet, const NatGateway& g, Ipv4 ip) {
  NetworkInterface eni = NewInterfaceIn(world, subnet);
  eni.private_ip = ip != 0 ? ip : AllocatePrivateIp(world, subnet);
  subnet.used.insert(eni.private_ip);
  eni.description = "Interface for NAT Gateway " + g.id;
  eni.interface_type = "nat_gateway";
  eni.requester_managed = true;
  eni.source_dest_check = false;
  return eni;
}

}  // namespace

Result<NatGateway*> CreateNatGateway(World& world, Scope& scope, const NatGatewaySpec& spec) {
  if (spec.subnet_id.empty()) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter SubnetId");
  }
  if (spec.connectivity_type != "public" && spec.connectivity_type != "private") {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + spec.connectivity_type +
                         ") for parameter connectivityType is invalid. Valid values: public, "
                         "private");
  }
  if (!spec.client_token.empty()) {
    for (NatGateway& g : scope.nat_gateways.values()) {
      if (g.client_token == spec.client_token) return &g;
    }
  }
  const ResourceKind& subnet_kind = KindInfo(Kind::kSubnet);
  if (!IsWellFormedId(subnet_kind, spec.subnet_id)) {
    return MalformedIdError(subnet_kind, spec.subnet_id);
  }
  Subnet* subnet = scope.subnets.Find(spec.subnet_id);
  if (subnet == nullptr) return NotFoundError(subnet_kind, spec.subnet_id);
  EC2SIM_ASSIGN_OR_RETURN(Address * address, CheckNatRequest(scope, spec, *subnet));
  Ipv4 ip = 0;
  if (spec.private_ip) {
    EC2SIM_ASSIGN_OR_RETURN(ip, NatRequestedPrivateIp(*subnet, *spec.private_ip));
  }

  NatGateway g;
  g.id = world.NewId("nat");
  g.serial = world.NewSerial();
  g.vpc_id = subnet->vpc_id;
  g.subnet_id = subnet->id;
  g.is_public = spec.connectivity_type == "public";
  g.create_time = world.now();
  g.client_token = spec.client_token;
  g.tags = spec.tags;
  NetworkInterface made = NewNatInterface(world, *subnet, g, ip);
  NetworkInterface& eni = scope.interfaces.Insert(made.id, std::move(made));
  g.network_interface_id = eni.id;
  g.private_ip = eni.private_ip;
  if (address != nullptr) {
    // The gateway holds its Elastic IP on its own interface: DescribeAddresses shows it
    // associated, and ReleaseAddress answers InvalidIPAddress.InUse until the gateway is gone.
    g.allocation_id = address->allocation_id;
    g.public_ip = address->public_ip;
    g.association_id = world.NewId("eipassoc");
    address->association_id = g.association_id;
    address->eni_id = eni.id;
    address->private_ip = eni.private_ip;
    eni.public_ip = address->public_ip;
    eni.public_allocation_id = address->allocation_id;
    EmitPublicIp(world, scope, eni, /*attached=*/true, address->public_ip, address->allocation_id);
    EmitAddress(world, scope, *address, ResourceEvent::Kind::kAddressAssociated);
  }
  std::string id = g.id;
  NatGateway& stored = scope.nat_gateways.Insert(id, std::move(g));
  EmitNatGatewayState(world, scope, stored);
  Scope* sp = &scope;
  world.sim().After(world.times().nat_create,
                    [&world, sp, id] { SettleNatGateway(world, *sp, id); });
  return &stored;
}

Result<NatGateway*> DeleteNatGateway(World& world, Scope& scope, const std::string& id) {
  const ResourceKind& kind = KindInfo(Kind::kNatGateway);
  if (!IsWellFormedId(kind, id)) return MalformedIdError(kind, id);
  NatGateway* g = scope.nat_gateways.Find(id);
  if (g == nullptr) return NotFoundError(kind, id);
  if (g->state == "deleting" || g->state == "deleted") return g;
  if (g->state == "failed") {
    // A failed gateway already gave back its interface and address.
    SetNatState(world, scope, *g, "deleted");
    return g;
  }
  SetNatState(world, scope, *g, "deleting");
  Scope* sp = &scope;
  world.sim().After(world.times().nat_delete,
                    [&world, sp, id] { FinishNatDelete(world, *sp, id); });
  return g;
}

const NatGateway* NatGatewayOfInterface(const Scope& scope, const std::string& interface_id) {
  for (const NatGateway& g : scope.nat_gateways.values()) {
    if (!interface_id.empty() && g.network_interface_id == interface_id) return &g;
  }
  return nullptr;
}

}  // namespace ec2sim::model
