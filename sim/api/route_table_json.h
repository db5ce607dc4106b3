// How route tables look in answers: RouteTable, Route and RouteTableAssociation in boto3's
// shapes (EC2 API Reference, data types RouteTable, Route, RouteTableAssociation).
#ifndef EC2SIM_API_ROUTE_TABLE_JSON_H_
#define EC2SIM_API_ROUTE_TABLE_JSON_H_

#include <nlohmann/json.hpp>

#include "sim/model/scope.h"

namespace ec2sim::api {

// The route with its State computed now (model::StateOfRoute): "blackhole" once its target is
// gone, never stored.
nlohmann::json RouteJson(const model::Scope& scope, const model::RouteTable& table,
                         const model::Route& route);
nlohmann::json AssociationJson(const model::RouteTable& table,
                               const model::RouteTableAssociation& assoc);
nlohmann::json RouteTableJson(const model::Scope& scope, const model::RouteTable& table);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_ROUTE_TABLE_JSON_H_
