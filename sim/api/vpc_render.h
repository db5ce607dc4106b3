// VPCs, subnets and DHCP options sets rendered as boto3 returns them (shared by their Create and
// Describe actions), and the registration of the VPC family's mutating actions.
#ifndef EC2SIM_API_VPC_RENDER_H_
#define EC2SIM_API_VPC_RENDER_H_

#include <nlohmann/json.hpp>
#include <string>

#include "sim/api/action_table.h"
#include "sim/model/world.h"

namespace ec2sim::api {

using nlohmann::json;

// One element of DescribeVpcs' Vpcs
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Vpc.html).
json VpcJson(const model::Scope& scope, const model::Vpc& vpc);
// CidrBlockAssociationSet / Ipv6CidrBlockAssociationSet elements.
json VpcCidrJson(const model::VpcCidrAssociation& a);
json VpcIpv6CidrJson(const model::Scope& scope, const model::VpcCidrAssociation& a);
// "arn:aws:ec2:<region>:<account>:subnet/<id>".
std::string SubnetArn(const model::Scope& scope, const model::Subnet& s);
// One element of DescribeSubnets' Subnets
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Subnet.html).
json SubnetJson(const model::Scope& scope, const model::Subnet& s);
// One element of DescribeDhcpOptions' DhcpOptions
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DhcpOptions.html).
json DhcpOptionsJson(const model::Scope& scope, const model::DhcpOptions& d);

// CreateVpc, DeleteVpc, CreateDefaultVpc, Describe/ModifyVpcAttribute, Associate/
// DisassociateVpcCidrBlock (actions_vpcs.cc).
void RegisterVpcLifecycleActions(ActionTable& table);
// CreateSubnet, DeleteSubnet, ModifySubnetAttribute (actions_subnets.cc).
void RegisterSubnetActions(ActionTable& table);
// Create/Associate/Delete/DescribeDhcpOptions (actions_dhcp_options.cc).
void RegisterDhcpOptionsActions(ActionTable& table);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_VPC_RENDER_H_
