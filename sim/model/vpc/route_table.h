// Route tables, their routes and associations, as plain data.
#ifndef EC2SIM_MODEL_VPC_ROUTE_TABLE_H_
#define EC2SIM_MODEL_VPC_ROUTE_TABLE_H_

#include <optional>
#include <string>
#include <vector>

#include "sim/model/ip.h"
#include "sim/model/tags.h"

namespace ec2sim::model {

enum class RouteTarget {
  kLocal,              // target_id "local"
  kInternetGateway,    // igw-
  kEgressOnlyGateway,  // eigw-
  kNatGateway,         // nat-
  kNetworkInterface,   // eni-
  kInstance,           // i- (stored with the instance's primary interface too)
  kPeering,            // pcx-
};

struct Route {
  std::optional<Cidr4> destination4;
  std::optional<Cidr6> destination6;
  RouteTarget target = RouteTarget::kLocal;
  std::string target_id;
  std::string origin = "CreateRoute";  // or "CreateRouteTable" for the local routes
  // Whether the route points somewhere that exists is decided when it is read (a route whose
  // target went away is a "blackhole" route), so nothing has to remember to update it.
};

struct RouteTableAssociation {
  std::string id;         // "rtbassoc-..."
  std::string subnet_id;  // empty for the main association
  bool main = false;
};

struct RouteTable {
  std::string id;
  std::string vpc_id;
  std::vector<Route> routes;
  std::vector<RouteTableAssociation> associations;
  TagList tags;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_ROUTE_TABLE_H_
