// The error-code list: every ErrorCode keeps its AWS string and HTTP status, and every string
// maps back to its code.
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string_view>

#include "ec2sim/result.h"

namespace ec2sim {
namespace {

struct Expected {
  ErrorCode code;
  std::string_view aws;
  int http;
};

// The wire strings clients match on, written out once more by hand: a change to the list that
// renames a code or moves its status fails here.
constexpr Expected kGolden[] = {
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
    {ErrorCode::kIncompleteSignature, "IncompleteSignature", 400},
    {ErrorCode::kMissingAuthenticationToken, "MissingAuthenticationToken", 403},
    {ErrorCode::kRequestExpired, "RequestExpired", 400},
    {ErrorCode::kNoSuchVersion, "NoSuchVersion", 400},
    {ErrorCode::kSimBadRequest, "Ec2sim.BadRequest", 400},
    {ErrorCode::kSimPayloadTooLarge, "Ec2sim.PayloadTooLarge", 413},
    {ErrorCode::kSimUnsupportedContentEncoding, "Ec2sim.UnsupportedContentEncoding", 415},
    {ErrorCode::kSimHeaderTooLarge, "Ec2sim.RequestHeaderFieldsTooLarge", 431},
    {ErrorCode::kSimParameterNotModeled, "Ec2sim.ParameterNotModeled", 400},
    {ErrorCode::kInvalidVpcIdMalformed, "InvalidVpcID.Malformed", 400},
    {ErrorCode::kInvalidVpcRange, "InvalidVpc.Range", 400},
    {ErrorCode::kVpcLimitExceeded, "VpcLimitExceeded", 400},
    {ErrorCode::kDefaultVpcAlreadyExists, "DefaultVpcAlreadyExists", 400},
    {ErrorCode::kInvalidVpcCidrBlockAssociationIdNotFound,
     "InvalidVpcCidrBlockAssociationID.NotFound", 400},
    {ErrorCode::kInvalidSubnetIdMalformed, "InvalidSubnetID.Malformed", 400},
    {ErrorCode::kInvalidSubnetConflict, "InvalidSubnet.Conflict", 400},
    {ErrorCode::kInvalidSubnetRange, "InvalidSubnet.Range", 400},
    {ErrorCode::kSubnetLimitExceeded, "SubnetLimitExceeded", 400},
    {ErrorCode::kInsufficientFreeAddressesInSubnet, "InsufficientFreeAddressesInSubnet", 400},
    {ErrorCode::kInvalidInternetGatewayIdNotFound, "InvalidInternetGatewayID.NotFound", 400},
    {ErrorCode::kInvalidInternetGatewayIdMalformed, "InvalidInternetGatewayId.Malformed", 400},
    {ErrorCode::kInternetGatewayLimitExceeded, "InternetGatewayLimitExceeded", 400},
    {ErrorCode::kGatewayNotAttached, "Gateway.NotAttached", 400},
    {ErrorCode::kInvalidGatewayIdNotFound, "InvalidGatewayID.NotFound", 400},
    {ErrorCode::kInvalidEgressOnlyInternetGatewayIdNotFound,
     "InvalidEgressOnlyInternetGatewayId.NotFound", 400},
    {ErrorCode::kInvalidRouteTableIdNotFound, "InvalidRouteTableID.NotFound", 400},
    {ErrorCode::kInvalidRouteTableIdMalformed, "InvalidRouteTableId.Malformed", 400},
    {ErrorCode::kRouteTableLimitExceeded, "RouteTableLimitExceeded", 400},
    {ErrorCode::kInvalidRouteNotFound, "InvalidRoute.NotFound", 400},
    {ErrorCode::kInvalidRouteMalformed, "InvalidRoute.Malformed", 400},
    {ErrorCode::kRouteAlreadyExists, "RouteAlreadyExists", 400},
    {ErrorCode::kRouteLimitExceeded, "RouteLimitExceeded", 400},
    {ErrorCode::kNatGatewayNotFound, "NatGatewayNotFound", 400},
    {ErrorCode::kNatGatewayMalformed, "NatGatewayMalformed", 400},
    {ErrorCode::kInvalidNatGatewayIdNotFound, "InvalidNatGatewayID.NotFound", 400},
    {ErrorCode::kNatGatewayLimitExceeded, "NatGatewayLimitExceeded", 400},
    {ErrorCode::kInvalidVpcPeeringConnectionIdNotFound, "InvalidVpcPeeringConnectionID.NotFound",
     400},
    {ErrorCode::kInvalidVpcPeeringConnectionIdMalformed, "InvalidVpcPeeringConnectionId.Malformed",
     400},
    {ErrorCode::kInvalidStateTransition, "InvalidStateTransition", 400},
    {ErrorCode::kInvalidDhcpOptionIdNotFound, "InvalidDhcpOptionID.NotFound", 400},
    {ErrorCode::kInvalidDhcpOptionsIdMalformed, "InvalidDhcpOptionsId.Malformed", 400},
    {ErrorCode::kIncorrectState, "IncorrectState", 400},
    {ErrorCode::kInvalidAddressMalformed, "InvalidAddress.Malformed", 400},
    {ErrorCode::kInvalidVolumeNotFound, "InvalidVolume.NotFound", 400},
    {ErrorCode::kInvalidVolumeIdMalformed, "InvalidVolumeID.Malformed", 400},
    {ErrorCode::kInvalidVolumeZoneMismatch, "InvalidVolume.ZoneMismatch", 400},
    {ErrorCode::kVolumeInUse, "VolumeInUse", 400},
    {ErrorCode::kIncorrectModificationState, "IncorrectModificationState", 400},
    {ErrorCode::kVolumeModificationRateExceeded, "VolumeModificationRateExceeded", 400},
    {ErrorCode::kNoSuchEntity, "NoSuchEntity", 404},
    {ErrorCode::kInvalidLaunchTemplateIdMalformed, "InvalidLaunchTemplateId.Malformed", 400},
    {ErrorCode::kInvalidLaunchTemplateIdNotFound, "InvalidLaunchTemplateId.NotFound", 400},
    {ErrorCode::kInvalidLaunchTemplateIdVersionNotFound, "InvalidLaunchTemplateId.VersionNotFound",
     400},
    {ErrorCode::kLaunchTemplateNameInUse, "InvalidLaunchTemplateName.AlreadyExistsException", 400},
    {ErrorCode::kInvalidLaunchTemplateNameMalformed, "InvalidLaunchTemplateName.MalformedException",
     400},
    {ErrorCode::kInvalidLaunchTemplateNameNotFound, "InvalidLaunchTemplateName.NotFoundException",
     400},
    {ErrorCode::kResourceLimitExceeded, "ResourceLimitExceeded", 400},
    {ErrorCode::kUnsupported, "Unsupported", 400},
    {ErrorCode::kInvalidSnapshotNotFound, "InvalidSnapshot.NotFound", 400},
    {ErrorCode::kInvalidSnapshotIdMalformed, "InvalidSnapshotID.Malformed", 400},
    {ErrorCode::kInvalidSnapshotInUse, "InvalidSnapshot.InUse", 400},
    {ErrorCode::kInvalidAmiIdUnavailable, "InvalidAMIID.Unavailable", 400},
    {ErrorCode::kInvalidAmiNameDuplicate, "InvalidAMIName.Duplicate", 400},
    {ErrorCode::kInvalidAmiNameMalformed, "InvalidAMIName.Malformed", 400},
};

TEST(ErrorCodeList, EveryCodeKeepsItsStringAndStatus) {
  for (const Expected& e : kGolden) {
    EXPECT_EQ(AwsCode(e.code), e.aws);
    EXPECT_EQ(HttpStatus(e.code), e.http) << e.aws;
  }
}

TEST(ErrorCodeList, TheGoldenTableCoversEveryCodeInOrder) {
  int n = 0;
#define EC2SIM_COUNT_ERROR_CODE(name, aws, http)            \
  EXPECT_EQ(static_cast<int>(ErrorCode::name), n) << #name; \
  ASSERT_LT(n, static_cast<int>(std::size(kGolden)));       \
  EXPECT_EQ(kGolden[n].code, ErrorCode::name) << #name;     \
  ++n;
  EC2SIM_ERROR_CODES(EC2SIM_COUNT_ERROR_CODE)
#undef EC2SIM_COUNT_ERROR_CODE
  EXPECT_EQ(n, static_cast<int>(std::size(kGolden)));
}

TEST(ErrorCodeList, EveryCodeRoundTripsThroughItsString) {
  std::set<std::string_view> seen;
  for (const Expected& e : kGolden) {
    EXPECT_EQ(ErrorCodeFromAwsCode(AwsCode(e.code)), e.code) << e.aws;
    EXPECT_TRUE(seen.insert(AwsCode(e.code)).second) << "duplicate string " << e.aws;
  }
}

TEST(ErrorCodeList, UnknownStringsMapToNothing) {
  EXPECT_EQ(ErrorCodeFromAwsCode("NoSuchCode"), std::nullopt);
  EXPECT_EQ(ErrorCodeFromAwsCode(""), std::nullopt);
  // Exact match only: AWS's codes are case-sensitive.
  EXPECT_EQ(ErrorCodeFromAwsCode("invalidinstanceid.notfound"), std::nullopt);
  EXPECT_EQ(ErrorCodeFromAwsCode("InvalidInstanceID"), std::nullopt);
}

}  // namespace
}  // namespace ec2sim
