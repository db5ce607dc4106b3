#include "sim/api/describe.h"

namespace ec2sim::api {

DescribeQuery ReadDescribeQuery(Params& p, std::string_view ids_param,
                                std::optional<PageSizeRange> page_size,
                                std::string_view filters_param) {
  DescribeQuery query;
  if (!ids_param.empty()) query.ids = p.StringList(ids_param);
  query.filters = p.Filters(filters_param);
  if (page_size) {
    query.max_results = p.OptInt("MaxResults", page_size->min, page_size->max);
    query.next_token = p.OptString("NextToken");
  }
  return query;
}

}  // namespace ec2sim::api
