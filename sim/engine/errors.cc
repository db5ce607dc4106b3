#include <array>

#include "ec2sim/result.h"

namespace ec2sim {
namespace {

struct CodeInfo {
  ErrorCode code;
  std::string_view aws;
  int http;
};

// HTTP statuses: 400 for client errors unless AWS is observed to answer otherwise
// (ec2-semantics.md §2.3: AuthFailure 401, UnauthorizedOperation 403, RequestLimitExceeded 503).
constexpr CodeInfo kCodes[] = {
    {ErrorCode::kInvalidParameterValue, "InvalidParameterValue", 400},
    {ErrorCode::kInvalidParameterCombination, "InvalidParameterCombination", 400},
    {ErrorCode::kInvalidParameter, "InvalidParameter", 400},
    {ErrorCode::kMissingParameter, "MissingParameter", 400},
    {ErrorCode::kUnknownParameter, "UnknownParameter", 400},
    {ErrorCode::kInvalidAction, "InvalidAction", 400},
    {ErrorCode::kUnsupportedOperation, "UnsupportedOperation", 400},
    {ErrorCode::kDryRunOperation, "DryRunOperation", 412},
    {ErrorCode::kInvalidId, "InvalidID", 400},
    {ErrorCode::kInvalidFilter, "InvalidFilter", 400},
    {ErrorCode::kInvalidNextToken, "InvalidNextToken", 400},
    {ErrorCode::kInvalidInstanceIdNotFound, "InvalidInstanceID.NotFound", 400},
    {ErrorCode::kInvalidInstanceIdMalformed, "InvalidInstanceID.Malformed", 400},
    {ErrorCode::kIncorrectInstanceState, "IncorrectInstanceState", 400},
    {ErrorCode::kInvalidAmiIdNotFound, "InvalidAMIID.NotFound", 400},
    {ErrorCode::kInvalidAmiIdMalformed, "InvalidAMIID.Malformed", 400},
    {ErrorCode::kInstanceLimitExceeded, "InstanceLimitExceeded", 400},
    {ErrorCode::kVcpuLimitExceeded, "VcpuLimitExceeded", 400},
    {ErrorCode::kOperationNotPermitted, "OperationNotPermitted", 400},
    {ErrorCode::kInvalidKeyPairNotFound, "InvalidKeyPair.NotFound", 400},
    {ErrorCode::kInvalidKeyPairDuplicate, "InvalidKeyPair.Duplicate", 400},
    {ErrorCode::kInvalidKeyPairFormat, "InvalidKeyPair.Format", 400},
    {ErrorCode::kInvalidAllocationIdNotFound, "InvalidAllocationID.NotFound", 400},
    {ErrorCode::kInvalidAssociationIdNotFound, "InvalidAssociationID.NotFound", 400},
    {ErrorCode::kInvalidAddressNotFound, "InvalidAddress.NotFound", 400},
    {ErrorCode::kInvalidIpAddressInUse, "InvalidIPAddress.InUse", 400},
    {ErrorCode::kAddressLimitExceeded, "AddressLimitExceeded", 400},
    {ErrorCode::kResourceAlreadyAssociated, "Resource.AlreadyAssociated", 400},
    {ErrorCode::kInvalidGroupNotFound, "InvalidGroup.NotFound", 400},
    {ErrorCode::kInvalidGroupDuplicate, "InvalidGroup.Duplicate", 400},
    {ErrorCode::kInvalidGroupIdMalformed, "InvalidGroupId.Malformed", 400},
    {ErrorCode::kInvalidPermissionDuplicate, "InvalidPermission.Duplicate", 400},
    {ErrorCode::kInvalidPermissionNotFound, "InvalidPermission.NotFound", 400},
    {ErrorCode::kInvalidPermissionMalformed, "InvalidPermission.Malformed", 400},
    {ErrorCode::kInvalidSecurityGroupRuleIdNotFound, "InvalidSecurityGroupRuleId.NotFound", 400},
    {ErrorCode::kRulesPerSecurityGroupLimitExceeded, "RulesPerSecurityGroupLimitExceeded", 400},
    {ErrorCode::kSecurityGroupsPerInterfaceLimitExceeded, "SecurityGroupsPerInterfaceLimitExceeded",
     400},
    {ErrorCode::kSecurityGroupLimitExceeded, "SecurityGroupLimitExceeded", 400},
    {ErrorCode::kDependencyViolation, "DependencyViolation", 400},
    {ErrorCode::kCannotDelete, "CannotDelete", 400},
    {ErrorCode::kInvalidVpcIdNotFound, "InvalidVpcID.NotFound", 400},
    {ErrorCode::kInvalidSubnetIdNotFound, "InvalidSubnetID.NotFound", 400},
    {ErrorCode::kInvalidNetworkInterfaceIdNotFound, "InvalidNetworkInterfaceID.NotFound", 400},
    {ErrorCode::kInvalidNetworkAclIdNotFound, "InvalidNetworkAclID.NotFound", 400},
    {ErrorCode::kInvalidNetworkAclEntryNotFound, "InvalidNetworkAclEntry.NotFound", 400},
    {ErrorCode::kNetworkAclEntryAlreadyExists, "NetworkAclEntryAlreadyExists", 400},
    {ErrorCode::kNetworkAclEntryLimitExceeded, "NetworkAclEntryLimitExceeded", 400},
    {ErrorCode::kNetworkAclLimitExceeded, "NetworkAclLimitExceeded", 400},
    {ErrorCode::kInvalidAvailabilityZone, "InvalidAvailabilityZone", 400},
    {ErrorCode::kTagLimitExceeded, "TagLimitExceeded", 400},
    {ErrorCode::kAuthFailure, "AuthFailure", 401},
    {ErrorCode::kSignatureDoesNotMatch, "SignatureDoesNotMatch", 403},
    {ErrorCode::kUnauthorizedOperation, "UnauthorizedOperation", 403},
    {ErrorCode::kOptInRequired, "OptInRequired", 401},
    {ErrorCode::kRequestLimitExceeded, "RequestLimitExceeded", 503},
    {ErrorCode::kInternalError, "InternalError", 500},
    {ErrorCode::kSimInvalidInput, "Ec2sim.InvalidInput", 400},
    {ErrorCode::kSimNotFound, "Ec2sim.NotFound", 404},
    {ErrorCode::kSimExpectationFailed, "Ec2sim.ExpectationFailed", 400},
    {ErrorCode::kSimUnsupported, "Ec2sim.Unsupported", 400},
    // Statuses from EC2's Common Errors page
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/CommonErrors.html).
    {ErrorCode::kIncompleteSignature, "IncompleteSignature", 400},
    {ErrorCode::kMissingAuthenticationToken, "MissingAuthenticationToken", 403},
    {ErrorCode::kRequestExpired, "RequestExpired", 400},
};

const CodeInfo& Lookup(ErrorCode code) {
  for (const CodeInfo& info : kCodes) {
    if (info.code == code) return info;
  }
  return kCodes[std::size(kCodes) - 1];  // unreachable while the table is complete (tested)
}

}  // namespace

std::string_view AwsCode(ErrorCode code) { return Lookup(code).aws; }
int HttpStatus(ErrorCode code) { return Lookup(code).http; }

}  // namespace ec2sim
