#include "sim/model/resource_ids.h"

#include <algorithm>

namespace ec2sim::model {

bool IsIdHexDigits(std::string_view digits) {
  return (digits.size() == 8 || digits.size() == 17) &&
         std::all_of(digits.begin(), digits.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool IsHexId(std::string_view id, std::string_view prefix) {
  return id.starts_with(prefix) && IsIdHexDigits(id.substr(prefix.size()));
}

}  // namespace ec2sim::model
