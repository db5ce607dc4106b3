#include "sim/model/vpc/internet_gateways.h"

#include "sim/model/resource_kinds.h"

namespace ec2sim::model {
namespace {

Result<InternetGateway*> FindIgw(Scope& scope, std::string_view igw_id) {
  InternetGateway* igw = scope.internet_gateways.Find(igw_id);
  if (igw == nullptr) return NotFoundError(KindInfo(Kind::kInternetGateway), igw_id);
  return igw;
}

}  // namespace

Result<InternetGateway*> CreateInternetGateway(World& world, Scope& scope, TagList tags) {
  if (scope.internet_gateways.size() >= kInternetGatewaysPerRegion) {
    return MakeError(ErrorCode::kInternetGatewayLimitExceeded,
                     "The maximum number of internet gateways has been reached.");
  }
  InternetGateway igw;
  igw.id = world.NewId("igw");
  igw.tags = std::move(tags);
  std::string id = igw.id;
  return &scope.internet_gateways.Insert(id, std::move(igw));
}

// AttachInternetGateway: "You can attach only one internet gateway to a VPC" (EC2 API Reference,
// AttachInternetGateway); both conflicts answer Resource.AlreadyAssociated.
Status AttachInternetGateway(Scope& scope, std::string_view igw_id, std::string_view vpc_id) {
  EC2SIM_ASSIGN_OR_RETURN(InternetGateway * igw, FindIgw(scope, igw_id));
  if (scope.vpcs.Find(vpc_id) == nullptr) return NotFoundError(KindInfo(Kind::kVpc), vpc_id);
  if (!igw->vpc_id.empty()) {
    return MakeError(ErrorCode::kResourceAlreadyAssociated,
                     "resource " + igw->id + " is already attached to network " + igw->vpc_id);
  }
  if (VpcHasInternetGateway(scope, vpc_id)) {
    return MakeError(
        ErrorCode::kResourceAlreadyAssociated,
        "Network " + std::string(vpc_id) + " already has an internet gateway attached");
  }
  igw->vpc_id = std::string(vpc_id);
  return OkStatus();
}

// DetachInternetGateway: "The VPC must not contain any running EC2 instances with Elastic IP
// addresses or public IPv4 addresses" (EC2 API Reference, DetachInternetGateway).
Status DetachInternetGateway(Scope& scope, std::string_view igw_id, std::string_view vpc_id) {
  EC2SIM_ASSIGN_OR_RETURN(InternetGateway * igw, FindIgw(scope, igw_id));
  if (scope.vpcs.Find(vpc_id) == nullptr) return NotFoundError(KindInfo(Kind::kVpc), vpc_id);
  if (igw->vpc_id != vpc_id) {
    return MakeError(ErrorCode::kGatewayNotAttached,
                     "resource " + igw->id + " is not attached to network " + std::string(vpc_id));
  }
  if (VpcHasMappedPublicAddress(scope, vpc_id)) {
    return MakeError(ErrorCode::kDependencyViolation,
                     "Network " + std::string(vpc_id) +
                         " has some mapped public address(es). Please unmap those public "
                         "address(es) before detaching the gateway.");
  }
  igw->vpc_id.clear();
  return OkStatus();
}

Status DeleteInternetGateway(Scope& scope, std::string_view igw_id) {
  EC2SIM_ASSIGN_OR_RETURN(InternetGateway * igw, FindIgw(scope, igw_id));
  if (!igw->vpc_id.empty()) {
    return MakeError(
        ErrorCode::kDependencyViolation,
        "The internetGateway '" + igw->id + "' has dependencies and cannot be deleted.");
  }
  scope.internet_gateways.Erase(igw_id);
  return OkStatus();
}

Result<EgressOnlyInternetGateway*> CreateEgressOnlyGateway(World& world, Scope& scope,
                                                           std::string_view vpc_id, TagList tags) {
  if (scope.vpcs.Find(vpc_id) == nullptr) return NotFoundError(KindInfo(Kind::kVpc), vpc_id);
  EgressOnlyInternetGateway eigw;
  eigw.id = world.NewId("eigw");
  eigw.vpc_id = std::string(vpc_id);
  eigw.tags = std::move(tags);
  std::string id = eigw.id;
  return &scope.egress_only_gateways.Insert(id, std::move(eigw));
}

Status DeleteEgressOnlyGateway(Scope& scope, std::string_view eigw_id) {
  if (!scope.egress_only_gateways.Erase(eigw_id)) {
    return NotFoundError(KindInfo(Kind::kEgressOnlyInternetGateway), eigw_id);
  }
  return OkStatus();
}

bool VpcHasInternetGateway(const Scope& scope, std::string_view vpc_id) {
  for (const InternetGateway& igw : scope.internet_gateways.values()) {
    if (igw.vpc_id == vpc_id) return true;
  }
  return false;
}

bool VpcHasEgressOnlyGateway(const Scope& scope, std::string_view vpc_id) {
  for (const EgressOnlyInternetGateway& eigw : scope.egress_only_gateways.values()) {
    if (eigw.vpc_id == vpc_id) return true;
  }
  return false;
}

bool VpcHasMappedPublicAddress(const Scope& scope, std::string_view vpc_id) {
  for (const NetworkInterface& eni : scope.interfaces.values()) {
    if (eni.vpc_id == vpc_id && eni.public_ip != 0) return true;
  }
  for (const NatGateway& nat : scope.nat_gateways.values()) {
    if (nat.vpc_id == vpc_id && nat.is_public && nat.state != "deleted" && nat.state != "failed") {
      return true;
    }
  }
  return false;
}

}  // namespace ec2sim::model
