// Route tables: create and delete tables, create/replace/delete routes, and the main and subnet
// associations. Rules from "Configure route tables" (Amazon VPC User Guide:
// https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html) and the EC2 API
// Reference pages of each action.
#ifndef EC2SIM_MODEL_VPC_ROUTE_TABLES_H_
#define EC2SIM_MODEL_VPC_ROUTE_TABLES_H_

#include <optional>
#include <string>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// AWS's default quotas "Route tables per VPC" and "Routes per route table (non-propagated
// routes)": https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html
inline constexpr std::size_t kRouteTablesPerVpc = 200;
inline constexpr std::size_t kRoutesPerRouteTable = 50;

// The members of CreateRoute and ReplaceRoute as given (empty when absent).
struct RouteSpec {
  std::optional<std::string> destination4;
  std::optional<std::string> destination6;
  std::string gateway_id;
  std::string egress_only_gateway_id;
  std::string nat_gateway_id;
  std::string network_interface_id;
  std::string instance_id;
  std::string peering_id;
};

// Errors: the route table kind's NotFound.
Result<RouteTable*> FindRouteTable(Scope& scope, std::string_view id);

// A table with the local route of every CIDR block of the VPC. Errors: kInvalidVpcIdNotFound,
// kRouteTableLimitExceeded.
Result<RouteTable*> CreateRouteTable(World& world, Scope& scope, std::string_view vpc_id,
                                     TagList tags);
// The local routes (origin CreateRouteTable) of every IPv4 and IPv6 block of `vpc`, for a new
// table (and for the main table CreateVpc makes).
void AddLocalRoutes(const Vpc& vpc, RouteTable& table);
// Errors: kDependencyViolation while the table is main or has subnet associations.
Status DeleteRouteTable(Scope& scope, std::string_view id);

// Errors: kMissingParameter / kInvalidParameterCombination (not one destination or not one
// target), kInvalidParameterValue (bad CIDR, a target of another network, a destination inside
// the VPC, an egress-only gateway for IPv4), the target's NotFound, kRouteAlreadyExists,
// kRouteLimitExceeded.
Status CreateRoute(Scope& scope, RouteTable& table, const RouteSpec& spec);
// Errors: as CreateRoute, kInvalidRouteNotFound instead of kRouteAlreadyExists, and
// kInvalidParameterValue for the local route.
Status ReplaceRoute(Scope& scope, RouteTable& table, const RouteSpec& spec);
// Only the destination of `spec` is read. Errors: kInvalidRouteNotFound, kInvalidParameterValue
// for the local route.
Status DeleteRoute(RouteTable& table, const RouteSpec& spec);

// Associates a subnet explicitly; returns the association id. Errors: kInvalidSubnetIdNotFound,
// kInvalidParameterValue (another VPC), kResourceAlreadyAssociated (the subnet has a table).
Result<std::string> AssociateRouteTable(World& world, Scope& scope, RouteTable& table,
                                        std::string_view subnet_id);
// Errors: kInvalidAssociationIdNotFound, kInvalidParameterValue for the main association.
Status DisassociateRouteTable(Scope& scope, std::string_view association_id);
// Moves an association (a subnet's, or the VPC's main one) to `table`; returns its new id.
// Errors: kInvalidAssociationIdNotFound, kInvalidParameterValue (another VPC).
Result<std::string> ReplaceRouteTableAssociation(World& world, Scope& scope,
                                                 std::string_view association_id,
                                                 RouteTable& table);

// For DeleteVpc's dependency check: route tables of the VPC besides its main one.
bool VpcHasNonMainRouteTables(const Scope& scope, std::string_view vpc_id);
// For DeleteSubnet: AWS drops the subnet's explicit association with it.
void ForgetSubnetAssociation(Scope& scope, std::string_view subnet_id);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_ROUTE_TABLES_H_
