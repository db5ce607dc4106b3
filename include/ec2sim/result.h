// Error values and Result<T>: how every layer of ec2sim reports a failure that comes from
// input or from simulated state. Broken invariants assert instead.
//
// An ErrorCode names an AWS EC2 error code exactly (AwsCode() gives the wire string, such as
// "InvalidInstanceID.NotFound") and carries the HTTP status AWS answers it with. A few codes
// belong to the simulator itself (scenario files, CLI input); their strings start with
// "Ec2sim." so they can never be mistaken for AWS's.
#ifndef EC2SIM_RESULT_H_
#define EC2SIM_RESULT_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace ec2sim {

enum class ErrorCode {
  // Request shape.
  kInvalidParameterValue,
  kInvalidParameterCombination,
  kInvalidParameter,
  kMissingParameter,
  kUnknownParameter,
  kInvalidAction,
  kUnsupportedOperation,
  kDryRunOperation,
  kInvalidId,
  kInvalidFilter,
  kInvalidNextToken,
  // Instances and images.
  kInvalidInstanceIdNotFound,
  kInvalidInstanceIdMalformed,
  kIncorrectInstanceState,
  kInvalidAmiIdNotFound,
  kInvalidAmiIdMalformed,
  kInstanceLimitExceeded,
  kVcpuLimitExceeded,
  kOperationNotPermitted,
  // Key pairs.
  kInvalidKeyPairNotFound,
  kInvalidKeyPairDuplicate,
  kInvalidKeyPairFormat,
  // Addresses.
  kInvalidAllocationIdNotFound,
  kInvalidAssociationIdNotFound,
  kInvalidAddressNotFound,
  kInvalidIpAddressInUse,
  kAddressLimitExceeded,
  kResourceAlreadyAssociated,
  // Security groups.
  kInvalidGroupNotFound,
  kInvalidGroupDuplicate,
  kInvalidGroupIdMalformed,
  kInvalidPermissionDuplicate,
  kInvalidPermissionNotFound,
  kInvalidPermissionMalformed,
  kInvalidSecurityGroupRuleIdNotFound,
  kRulesPerSecurityGroupLimitExceeded,
  kSecurityGroupsPerInterfaceLimitExceeded,
  kSecurityGroupLimitExceeded,
  kDependencyViolation,
  kCannotDelete,
  // VPC resources.
  kInvalidVpcIdNotFound,
  kInvalidSubnetIdNotFound,
  kInvalidNetworkInterfaceIdNotFound,
  kInvalidNetworkAclIdNotFound,
  kInvalidNetworkAclEntryNotFound,
  kNetworkAclEntryAlreadyExists,
  kNetworkAclEntryLimitExceeded,
  kNetworkAclLimitExceeded,
  kInvalidAvailabilityZone,
  // Tags.
  kTagLimitExceeded,
  // Authentication and service.
  kAuthFailure,
  kSignatureDoesNotMatch,
  kUnauthorizedOperation,
  kOptInRequired,
  kRequestLimitExceeded,
  kInternalError,
  // The simulator's own (never sent as EC2 errors by AWS).
  kSimInvalidInput,
  kSimNotFound,
  kSimExpectationFailed,
  kSimUnsupported,
  // Request signing (appended; EC2's common errors).
  kIncompleteSignature,
  kMissingAuthenticationToken,
  kRequestExpired,
};

// The AWS code string, e.g. "InvalidInstanceID.NotFound".
std::string_view AwsCode(ErrorCode code);
// The HTTP status AWS answers this code with (400 for most client errors).
int HttpStatus(ErrorCode code);

// An error as a value: a code and a human-readable message in AWS's wording where AWS has one.
struct Error {
  ErrorCode code;
  std::string message;
};

inline Error MakeError(ErrorCode code, std::string message) {
  return Error{code, std::move(message)};
}

// Holds either a T or an Error. Accessing the wrong alternative is a broken invariant.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const& {
    assert(!ok());
    return std::get<1>(v_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(v_));
  }

 private:
  std::variant<T, Error> v_;
};

// Result of an operation that produces no value.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& {
    assert(!ok_);
    return error_;
  }
  Error&& error() && {
    assert(!ok_);
    return std::move(error_);
  }

 private:
  Error error_{ErrorCode::kInternalError, ""};
  bool ok_ = true;
};

using Status = Result<void>;

inline Status OkStatus() { return Status(); }

}  // namespace ec2sim

// Propagates the error of a Result-returning expression, otherwise evaluates to nothing.
#define EC2SIM_RETURN_IF_ERROR(expr)            \
  do {                                          \
    auto ec2sim_status_ = (expr);               \
    if (!ec2sim_status_.ok()) {                 \
      return std::move(ec2sim_status_).error(); \
    }                                           \
  } while (0)

#define EC2SIM_CONCAT_INNER_(a, b) a##b
#define EC2SIM_CONCAT_(a, b) EC2SIM_CONCAT_INNER_(a, b)
// `EC2SIM_ASSIGN_OR_RETURN(auto x, Expr());` binds the value or propagates the error.
#define EC2SIM_ASSIGN_OR_RETURN(decl, expr)                             \
  auto EC2SIM_CONCAT_(ec2sim_result_, __LINE__) = (expr);               \
  if (!EC2SIM_CONCAT_(ec2sim_result_, __LINE__).ok()) {                 \
    return std::move(EC2SIM_CONCAT_(ec2sim_result_, __LINE__)).error(); \
  }                                                                     \
  decl = std::move(EC2SIM_CONCAT_(ec2sim_result_, __LINE__)).value()

#endif  // EC2SIM_RESULT_H_
