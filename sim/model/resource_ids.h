// The shape of EC2 resource ids: a type prefix, a dash and lowercase hexadecimal digits, 8 for
// ids made before 2016-2018 and 17 since (AWS's "longer format resource IDs"), e.g.
// "i-0123456789abcdef0", "sg-1a2b3c4d". Lookups check the shape first because AWS answers a
// malformed id with a different error code than a well-formed id that does not exist.
#ifndef EC2SIM_MODEL_RESOURCE_IDS_H_
#define EC2SIM_MODEL_RESOURCE_IDS_H_

#include <string_view>

namespace ec2sim::model {

// True when `digits` is 8 or 17 characters of 0-9 and a-f (upper case is not an id AWS makes).
bool IsIdHexDigits(std::string_view digits);

// True when `id` is `prefix` followed by IsIdHexDigits. `prefix` includes the dash: "i-",
// "sg-", "acl-", "pl-". An empty prefix checks the digits alone.
bool IsHexId(std::string_view id, std::string_view prefix);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_RESOURCE_IDS_H_
