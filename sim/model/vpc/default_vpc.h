// The default VPC EC2 gives every account in every region it uses.
#ifndef EC2SIM_MODEL_VPC_DEFAULT_VPC_H_
#define EC2SIM_MODEL_VPC_DEFAULT_VPC_H_

#include "sim/model/world.h"

namespace ec2sim::model {

// Builds the scope's default VPC as AWS does on first use of a region: 172.31.0.0/16, one /20
// default subnet per AZ that maps public IPs on launch, the default security group and the
// default network ACL, and sets scope.default_vpc_id. Draws its ids from the world's seeded
// source in a fixed order. Precondition: the scope has no default VPC yet.
void CreateDefaultVpc(World& world, Scope& scope);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_DEFAULT_VPC_H_
