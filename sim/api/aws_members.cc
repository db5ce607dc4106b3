#include "sim/api/aws_members.h"

#include <map>

namespace ec2sim::api {

const MemberSet* AwsInputMembers(std::string_view action) {
  static const std::map<std::string, MemberSet, std::less<>> kMembers = {
#include "sim/api/aws_input_members.inc"
  };
  auto it = kMembers.find(action);
  return it == kMembers.end() ? nullptr : &it->second;
}

}  // namespace ec2sim::api
