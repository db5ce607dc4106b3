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
  // Opt-in regions (launched after 2019-03-20) every account has enabled (`ec2sim serve
  // --opt-in`, a scenario's "opt_in_regions"). As in a new AWS account, the others are
  // not-opted-in: calls there answer AuthFailure and DescribeRegions leaves them out unless
  // AllRegions. World::OptInRegion enables one for one account (a classroom user's file entry).
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
