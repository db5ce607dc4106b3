// DescribeInstanceTypeOfferings: which instance types the region, or each of its Availability
// Zones, offers (sim/model/type_offerings.h).
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceTypeOfferings.html
#include <string>
#include <vector>

#include "sim/api/actions_describe.h"
#include "sim/model/catalog.h"
#include "sim/model/regions.h"
#include "sim/model/type_offerings.h"

namespace ec2sim::api {
namespace {

struct TypeOffering {
  std::string instance_type;
  std::string location_type;  // "region", "availability-zone", "availability-zone-id"
  std::string location;
};

FilterSchema<TypeOffering> TypeOfferingFilters() {
  FilterSchema<TypeOffering> schema;
  schema.fields["instance-type"] = [](const TypeOffering& o) { return OneValue(o.instance_type); };
  schema.fields["location"] = [](const TypeOffering& o) { return OneValue(o.location); };
  return schema;
}

// Every offering of `location_type` in the region, zone by zone, in catalog order. An Outpost
// offers nothing here: the simulator models none.
std::vector<TypeOffering> TypeOfferingsIn(const model::RegionInfo& region,
                                          const std::string& location_type) {
  std::vector<TypeOffering> out;
  if (location_type == "region") {
    for (const model::InstanceTypeInfo& t : model::InstanceTypes()) {
      out.push_back({t.name, location_type, region.code});
    }
    return out;
  }
  if (location_type == "outpost") return out;
  for (int i = 0; i < region.az_count; ++i) {
    std::string zone = model::AzName(region, i);
    std::string location = location_type == "availability-zone" ? zone : model::AzId(region, i);
    for (const model::InstanceTypeInfo& t : model::InstanceTypes()) {
      if (model::ZoneOffersType(zone, t.name)) out.push_back({t.name, location_type, location});
    }
  }
  return out;
}

Result<json> DescribeInstanceTypeOfferingsHandler(ApiContext& ctx, Params& p) {
  std::string location_type = p.OptString("LocationType").value_or("region");
  std::vector<Filter> filters = p.Filters();
  // "Valid Range: Minimum value of 5. Maximum value of 1000." (API reference).
  auto max_results = p.OptInt("MaxResults", 5, 1000);
  auto token = p.OptString("NextToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (location_type != "region" && location_type != "availability-zone" &&
      location_type != "availability-zone-id" && location_type != "outpost") {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + location_type +
                         ") for parameter locationType is invalid. Supported values: region, "
                         "availability-zone, availability-zone-id, outpost");
  }
  const auto schema = TypeOfferingFilters();
  EC2SIM_RETURN_IF_ERROR(CheckFilters(filters, schema));
  std::vector<TypeOffering> selected;
  for (TypeOffering& o : TypeOfferingsIn(*ctx.scope.region, location_type)) {
    if (MatchesFilters(o, filters, schema)) selected.push_back(std::move(o));
  }
  EC2SIM_ASSIGN_OR_RETURN(Page page, Paginate(selected.size(), max_results, token));
  return PagedJson("InstanceTypeOfferings", selected, page, [](const TypeOffering& o) {
    return json{{"InstanceType", o.instance_type},
                {"LocationType", o.location_type},
                {"Location", o.location}};
  });
}

}  // namespace

void RegisterInstanceTypeOfferingActions(ActionTable& table) {
  table.Add("DescribeInstanceTypeOfferings", DescribeInstanceTypeOfferingsHandler, kCatalog);
}

}  // namespace ec2sim::api
