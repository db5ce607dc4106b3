// What the HTTP client of `ec2sim serve` needs to know about addresses and error codes, without
// the HTTP library.
#ifndef EC2SIM_SIM_CLIENT_ENDPOINT_H_
#define EC2SIM_SIM_CLIENT_ENDPOINT_H_

#include <optional>
#include <string>
#include <string_view>

#include "ec2sim/result.h"

namespace ec2sim::client {

// "http://host:port" from `endpoint` with trailing slashes removed. Error: kSimInvalidInput when
// the scheme is not http or https, the host is empty, the port is not 1..65535, or a path,
// query or credentials follow the host.
Result<std::string> NormalizeEndpoint(std::string_view endpoint);

// The ErrorCode whose AwsCode() is `aws_code`, or nullopt for a code this build does not know.
std::optional<ErrorCode> ErrorCodeFromAws(std::string_view aws_code);

// `text` %-encoded for a query value: everything but RFC 3986's unreserved characters.
std::string PercentEncode(std::string_view text);

// True for a 12-digit account id.
bool IsAccountId(std::string_view text);

}  // namespace ec2sim::client

#endif  // EC2SIM_SIM_CLIENT_ENDPOINT_H_
