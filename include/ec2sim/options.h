// Options of a simulated world and the context of one call: plain values with no JSON, shared
// by the embeddable Sandbox (sandbox.h) and the model beneath it.
#ifndef EC2SIM_OPTIONS_H_
#define EC2SIM_OPTIONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/sim_time.h"

namespace ec2sim {

// How long state changes take on the simulated clock.
enum class Timing {
  kRealistic,  // transitions take simulated seconds (see docs/model.md for the durations)
  kInstant,    // transitions complete at the same simulated millisecond they start
};

// How public IPv4 addresses are priced (docs/billing.md).
enum class PricingPolicy {
  kPublicIpv4_2024,  // every public IPv4 costs $0.005/h, in use or idle (from 2024-02-01)
  kLegacyEip,        // one EIP on a running instance is free, idle EIPs are charged
};

// Service quotas of one account in one region. The defaults are those of a new AWS account:
// 32 vCPUs of running On-Demand Standard instances ("Running On-Demand Standard (A, C, D, H, I,
// M, R, T, Z) instances", Service Quotas L-1216C47A; ec2-semantics.md ISSUE-VCPU) and 5 Elastic
// IP addresses per Region
// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html#using-instance-addressing-limit).
struct AccountQuotas {
  int vcpus = 32;
  int elastic_ips = 5;
  bool operator==(const AccountQuotas&) const = default;
};

// The largest quota a flag or file may set: far above any AWS quota, small enough that no sum of
// vCPUs overflows an int.
inline constexpr int kMaxAccountQuota = 1000000;

// What a world is built with. Two worlds built with equal options and fed the same calls at the
// same simulated times reach the same state.
struct SandboxOptions {
  std::uint64_t seed = 1;         // every random choice (ids, addresses, keys) follows from it
  SimTime start = 1767225600000;  // simulated epoch ms at construction: 2026-01-01T00:00:00Z
  Timing timing = Timing::kRealistic;
  PricingPolicy pricing = PricingPolicy::kPublicIpv4_2024;
  bool free_tier = false;  // the legacy 12-month free tier applies to the bill
  // False (the default) follows AWS: RunInstances and DescribeImages answer
  // InvalidAMIID.NotFound for a well-formed image id that is not in the region's catalog. True
  // launches such an id as a generic x86_64 Linux image, for test suites whose made-up image ids
  // are beside the point. A malformed id and another region's catalog image fail either way.
  bool accept_unknown_images = false;
  // Every account's quotas in every region (`ec2sim serve --vcpu-quota`, a scenario's "quotas");
  // World::SetAccountQuotas overrides them for one account (a classroom user's "quotas").
  AccountQuotas quotas = {};
  // Opt-in regions (launched after 2019-03-20) every account has enabled (`ec2sim serve
  // --opt-in`, a scenario's "opt_in_regions"). As in a new AWS account, the others are
  // not-opted-in: calls there answer AuthFailure and DescribeRegions leaves them out unless
  // AllRegions. World::OptInRegion enables one for one account.
  std::vector<std::string> opted_in_regions;
};

// Who is calling and where: every call runs in one account and one region.
struct CallContext {
  std::string account = "123456789012";
  std::string region = "us-east-1";
  // False for a classroom learner: the network verbs (probe) then show other accounts only as
  // the internet sees them, by public address, never their instances, groups or subnets.
  bool sees_other_accounts = true;
};

inline constexpr std::string_view kDefaultAccount = "123456789012";

}  // namespace ec2sim

#endif  // EC2SIM_OPTIONS_H_
