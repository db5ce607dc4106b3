// Describe* filters and pagination as EC2 applies them: different filters AND, values of one
// filter OR, case-sensitive matching with '*' and '?' wildcards.
#ifndef EC2SIM_API_FILTERS_H_
#define EC2SIM_API_FILTERS_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/result.h"
#include "sim/api/params.h"

namespace ec2sim::api {

// '*' matches any run of characters, '?' exactly one; everything else literally.
bool WildcardMatch(std::string_view pattern, std::string_view value);

// The filters one resource type understands: each name maps to the values a resource has for
// it. Tag filters (tag:KEY, tag-key, tag-value) come from `tags` when it is set.
template <typename T>
struct FilterSchema {
  std::map<std::string, std::function<std::vector<std::string>(const T&)>, std::less<>> fields;
  std::function<const model::TagList&(const T&)> tags;
};

// Errors: kInvalidParameterValue naming the first filter the schema does not know.
template <typename T>
Status CheckFilters(const std::vector<Filter>& filters, const FilterSchema<T>& schema) {
  for (const Filter& f : filters) {
    bool is_tag = f.name.rfind("tag:", 0) == 0 || f.name == "tag-key" || f.name == "tag-value";
    if (schema.fields.count(f.name) == 0 && !(is_tag && schema.tags)) {
      return MakeError(ErrorCode::kInvalidParameterValue, "The filter '" + f.name + "' is invalid");
    }
  }
  return OkStatus();
}

std::vector<std::string> TagFilterValues(const model::TagList& tags, std::string_view name);

template <typename T>
bool MatchesFilters(const T& item, const std::vector<Filter>& filters,
                    const FilterSchema<T>& schema) {
  for (const Filter& f : filters) {
    auto field = schema.fields.find(f.name);
    std::vector<std::string> have = field != schema.fields.end()
                                        ? field->second(item)
                                        : TagFilterValues(schema.tags(item), f.name);
    bool any = false;
    for (const std::string& want : f.values) {
      for (const std::string& value : have) {
        if (WildcardMatch(want, value)) {
          any = true;
          break;
        }
      }
      if (any) break;
    }
    if (!any) return false;
  }
  return true;
}

// One page of a list: [begin, end) and the token for the next page ("" on the last page).
struct Page {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string next_token;
};

// Pages `total` items. max_results: absent means everything at once. Errors:
// kInvalidParameterValue for a token this server did not issue.
Result<Page> Paginate(std::size_t total, std::optional<std::int64_t> max_results,
                      const std::optional<std::string>& next_token);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_FILTERS_H_
