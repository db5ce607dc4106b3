// What AWS refuses, the simulator refuses too: an image id the region does not have, and a
// member of AWS's API that ec2sim does not model (answered with its own code, never mistaken for
// the caller's typo).
#include <gtest/gtest.h>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

using FailLoudly = SandboxTest;

constexpr const char* kMadeUp = "ami-0123456789abcdef0";

json RunParams(const json& extra = json::object()) {
  json params = {{"ImageId", kSeoulAl2023}, {"MinCount", 1}, {"MaxCount", 1}};
  for (auto it = extra.begin(); it != extra.end(); ++it) params[it.key()] = it.value();
  return params;
}

Error ErrorFrom(Sandbox& sandbox, const CallContext& ctx, const std::string& action,
                const json& params) {
  Result<json> r = sandbox.Call(action, params, ctx);
  EXPECT_FALSE(r.ok()) << action << " succeeded: " << r.value().dump();
  return r.ok() ? Error{} : r.error();
}

TEST_F(FailLoudly, AnUnknownImageIdIsNotFoundAndLaunchesNothing) {
  Error e = ErrorFrom(*sandbox_, ctx_, "RunInstances", RunParams({{"ImageId", kMadeUp}}));
  EXPECT_EQ(AwsCode(e.code), "InvalidAMIID.NotFound");
  EXPECT_EQ(e.message, "The image id '[ami-0123456789abcdef0]' does not exist");
  EXPECT_TRUE(Call("DescribeInstances")["Reservations"].empty());
  // DescribeImages agrees with RunInstances about which ids exist.
  EXPECT_EQ(ErrorOf("DescribeImages", {{"ImageIds", {kMadeUp}}}), "InvalidAMIID.NotFound");
}

TEST_F(FailLoudly, AcceptUnknownImagesLaunchesAMadeUpIdAsGenericLinux) {
  Reset({.timing = Timing::kInstant, .accept_unknown_images = true});
  std::string id = Launch({{"ImageId", kMadeUp}});
  EXPECT_EQ(Describe(id)["ImageId"], kMadeUp);
  EXPECT_EQ(Describe(id)["PlatformDetails"], "Linux/UNIX");
  // What is wrong on AWS whatever the option stays wrong: malformed ids, other regions' images.
  EXPECT_EQ(ErrorOf("RunInstances", RunParams({{"ImageId", "ami-12"}})), "InvalidAMIID.Malformed");
  ctx_.region = "us-east-1";
  EXPECT_EQ(ErrorOf("RunInstances", RunParams()), "InvalidAMIID.NotFound");
}

TEST_F(FailLoudly, AnAwsMemberEc2simDoesNotModelIsNamedAsSuch) {
  Error e = ErrorFrom(*sandbox_, ctx_, "RunInstances",
                      RunParams({{"IamInstanceProfile", {{"Name", "web"}}}}));
  EXPECT_EQ(AwsCode(e.code), "Ec2sim.ParameterNotModeled");
  EXPECT_EQ(HttpStatus(e.code), 400);
  EXPECT_EQ(e.message, "ec2sim does not model the parameter IamInstanceProfile of RunInstances");
  json spot = {{"MarketType", "spot"}};
  EXPECT_EQ(ErrorOf("RunInstances", RunParams({{"InstanceMarketOptions", spot}})),
            "Ec2sim.ParameterNotModeled");
  // A member the handler never reads is refused the same way, in any action.
  EXPECT_EQ(ErrorOf("RunInstances", RunParams({{"KernelId", "aki-12345678"}})),
            "Ec2sim.ParameterNotModeled");
  EXPECT_EQ(ErrorOf("AllocateAddress", {{"CustomerOwnedIpv4Pool", "ipv4pool-coip-1234"}}),
            "Ec2sim.ParameterNotModeled");
  EXPECT_TRUE(Call("DescribeInstances")["Reservations"].empty());
}

TEST_F(FailLoudly, ANameAwsDoesNotHaveStaysUnknownParameter) {
  Error e = ErrorFrom(*sandbox_, ctx_, "RunInstances", RunParams({{"InstanceTyp", "t2.micro"}}));
  EXPECT_EQ(AwsCode(e.code), "UnknownParameter");
  EXPECT_EQ(e.message, "The parameter InstanceTyp is not recognized");
}

TEST_F(FailLoudly, TerraformsDefaultLaunchMembersAreAcceptedAndIgnored) {
  json terraform = {
      {"DisableApiStop", false},
      {"DisableApiTermination", false},
      {"EbsOptimized", false},
      {"HibernationOptions", {{"Configured", false}}},
      {"Ipv6AddressCount", 0},
      {"Monitoring", {{"Enabled", false}}},
      {"CreditSpecification", {{"CpuCredits", "standard"}}},
      {"MetadataOptions", {{"HttpEndpoint", "enabled"}, {"HttpTokens", "required"}}},
      {"CapacityReservationSpecification", {{"CapacityReservationPreference", "open"}}},
      {"MaintenanceOptions", {{"AutoRecovery", "default"}}},
      {"EnclaveOptions", {{"Enabled", false}}},
      {"ClientToken", "terraform-20260101000000000000000001"}};
  EXPECT_NE(Launch(terraform, false), "");
}

TEST_F(FailLoudly, ANonDefaultValueOfAnIgnoredMemberIsRefused) {
  EXPECT_EQ(ErrorOf("RunInstances", RunParams({{"HibernationOptions", {{"Configured", true}}}})),
            "Ec2sim.ParameterNotModeled");
  EXPECT_EQ(ErrorOf("RunInstances", RunParams({{"Ipv6AddressCount", 1}})),
            "Ec2sim.ParameterNotModeled");
}

}  // namespace
}  // namespace ec2sim::testing
