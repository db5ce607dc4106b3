// Network ACLs as resources through the API: defaults, entries, errors, quotas, associations
// and DescribeNetworkAcls.
#include <string>

#include "tests/network/network_test_support.h"

namespace ec2sim::testing {
namespace {

using NetworkAcl = NetworkTest;

TEST_F(NetworkAcl, DefaultAclAllowsAllWithRule100AndTheStarRule) {
  json r = Call("DescribeNetworkAcls", {{"Filters", {Filter("default", {"true"})}}});
  ASSERT_EQ(r["NetworkAcls"].size(), 1u);
  json acl = r["NetworkAcls"][0];
  EXPECT_EQ(acl["IsDefault"], true);
  EXPECT_EQ(acl["VpcId"], DefaultVpcId());
  EXPECT_EQ(acl["Associations"].size(), 4u);  // one default subnet per Seoul AZ
  // Egress first, each direction by number: 100 allow, then * (32767) deny (VPC-NACL).
  json entries = acl["Entries"];
  ASSERT_EQ(entries.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(entries[i]["Egress"], i < 2);
    EXPECT_EQ(entries[i]["RuleNumber"], i % 2 == 0 ? 100 : 32767);
    EXPECT_EQ(entries[i]["RuleAction"], i % 2 == 0 ? "allow" : "deny");
    EXPECT_EQ(entries[i]["Protocol"], "-1");
    EXPECT_EQ(entries[i]["CidrBlock"], "0.0.0.0/0");
  }
}

TEST_F(NetworkAcl, CustomAclStartsWithOnlyTheStarRulesAndNoSubnets) {
  json r = Call(
      "CreateNetworkAcl",
      {{"VpcId", DefaultVpcId()},
       {"TagSpecifications",
        {{{"ResourceType", "network-acl"}, {"Tags", {{{"Key", "Name"}, {"Value", "web"}}}}}}}});
  json acl = r["NetworkAcl"];
  EXPECT_EQ(acl["NetworkAclId"].get<std::string>().rfind("acl-", 0), 0u);
  EXPECT_EQ(acl["IsDefault"], false);
  EXPECT_EQ(acl["Associations"], json::array());
  ASSERT_EQ(acl["Entries"].size(), 2u);
  for (const json& e : acl["Entries"]) {
    EXPECT_EQ(e["RuleNumber"], 32767);
    EXPECT_EQ(e["RuleAction"], "deny");
  }
  EXPECT_EQ(acl["Tags"][0]["Value"], "web");
}

TEST_F(NetworkAcl, ARepeatedClientTokenReturnsTheAclItCreated) {
  json first = Call("CreateNetworkAcl", {{"VpcId", DefaultVpcId()}, {"ClientToken", "tok-1"}});
  json again = Call("CreateNetworkAcl", {{"VpcId", DefaultVpcId()}, {"ClientToken", "tok-1"}});
  json other = Call("CreateNetworkAcl", {{"VpcId", DefaultVpcId()}, {"ClientToken", "tok-2"}});
  EXPECT_EQ(first["ClientToken"], "tok-1");
  EXPECT_EQ(again["NetworkAcl"]["NetworkAclId"], first["NetworkAcl"]["NetworkAclId"]);
  EXPECT_EQ(again["ClientToken"], "tok-1");
  EXPECT_NE(other["NetworkAcl"]["NetworkAclId"], first["NetworkAcl"]["NetworkAclId"]);
  json all = Call("DescribeNetworkAcls", {{"Filters", {Filter("default", {"false"})}}});
  EXPECT_EQ(all["NetworkAcls"].size(), 2u);
}

TEST_F(NetworkAcl, EntriesAreStoredCanonicallyWithTheirPortsAndIcmpFields) {
  std::string acl = CreateAcl();
  AddEntry(Entry(acl, 100, false, "tcp", "allow", "100.68.0.18/18", 22, 22));
  json icmp = {{"NetworkAclId", acl},
               {"RuleNumber", 110},
               {"Egress", false},
               {"Protocol", "1"},
               {"RuleAction", "deny"},
               {"CidrBlock", "0.0.0.0/0"},
               {"IcmpTypeCode", {{"Type", 8}, {"Code", -1}}}};
  AddEntry(icmp);
  AddEntry(Entry(acl, 90, true, "all", "allow", "10.0.0.0/8"));
  json entries =
      Call("DescribeNetworkAcls", {{"NetworkAclIds", {acl}}})["NetworkAcls"][0]["Entries"];
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries[0]["RuleNumber"], 90);  // egress first
  EXPECT_EQ(entries[0]["Protocol"], "-1");
  EXPECT_EQ(entries[2]["RuleNumber"], 100);
  EXPECT_EQ(entries[2]["Protocol"], "6");               // names are stored as numbers
  EXPECT_EQ(entries[2]["CidrBlock"], "100.68.0.0/18");  // host bits cleared (BC-MODEL)
  EXPECT_EQ(entries[2]["PortRange"], json::parse(R"({"From":22,"To":22})"));
  EXPECT_EQ(entries[3]["IcmpTypeCode"], json::parse(R"({"Code":-1,"Type":8})"));
  EXPECT_EQ(entries[3]["RuleAction"], "deny");
}

TEST_F(NetworkAcl, BadEntriesGetAwsErrorCodes) {
  std::string acl = CreateAcl();
  auto error = [&](const json& e) { return ErrorOf("CreateNetworkAclEntry", e); };
  EXPECT_EQ(error(Entry(acl, 0, false, "-1", "allow", "0.0.0.0/0")), "InvalidParameterValue");
  EXPECT_EQ(error(Entry(acl, 32767, false, "-1", "allow", "0.0.0.0/0")), "InvalidParameterValue");
  EXPECT_EQ(error(Entry(acl, 100, false, "xyz", "allow", "0.0.0.0/0")), "InvalidParameterValue");
  EXPECT_EQ(error(Entry(acl, 100, false, "256", "allow", "0.0.0.0/0")), "InvalidParameterValue");
  EXPECT_EQ(error(Entry(acl, 100, false, "-1", "permit", "0.0.0.0/0")), "InvalidParameterValue");
  EXPECT_EQ(error(Entry(acl, 100, false, "-1", "allow", "10.0.0.300/8")), "InvalidParameterValue");
  EXPECT_EQ(error(Entry(acl, 100, false, "6", "allow", "0.0.0.0/0")), "MissingParameter");
  EXPECT_EQ(error(Entry(acl, 100, false, "6", "allow", "0.0.0.0/0", 22, 21)),
            "InvalidParameterValue");
  EXPECT_EQ(error(Entry(acl, 100, false, "6", "allow", "0.0.0.0/0", 22, 70000)),
            "InvalidParameterValue");
  EXPECT_EQ(error(Entry(acl, 100, false, "1", "allow", "0.0.0.0/0")), "MissingParameter");
  json both = Entry(acl, 100, false, "-1", "allow", "0.0.0.0/0");
  both["Ipv6CidrBlock"] = "::/0";
  EXPECT_EQ(error(both), "InvalidParameterCombination");
  json none = Entry(acl, 100, false, "-1", "allow", "0.0.0.0/0");
  none.erase("CidrBlock");
  EXPECT_EQ(error(none), "MissingParameter");
  json no_egress = Entry(acl, 100, false, "-1", "allow", "0.0.0.0/0");
  no_egress.erase("Egress");
  EXPECT_EQ(error(no_egress), "MissingParameter");
  json typo = Entry(acl, 100, false, "-1", "allow", "0.0.0.0/0");
  typo["PortRange"] = {{"Form", 1}};
  EXPECT_EQ(error(typo), "UnknownParameter");
  EXPECT_EQ(error(Entry("acl-0123456789abcdef0", 100, false, "-1", "allow", "0.0.0.0/0")),
            "InvalidNetworkAclID.NotFound");
  EXPECT_EQ(error(Entry("not-an-acl", 100, false, "-1", "allow", "0.0.0.0/0")),
            "InvalidNetworkAclID.NotFound");
  // Nothing was added.
  EXPECT_EQ(
      Call("DescribeNetworkAcls", {{"NetworkAclIds", {acl}}})["NetworkAcls"][0]["Entries"].size(),
      2u);
}

TEST_F(NetworkAcl, RuleNumbersAreUniquePerDirectionAndReplaceNeedsAnExistingEntry) {
  std::string acl = CreateAcl();
  AddEntry(Entry(acl, 100, false, "-1", "allow", "0.0.0.0/0"));
  EXPECT_EQ(
      ErrorOf("CreateNetworkAclEntry", Entry(acl, 100, false, "6", "deny", "0.0.0.0/0", 1, 2)),
      "NetworkAclEntryAlreadyExists");
  AddEntry(Entry(acl, 100, true, "-1", "allow", "0.0.0.0/0"));  // the other direction is free
  EXPECT_EQ(ErrorOf("ReplaceNetworkAclEntry", Entry(acl, 200, false, "-1", "deny", "0.0.0.0/0")),
            "InvalidNetworkAclEntry.NotFound");
  Call("ReplaceNetworkAclEntry", Entry(acl, 100, false, "-1", "deny", "10.0.0.0/8"));
  json r = Call(
      "DescribeNetworkAcls",
      {{"Filters", {Filter("entry.rule-action", {"deny"}), Filter("entry.cidr", {"10.0.0.0/8"})}}});
  ASSERT_EQ(r["NetworkAcls"].size(), 1u);
  EXPECT_EQ(r["NetworkAcls"][0]["NetworkAclId"], acl);
  EXPECT_EQ(ErrorOf("DeleteNetworkAclEntry",
                    {{"NetworkAclId", acl}, {"RuleNumber", 32767}, {"Egress", false}}),
            "InvalidParameterValue");  // the * rule stays
  EXPECT_EQ(ErrorOf("DeleteNetworkAclEntry",
                    {{"NetworkAclId", acl}, {"RuleNumber", 300}, {"Egress", false}}),
            "InvalidNetworkAclEntry.NotFound");
  EXPECT_EQ(Call("DeleteNetworkAclEntry",
                 {{"NetworkAclId", acl}, {"RuleNumber", 100}, {"Egress", false}}),
            json::object());
  EXPECT_EQ(
      Call("DescribeNetworkAcls", {{"NetworkAclIds", {acl}}})["NetworkAcls"][0]["Entries"].size(),
      3u);
}

TEST_F(NetworkAcl, QuotaIsTwentyEntriesPerDirectionPerIpFamily) {
  std::string acl = CreateAcl();
  for (int i = 1; i <= 20; ++i) AddEntry(Entry(acl, i, false, "-1", "allow", "0.0.0.0/0"));
  EXPECT_EQ(ErrorOf("CreateNetworkAclEntry", Entry(acl, 21, false, "-1", "allow", "0.0.0.0/0")),
            "NetworkAclEntryLimitExceeded");
  json v6 = Entry(acl, 21, false, "-1", "allow", "");
  v6.erase("CidrBlock");
  v6["Ipv6CidrBlock"] = "::/0";
  EXPECT_EQ(Call("CreateNetworkAclEntry", v6), json::object());  // IPv6 counts separately
  AddEntry(Entry(acl, 21, true, "-1", "allow", "0.0.0.0/0"));    // so does egress
}

TEST_F(NetworkAcl, DeleteRefusesTheDefaultAclAndAnAclWithSubnets) {
  EXPECT_EQ(ErrorOf("DeleteNetworkAcl", {{"NetworkAclId", DefaultAclId()}}),
            "InvalidParameterValue");
  std::string acl = CreateAcl();
  std::string subnet = Call("DescribeSubnets")["Subnets"][0]["SubnetId"];
  Associate(acl, subnet);
  EXPECT_EQ(ErrorOf("DeleteNetworkAcl", {{"NetworkAclId", acl}}), "DependencyViolation");
  Associate(DefaultAclId(), subnet);
  EXPECT_EQ(Call("DeleteNetworkAcl", {{"NetworkAclId", acl}}), json::object());
  EXPECT_EQ(ErrorOf("DescribeNetworkAcls", {{"NetworkAclIds", {acl}}}),
            "InvalidNetworkAclID.NotFound");
  EXPECT_EQ(ErrorOf("CreateNetworkAcl", {{"VpcId", "vpc-0123456789abcdef0"}}),
            "InvalidVpcID.NotFound");
  EXPECT_EQ(ErrorOf("CreateNetworkAcl", json::object()), "MissingParameter");
}

TEST_F(NetworkAcl, ReplaceAssociationMovesTheSubnetUnderANewAssociationId) {
  std::string acl = CreateAcl();
  std::string subnet = Call("DescribeSubnets")["Subnets"][1]["SubnetId"];
  json before = Call("DescribeNetworkAcls",
                     {{"Filters", {Filter("association.subnet-id", {subnet})}}})["NetworkAcls"];
  ASSERT_EQ(before.size(), 1u);
  std::string old_assoc;
  for (const json& a : before[0]["Associations"]) {
    if (a["SubnetId"] == subnet) old_assoc = a["NetworkAclAssociationId"];
  }
  json r =
      Call("ReplaceNetworkAclAssociation", {{"AssociationId", old_assoc}, {"NetworkAclId", acl}});
  std::string new_assoc = r.value("NewAssociationId", "");
  EXPECT_EQ(new_assoc.rfind("aclassoc-", 0), 0u);
  EXPECT_NE(new_assoc, old_assoc);
  json after = Call("DescribeNetworkAcls",
                    {{"Filters", {Filter("association.subnet-id", {subnet})}}})["NetworkAcls"];
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0]["NetworkAclId"], acl);
  EXPECT_EQ(after[0]["Associations"][0]["NetworkAclAssociationId"], new_assoc);
  EXPECT_EQ(Call("DescribeNetworkAcls",
                 {{"NetworkAclIds", {DefaultAclId()}}})["NetworkAcls"][0]["Associations"]
                .size(),
            3u);
  EXPECT_EQ(ErrorOf("ReplaceNetworkAclAssociation",
                    {{"AssociationId", old_assoc}, {"NetworkAclId", acl}}),
            "InvalidAssociationID.NotFound");
}

TEST_F(NetworkAcl, DescribeChecksFiltersAndPages) {
  CreateAcl();
  CreateAcl();
  EXPECT_EQ(Call("DescribeNetworkAcls")["NetworkAcls"].size(), 3u);
  EXPECT_EQ(
      Call("DescribeNetworkAcls", {{"Filters", {Filter("default", {"false"})}}})["NetworkAcls"]
          .size(),
      2u);
  EXPECT_EQ(ErrorOf("DescribeNetworkAcls", {{"Filters", {Filter("colour", {"red"})}}}),
            "InvalidParameterValue");
  json page = Call("DescribeNetworkAcls", {{"MaxResults", 5}});
  EXPECT_FALSE(page.contains("NextToken"));
  EXPECT_EQ(ErrorOf("DescribeNetworkAcls", {{"MaxResults", 1000}}), "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("DescribeNetworkAcls", {{"NetworkAclId", "x"}}), "UnknownParameter");
}

}  // namespace
}  // namespace ec2sim::testing
