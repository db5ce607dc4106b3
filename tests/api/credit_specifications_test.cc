#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

using CreditSpecifications = SandboxTest;

json CreditSpec(const std::string& id, const std::string& mode) {
  return json::array({json{{"InstanceId", id}, {"CpuCredits", mode}}});
}

TEST_F(CreditSpecifications, T2DefaultsToStandardAndT3ToUnlimited) {
  std::string t2 = Launch();
  std::string t3 = Launch({{"InstanceType", "t3.micro"}});
  json r = Call("DescribeInstanceCreditSpecifications", {{"InstanceIds", {t2, t3}}});
  ASSERT_EQ(r["InstanceCreditSpecifications"].size(), 2u);
  EXPECT_EQ(r["InstanceCreditSpecifications"][0]["CpuCredits"], "standard");
  EXPECT_EQ(r["InstanceCreditSpecifications"][1]["CpuCredits"], "unlimited");
  // Without ids, only the instances in unlimited mode.
  json all = Call("DescribeInstanceCreditSpecifications");
  ASSERT_EQ(all["InstanceCreditSpecifications"].size(), 1u);
  EXPECT_EQ(all["InstanceCreditSpecifications"][0]["InstanceId"], t3);
}

TEST_F(CreditSpecifications, LaunchCreditSpecificationSetsTheMode) {
  std::string id =
      Launch({{"InstanceType", "t3.micro"}, {"CreditSpecification", {{"CpuCredits", "standard"}}}});
  json r = Call("DescribeInstanceCreditSpecifications", {{"InstanceIds", {id}}});
  EXPECT_EQ(r["InstanceCreditSpecifications"][0]["CpuCredits"], "standard");
}

TEST_F(CreditSpecifications, ModifyReportsEachInstanceAsSuccessfulOrNot) {
  std::string t2 = Launch();
  std::string m5 = Launch({{"InstanceType", "m5.large"}});
  json specs = CreditSpec(t2, "unlimited");
  specs.push_back(CreditSpec(m5, "unlimited")[0]);
  specs.push_back(CreditSpec("i-0123456789abcdef0", "unlimited")[0]);
  json r = Call("ModifyInstanceCreditSpecification", {{"InstanceCreditSpecifications", specs}});
  ASSERT_EQ(r["SuccessfulInstanceCreditSpecifications"].size(), 1u);
  EXPECT_EQ(r["SuccessfulInstanceCreditSpecifications"][0]["InstanceId"], t2);
  ASSERT_EQ(r["UnsuccessfulInstanceCreditSpecifications"].size(), 2u);
  EXPECT_EQ(r["UnsuccessfulInstanceCreditSpecifications"][0]["Error"]["Code"],
            "InstanceCreditSpecification.NotSupported");
  EXPECT_EQ(r["UnsuccessfulInstanceCreditSpecifications"][1]["Error"]["Code"],
            "InvalidInstanceID.NotFound");
  json d = Call("DescribeInstanceCreditSpecifications", {{"InstanceIds", {t2}}});
  EXPECT_EQ(d["InstanceCreditSpecifications"][0]["CpuCredits"], "unlimited");
  EXPECT_EQ(ErrorOf("ModifyInstanceCreditSpecification",
                    {{"InstanceCreditSpecifications", CreditSpec(t2, "turbo")}}),
            "InvalidParameterValue");
}

TEST_F(CreditSpecifications, DescribeOfANonBurstableInstanceIsAnError) {
  std::string m5 = Launch({{"InstanceType", "m5.large"}});
  EXPECT_EQ(ErrorOf("DescribeInstanceCreditSpecifications", {{"InstanceIds", {m5}}}),
            "InvalidParameterValue");
}

TEST_F(CreditSpecifications, AccountDefaultPerFamilyAppliesToInstancesWithoutTheirOwn) {
  json g = Call("GetDefaultCreditSpecification", {{"InstanceFamily", "t3"}});
  EXPECT_EQ(g["InstanceFamilyCreditSpecification"],
            json({{"CpuCredits", "unlimited"}, {"InstanceFamily", "t3"}}));
  EXPECT_EQ(Call("GetDefaultCreditSpecification",
                 {{"InstanceFamily", "t2"}})["InstanceFamilyCreditSpecification"]["CpuCredits"],
            "standard");
  std::string id = Launch({{"InstanceType", "t3.micro"}});
  json m = Call("ModifyDefaultCreditSpecification",
                {{"InstanceFamily", "t3"}, {"CpuCredits", "standard"}});
  EXPECT_EQ(m["InstanceFamilyCreditSpecification"]["CpuCredits"], "standard");
  json d = Call("DescribeInstanceCreditSpecifications", {{"InstanceIds", {id}}});
  EXPECT_EQ(d["InstanceCreditSpecifications"][0]["CpuCredits"], "standard");
  // Another Region keeps AWS's default.
  ctx_.region = "us-east-1";
  EXPECT_EQ(Call("GetDefaultCreditSpecification",
                 {{"InstanceFamily", "t3"}})["InstanceFamilyCreditSpecification"]["CpuCredits"],
            "unlimited");
  EXPECT_EQ(ErrorOf("GetDefaultCreditSpecification", {{"InstanceFamily", "m5"}}),
            "InvalidParameterValue");
}

}  // namespace
}  // namespace ec2sim::testing
