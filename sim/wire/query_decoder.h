// Decoding EC2 Query requests (ec2-semantics.md §2.1) into the boto3-shaped JSON the action
// table speaks: "InstanceId.1=i-1&Filter.1.Name=x&Filter.1.Value.1=y" becomes
// {"InstanceIds": ["i-1"], "Filters": [{"Name": "x", "Values": ["y"]}]}, guided by the
// operation's input shape. Knows no sockets: the server hands it the decoded form fields.
#ifndef EC2SIM_WIRE_QUERY_DECODER_H_
#define EC2SIM_WIRE_QUERY_DECODER_H_

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ec2sim/result.h"
#include "sim/wire/service_model.h"

namespace ec2sim::wire {

// Bounds on one request, so no input can make the decoder build unbounded structures (see
// docs/hardening.md). Legitimate requests stay well below each.
inline constexpr std::size_t kMaxQueryParams = 5000;      // form fields per request
inline constexpr std::size_t kMaxQueryNameDepth = 10;     // dot-separated parts of a field name
inline constexpr std::int64_t kMaxQueryListItems = 1000;  // highest list index (EC2's id lists)

// Form fields in the order they arrived.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Parses application/x-www-form-urlencoded text (a POST body or a URL's query string): fields
// separated by '&', '+' meaning a space, %XX escapes. A field without '=' has an empty value;
// empty fields are skipped. Error: kInvalidParameterValue for a broken %-escape or more than
// kMaxQueryParams fields.
Result<QueryParams> ParseFormUrlEncoded(std::string_view text);

// The value of the first field named `key`, if any.
std::optional<std::string> FindParam(const QueryParams& params, std::string_view key);

// Builds the action's JSON parameters from the fields, skipping the protocol's own (Action,
// Version, and signature fields such as X-Amz-*). `input` may be nullptr for an operation
// without parameters. Scalars are typed by the model: integers and longs become JSON integers,
// booleans accept true/false, doubles become numbers; strings, timestamps and blobs (base64)
// stay strings. Lists come out in index order. Errors: kUnknownParameter for a field the
// model does not know, kInvalidParameterValue for a value of the wrong type, a bad list index
// or a field that is both a value and a structure, with the field's wire name in the message;
// kInvalidParameterValue as well for a string that is not UTF-8 and for a request over one of
// the bounds above (too many fields, a name nested too deep, a list index above 1000).
Result<nlohmann::json> DecodeQuery(const Shape* input, const QueryParams& params);

}  // namespace ec2sim::wire

#endif  // EC2SIM_WIRE_QUERY_DECODER_H_
