#include "sim/api/action_table.h"

namespace ec2sim::api {

std::vector<std::string> ActionTable::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, entry] : actions_) names.push_back(name);
  return names;
}

const ActionTable& ActionTable::Get() {
  static const ActionTable kTable = [] {
    ActionTable t;
    RegisterInstanceActions(t);
    RegisterAddressActions(t);
    RegisterKeyPairActions(t);
    RegisterSecurityGroupActions(t);
    RegisterTagActions(t);
    RegisterDescribeActions(t);
    RegisterNetworkAclActions(t);
    RegisterInternetGatewayActions(t);
    RegisterRouteTableActions(t);
    RegisterPeeringActions(t);
    RegisterNatGatewayActions(t);
    RegisterInstanceAttributeActions(t);
    RegisterCreditSpecificationActions(t);
    RegisterAddressAttributeActions(t);
    RegisterVolumeActions(t);
    RegisterAccountActions(t);
    RegisterLaunchTemplateActions(t);
    RegisterInstanceTypeOfferingActions(t);
    RegisterSnapshotActions(t);
    RegisterMonitoringActions(t);
    RegisterOwnImageActions(t);
    return t;
  }();
  return kTable;
}

}  // namespace ec2sim::api
