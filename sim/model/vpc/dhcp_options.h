// DHCP options sets: created, associated with VPCs ("default" meaning none), deleted while no
// VPC uses them. The simulator stores them; nothing resolves names through them.
#ifndef EC2SIM_MODEL_VPC_DHCP_OPTIONS_H_
#define EC2SIM_MODEL_VPC_DHCP_OPTIONS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/world.h"

namespace ec2sim::model {

using DhcpConfiguration = std::pair<std::string, std::vector<std::string>>;

// Errors: kInvalidDhcpOptionsIdMalformed, kInvalidDhcpOptionIdNotFound.
Result<DhcpOptions*> FindDhcpOptions(Scope& scope, std::string_view id);

// Creates a set from its configurations (keys and values as AWS documents them in
// https://docs.aws.amazon.com/vpc/latest/userguide/DHCPOptionSet.html). Errors:
// kMissingParameter (no configuration), kInvalidParameterValue (unknown key, no or too many
// values, bad netbios-node-type, a key given twice).
Result<DhcpOptions*> CreateDhcpOptions(World& world, Scope& scope,
                                       std::vector<DhcpConfiguration> configurations,
                                       const TagList& tags);

// Associates a set with a VPC; "default" leaves the VPC with none. Errors: those of FindVpc and
// FindDhcpOptions.
Status AssociateDhcpOptions(Scope& scope, const std::string& dhcp_options_id,
                            const std::string& vpc_id);

// Errors: kDependencyViolation while a VPC uses the set.
Status DeleteDhcpOptions(Scope& scope, const std::string& dhcp_options_id);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_DHCP_OPTIONS_H_
