// The admin route GET /_ec2sim/prices?region=R: the on-demand Linux price of every instance type
// in a region, as the bill charges it, for pages that show what a choice will cost (the
// console's launch wizard). Catalog data only: it reads no account.
#ifndef EC2SIM_SERVER_ADMIN_PRICES_H_
#define EC2SIM_SERVER_ADMIN_PRICES_H_

#include <string>

#include "sim/server/http_types.h"

namespace ec2sim::server {

// {"region", "currency": "USD", "hours_per_month": 730, "prices": [{"instance_type",
// "micro_usd_per_hour", "estimated", "price_rule"}]} in catalog order, or a 400 JSON error
// (InvalidParameterValue) for a region the catalog does not have. `region` defaults to
// `default_region` when the query names none.
HttpResponse PricesRoute(const HttpRequest& request, const std::string& default_region);

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_ADMIN_PRICES_H_
