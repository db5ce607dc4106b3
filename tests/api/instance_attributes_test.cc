#include <string>

#include "sim/model/ssh_format.h"
#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

class InstanceAttributes : public SandboxTest {
 protected:
  json Attr(const std::string& id, const std::string& attribute) {
    return Call("DescribeInstanceAttribute", {{"InstanceId", id}, {"Attribute", attribute}});
  }
};

// "#!/bin/bash\necho hello\n# a comment\n\nyum install -y httpd\n"
constexpr const char* kScript =
    "IyEvYmluL2Jhc2gKZWNobyBoZWxsbwojIGEgY29tbWVudAoKeXVtIGluc3RhbGwgLXkgaHR0cGQK";

TEST_F(InstanceAttributes, DescribeAnswersEachAttributeInItsOwnMember) {
  std::string id = Launch({{"UserData", kScript}, {"DisableApiTermination", true}});
  json r = Attr(id, "instanceType");
  EXPECT_EQ(r["InstanceId"], id);
  EXPECT_EQ(r["InstanceType"]["Value"], "t2.micro");
  EXPECT_EQ(Attr(id, "userData")["UserData"]["Value"], kScript);
  EXPECT_EQ(Attr(id, "disableApiTermination")["DisableApiTermination"]["Value"], true);
  EXPECT_EQ(Attr(id, "disableApiStop")["DisableApiStop"]["Value"], false);
  EXPECT_EQ(
      Attr(id, "instanceInitiatedShutdownBehavior")["InstanceInitiatedShutdownBehavior"]["Value"],
      "stop");
  EXPECT_EQ(Attr(id, "sourceDestCheck")["SourceDestCheck"]["Value"], true);
  EXPECT_EQ(Attr(id, "ebsOptimized")["EbsOptimized"]["Value"], false);
  EXPECT_EQ(Attr(id, "enaSupport")["EnaSupport"]["Value"], true);
  EXPECT_EQ(Attr(id, "rootDeviceName")["RootDeviceName"]["Value"], "/dev/xvda");
  EXPECT_EQ(Attr(id, "groupSet")["Groups"][0]["GroupName"], "default");
  EXPECT_EQ(Attr(id, "blockDeviceMapping")["BlockDeviceMappings"][0]["DeviceName"], "/dev/xvda");
  EXPECT_TRUE(Attr(id, "productCodes")["ProductCodes"].empty());
  EXPECT_EQ(Attr(id, "kernel")["KernelId"], json::object());
  EXPECT_EQ(Attr(id, "enclaveOptions")["EnclaveOptions"]["Enabled"], false);
  EXPECT_EQ(ErrorOf("DescribeInstanceAttribute", {{"InstanceId", id}, {"Attribute", "colour"}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("DescribeInstanceAttribute",
                    {{"InstanceId", "i-0123456789abcdef0"}, {"Attribute", "instanceType"}}),
            "InvalidInstanceID.NotFound");
}

TEST_F(InstanceAttributes, InstanceTypeChangesOnlyWhileStopped) {
  std::string id = Launch();
  EXPECT_EQ(ErrorOf("ModifyInstanceAttribute",
                    {{"InstanceId", id}, {"InstanceType", {{"Value", "t3.small"}}}}),
            "IncorrectInstanceState");
  Call("StopInstances", {{"InstanceIds", {id}}});
  WaitFor(id, "stopped");
  Call("ModifyInstanceAttribute", {{"InstanceId", id}, {"InstanceType", {{"Value", "t3.small"}}}});
  EXPECT_EQ(Describe(id)["InstanceType"], "t3.small");
  // The Attribute + Value form does the same.
  Call("ModifyInstanceAttribute",
       {{"InstanceId", id}, {"Attribute", "instanceType"}, {"Value", "t3.micro"}});
  EXPECT_EQ(Attr(id, "instanceType")["InstanceType"]["Value"], "t3.micro");
  EXPECT_EQ(ErrorOf("ModifyInstanceAttribute",
                    {{"InstanceId", id}, {"InstanceType", {{"Value", "t9.huge"}}}}),
            "InvalidParameterValue");
}

TEST_F(InstanceAttributes, TerminationProtectionRefusesTerminateUntilTurnedOff) {
  std::string id = Launch({{"DisableApiTermination", true}});
  EXPECT_EQ(ErrorOf("TerminateInstances", {{"InstanceIds", {id}}}), "OperationNotPermitted");
  Call("ModifyInstanceAttribute",
       {{"InstanceId", id}, {"DisableApiTermination", {{"Value", false}}}});
  Call("TerminateInstances", {{"InstanceIds", {id}}});
  EXPECT_EQ(Describe(id)["State"]["Name"], "shutting-down");
}

TEST_F(InstanceAttributes, StopProtectionRefusesStopUntilTurnedOff) {
  std::string id = Launch({{"DisableApiStop", true}});
  EXPECT_EQ(ErrorOf("StopInstances", {{"InstanceIds", {id}}}), "OperationNotPermitted");
  Call("ModifyInstanceAttribute",
       {{"InstanceId", id}, {"Attribute", "disableApiStop"}, {"Value", "false"}});
  Call("StopInstances", {{"InstanceIds", {id}}});
  EXPECT_EQ(Describe(id)["State"]["Name"], "stopping");
}

TEST_F(InstanceAttributes, OneAttributePerModifyCall) {
  std::string id = Launch();
  EXPECT_EQ(ErrorOf("ModifyInstanceAttribute", {{"InstanceId", id},
                                                {"SourceDestCheck", {{"Value", false}}},
                                                {"DisableApiStop", {{"Value", true}}}}),
            "InvalidParameterCombination");
  EXPECT_EQ(ErrorOf("ModifyInstanceAttribute", {{"InstanceId", id}}), "MissingParameter");
}

TEST_F(InstanceAttributes, SourceDestCheckShowsInDescribeInstancesAndResets) {
  std::string id = Launch();
  Call("ModifyInstanceAttribute", {{"InstanceId", id}, {"SourceDestCheck", {{"Value", false}}}});
  EXPECT_EQ(Describe(id)["SourceDestCheck"], false);
  Call("ResetInstanceAttribute", {{"InstanceId", id}, {"Attribute", "sourceDestCheck"}});
  EXPECT_EQ(Describe(id)["SourceDestCheck"], true);
  EXPECT_EQ(ErrorOf("ResetInstanceAttribute", {{"InstanceId", id}, {"Attribute", "userData"}}),
            "InvalidParameterValue");
}

TEST_F(InstanceAttributes, UserDataAndEbsOptimizedChangeOnlyWhileStopped) {
  std::string id = Launch();
  EXPECT_EQ(
      ErrorOf("ModifyInstanceAttribute", {{"InstanceId", id}, {"UserData", {{"Value", kScript}}}}),
      "IncorrectInstanceState");
  EXPECT_EQ(
      ErrorOf("ModifyInstanceAttribute", {{"InstanceId", id}, {"EbsOptimized", {{"Value", true}}}}),
      "IncorrectInstanceState");
  Call("StopInstances", {{"InstanceIds", {id}}});
  WaitFor(id, "stopped");
  Call("ModifyInstanceAttribute", {{"InstanceId", id}, {"UserData", {{"Value", kScript}}}});
  Call("ModifyInstanceAttribute", {{"InstanceId", id}, {"EbsOptimized", {{"Value", true}}}});
  EXPECT_EQ(Attr(id, "userData")["UserData"]["Value"], kScript);
  EXPECT_EQ(Describe(id)["EbsOptimized"], true);
}

TEST_F(InstanceAttributes, ShutdownBehaviorAcceptsStopOrTerminate) {
  std::string id = Launch({{"InstanceInitiatedShutdownBehavior", "terminate"}});
  EXPECT_EQ(
      Attr(id, "instanceInitiatedShutdownBehavior")["InstanceInitiatedShutdownBehavior"]["Value"],
      "terminate");
  Call("ModifyInstanceAttribute",
       {{"InstanceId", id}, {"InstanceInitiatedShutdownBehavior", {{"Value", "stop"}}}});
  EXPECT_EQ(
      ErrorOf("ModifyInstanceAttribute",
              {{"InstanceId", id}, {"InstanceInitiatedShutdownBehavior", {{"Value", "halt"}}}}),
      "InvalidParameterValue");
}

TEST_F(InstanceAttributes, RootDeleteOnTerminationChangesThroughBlockDeviceMappings) {
  std::string id = Launch();
  json bdm = json::array(
      {json{{"DeviceName", "/dev/xvda"}, {"Ebs", json{{"DeleteOnTermination", false}}}}});
  Call("ModifyInstanceAttribute", {{"InstanceId", id}, {"BlockDeviceMappings", bdm}});
  EXPECT_EQ(Describe(id)["BlockDeviceMappings"][0]["Ebs"]["DeleteOnTermination"], false);
}

TEST_F(InstanceAttributes, MetadataOptionsChangeAndShowInDescribeInstances) {
  std::string id = Launch({{"MetadataOptions", {{"HttpTokens", "optional"}}}});
  EXPECT_EQ(Describe(id)["MetadataOptions"]["HttpTokens"], "optional");
  json r = Call("ModifyInstanceMetadataOptions",
                {{"InstanceId", id}, {"HttpTokens", "required"}, {"HttpPutResponseHopLimit", 3}});
  EXPECT_EQ(r["InstanceMetadataOptions"]["State"], "pending");
  EXPECT_EQ(r["InstanceMetadataOptions"]["HttpPutResponseHopLimit"], 3);
  json m = Describe(id)["MetadataOptions"];
  EXPECT_EQ(m["State"], "applied");
  EXPECT_EQ(m["HttpTokens"], "required");
  EXPECT_EQ(m["HttpPutResponseHopLimit"], 3);
  EXPECT_EQ(m["HttpEndpoint"], "enabled");
  EXPECT_EQ(ErrorOf("ModifyInstanceMetadataOptions",
                    {{"InstanceId", id}, {"HttpPutResponseHopLimit", 65}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("ModifyInstanceMetadataOptions", {{"InstanceId", id}, {"HttpTokens", "x"}}),
            "InvalidParameterValue");
}

TEST_F(InstanceAttributes, ConsoleOutputIsEmptyWhilePendingThenABootLogWithUserData) {
  std::string id = Launch({{"UserData", kScript}}, false);
  json pending = Call("GetConsoleOutput", {{"InstanceId", id}});
  EXPECT_EQ(pending["InstanceId"], id);
  EXPECT_FALSE(pending.contains("Output"));
  WaitFor(id, "running");
  json r = Call("GetConsoleOutput", {{"InstanceId", id}, {"Latest", true}});
  std::optional<std::string> log = model::ssh::Base64Decode(r["Output"].get<std::string>());
  ASSERT_TRUE(log.has_value());
  EXPECT_NE(log->find("DMI: Amazon EC2 t2.micro"), std::string::npos) << *log;
  EXPECT_NE(log->find("+ echo hello\n"), std::string::npos) << *log;
  EXPECT_NE(log->find("+ yum install -y httpd\n"), std::string::npos) << *log;
  EXPECT_EQ(log->find("a comment"), std::string::npos) << *log;
  EXPECT_EQ(r["Timestamp"].get<std::string>().substr(0, 4), "2026");
  // The same instance and clock give the same log.
  EXPECT_EQ(Call("GetConsoleOutput", {{"InstanceId", id}})["Output"], r["Output"]);
}

}  // namespace
}  // namespace ec2sim::testing
