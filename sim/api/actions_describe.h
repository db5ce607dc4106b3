// Pieces shared by the Describe* handlers (actions_describe.cc, actions_images.cc, actions_vpc.cc
// and the Describe actions of instances and security groups): registration and small helpers for
// filter fields, id lists and paged answers.
#ifndef EC2SIM_API_ACTIONS_DESCRIBE_H_
#define EC2SIM_API_ACTIONS_DESCRIBE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "sim/api/action_table.h"
#include "sim/api/filters.h"

namespace ec2sim::api {

// DescribeImages.
void RegisterImageActions(ActionTable& table);
// DescribeVpcs, DescribeSubnets, DescribeNetworkInterfaces.
void RegisterVpcActions(ActionTable& table);

// A filter field with exactly one value.
inline std::vector<std::string> OneValue(std::string value) { return {std::move(value)}; }

// Booleans as filter values: EC2 matches them as the strings "true" and "false".
inline std::vector<std::string> BoolValue(bool value) { return {value ? "true" : "false"}; }

// {key: [render(items[i]) for i in page], "NextToken": ...}; NextToken only when another page
// follows.
template <typename T, typename Render>
json PagedJson(std::string_view key, const std::vector<T>& items, const Page& page, Render render) {
  json list = json::array();
  for (std::size_t i = page.begin; i < page.end; ++i) list.push_back(render(items[i]));
  json out = {{std::string(key), std::move(list)}};
  if (!page.next_token.empty()) out["NextToken"] = page.next_token;
  return out;
}

// EC2 refuses a page size next to an explicit list of ids: InvalidParameterCombination, in a
// message naming the two parameters as that action's error does (`ids_param`, `max_param`).
inline Status NoPageSizeWithIds(bool has_ids, bool has_page_size, std::string_view ids_param,
                                std::string_view max_param) {
  if (!has_ids || !has_page_size) return OkStatus();
  return MakeError(ErrorCode::kInvalidParameterCombination,
                   "The parameter " + std::string(ids_param) +
                       " cannot be used with the parameter " + std::string(max_param));
}

// "a, b, c".
inline std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

}  // namespace ec2sim::api

#endif  // EC2SIM_API_ACTIONS_DESCRIBE_H_
