// The members of AWS's EC2 API that each implemented action takes, as botocore's model lists
// them. The wire model is out of the api layer's reach, so tools/trim_ec2_model.py writes the
// top-level input members into aws_input_members.inc beside this file.
#ifndef EC2SIM_API_AWS_MEMBERS_H_
#define EC2SIM_API_AWS_MEMBERS_H_

#include <set>
#include <string>
#include <string_view>

namespace ec2sim::api {

using MemberSet = std::set<std::string, std::less<>>;

// The top-level input members AWS's API has for `action`; nullptr for an action the model does
// not list (a simulator verb such as probe).
const MemberSet* AwsInputMembers(std::string_view action);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_AWS_MEMBERS_H_
