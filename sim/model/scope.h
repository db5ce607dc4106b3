// Everything one account owns in one region: one map per kind of resource. Each kind is
// described in its own header; scope.h only gathers them.
#ifndef EC2SIM_MODEL_SCOPE_H_
#define EC2SIM_MODEL_SCOPE_H_

#include <map>
#include <set>
#include <string>

#include "sim/model/address.h"
#include "sim/model/id_map.h"
#include "sim/model/images/image.h"
#include "sim/model/instance.h"
#include "sim/model/key_pair.h"
#include "sim/model/launch_templates/launch_template.h"
#include "sim/model/network/network_acl.h"
#include "sim/model/network_interface.h"
#include "sim/model/regions.h"
#include "sim/model/security_group.h"
#include "sim/model/snapshot.h"
#include "sim/model/volume.h"
#include "sim/model/vpc/gateways.h"
#include "sim/model/vpc/nat_gateway.h"
#include "sim/model/vpc/route_table.h"
#include "sim/model/vpc/vpc.h"

namespace ec2sim::model {

// Everything one account owns in one region.
struct Scope {
  std::string account;
  const RegionInfo* region = nullptr;
  std::string default_vpc_id;
  IdMap<Vpc, InlineId> vpcs;
  IdMap<Subnet, InlineId> subnets;
  IdMap<SecurityGroup, InlineId> groups;
  IdMap<NetworkAcl, InlineId> acls;
  IdMap<NetworkInterface, InlineId> interfaces;
  IdMap<Volume, InlineId> volumes;
  IdMap<Instance, InlineId> instances;
  IdMap<Address, InlineId> addresses;
  IdMap<KeyPairRecord> key_pairs;  // keyed by key name
  IdMap<InternetGateway, InlineId> internet_gateways;
  IdMap<EgressOnlyInternetGateway, InlineId> egress_only_gateways;
  IdMap<RouteTable, InlineId> route_tables;
  IdMap<NatGateway, InlineId> nat_gateways;
  IdMap<VpcPeeringConnection, InlineId> peerings;
  IdMap<DhcpOptions, InlineId> dhcp_options;
  std::map<std::string, Reservation> reservations;
  // Ended Elastic IP associations: disassociating one again is a no-op, not an error.
  std::set<std::string> ended_associations;
  // ModifyDefaultCreditSpecification: instance family ("t2", "t3", ...) -> "standard" |
  // "unlimited"; a family absent uses AWS's default (instance_attributes.h).
  std::map<std::string, std::string> default_cpu_credits;
  IdMap<LaunchTemplate, InlineId> launch_templates;
  IdMap<Snapshot, InlineId> snapshots;
  // EBS encryption by default (EnableEbsEncryptionByDefault): new volumes are encrypted whatever
  // the request says; the default KMS key ("" = the AWS managed key alias/aws/ebs).
  bool ebs_encryption_by_default = false;
  std::string ebs_default_kms_key_id;
  IdMap<Image, InlineId> images;
  // Images the account deregistered: their ids answer InvalidAMIID.Unavailable, not NotFound.
  std::set<std::string> deregistered_images;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_SCOPE_H_
