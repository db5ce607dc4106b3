#include "sim/model/vpc/dhcp_options.h"

#include <algorithm>
#include <array>

#include "sim/model/resource_kinds.h"
#include "sim/model/vpc/vpcs.h"

namespace ec2sim::model {
namespace {

Error BadOption(const std::string& message) {
  return MakeError(ErrorCode::kInvalidParameterValue, message);
}

// The keys AWS accepts and how many values each takes ("DHCP option sets concepts": up to four
// name servers, NTP servers and NetBIOS name servers; one node type; domain names separated by
// spaces in one value, several values accepted).
Status CheckConfiguration(const DhcpConfiguration& c) {
  struct Key {
    std::string_view name;
    std::size_t max_values;
  };
  static constexpr std::array<Key, 6> kKeys = {{{"domain-name", 16},
                                                {"domain-name-servers", 4},
                                                {"ntp-servers", 4},
                                                {"netbios-name-servers", 4},
                                                {"netbios-node-type", 1},
                                                {"ipv6-address-preferred-lease-time", 1}}};
  auto key =
      std::find_if(kKeys.begin(), kKeys.end(), [&](const Key& k) { return k.name == c.first; });
  if (key == kKeys.end()) {
    return BadOption("Value (" + c.first +
                     ") for parameter name is invalid. Unrecognized DHCP "
                     "option name");
  }
  if (c.second.empty()) {
    return BadOption("Value for parameter value is invalid. The option " + c.first +
                     " requires a value.");
  }
  if (c.second.size() > key->max_values) {
    return BadOption("Value for parameter value is invalid. The option " + c.first +
                     " takes at most " + std::to_string(key->max_values) + " values.");
  }
  if (c.first == "netbios-node-type") {
    const std::string& v = c.second[0];
    if (v != "1" && v != "2" && v != "4" && v != "8") {
      return BadOption("Value (" + v + ") for parameter netbios-node-type is invalid.");
    }
  }
  return OkStatus();
}

}  // namespace

Result<DhcpOptions*> FindDhcpOptions(Scope& scope, std::string_view id) {
  const ResourceKind& kind = KindInfo(Kind::kDhcpOptions);
  if (!IsWellFormedId(kind, id)) {
    return MakeError(kind.malformed, "Invalid id: \"" + std::string(id) + "\"");
  }
  DhcpOptions* dopt = scope.dhcp_options.Find(id);
  if (dopt == nullptr) return NotFoundError(kind, id);
  return dopt;
}

Result<DhcpOptions*> CreateDhcpOptions(World& world, Scope& scope,
                                       std::vector<DhcpConfiguration> configurations,
                                       const TagList& tags) {
  if (configurations.empty()) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter dhcpConfiguration");
  }
  for (std::size_t i = 0; i < configurations.size(); ++i) {
    EC2SIM_RETURN_IF_ERROR(CheckConfiguration(configurations[i]));
    for (std::size_t j = 0; j < i; ++j) {
      if (configurations[j].first == configurations[i].first) {
        return BadOption("The DHCP option " + configurations[i].first + " is given twice.");
      }
    }
  }
  DhcpOptions dopt;
  dopt.id = world.NewId("dopt");
  dopt.options = std::move(configurations);
  dopt.tags = tags;
  std::string id = dopt.id;
  return &scope.dhcp_options.Insert(id, std::move(dopt));
}

Status AssociateDhcpOptions(Scope& scope, const std::string& dhcp_options_id,
                            const std::string& vpc_id) {
  if (dhcp_options_id != "default") {
    EC2SIM_RETURN_IF_ERROR(FindDhcpOptions(scope, dhcp_options_id));
  }
  EC2SIM_ASSIGN_OR_RETURN(Vpc * vpc, FindVpc(scope, vpc_id));
  vpc->dhcp_options_id = dhcp_options_id;
  return OkStatus();
}

Status DeleteDhcpOptions(Scope& scope, const std::string& dhcp_options_id) {
  EC2SIM_RETURN_IF_ERROR(FindDhcpOptions(scope, dhcp_options_id));
  for (const Vpc& vpc : scope.vpcs.values()) {
    if (vpc.dhcp_options_id == dhcp_options_id) {
      return MakeError(
          ErrorCode::kDependencyViolation,
          "The dhcpOptions '" + dhcp_options_id + "' has dependencies and cannot be deleted.");
    }
  }
  scope.dhcp_options.Erase(dhcp_options_id);
  return OkStatus();
}

}  // namespace ec2sim::model
