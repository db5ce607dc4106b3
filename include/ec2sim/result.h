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
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace ec2sim {

// Every error code, once: X(enumerator, AWS code string, HTTP status). The enum below, AwsCode,
// HttpStatus and ErrorCodeFromAwsCode are all generated from this list, so a new code is one
// line here. HTTP statuses are 400 for client errors unless AWS is observed to answer otherwise
// (ec2-semantics.md §2.3: AuthFailure 401, UnauthorizedOperation 403, RequestLimitExceeded 503);
// the request-signing codes take theirs from EC2's Common Errors page
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/CommonErrors.html). New codes go at
// the end, which keeps every enumerator's value.
#define EC2SIM_ERROR_CODES(X)                                                                 \
  /* Request shape. */                                                                        \
  X(kInvalidParameterValue, "InvalidParameterValue", 400)                                     \
  X(kInvalidParameterCombination, "InvalidParameterCombination", 400)                         \
  X(kInvalidParameter, "InvalidParameter", 400)                                               \
  X(kMissingParameter, "MissingParameter", 400)                                               \
  X(kUnknownParameter, "UnknownParameter", 400)                                               \
  X(kInvalidAction, "InvalidAction", 400)                                                     \
  X(kUnsupportedOperation, "UnsupportedOperation", 400)                                       \
  X(kDryRunOperation, "DryRunOperation", 412)                                                 \
  X(kInvalidId, "InvalidID", 400)                                                             \
  X(kInvalidFilter, "InvalidFilter", 400)                                                     \
  X(kInvalidNextToken, "InvalidNextToken", 400)                                               \
  /* Instances and images. */                                                                 \
  X(kInvalidInstanceIdNotFound, "InvalidInstanceID.NotFound", 400)                            \
  X(kInvalidInstanceIdMalformed, "InvalidInstanceID.Malformed", 400)                          \
  X(kIncorrectInstanceState, "IncorrectInstanceState", 400)                                   \
  X(kInvalidAmiIdNotFound, "InvalidAMIID.NotFound", 400)                                      \
  X(kInvalidAmiIdMalformed, "InvalidAMIID.Malformed", 400)                                    \
  X(kInstanceLimitExceeded, "InstanceLimitExceeded", 400)                                     \
  X(kVcpuLimitExceeded, "VcpuLimitExceeded", 400)                                             \
  X(kOperationNotPermitted, "OperationNotPermitted", 400)                                     \
  /* Key pairs. */                                                                            \
  X(kInvalidKeyPairNotFound, "InvalidKeyPair.NotFound", 400)                                  \
  X(kInvalidKeyPairDuplicate, "InvalidKeyPair.Duplicate", 400)                                \
  X(kInvalidKeyPairFormat, "InvalidKeyPair.Format", 400)                                      \
  /* Addresses. */                                                                            \
  X(kInvalidAllocationIdNotFound, "InvalidAllocationID.NotFound", 400)                        \
  X(kInvalidAssociationIdNotFound, "InvalidAssociationID.NotFound", 400)                      \
  X(kInvalidAddressNotFound, "InvalidAddress.NotFound", 400)                                  \
  X(kInvalidIpAddressInUse, "InvalidIPAddress.InUse", 400)                                    \
  X(kAddressLimitExceeded, "AddressLimitExceeded", 400)                                       \
  X(kResourceAlreadyAssociated, "Resource.AlreadyAssociated", 400)                            \
  /* Security groups. */                                                                      \
  X(kInvalidGroupNotFound, "InvalidGroup.NotFound", 400)                                      \
  X(kInvalidGroupDuplicate, "InvalidGroup.Duplicate", 400)                                    \
  X(kInvalidGroupIdMalformed, "InvalidGroupId.Malformed", 400)                                \
  X(kInvalidPermissionDuplicate, "InvalidPermission.Duplicate", 400)                          \
  X(kInvalidPermissionNotFound, "InvalidPermission.NotFound", 400)                            \
  X(kInvalidPermissionMalformed, "InvalidPermission.Malformed", 400)                          \
  X(kInvalidSecurityGroupRuleIdNotFound, "InvalidSecurityGroupRuleId.NotFound", 400)          \
  X(kRulesPerSecurityGroupLimitExceeded, "RulesPerSecurityGroupLimitExceeded", 400)           \
  X(kSecurityGroupsPerInterfaceLimitExceeded, "SecurityGroupsPerInterfaceLimitExceeded", 400) \
  X(kSecurityGroupLimitExceeded, "SecurityGroupLimitExceeded", 400)                           \
  X(kDependencyViolation, "DependencyViolation", 400)                                         \
  X(kCannotDelete, "CannotDelete", 400)                                                       \
  /* VPC resources. */                                                                        \
  X(kInvalidVpcIdNotFound, "InvalidVpcID.NotFound", 400)                                      \
  X(kInvalidSubnetIdNotFound, "InvalidSubnetID.NotFound", 400)                                \
  X(kInvalidNetworkInterfaceIdNotFound, "InvalidNetworkInterfaceID.NotFound", 400)            \
  X(kInvalidNetworkAclIdNotFound, "InvalidNetworkAclID.NotFound", 400)                        \
  X(kInvalidNetworkAclEntryNotFound, "InvalidNetworkAclEntry.NotFound", 400)                  \
  X(kNetworkAclEntryAlreadyExists, "NetworkAclEntryAlreadyExists", 400)                       \
  X(kNetworkAclEntryLimitExceeded, "NetworkAclEntryLimitExceeded", 400)                       \
  X(kNetworkAclLimitExceeded, "NetworkAclLimitExceeded", 400)                                 \
  X(kInvalidAvailabilityZone, "InvalidAvailabilityZone", 400)                                 \
  /* Tags. */                                                                                 \
  X(kTagLimitExceeded, "TagLimitExceeded", 400)                                               \
  /* Authentication and service. */                                                           \
  X(kAuthFailure, "AuthFailure", 401)                                                         \
  X(kSignatureDoesNotMatch, "SignatureDoesNotMatch", 403)                                     \
  X(kUnauthorizedOperation, "UnauthorizedOperation", 403)                                     \
  X(kOptInRequired, "OptInRequired", 401)                                                     \
  X(kRequestLimitExceeded, "RequestLimitExceeded", 503)                                       \
  X(kInternalError, "InternalError", 500)                                                     \
  /* The simulator's own (never sent as EC2 errors by AWS). */                                \
  X(kSimInvalidInput, "Ec2sim.InvalidInput", 400)                                             \
  X(kSimNotFound, "Ec2sim.NotFound", 404)                                                     \
  X(kSimExpectationFailed, "Ec2sim.ExpectationFailed", 400)                                   \
  X(kSimUnsupported, "Ec2sim.Unsupported", 400)                                               \
  /* Request signing (appended; EC2's common errors). */                                      \
  X(kIncompleteSignature, "IncompleteSignature", 400)                                         \
  X(kMissingAuthenticationToken, "MissingAuthenticationToken", 403)                           \
  X(kRequestExpired, "RequestExpired", 400)                                                   \
  /* Request protocol (appended; EC2's common errors). */                                     \
  X(kNoSuchVersion, "NoSuchVersion", 400)                                                     \
  /* HTTP framing, refused before any route (appended; docs/hardening.md). */                 \
  X(kSimBadRequest, "Ec2sim.BadRequest", 400)                                                 \
  X(kSimPayloadTooLarge, "Ec2sim.PayloadTooLarge", 413)                                       \
  X(kSimUnsupportedContentEncoding, "Ec2sim.UnsupportedContentEncoding", 415)                 \
  X(kSimHeaderTooLarge, "Ec2sim.RequestHeaderFieldsTooLarge", 431)                            \
  /* A member of AWS's API the simulator does not model (docs/model.md, "Requests"). */       \
  X(kSimParameterNotModeled, "Ec2sim.ParameterNotModeled", 400)                               \
  /* Your own VPCs (appended; EC2's error codes page,                                          \
     https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html). */          \
  X(kInvalidVpcIdMalformed, "InvalidVpcID.Malformed", 400)                                    \
  X(kInvalidVpcRange, "InvalidVpc.Range", 400)                                                \
  X(kVpcLimitExceeded, "VpcLimitExceeded", 400)                                               \
  X(kDefaultVpcAlreadyExists, "DefaultVpcAlreadyExists", 400)                                 \
  X(kInvalidVpcCidrBlockAssociationIdNotFound, "InvalidVpcCidrBlockAssociationID.NotFound", 400) \
  X(kInvalidSubnetIdMalformed, "InvalidSubnetID.Malformed", 400)                              \
  X(kInvalidSubnetConflict, "InvalidSubnet.Conflict", 400)                                    \
  X(kInvalidSubnetRange, "InvalidSubnet.Range", 400)                                          \
  X(kSubnetLimitExceeded, "SubnetLimitExceeded", 400)                                         \
  X(kInsufficientFreeAddressesInSubnet, "InsufficientFreeAddressesInSubnet", 400)            \
  X(kInvalidInternetGatewayIdNotFound, "InvalidInternetGatewayID.NotFound", 400)              \
  X(kInvalidInternetGatewayIdMalformed, "InvalidInternetGatewayId.Malformed", 400)            \
  X(kInternetGatewayLimitExceeded, "InternetGatewayLimitExceeded", 400)                       \
  X(kGatewayNotAttached, "Gateway.NotAttached", 400)                                          \
  X(kInvalidGatewayIdNotFound, "InvalidGatewayID.NotFound", 400)                              \
  X(kInvalidEgressOnlyInternetGatewayIdNotFound,                                              \
    "InvalidEgressOnlyInternetGatewayId.NotFound", 400)                                       \
  X(kInvalidRouteTableIdNotFound, "InvalidRouteTableID.NotFound", 400)                        \
  X(kInvalidRouteTableIdMalformed, "InvalidRouteTableId.Malformed", 400)                      \
  X(kRouteTableLimitExceeded, "RouteTableLimitExceeded", 400)                                 \
  X(kInvalidRouteNotFound, "InvalidRoute.NotFound", 400)                                      \
  X(kInvalidRouteMalformed, "InvalidRoute.Malformed", 400)                                    \
  X(kRouteAlreadyExists, "RouteAlreadyExists", 400)                                           \
  X(kRouteLimitExceeded, "RouteLimitExceeded", 400)                                           \
  X(kNatGatewayNotFound, "NatGatewayNotFound", 400)                                           \
  X(kNatGatewayMalformed, "NatGatewayMalformed", 400)                                         \
  X(kInvalidNatGatewayIdNotFound, "InvalidNatGatewayID.NotFound", 400)                        \
  X(kNatGatewayLimitExceeded, "NatGatewayLimitExceeded", 400)                                 \
  X(kInvalidVpcPeeringConnectionIdNotFound, "InvalidVpcPeeringConnectionID.NotFound", 400)    \
  X(kInvalidVpcPeeringConnectionIdMalformed, "InvalidVpcPeeringConnectionId.Malformed", 400)  \
  X(kInvalidStateTransition, "InvalidStateTransition", 400)                                   \
  X(kInvalidDhcpOptionIdNotFound, "InvalidDhcpOptionID.NotFound", 400)                        \
  X(kInvalidDhcpOptionsIdMalformed, "InvalidDhcpOptionsId.Malformed", 400)                    \
  X(kIncorrectState, "IncorrectState", 400)                                                   \
  X(kInvalidAddressMalformed, "InvalidAddress.Malformed", 400)                                \
  X(kInvalidVolumeNotFound, "InvalidVolume.NotFound", 400)                                    \
  X(kInvalidVolumeIdMalformed, "InvalidVolumeID.Malformed", 400)                              \
  X(kInvalidVolumeZoneMismatch, "InvalidVolume.ZoneMismatch", 400)                            \
  X(kVolumeInUse, "VolumeInUse", 400)                                                         \
  X(kIncorrectModificationState, "IncorrectModificationState", 400)                           \
  X(kVolumeModificationRateExceeded, "VolumeModificationRateExceeded", 400)                   \
  /* IAM (identity endpoint). */                                                              \
  X(kNoSuchEntity, "NoSuchEntity", 404)                                                        \
  X(kInvalidLaunchTemplateIdMalformed, "InvalidLaunchTemplateId.Malformed", 400)              \
  X(kInvalidLaunchTemplateIdNotFound, "InvalidLaunchTemplateId.NotFound", 400)                \
  X(kInvalidLaunchTemplateIdVersionNotFound, "InvalidLaunchTemplateId.VersionNotFound", 400)  \
  X(kLaunchTemplateNameInUse, "InvalidLaunchTemplateName.AlreadyExistsException", 400)        \
  X(kInvalidLaunchTemplateNameMalformed, "InvalidLaunchTemplateName.MalformedException", 400) \
  X(kInvalidLaunchTemplateNameNotFound, "InvalidLaunchTemplateName.NotFoundException", 400)   \
  X(kResourceLimitExceeded, "ResourceLimitExceeded", 400)                                     \
  X(kUnsupported, "Unsupported", 400)                                                         \
  /* EBS snapshots (EC2 API Reference, "Error codes for the Amazon EC2 API"). */              \
  X(kInvalidSnapshotNotFound, "InvalidSnapshot.NotFound", 400)                                \
  X(kInvalidSnapshotIdMalformed, "InvalidSnapshotID.Malformed", 400)                          \
  X(kInvalidSnapshotInUse, "InvalidSnapshot.InUse", 400)                                      \
  /* Own images (EC2 API Reference, "Error codes for the Amazon EC2 API"). */                 \
  X(kInvalidAmiIdUnavailable, "InvalidAMIID.Unavailable", 400)                                \
  X(kInvalidAmiNameDuplicate, "InvalidAMIName.Duplicate", 400)                                \
  X(kInvalidAmiNameMalformed, "InvalidAMIName.Malformed", 400)

enum class ErrorCode {
#define EC2SIM_ERROR_CODE_ENUMERATOR(name, aws, http) name,
  EC2SIM_ERROR_CODES(EC2SIM_ERROR_CODE_ENUMERATOR)
#undef EC2SIM_ERROR_CODE_ENUMERATOR
};

// The AWS code string, e.g. "InvalidInstanceID.NotFound".
std::string_view AwsCode(ErrorCode code);
// The HTTP status AWS answers this code with (400 for most client errors).
int HttpStatus(ErrorCode code);
// The ErrorCode whose AwsCode() is `aws_code` (exact, case-sensitive); nullopt for a string that
// names no code of ours.
std::optional<ErrorCode> ErrorCodeFromAwsCode(std::string_view aws_code);

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
