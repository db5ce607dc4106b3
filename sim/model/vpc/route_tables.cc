#include "sim/model/vpc/route_tables.h"

#include <algorithm>

#include "sim/model/resource_kinds.h"

namespace ec2sim::model {
namespace {

Error RouteInvalid(std::string message) {
  return MakeError(ErrorCode::kInvalidParameterValue, std::move(message));
}

// Where a route goes, as read from a RouteSpec.
struct RouteDestination {
  std::optional<Cidr4> v4;
  std::optional<Cidr6> v6;
  std::string text;  // as AWS's messages quote it
};

// Exactly one of DestinationCidrBlock and DestinationIpv6CidrBlock (DestinationPrefixListId is
// not modelled), EC2 API Reference, CreateRoute.
Result<RouteDestination> ReadDestination(const RouteSpec& spec) {
  if (spec.destination4.has_value() == spec.destination6.has_value()) {
    return MakeError(
        spec.destination4 ? ErrorCode::kInvalidParameterCombination : ErrorCode::kMissingParameter,
        "The request must contain exactly one of destinationCidrBlock, "
        "destinationIpv6CidrBlock or destinationPrefixListId");
  }
  RouteDestination dest;
  if (spec.destination4) {
    dest.v4 = ParseCidr4(*spec.destination4);
    if (!dest.v4) {
      return RouteInvalid(
          "Value (" + *spec.destination4 +
          ") for parameter destinationCidrBlock is invalid. This is not a valid CIDR "
          "block.");
    }
    dest.text = dest.v4->ToString();
  } else {
    dest.v6 = ParseCidr6(*spec.destination6);
    if (!dest.v6) {
      return RouteInvalid(
          "Value (" + *spec.destination6 +
          ") for parameter destinationIpv6CidrBlock is invalid. This is not a valid "
          "IPv6 CIDR block.");
    }
    dest.text = dest.v6->ToString();
  }
  return dest;
}

Route* FindRoute(RouteTable& table, const RouteDestination& dest) {
  for (Route& route : table.routes) {
    if (dest.v4 && route.destination4 == dest.v4) return &route;
    if (dest.v6 && route.destination6 == dest.v6) return &route;
  }
  return nullptr;
}

Error RouteDifferentNetworks(const RouteTable& table, std::string_view what, std::string_view id) {
  return RouteInvalid("route table " + table.id + " and " + std::string(what) + " " +
                      std::string(id) + " belong to different networks");
}

// Gateway ids: an internet gateway attached to the table's VPC, or an egress-only gateway of it.
// Virtual private gateways are not modelled and so never exist.
Status ResolveGateway(const Scope& scope, const RouteTable& table, const std::string& id,
                      Route& route) {
  if (id.starts_with("eigw-")) {
    const EgressOnlyInternetGateway* eigw = scope.egress_only_gateways.Find(id);
    if (eigw == nullptr) return NotFoundError(KindInfo(Kind::kEgressOnlyInternetGateway), id);
    if (eigw->vpc_id != table.vpc_id) return RouteDifferentNetworks(table, "network gateway", id);
    route.target = RouteTarget::kEgressOnlyGateway;
    return OkStatus();
  }
  const InternetGateway* igw = scope.internet_gateways.Find(id);
  if (igw == nullptr) {
    return MakeError(ErrorCode::kInvalidGatewayIdNotFound,
                     "The gateway ID '" + id + "' does not exist");
  }
  if (igw->vpc_id != table.vpc_id) return RouteDifferentNetworks(table, "network gateway", id);
  route.target = RouteTarget::kInternetGateway;
  return OkStatus();
}

Status ResolveNat(const Scope& scope, const RouteTable& table, const std::string& id,
                  Route& route) {
  const NatGateway* nat = scope.nat_gateways.Find(id);
  if (nat == nullptr || nat->state == "deleted" || nat->state == "failed") {
    return MakeError(ErrorCode::kInvalidNatGatewayIdNotFound,
                     "The natGateway ID '" + id + "' does not exist");
  }
  if (nat->vpc_id != table.vpc_id) return RouteDifferentNetworks(table, "nat gateway", id);
  route.target = RouteTarget::kNatGateway;
  return OkStatus();
}

Status ResolveInterfaceOrInstance(const Scope& scope, const RouteTable& table,
                                  const RouteSpec& spec, Route& route) {
  if (!spec.network_interface_id.empty()) {
    const std::string& id = spec.network_interface_id;
    const NetworkInterface* eni = scope.interfaces.Find(id);
    if (eni == nullptr) return NotFoundError(KindInfo(Kind::kNetworkInterface), id);
    if (eni->vpc_id != table.vpc_id) return RouteDifferentNetworks(table, "network interface", id);
    route.target = RouteTarget::kNetworkInterface;
    return OkStatus();
  }
  const std::string& id = spec.instance_id;
  const Instance* inst = scope.instances.Find(id);
  if (inst == nullptr || inst->state == InstanceState::kTerminated) {
    return NotFoundError(KindInfo(Kind::kInstance), id);
  }
  if (inst->vpc_id != table.vpc_id) return RouteDifferentNetworks(table, "instance", id);
  route.target = RouteTarget::kInstance;
  return OkStatus();
}

Status ResolvePeering(const Scope& scope, const RouteTable& table, const std::string& id,
                      Route& route) {
  const VpcPeeringConnection* pcx = scope.peerings.Find(id);
  if (pcx == nullptr) return NotFoundError(KindInfo(Kind::kVpcPeeringConnection), id);
  bool ours = (pcx->requester.vpc_id == table.vpc_id && pcx->requester.account == scope.account &&
               pcx->requester.region == scope.region->code) ||
              (pcx->accepter.vpc_id == table.vpc_id && pcx->accepter.account == scope.account &&
               pcx->accepter.region == scope.region->code);
  if (!ours) return RouteDifferentNetworks(table, "vpc peering connection", id);
  if (pcx->status != "active") {
    return RouteInvalid("The vpc peering connection " + id + " is not active (state " +
                        pcx->status + ")");
  }
  route.target = RouteTarget::kPeering;
  return OkStatus();
}

// The one target of a route. AWS requires exactly one (EC2 API Reference, CreateRoute: "You must
// specify one of the following targets").
Status ResolveTarget(const Scope& scope, const RouteTable& table, const RouteSpec& spec,
                     const RouteDestination& dest, Route& route) {
  const std::string* given[] = {&spec.gateway_id,     &spec.egress_only_gateway_id,
                                &spec.nat_gateway_id, &spec.network_interface_id,
                                &spec.instance_id,    &spec.peering_id};
  int count = 0;
  for (const std::string* id : given) {
    if (!id->empty()) {
      ++count;
      route.target_id = *id;
    }
  }
  if (count != 1) {
    return MakeError(
        count == 0 ? ErrorCode::kMissingParameter : ErrorCode::kInvalidParameterCombination,
        "The request must contain exactly one of gatewayId, "
        "egressOnlyInternetGatewayId, natGatewayId, networkInterfaceId, instanceId "
        "or vpcPeeringConnectionId");
  }
  Status status = OkStatus();
  if (!spec.gateway_id.empty()) status = ResolveGateway(scope, table, spec.gateway_id, route);
  if (!spec.egress_only_gateway_id.empty()) {
    if (!spec.egress_only_gateway_id.starts_with("eigw-")) {
      return NotFoundError(KindInfo(Kind::kEgressOnlyInternetGateway), spec.egress_only_gateway_id);
    }
    status = ResolveGateway(scope, table, spec.egress_only_gateway_id, route);
  }
  if (!spec.nat_gateway_id.empty()) status = ResolveNat(scope, table, spec.nat_gateway_id, route);
  if (!spec.network_interface_id.empty() || !spec.instance_id.empty()) {
    status = ResolveInterfaceOrInstance(scope, table, spec, route);
  }
  if (!spec.peering_id.empty()) status = ResolvePeering(scope, table, spec.peering_id, route);
  EC2SIM_RETURN_IF_ERROR(status);
  // "Egress-only internet gateways ... IPv6 traffic only" (Amazon VPC User Guide,
  // egress-only-internet-gateway.html).
  if (route.target == RouteTarget::kEgressOnlyGateway && !dest.v6) {
    return RouteInvalid("Egress-only internet gateway " + route.target_id +
                        " can only be the target of an IPv6 destination");
  }
  return OkStatus();
}

// The VPC's IPv4 blocks: primary first, then the secondary ones.
std::vector<Cidr4> RouteVpcBlocks(const Vpc& vpc) {
  std::vector<Cidr4> out{vpc.cidr};
  for (const VpcCidrAssociation& a : vpc.secondary_cidrs) out.push_back(a.cidr4);
  return out;
}

// Routes more specific than the local route exist only for middlebox appliances (2021); ec2sim
// refuses every destination inside a VPC block with the message AWS gives for a target other
// than an interface (Amazon VPC User Guide, "Routing for middlebox appliances").
Status CheckNotInsideVpc(const Scope& scope, const RouteTable& table,
                         const RouteDestination& dest) {
  const Vpc* vpc = scope.vpcs.Find(table.vpc_id);
  if (vpc == nullptr || !dest.v4) return OkStatus();
  for (const Cidr4& block : RouteVpcBlocks(*vpc)) {
    if (block.Contains(*dest.v4)) {
      return RouteInvalid("The destination CIDR block " + dest.text +
                          " is equal to or more specific than one of this VPC's CIDR blocks. This "
                          "route can target only an interface or an instance.");
    }
  }
  return OkStatus();
}

Status CheckNotLocalRoute(const RouteTable& table, const Route& route, std::string_view verb) {
  if (route.target != RouteTarget::kLocal) return OkStatus();
  std::string dest =
      route.destination4 ? route.destination4->ToString() : route.destination6->ToString();
  return RouteInvalid("cannot " + std::string(verb) + " local route " + dest + " in route table " +
                      table.id);
}

// The table and association that `association_id` names.
struct FoundRouteAssociation {
  RouteTable* table = nullptr;
  std::vector<RouteTableAssociation>::iterator it;
};

Result<FoundRouteAssociation> FindRouteAssociation(Scope& scope, std::string_view association_id) {
  for (RouteTable& table : scope.route_tables.values()) {
    for (auto it = table.associations.begin(); it != table.associations.end(); ++it) {
      if (it->id == association_id) return FoundRouteAssociation{&table, it};
    }
  }
  return MakeError(ErrorCode::kInvalidAssociationIdNotFound,
                   "The association ID '" + std::string(association_id) + "' does not exist");
}

}  // namespace

Result<RouteTable*> FindRouteTable(Scope& scope, std::string_view id) {
  const ResourceKind& kind = KindInfo(Kind::kRouteTable);
  if (!id.starts_with(kind.prefix)) return MalformedIdError(kind, id);
  RouteTable* table = scope.route_tables.Find(id);
  if (table == nullptr) return NotFoundError(kind, id);
  return table;
}

void AddLocalRoutes(const Vpc& vpc, RouteTable& table) {
  for (const Cidr4& block : RouteVpcBlocks(vpc)) {
    table.routes.push_back({block, std::nullopt, RouteTarget::kLocal, "local", "CreateRouteTable"});
  }
  for (const VpcCidrAssociation& a : vpc.ipv6_cidrs) {
    std::optional<Cidr6> block = ParseCidr6(a.cidr6);
    if (!block) continue;
    table.routes.push_back({std::nullopt, block, RouteTarget::kLocal, "local", "CreateRouteTable"});
  }
}

Result<RouteTable*> CreateRouteTable(World& world, Scope& scope, std::string_view vpc_id,
                                     TagList tags) {
  const Vpc* vpc = scope.vpcs.Find(vpc_id);
  if (vpc == nullptr) return NotFoundError(KindInfo(Kind::kVpc), vpc_id);
  std::size_t count = 0;
  for (const RouteTable& t : scope.route_tables.values()) count += t.vpc_id == vpc_id ? 1 : 0;
  if (count >= kRouteTablesPerVpc) {
    return MakeError(ErrorCode::kRouteTableLimitExceeded,
                     "The maximum number of route tables has been reached.");
  }
  RouteTable table;
  table.id = world.NewId("rtb");
  table.vpc_id = std::string(vpc_id);
  table.tags = std::move(tags);
  AddLocalRoutes(*vpc, table);
  std::string id = table.id;
  return &scope.route_tables.Insert(id, std::move(table));
}

Status DeleteRouteTable(Scope& scope, std::string_view id) {
  EC2SIM_ASSIGN_OR_RETURN(RouteTable * table, FindRouteTable(scope, id));
  if (!table->associations.empty()) {
    return MakeError(ErrorCode::kDependencyViolation,
                     "The routeTable '" + table->id + "' has dependencies and cannot be deleted.");
  }
  scope.route_tables.Erase(id);
  return OkStatus();
}

Status CreateRoute(Scope& scope, RouteTable& table, const RouteSpec& spec) {
  EC2SIM_ASSIGN_OR_RETURN(RouteDestination dest, ReadDestination(spec));
  Route route;
  route.destination4 = dest.v4;
  route.destination6 = dest.v6;
  EC2SIM_RETURN_IF_ERROR(ResolveTarget(scope, table, spec, dest, route));
  if (FindRoute(table, dest) != nullptr) {
    return MakeError(ErrorCode::kRouteAlreadyExists,
                     "The route identified by " + dest.text + " already exists.");
  }
  EC2SIM_RETURN_IF_ERROR(CheckNotInsideVpc(scope, table, dest));
  if (table.routes.size() >= kRoutesPerRouteTable) {
    return MakeError(ErrorCode::kRouteLimitExceeded,
                     "The maximum number of routes has been "
                     "reached.");
  }
  route.origin = "CreateRoute";
  table.routes.push_back(std::move(route));
  return OkStatus();
}

Status ReplaceRoute(Scope& scope, RouteTable& table, const RouteSpec& spec) {
  EC2SIM_ASSIGN_OR_RETURN(RouteDestination dest, ReadDestination(spec));
  Route replacement;
  replacement.destination4 = dest.v4;
  replacement.destination6 = dest.v6;
  EC2SIM_RETURN_IF_ERROR(ResolveTarget(scope, table, spec, dest, replacement));
  Route* route = FindRoute(table, dest);
  if (route == nullptr) {
    return MakeError(ErrorCode::kInvalidRouteNotFound,
                     "There is no route defined for '" + dest.text +
                         "' in the route table. Please correct the destination and try again.");
  }
  EC2SIM_RETURN_IF_ERROR(CheckNotLocalRoute(table, *route, "replace"));
  replacement.origin = "CreateRoute";
  *route = std::move(replacement);
  return OkStatus();
}

Status DeleteRoute(RouteTable& table, const RouteSpec& spec) {
  EC2SIM_ASSIGN_OR_RETURN(RouteDestination dest, ReadDestination(spec));
  Route* route = FindRoute(table, dest);
  if (route == nullptr) {
    return MakeError(
        ErrorCode::kInvalidRouteNotFound,
        "no route with destination-cidr-block " + dest.text + " in route table " + table.id);
  }
  EC2SIM_RETURN_IF_ERROR(CheckNotLocalRoute(table, *route, "remove"));
  table.routes.erase(table.routes.begin() + (route - table.routes.data()));
  return OkStatus();
}

Result<std::string> AssociateRouteTable(World& world, Scope& scope, RouteTable& table,
                                        std::string_view subnet_id) {
  const Subnet* subnet = scope.subnets.Find(subnet_id);
  if (subnet == nullptr) return NotFoundError(KindInfo(Kind::kSubnet), subnet_id);
  if (subnet->vpc_id != table.vpc_id) {
    return RouteInvalid("Route table " + table.id + " and subnet " + subnet->id +
                        " belong to different networks");
  }
  for (const RouteTable& other : scope.route_tables.values()) {
    for (const RouteTableAssociation& assoc : other.associations) {
      if (assoc.subnet_id == subnet_id) {
        return MakeError(ErrorCode::kResourceAlreadyAssociated,
                         "the specified association for route table " + table.id +
                             " conflicts with an existing association");
      }
    }
  }
  RouteTableAssociation assoc{world.NewId("rtbassoc"), std::string(subnet_id), false};
  table.associations.push_back(assoc);
  return assoc.id;
}

Status DisassociateRouteTable(Scope& scope, std::string_view association_id) {
  EC2SIM_ASSIGN_OR_RETURN(FoundRouteAssociation found, FindRouteAssociation(scope, association_id));
  if (found.it->main) {
    return RouteInvalid("cannot disassociate the main route table association " + found.it->id);
  }
  found.table->associations.erase(found.it);
  return OkStatus();
}

Result<std::string> ReplaceRouteTableAssociation(World& world, Scope& scope,
                                                 std::string_view association_id,
                                                 RouteTable& table) {
  EC2SIM_ASSIGN_OR_RETURN(FoundRouteAssociation found, FindRouteAssociation(scope, association_id));
  if (found.table->vpc_id != table.vpc_id) {
    return RouteInvalid("route table " + table.id + " and association " + found.it->id +
                        " belong to different networks");
  }
  RouteTableAssociation moved = *found.it;
  moved.id = world.NewId("rtbassoc");
  found.table->associations.erase(found.it);
  table.associations.push_back(moved);
  // The main association names the VPC's main table (ReplaceRouteTableAssociation, EC2 API
  // Reference: "You can also use this operation to change which table is the main route table").
  if (moved.main) {
    if (Vpc* vpc = scope.vpcs.Find(table.vpc_id)) vpc->main_route_table_id = table.id;
  }
  return moved.id;
}

bool VpcHasNonMainRouteTables(const Scope& scope, std::string_view vpc_id) {
  for (const RouteTable& table : scope.route_tables.values()) {
    if (table.vpc_id != vpc_id) continue;
    bool main = std::any_of(table.associations.begin(), table.associations.end(),
                            [](const RouteTableAssociation& a) { return a.main; });
    if (!main) return true;
  }
  return false;
}

void ForgetSubnetAssociation(Scope& scope, std::string_view subnet_id) {
  for (RouteTable& table : scope.route_tables.values()) {
    std::erase_if(table.associations,
                  [&](const RouteTableAssociation& a) { return a.subnet_id == subnet_id; });
  }
}

}  // namespace ec2sim::model
