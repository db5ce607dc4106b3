// The end of a teaching transcript: what the scenario left behind. A walkthrough that forgets an
// Elastic IP or a stopped server keeps paying for it, so every scenario ends by saying what is
// still there and what the account owes so far.
#ifndef EC2SIM_SIM_SCENARIO_CLOSING_H_
#define EC2SIM_SIM_SCENARIO_CLOSING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ec2sim/backend.h"
#include "ec2sim/scenario.h"

namespace ec2sim::scenario {

// The lines of the summary, header first, each escaped for a terminal: per account and region
// the scenario used (its own, then those of steps that override them, in step order) the
// instances not terminated and the Elastic IPs held with their hourly price, then per account
// the bill since the start. Read through `backend` with DescribeInstances, DescribeAddresses
// and Bill, so a Sandbox and a server (`ec2sim run --endpoint`) answer alike; a question the
// backend cannot answer gets "cannot tell (CODE: message)" and the rest still show. Reads
// only: nothing in the backend changes.
std::vector<std::string> ClosingSummaryLines(const Scenario& scenario, Backend& backend);

// "$0.005": an hourly rate in micro-USD with two decimals at least and every digit it has.
std::string UsdRate(std::int64_t micro_usd);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_CLOSING_H_
