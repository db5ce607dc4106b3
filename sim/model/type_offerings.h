// Which instance types each Availability Zone offers (DescribeInstanceTypeOfferings, and the
// Unsupported answer of RunInstances in a zone without the type). A region offers every type of
// the catalog; a few zones lack some families (sim/model/data/zone_type_gaps.csv, its sources and
// what in it is unverified).
#ifndef EC2SIM_MODEL_TYPE_OFFERINGS_H_
#define EC2SIM_MODEL_TYPE_OFFERINGS_H_

#include <string>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/model/regions.h"

namespace ec2sim::model {

// Whether the zone `az_name` ("us-east-1e") offers `instance_type` (a catalog type).
bool ZoneOffersType(std::string_view az_name, std::string_view instance_type);

// OkStatus when the zone offers the type, else kUnsupported with AWS's message: "Your requested
// instance type (t3.micro) is not supported in your requested Availability Zone (us-east-1e).
// Please retry your request by not specifying an Availability Zone or choosing us-east-1a, ...".
Status CheckZoneOffersType(const RegionInfo& region, std::string_view az_name,
                           std::string_view instance_type);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_TYPE_OFFERINGS_H_
