// What moving data along an allowed path costs: which usage types AWS bills, to which
// resource, in which account and region. The `traffic` verb asks the probe whether the path is
// open and then meters the data here; the ledger prices it (sim/model/billing/network_rates.h).
// AWS's rules: Amazon EC2 On-Demand pricing, "Data Transfer",
// https://aws.amazon.com/ec2/pricing/on-demand/, and Amazon VPC pricing (NAT gateways),
// https://aws.amazon.com/vpc/pricing/.
#ifndef EC2SIM_MODEL_VPC_TRAFFIC_H_
#define EC2SIM_MODEL_VPC_TRAFFIC_H_

#include <cstdint>
#include <string>
#include <vector>

#include "sim/model/network/probe.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// One usage type billed to one resource for the data moved.
struct TransferCharge {
  const Scope* scope = nullptr;  // the account and region billed
  std::string resource_id;
  std::string usage_base;   // "DataTransfer-Out-Bytes", "DataTransfer-Regional-Bytes",
                            // "NatGateway-Bytes", "AWS-Out-Bytes"
  std::string peer_region;  // "AWS-Out-Bytes" only
};

struct TrafficPlan {
  // "internet" (out to the internet), "inbound" (from the internet: free), "same-az" (private
  // addresses in one AZ: free), "cross-az", "public-ip-same-region" (in one region over public
  // addresses), "inter-region".
  std::string path;
  std::string nat_gateway_id;  // the NAT gateway the source's route sends the data through
  std::vector<TransferCharge> charges;
};

// The charges of an allowed probe outcome: out to the internet, across AZs ($0.01/GB on each
// side), between regions (by the source region), over public addresses inside a region (as
// across AZs), and NAT gateway processing when the source subnet's longest-prefix route to the
// destination targets a NAT gateway (its own AZ differing from the source's adds the cross-AZ
// charge on the source). Data from the internet and between private addresses of one AZ is free.
TrafficPlan PlanTraffic(const network::ProbeOutcome& outcome);

// Emits one kDataTransfer event per charge of `mib` MiB.
void MeterTraffic(World& world, const TrafficPlan& plan, std::int64_t mib);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_VPC_TRAFFIC_H_
