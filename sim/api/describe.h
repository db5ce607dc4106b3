// The one shape of a Describe over an account's resources: explicit ids, filters, and
// MaxResults/NextToken paging, with EC2's rule that some actions refuse a page size next to
// explicit ids. Each Describe reads its request into a DescribeQuery, says in a DescribeSpec what
// differs (its filters, its kind's NotFound, other selectors), and calls DescribeList, or
// DescribePage when it lays out the page itself.
//
// The steps, in the order EC2's errors come: the page-size rule, the filter names, the ids,
// then selection (creation order, ids, extra conditions, filters) and the page.
#ifndef EC2SIM_API_DESCRIBE_H_
#define EC2SIM_API_DESCRIBE_H_

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "sim/api/actions_describe.h"
#include "sim/api/filters.h"
#include "sim/api/params.h"
#include "sim/model/resource_kinds.h"

namespace ec2sim::api {

// The members every Describe of resources shares.
struct DescribeQuery {
  std::vector<std::string> ids;
  std::vector<Filter> filters;
  std::optional<std::int64_t> max_results;
  std::optional<std::string> next_token;
};

// The range EC2 accepts for an action's MaxResults.
struct PageSizeRange {
  std::int64_t min = 5;
  std::int64_t max = 1000;
};

// Reads, in this order, `ids_param` (skipped when empty), `filters_param` and, when `page_size`
// is set, MaxResults within it and NextToken. Errors go to `p` (first one wins), as Params reads
// do. A few actions name their filters "Filter" (DescribeNatGateways).
DescribeQuery ReadDescribeQuery(Params& p, std::string_view ids_param,
                                std::optional<PageSizeRange> page_size,
                                std::string_view filters_param = "Filters");

// An action that refuses MaxResults next to explicit ids, and the parameter names its
// InvalidParameterCombination message uses ("instancesSet", "maxResults").
struct PageSizeExcludesIds {
  std::string_view ids_param;
  std::string_view max_param;
};

// What one Describe adds to the skeleton. Only `schema` is required.
template <typename T>
struct DescribeSpec {
  const FilterSchema<T>* schema = nullptr;
  // The kind query.ids name: an unknown id is answered with its NotFound (model::CheckIds).
  const model::ResourceKind* kind = nullptr;
  // Replaces the kind's check of the ids, for actions that also name resources another way
  // (group names, public IPs) or answer unknown ids their own way.
  std::function<Status()> check_ids;
  // The id query.ids are matched against.
  std::function<std::string_view(const T&)> id_of;
  // Replaces the match of query.ids when set: whether the request's selectors pick the item.
  std::function<bool(const T&)> requested;
  // A further condition on every item (before the filters), e.g. "running" for instance status.
  std::function<bool(const T&)> also;
  // Set for actions that refuse a page size next to ids.
  std::optional<PageSizeExcludesIds> page_size_excludes_ids;
  // True when the request names items by something besides query.ids (names, addresses): the
  // page-size rule then applies to those too.
  bool other_selectors = false;
};

// DescribeSpec::id_of for a type whose id is a member: IdMember<Vpc, &Vpc::id>.
template <typename T, std::string T::*Field>
std::string_view IdMember(const T& item) {
  return item.*Field;
}

// The common spec: filters by `schema`, ids of `kind` matched against `id_of`.
template <typename T>
DescribeSpec<T> KindSpec(const FilterSchema<T>& schema, const model::ResourceKind& kind,
                         std::type_identity_t<std::function<std::string_view(const T&)>> id_of) {
  DescribeSpec<T> spec;
  spec.schema = &schema;
  spec.kind = &kind;
  spec.id_of = std::move(id_of);
  return spec;
}

// One page of a Describe: the items on it in order and the token for the next page ("" on the
// last).
template <typename T>
struct DescribedPage {
  std::vector<const T*> items;
  std::string next_token;
};

// The checks that come before selection. Errors: kInvalidParameterCombination (page size with
// ids), kInvalidParameterValue (unknown filter), the kind's Malformed/NotFound or check_ids'.
template <typename T>
Status CheckDescribe(model::Scope& scope, const DescribeQuery& query, const DescribeSpec<T>& spec) {
  if (spec.page_size_excludes_ids) {
    bool named = !query.ids.empty() || spec.other_selectors;
    EC2SIM_RETURN_IF_ERROR(NoPageSizeWithIds(named, query.max_results.has_value(),
                                             spec.page_size_excludes_ids->ids_param,
                                             spec.page_size_excludes_ids->max_param));
  }
  EC2SIM_RETURN_IF_ERROR(CheckFilters(query.filters, *spec.schema));
  if (spec.check_ids) return spec.check_ids();
  if (spec.kind != nullptr) return model::CheckIds(*spec.kind, scope, query.ids);
  return OkStatus();
}

// Checks the request, selects from `items` (a range of T, in the order answers list them) and
// cuts the page. Errors: CheckDescribe's, and kInvalidParameterValue for a NextToken this server
// did not issue.
template <typename T, typename Items>
Result<DescribedPage<T>> DescribePage(model::Scope& scope, const Items& items,
                                      const DescribeQuery& query, const DescribeSpec<T>& spec) {
  EC2SIM_RETURN_IF_ERROR(CheckDescribe(scope, query, spec));
  auto picked = [&](const T& item) {
    if (spec.requested) return spec.requested(item);
    return query.ids.empty() ||
           std::find(query.ids.begin(), query.ids.end(), spec.id_of(item)) != query.ids.end();
  };
  std::vector<const T*> selected;
  for (const T& item : items) {
    if (!picked(item) || (spec.also && !spec.also(item))) continue;
    if (MatchesFilters(item, query.filters, *spec.schema)) selected.push_back(&item);
  }
  EC2SIM_ASSIGN_OR_RETURN(Page page,
                          Paginate(selected.size(), query.max_results, query.next_token));
  DescribedPage<T> out;
  out.items.assign(selected.begin() + page.begin, selected.begin() + page.end);
  out.next_token = std::move(page.next_token);
  return out;
}

// DescribePage answered as {member: [render(item) for the page], "NextToken": ...}, NextToken
// only when another page follows. `render` takes a const T&.
template <typename T, typename Items, typename Render>
Result<json> DescribeList(model::Scope& scope, const Items& items, const DescribeQuery& query,
                          const DescribeSpec<T>& spec, std::string_view member, Render render) {
  EC2SIM_ASSIGN_OR_RETURN(DescribedPage<T> page, DescribePage(scope, items, query, spec));
  json list = json::array();
  for (const T* item : page.items) list.push_back(render(*item));
  json out = {{std::string(member), std::move(list)}};
  if (!page.next_token.empty()) out["NextToken"] = page.next_token;
  return out;
}

}  // namespace ec2sim::api

#endif  // EC2SIM_API_DESCRIBE_H_
