// The Query protocol's own fields of an EC2 request, Action and Version, read by the same rules
// as every other scalar: each may be given once.
#ifndef EC2SIM_WIRE_PROTOCOL_FIELDS_H_
#define EC2SIM_WIRE_PROTOCOL_FIELDS_H_

#include <optional>
#include <string>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/wire/query_decoder.h"

namespace ec2sim::wire {

struct ProtocolFields {
  std::string action;
  std::optional<std::string> version;  // nullopt when the request names none
};

// True when `version` is a published version of the EC2 API (2006-06-26 to 2016-11-15, the
// version every current SDK sends). EC2 still serves requests of each of them.
bool IsEc2ApiVersion(std::string_view version);

// Reads Action and Version. Errors: kInvalidParameterValue when either is given more than once
// (as for any scalar: the decoder never picks one of two values); kMissingParameter when Action
// is missing or empty; kNoSuchVersion for a Version that is not an EC2 API version. A request
// without Version is served as 2016-11-15: every SDK and the AWS CLI send it, and hand-written
// requests (curl, the simulator's own tests) may leave it out.
Result<ProtocolFields> ReadProtocolFields(const QueryParams& params);

}  // namespace ec2sim::wire

#endif  // EC2SIM_WIRE_PROTOCOL_FIELDS_H_
