// The error-code table's lookups, generated from EC2SIM_ERROR_CODES (ec2sim/result.h).
#include <array>

#include "ec2sim/result.h"

namespace ec2sim {
namespace {

struct CodeInfo {
  std::string_view aws;
  int http;
};

// Indexed by the enumerator's value: the list gives the enum its values in the same order.
constexpr CodeInfo kCodes[] = {
#define EC2SIM_ERROR_CODE_INFO(name, aws, http) {aws, http},
    EC2SIM_ERROR_CODES(EC2SIM_ERROR_CODE_INFO)
#undef EC2SIM_ERROR_CODE_INFO
};

const CodeInfo& Lookup(ErrorCode code) {
  auto index = static_cast<std::size_t>(code);
  // Only a value cast from outside the enum falls past the end.
  return index < std::size(kCodes) ? kCodes[index] : kCodes[std::size(kCodes) - 1];
}

}  // namespace

std::string_view AwsCode(ErrorCode code) { return Lookup(code).aws; }
int HttpStatus(ErrorCode code) { return Lookup(code).http; }

std::optional<ErrorCode> ErrorCodeFromAwsCode(std::string_view aws_code) {
  // A few dozen short strings, read only when a remote error is mapped back: a scan will do.
  for (std::size_t i = 0; i < std::size(kCodes); ++i) {
    if (kCodes[i].aws == aws_code) return static_cast<ErrorCode>(i);
  }
  return std::nullopt;
}

}  // namespace ec2sim
