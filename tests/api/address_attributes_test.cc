#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

using AddressAttributes = SandboxTest;

TEST_F(AddressAttributes, ReverseDnsIsSetDescribedAndReset) {
  json a = Call("AllocateAddress", {{"Domain", "vpc"}});
  std::string id = a["AllocationId"];
  json none =
      Call("DescribeAddressesAttribute", {{"AllocationIds", {id}}, {"Attribute", "domain-name"}});
  ASSERT_EQ(none["Addresses"].size(), 1u);
  EXPECT_EQ(none["Addresses"][0]["PublicIp"], a["PublicIp"]);
  EXPECT_FALSE(none["Addresses"][0].contains("PtrRecord"));

  json m =
      Call("ModifyAddressAttribute", {{"AllocationId", id}, {"DomainName", "www.example.com"}});
  EXPECT_EQ(m["Address"]["PtrRecordUpdate"]["Value"], "www.example.com.");
  EXPECT_EQ(m["Address"]["PtrRecordUpdate"]["Status"], "PENDING");
  json d =
      Call("DescribeAddressesAttribute", {{"AllocationIds", {id}}, {"Attribute", "domain-name"}});
  EXPECT_EQ(d["Addresses"][0]["PtrRecord"], "www.example.com.");

  json r = Call("ResetAddressAttribute", {{"AllocationId", id}, {"Attribute", "domain-name"}});
  EXPECT_EQ(r["Address"]["PtrRecord"], "www.example.com.");
  d = Call("DescribeAddressesAttribute", {{"AllocationIds", {id}}});
  EXPECT_FALSE(d["Addresses"][0].contains("PtrRecord"));
}

TEST_F(AddressAttributes, BadNamesAndUnknownAddressesAreRefused) {
  std::string id = Call("AllocateAddress", {{"Domain", "vpc"}})["AllocationId"];
  EXPECT_EQ(ErrorOf("ModifyAddressAttribute", {{"AllocationId", id}, {"DomainName", "bad name"}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("ModifyAddressAttribute",
                    {{"AllocationId", "eipalloc-0123456789abcdef0"}, {"DomainName", "a.com"}}),
            "InvalidAllocationID.NotFound");
  EXPECT_EQ(ErrorOf("DescribeAddressesAttribute", {{"Attribute", "colour"}}),
            "InvalidParameterValue");
}

}  // namespace
}  // namespace ec2sim::testing
