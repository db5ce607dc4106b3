// NAT gateways and VPC peering connections, as plain data.
#ifndef EC2SIM_MODEL_VPC_NAT_GATEWAY_H_
#define EC2SIM_MODEL_VPC_NAT_GATEWAY_H_

#include <cstdint>
#include <string>

#include "ec2sim/sim_time.h"
#include "sim/model/ip.h"
#include "sim/model/tags.h"

namespace ec2sim::model {

struct NatGateway {
  std::string id;
  std::uint64_t serial = 0;  // World::NewSerial, carried by its resource events
  std::string vpc_id;
  std::string subnet_id;
  bool is_public = true;      // ConnectivityType "public" or "private"
  std::string allocation_id;  // public: the Elastic IP it holds
  std::string network_interface_id;
  Ipv4 public_ip = 0;
  Ipv4 private_ip = 0;
  std::string state = "pending";  // pending, available, deleting, deleted, failed
  std::string failure_code;
  std::string failure_message;
  SimTime create_time = 0;
  SimTime delete_time = -1;    // -1 until deleted
  std::string association_id;  // public: the Elastic IP's association while it holds it
  std::string client_token;    // CreateNatGateway's ClientToken, for idempotent retries
  TagList tags;
};

// One side of a peering connection.
struct PeeringSide {
  std::string account;
  std::string region;
  std::string vpc_id;
  Cidr4 cidr;
};

// Kept in the requester's scope and, with the same id, in the accepter's scope when that is
// another scope; the peering operations change both copies together.
struct VpcPeeringConnection {
  std::string id;  // "pcx-..."
  PeeringSide requester;
  PeeringSide accepter;
  // initiating-request, pending-acceptance, active, rejected, deleted, expired, failed,
  // provisioning, deleting.
  std::string status = "pending-acceptance";
  std::string status_message;
  SimTime expiration_time = 0;  // a pending request expires 7 days after it is made
  TagList tags;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_NAT_GATEWAY_H_
