// Helpers for billing tests: a sandbox in instant timing (run lengths are exactly the clock
// advances) and lookups into the `bill` verb's JSON.
#ifndef EC2SIM_TESTS_BILLING_BILLING_TEST_SUPPORT_H_
#define EC2SIM_TESTS_BILLING_BILLING_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/api/test_support.h"

namespace ec2sim::testing {

class BillingTest : public SandboxTest {
 protected:
  BillingTest() { Use(PricingPolicy::kPublicIpv4_2024, false); }

  // A fresh sandbox starting 2026-01-01T00:00:00Z (a 31-day month), instant timing.
  void Use(PricingPolicy pricing, bool free_tier) {
    Reset(SandboxOptions{
        .seed = 3, .timing = Timing::kInstant, .pricing = pricing, .free_tier = free_tier});
  }

  json Bill(const json& spec = json::object()) {
    Result<json> r = sandbox_->Bill(spec, ctx_);
    if (!r.ok()) {
      ADD_FAILURE() << "bill failed: " << r.error().message;
      return json::object();
    }
    return *r;
  }
  std::string BillError(const json& spec) {
    Result<json> r = sandbox_->Bill(spec, ctx_);
    if (r.ok()) {
      ADD_FAILURE() << "bill succeeded: " << r->dump();
      return "";
    }
    return std::string(AwsCode(r.error().code)) + ": " + r.error().message;
  }

  // The line of `bill` with that usage type and resource id; null when there is none.
  static json Line(const json& bill, const std::string& usage_type, const std::string& id) {
    for (const json& line : bill["Lines"]) {
      if (line["UsageType"] == usage_type && line["ResourceId"] == id) return line;
    }
    return nullptr;
  }
  // The number of lines of `bill` with that usage type.
  static int CountLines(const json& bill, const std::string& usage_type) {
    int n = 0;
    for (const json& line : bill["Lines"]) n += line["UsageType"] == usage_type ? 1 : 0;
    return n;
  }

  void Advance(Duration d) { sandbox_->Advance(d); }
  std::string RootVolume(const std::string& instance_id) {
    return Describe(instance_id)["BlockDeviceMappings"][0]["Ebs"]["VolumeId"];
  }
  static json Ids(const std::string& id) { return json{{"InstanceIds", {id}}}; }
};

// The 31-day month of January in milliseconds, for GB-month arithmetic.
inline constexpr Duration kJanuary = 31 * kDay;

}  // namespace ec2sim::testing

#endif  // EC2SIM_TESTS_BILLING_BILLING_TEST_SUPPORT_H_
