#include <regex>
#include <set>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

using ElasticIp = SandboxTest;


TEST_F(ElasticIp, AllocationLooksLikeEc2) {
  json r = Call("AllocateAddress", {{"Domain", "vpc"}});
  EXPECT_TRUE(std::regex_match(r["AllocationId"].get<std::string>(),
                               std::regex("eipalloc-[0-9a-f]{17}")));
  EXPECT_EQ(r["Domain"], "vpc");
  EXPECT_EQ(r["PublicIpv4Pool"], "amazon");
  EXPECT_EQ(r["NetworkBorderGroup"], "ap-northeast-2");
  EXPECT_FALSE(r.contains("AssociationId"));
}

TEST_F(ElasticIp, ReplacesTheAutoAssignedAddress) {
  std::string id = Launch();
  std::string auto_ip = Describe(id)["PublicIpAddress"];
  json a = Call("AllocateAddress");
  json assoc = Call("AssociateAddress", {{"AllocationId", a["AllocationId"]}, {"InstanceId", id}});
  EXPECT_TRUE(std::regex_match(assoc["AssociationId"].get<std::string>(),
                               std::regex("eipassoc-[0-9a-f]{17}")));
  json inst = Describe(id);
  EXPECT_EQ(inst["PublicIpAddress"], a["PublicIp"]);
  EXPECT_EQ(inst["NetworkInterfaces"][0]["Association"]["IpOwnerId"], "123456789012");
  json d = Call("DescribeAddresses", {{"AllocationIds", {a["AllocationId"]}}});
  EXPECT_EQ(d["Addresses"][0]["InstanceId"], id);
  EXPECT_EQ(d["Addresses"][0]["PrivateIpAddress"], inst["PrivateIpAddress"]);
  EXPECT_EQ(d["Addresses"][0]["NetworkInterfaceId"], inst["NetworkInterfaces"][0]["NetworkInterfaceId"]);
  // The auto-assigned address went back to the pool: after disassociation a new one comes.
  Call("DisassociateAddress", {{"AssociationId", assoc["AssociationId"]}});
  std::string fresh = Describe(id)["PublicIpAddress"];
  EXPECT_NE(fresh, a["PublicIp"].get<std::string>());
  EXPECT_FALSE(fresh.empty());
  (void)auto_ip;
}

TEST_F(ElasticIp, StaysWithInstanceAcrossStopStart) {
  std::string id = Launch();
  json a = Call("AllocateAddress");
  Call("AssociateAddress", {{"AllocationId", a["AllocationId"]}, {"InstanceId", id}});
  Call("StopInstances", {{"InstanceIds", {id}}});
  WaitFor(id, "stopped");
  EXPECT_EQ(Describe(id)["PublicIpAddress"], a["PublicIp"]);
  Call("StartInstances", {{"InstanceIds", {id}}});
  WaitFor(id, "running");
  EXPECT_EQ(Describe(id)["PublicIpAddress"], a["PublicIp"]);
}

TEST_F(ElasticIp, TerminateDisassociatesButTheAccountKeepsIt) {
  std::string id = Launch();
  json a = Call("AllocateAddress");
  Call("AssociateAddress", {{"AllocationId", a["AllocationId"]}, {"InstanceId", id}});
  Call("TerminateInstances", {{"InstanceIds", {id}}});
  WaitFor(id, "terminated");
  json d = Call("DescribeAddresses");
  ASSERT_EQ(d["Addresses"].size(), 1u);
  EXPECT_EQ(d["Addresses"][0]["PublicIp"], a["PublicIp"]);
  EXPECT_FALSE(d["Addresses"][0].contains("InstanceId"));
  EXPECT_FALSE(d["Addresses"][0].contains("AssociationId"));
  Call("ReleaseAddress", {{"AllocationId", a["AllocationId"]}});
  EXPECT_TRUE(Call("DescribeAddresses")["Addresses"].empty());
}

TEST_F(ElasticIp, AssociatedOnStoppedInstanceAndSurvivesStart) {
  std::string id = Launch();
  Call("StopInstances", {{"InstanceIds", {id}}});
  WaitFor(id, "stopped");
  json a = Call("AllocateAddress");
  Call("AssociateAddress", {{"AllocationId", a["AllocationId"]}, {"InstanceId", id}});
  Call("StartInstances", {{"InstanceIds", {id}}});
  WaitFor(id, "running");
  EXPECT_EQ(Describe(id)["PublicIpAddress"], a["PublicIp"]);
}

TEST_F(ElasticIp, ReassociationMovesItUnlessForbidden) {
  std::string a = Launch();
  std::string b = Launch();
  json eip = Call("AllocateAddress");
  Call("AssociateAddress", {{"AllocationId", eip["AllocationId"]}, {"InstanceId", a}});
  EXPECT_EQ(ErrorOf("AssociateAddress", {{"AllocationId", eip["AllocationId"]},
                                         {"InstanceId", b},
                                         {"AllowReassociation", false}}),
            "Resource.AlreadyAssociated");
  Call("AssociateAddress", {{"AllocationId", eip["AllocationId"]}, {"InstanceId", b}});
  EXPECT_EQ(Describe(b)["PublicIpAddress"], eip["PublicIp"]);
  json left = Describe(a);
  ASSERT_TRUE(left.contains("PublicIpAddress"));
  EXPECT_NE(left["PublicIpAddress"], eip["PublicIp"]);
}

TEST_F(ElasticIp, SecondEipOnAnInstanceDetachesTheFirstButKeepsItAllocated) {
  std::string id = Launch();
  json first = Call("AllocateAddress");
  json second = Call("AllocateAddress");
  Call("AssociateAddress", {{"AllocationId", first["AllocationId"]}, {"InstanceId", id}});
  Call("AssociateAddress", {{"AllocationId", second["AllocationId"]}, {"InstanceId", id}});
  EXPECT_EQ(Describe(id)["PublicIpAddress"], second["PublicIp"]);
  json d = Call("DescribeAddresses", {{"AllocationIds", {first["AllocationId"]}}});
  EXPECT_FALSE(d["Addresses"][0].contains("InstanceId"));
}

TEST_F(ElasticIp, QuotaIsFivePerRegion) {
  for (int i = 0; i < 5; ++i) Call("AllocateAddress");
  EXPECT_EQ(ErrorOf("AllocateAddress"), "AddressLimitExceeded");
  ctx_.region = "eu-west-1";
  Call("AllocateAddress");
}

TEST_F(ElasticIp, ErrorsUseEc2Codes) {
  std::string id = Launch();
  json a = Call("AllocateAddress");
  Call("AssociateAddress", {{"AllocationId", a["AllocationId"]}, {"InstanceId", id}});
  EXPECT_EQ(ErrorOf("ReleaseAddress", {{"AllocationId", a["AllocationId"]}}),
            "InvalidIPAddress.InUse");
  EXPECT_EQ(ErrorOf("ReleaseAddress", {{"AllocationId", "eipalloc-0123456789abcdef0"}}),
            "InvalidAllocationID.NotFound");
  EXPECT_EQ(ErrorOf("AssociateAddress", {{"AllocationId", "eipalloc-0123456789abcdef0"},
                                         {"InstanceId", id}}),
            "InvalidAllocationID.NotFound");
  EXPECT_EQ(ErrorOf("AssociateAddress", {{"AllocationId", a["AllocationId"]},
                                         {"InstanceId", "i-0123456789abcdef0"}}),
            "InvalidInstanceID.NotFound");
  EXPECT_EQ(ErrorOf("AssociateAddress", {{"AllocationId", a["AllocationId"]}}),
            "MissingParameter");
  EXPECT_EQ(ErrorOf("DisassociateAddress", {{"AssociationId", "eipassoc-0123456789abcdef0"}}),
            "InvalidAssociationID.NotFound");
  EXPECT_EQ(ErrorOf("DescribeAddresses", {{"PublicIps", {"198.51.100.1"}}}),
            "InvalidAddress.NotFound");
  EXPECT_EQ(ErrorOf("AllocateAddress", {{"Domain", "classic"}}), "InvalidParameterValue");
}

TEST_F(ElasticIp, AddressesAreUniqueAcrossAccountsAndInstances) {
  std::set<std::string> ips;
  for (const char* account : {"111111111111", "222222222222"}) {
    ctx_.account = account;
    for (int i = 0; i < 5; ++i) EXPECT_TRUE(ips.insert(Call("AllocateAddress")["PublicIp"]).second);
    EXPECT_TRUE(ips.insert(Describe(Launch())["PublicIpAddress"]).second);
  }
  EXPECT_EQ(ips.size(), 12u);
}

TEST_F(ElasticIp, ReleasedAddressCanBeRecoveredWhileFree) {
  json a = Call("AllocateAddress");
  Call("ReleaseAddress", {{"AllocationId", a["AllocationId"]}});
  json again = Call("AllocateAddress", {{"Address", a["PublicIp"]}});
  EXPECT_EQ(again["PublicIp"], a["PublicIp"]);
  EXPECT_EQ(ErrorOf("AllocateAddress", {{"Address", a["PublicIp"]}}), "InvalidAddress.NotFound");
}

}  // namespace
}  // namespace ec2sim::testing
