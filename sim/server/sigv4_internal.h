// Helpers shared by sigv4.cc (reading and verifying) and sigv4_canonical.cc (canonical form
// and signing). Not part of the public interface.
#ifndef EC2SIM_SERVER_SIGV4_INTERNAL_H_
#define EC2SIM_SERVER_SIGV4_INTERNAL_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/server/sigv4.h"

namespace ec2sim::server::sigv4::internal {

inline constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";
inline constexpr std::string_view kTerminator = "aws4_request";
inline constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";

std::string_view Trim(std::string_view s);

using Pairs = std::vector<std::pair<std::string, std::string>>;
// The %-decoded key/value pairs of a raw query string, in order; empty pieces are skipped.
// '+' is a space, as in the form decoding the server applies to the same query.
Pairs SplitQuery(std::string_view query);
// The value of the first pair named `key`, or null.
const std::string* FindPair(const Pairs& pairs, std::string_view key);
// The values of every header named `name` (any case), in the order received.
std::vector<std::string_view> HeaderValues(const Request& request, std::string_view name);

}  // namespace ec2sim::server::sigv4::internal

#endif  // EC2SIM_SERVER_SIGV4_INTERNAL_H_
