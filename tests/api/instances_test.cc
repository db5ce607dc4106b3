#include <regex>
#include <set>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

using Instances = SandboxTest;

TEST_F(Instances, LaunchStartsPendingAndRunsAfterTheLaunchDelay) {
  json r = Call("RunInstances", {{"ImageId", kSeoulAl2023}, {"InstanceType", "t2.micro"},
                                 {"MinCount", 1}, {"MaxCount", 1}});
  ASSERT_EQ(r["Instances"].size(), 1u);
  const json& inst = r["Instances"][0];
  EXPECT_EQ(inst["State"], json({{"Code", 0}, {"Name", "pending"}}));
  EXPECT_TRUE(std::regex_match(inst["InstanceId"].get<std::string>(),
                               std::regex("i-[0-9a-f]{17}")));
  EXPECT_TRUE(std::regex_match(r["ReservationId"].get<std::string>(),
                               std::regex("r-[0-9a-f]{17}")));
  EXPECT_EQ(r["OwnerId"], "123456789012");
  std::string id = inst["InstanceId"];
  sandbox_->Advance(11 * kSecond);
  EXPECT_EQ(Describe(id)["State"]["Name"], "pending");
  sandbox_->Advance(1 * kSecond);
  EXPECT_EQ(Describe(id)["State"], json({{"Code", 16}, {"Name", "running"}}));
}

TEST_F(Instances, RunningInstanceLooksLikeEc2Describes) {
  std::string id = Launch();
  json inst = Describe(id);
  EXPECT_EQ(inst["InstanceType"], "t2.micro");
  EXPECT_EQ(inst["ImageId"], kSeoulAl2023);
  EXPECT_EQ(inst["Architecture"], "x86_64");
  EXPECT_EQ(inst["RootDeviceType"], "ebs");
  EXPECT_EQ(inst["LaunchTime"], "2026-01-01T00:00:00+00:00");
  std::string az = inst["Placement"]["AvailabilityZone"];
  EXPECT_TRUE(std::regex_match(az, std::regex("ap-northeast-2[a-d]"))) << az;
  std::string ip = inst["PublicIpAddress"];
  std::string dashed = std::regex_replace(ip, std::regex("\\."), "-");
  EXPECT_EQ(inst["PublicDnsName"], "ec2-" + dashed + ".ap-northeast-2.compute.amazonaws.com");
  std::string priv = inst["PrivateIpAddress"];
  EXPECT_TRUE(std::regex_match(priv, std::regex("172\\.31\\.\\d+\\.\\d+"))) << priv;
  EXPECT_EQ(inst["PrivateDnsName"],
            "ip-" + std::regex_replace(priv, std::regex("\\."), "-") +
                ".ap-northeast-2.compute.internal");
  ASSERT_EQ(inst["SecurityGroups"].size(), 1u);
  EXPECT_EQ(inst["SecurityGroups"][0]["GroupName"], "default");
  EXPECT_EQ(inst["NetworkInterfaces"][0]["Association"]["IpOwnerId"], "amazon");
  EXPECT_EQ(inst["BlockDeviceMappings"][0]["DeviceName"], "/dev/xvda");
}

TEST_F(Instances, UsEast1UsesTheCompute1DnsForm) {
  ctx_.region = "us-east-1";
  json r = Call("DescribeImages", {{"Owners", {"amazon"}}});
  ASSERT_FALSE(r["Images"].empty());
  std::string id = Launch({{"ImageId", r["Images"][0]["ImageId"]}});
  json inst = Describe(id);
  EXPECT_TRUE(std::regex_match(inst["PublicDnsName"].get<std::string>(),
                               std::regex("ec2-[0-9-]+\\.compute-1\\.amazonaws\\.com")));
  EXPECT_TRUE(std::regex_match(inst["PrivateDnsName"].get<std::string>(),
                               std::regex("ip-[0-9-]+\\.ec2\\.internal")));
}

TEST_F(Instances, InstantTimingCompletesTransitionsBeforeTheNextCall) {
  SandboxOptions o;
  o.timing = Timing::kInstant;
  Reset(o);
  std::string id = Launch({}, /*wait_running=*/false);
  EXPECT_EQ(Describe(id)["State"]["Name"], "running");
  Call("StopInstances", {{"InstanceIds", {id}}});
  EXPECT_EQ(Describe(id)["State"]["Name"], "stopped");
  EXPECT_EQ(sandbox_->Now(), o.start);
}

TEST_F(Instances, PublicIpChangesOnStopStartButNotOnReboot) {
  std::string id = Launch();
  json before = Describe(id);
  Call("RebootInstances", {{"InstanceIds", {id}}});
  EXPECT_EQ(Describe(id)["PublicIpAddress"], before["PublicIpAddress"]);
  Call("StopInstances", {{"InstanceIds", {id}}});
  WaitFor(id, "stopped");
  json stopped = Describe(id);
  EXPECT_FALSE(stopped.contains("PublicIpAddress"));
  EXPECT_EQ(stopped["PublicDnsName"], "");
  EXPECT_EQ(stopped["StateReason"]["Code"], "Client.UserInitiatedShutdown");
  EXPECT_TRUE(std::regex_match(stopped["StateTransitionReason"].get<std::string>(),
                               std::regex("User initiated \\(2026-01-01 \\d\\d:\\d\\d:\\d\\d GMT\\)")));
  Call("StartInstances", {{"InstanceIds", {id}}});
  WaitFor(id, "running");
  json after = Describe(id);
  EXPECT_NE(after["PublicIpAddress"], before["PublicIpAddress"]);
  EXPECT_EQ(after["PrivateIpAddress"], before["PrivateIpAddress"]);
}

TEST_F(Instances, NoTwoLiveInstancesShareAPublicIp) {
  Call("RunInstances", {{"ImageId", kSeoulAl2023}, {"InstanceType", "t2.micro"},
                        {"MinCount", 30}, {"MaxCount", 30}});
  sandbox_->Advance(kMinute);
  json r = Call("DescribeInstances");
  std::set<std::string> public_ips, private_ips;
  for (const json& res : r["Reservations"]) {
    for (const json& inst : res["Instances"]) {
      EXPECT_TRUE(public_ips.insert(inst["PublicIpAddress"].get<std::string>()).second);
      EXPECT_TRUE(private_ips.insert(inst["PrivateIpAddress"].get<std::string>()).second);
    }
  }
  EXPECT_EQ(public_ips.size(), 30u);
}

TEST_F(Instances, SameSeedGivesTheSameWorld) {
  auto run = [](std::uint64_t seed) {
    SandboxOptions o;
    o.seed = seed;
    Sandbox sb(o);
    CallContext ctx{"123456789012", "ap-northeast-2"};
    auto r = sb.Call("RunInstances", {{"ImageId", kSeoulAl2023}, {"MinCount", 2}, {"MaxCount", 2}},
                     ctx);
    sb.Advance(kMinute);
    return sb.Call("DescribeInstances", json::object(), ctx).value().dump();
  };
  EXPECT_EQ(run(9), run(9));
  EXPECT_NE(run(9), run(10));
}

TEST_F(Instances, TerminatedInstancesStayVisibleForAboutAnHour) {
  std::string id = Launch();
  Call("TerminateInstances", {{"InstanceIds", {id}}});
  WaitFor(id, "terminated");
  json gone = Describe(id);
  EXPECT_EQ(gone["State"], json({{"Code", 48}, {"Name", "terminated"}}));
  EXPECT_FALSE(gone.contains("PublicIpAddress"));
  EXPECT_FALSE(gone.contains("PrivateIpAddress"));
  sandbox_->Advance(59 * kMinute);
  EXPECT_EQ(Describe(id)["InstanceId"], id);
  sandbox_->Advance(2 * kMinute);
  EXPECT_EQ(ErrorOf("DescribeInstances", {{"InstanceIds", {id}}}), "InvalidInstanceID.NotFound");
}

TEST_F(Instances, WrongStateCallsFailAsEc2Does) {
  std::string id = Launch({}, /*wait_running=*/false);
  EXPECT_EQ(ErrorOf("StopInstances", {{"InstanceIds", {id}}}), "IncorrectInstanceState");
  WaitFor(id, "running");
  Call("StopInstances", {{"InstanceIds", {id}}});
  EXPECT_EQ(ErrorOf("StartInstances", {{"InstanceIds", {id}}}), "IncorrectInstanceState");
  EXPECT_EQ(ErrorOf("RebootInstances", {{"InstanceIds", {id}}}), "IncorrectInstanceState");
  WaitFor(id, "stopped");
  Call("TerminateInstances", {{"InstanceIds", {id}}});
  WaitFor(id, "terminated");
  EXPECT_EQ(ErrorOf("StartInstances", {{"InstanceIds", {id}}}), "IncorrectInstanceState");
  // Reboots of terminated instances are ignored; terminate is idempotent.
  Call("RebootInstances", {{"InstanceIds", {id}}});
  json again = Call("TerminateInstances", {{"InstanceIds", {id}}});
  EXPECT_EQ(again["TerminatingInstances"][0]["CurrentState"]["Name"], "terminated");
}

TEST_F(Instances, IdsAreCheckedAllOrNothing) {
  std::string id = Launch();
  EXPECT_EQ(ErrorOf("StopInstances", {{"InstanceIds", {id, "i-0000000000000000f"}}}),
            "InvalidInstanceID.NotFound");
  EXPECT_EQ(Describe(id)["State"]["Name"], "running");
  Result<json> r = sandbox_->Call(
      "TerminateInstances", {{"InstanceIds", {"i-0000000000000000a", "i-0000000000000000b"}}}, ctx_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "The instance IDs 'i-0000000000000000a, i-0000000000000000b' do not exist");
  EXPECT_EQ(ErrorOf("StopInstances", {{"InstanceIds", {"i-xyz"}}}), "InvalidInstanceID.Malformed");
  EXPECT_EQ(ErrorOf("StopInstances"), "MissingParameter");
}

TEST_F(Instances, DescribeFiltersByTagStateAndType) {
  std::string web = Launch({{"TagSpecifications", NameTagSpec("web")}});
  std::string db = Launch({{"InstanceType", "t3.small"}, {"TagSpecifications", NameTagSpec("db")}});
  Call("StopInstances", {{"InstanceIds", {db}}});
  auto f = Filter;
  auto ids = [&](const json& filters) {
    std::vector<std::string> out;
    json r = Call("DescribeInstances", {{"Filters", filters}});
    for (const json& res : r["Reservations"]) {
      for (const json& i : res["Instances"]) out.push_back(i["InstanceId"]);
    }
    return out;
  };
  EXPECT_EQ(ids(json::array({f("tag:Name", {"web"})})), std::vector<std::string>{web});
  EXPECT_EQ(ids(json::array({f("tag:Name", {"w*", "d?"})})),
            (std::vector<std::string>{web, db}));
  EXPECT_EQ(ids(json::array({f("instance-state-name", {"running"})})),
            std::vector<std::string>{web});
  EXPECT_EQ(ids(json::array({f("instance-type", {"t3.small"}), f("tag:Name", {"db"})})),
            std::vector<std::string>{db});
  EXPECT_TRUE(ids(json::array({f("tag:Name", {"WEB"})})).empty());
  EXPECT_EQ(ErrorOf("DescribeInstances", {{"Filters", json::array({f("colour", {"red"})})}}),
            "InvalidParameterValue");
}

TEST_F(Instances, PaginationVisitsEveryInstanceOnce) {
  Call("RunInstances", {{"ImageId", kSeoulAl2023}, {"MinCount", 12}, {"MaxCount", 12}});
  std::set<std::string> seen;
  json params = {{"MaxResults", 5}};
  int pages = 0;
  for (;;) {
    json r = Call("DescribeInstances", params);
    ++pages;
    for (const json& res : r["Reservations"]) {
      for (const json& i : res["Instances"]) EXPECT_TRUE(seen.insert(i["InstanceId"]).second);
    }
    if (!r.contains("NextToken")) break;
    params["NextToken"] = r["NextToken"];
  }
  EXPECT_EQ(seen.size(), 12u);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(ErrorOf("DescribeInstances", {{"MaxResults", 5}, {"NextToken", "bogus"}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("DescribeInstances", {{"MaxResults", 2}}), "InvalidParameterValue");
}

TEST_F(Instances, LaunchValidatesImageTypeCountsAndPlacement) {
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", "ami-12"}, {"MinCount", 1}, {"MaxCount", 1}}),
            "InvalidAMIID.Malformed");
  // A catalog image of another region does not exist here: AMIs are regional.
  ctx_.region = "ap-northeast-1";
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023}, {"MinCount", 1}, {"MaxCount", 1}}),
            "InvalidAMIID.NotFound");
  ctx_.region = "ap-northeast-2";
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023}, {"InstanceType", "t2.mega"},
                                     {"MinCount", 1}, {"MaxCount", 1}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023}, {"MinCount", 3}, {"MaxCount", 2}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023}, {"MinCount", 1}}),
            "MissingParameter");
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023}, {"MinCount", 1}, {"MaxCount", 1},
                                     {"Placement", {{"AvailabilityZone", "ap-northeast-2z"}}}}),
            "InvalidParameterValue");
  std::string placed = Launch({{"Placement", {{"AvailabilityZone", "ap-northeast-2c"}}}});
  EXPECT_EQ(Describe(placed)["Placement"]["AvailabilityZone"], "ap-northeast-2c");
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023}, {"MinCount", 1}, {"MaxCount", 1},
                                     {"KeyName", "nope"}}),
            "InvalidKeyPair.NotFound");
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023}, {"MinCount", 1}, {"MaxCount", 1},
                                     {"SubnetId", "subnet-0123456789abcdef0"}}),
            "InvalidSubnetID.NotFound");
}

TEST_F(Instances, VcpuQuotaLaunchesWhatFitsBetweenMinAndMax) {
  json r = Call("RunInstances", {{"ImageId", kSeoulAl2023}, {"InstanceType", "m5.xlarge"},
                                 {"MinCount", 1}, {"MaxCount", 10}});
  EXPECT_EQ(r["Instances"].size(), 8u);  // 8 x 4 vCPUs = the 32-vCPU default quota
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023}, {"MinCount", 1}, {"MaxCount", 1}}),
            "VcpuLimitExceeded");
}

TEST_F(Instances, ClientTokenMakesLaunchIdempotent) {
  json params = {{"ImageId", kSeoulAl2023}, {"MinCount", 1}, {"MaxCount", 1},
                 {"ClientToken", "launch-web-1"}};
  json first = Call("RunInstances", params);
  json second = Call("RunInstances", params);
  EXPECT_EQ(first["Instances"][0]["InstanceId"], second["Instances"][0]["InstanceId"]);
  EXPECT_EQ(Call("DescribeInstances")["Reservations"].size(), 1u);
}

TEST_F(Instances, StatusChecksInitializeThenPass) {
  std::string id = Launch();
  json s = Call("DescribeInstanceStatus", {{"InstanceIds", {id}}});
  EXPECT_EQ(s["InstanceStatuses"][0]["InstanceStatus"]["Status"], "initializing");
  sandbox_->Advance(2 * kMinute);
  s = Call("DescribeInstanceStatus", {{"InstanceIds", {id}}});
  EXPECT_EQ(s["InstanceStatuses"][0]["InstanceStatus"]["Status"], "ok");
  EXPECT_EQ(s["InstanceStatuses"][0]["SystemStatus"]["Details"][0]["Status"], "passed");
  Call("StopInstances", {{"InstanceIds", {id}}});
  WaitFor(id, "stopped");
  EXPECT_TRUE(Call("DescribeInstanceStatus")["InstanceStatuses"].empty());
  s = Call("DescribeInstanceStatus", {{"IncludeAllInstances", true}});
  EXPECT_EQ(s["InstanceStatuses"][0]["InstanceStatus"]["Status"], "not-applicable");
}

TEST_F(Instances, TerminationProtectionRefusesTerminate) {
  std::string id = Launch({{"DisableApiTermination", true}});
  EXPECT_EQ(ErrorOf("TerminateInstances", {{"InstanceIds", {id}}}), "OperationNotPermitted");
  EXPECT_EQ(Describe(id)["State"]["Name"], "running");
}

TEST_F(Instances, WindowsImagesReportTheirPlatform) {
  json images = Call("DescribeImages", {{"Filters", json::array({Filter("platform", {"windows"})})}});
  ASSERT_EQ(images["Images"].size(), 1u);
  std::string id = Launch({{"ImageId", images["Images"][0]["ImageId"]}, {"InstanceType", "t3.micro"}});
  json inst = Describe(id);
  EXPECT_EQ(inst["Platform"], "windows");
  EXPECT_EQ(inst["PlatformDetails"], "Windows");
}

TEST_F(Instances, WaitTimesOutWithAClearError) {
  std::string id = Launch();
  auto r = sandbox_->WaitForInstanceState(ctx_, id, "stopped", 5 * kMinute);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kSimExpectationFailed);
  EXPECT_NE(r.error().message.find("it is running"), std::string::npos) << r.error().message;
  EXPECT_FALSE(sandbox_->WaitForInstanceState(ctx_, id, "asleep", kMinute).ok());
}

TEST_F(Instances, RequestMistakesGetAwsErrors) {
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023}, {"MinCount", 1}, {"MaxCount", 1},
                                     {"InstanceID", "x"}}),
            "UnknownParameter");
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", 42}, {"MinCount", 1}, {"MaxCount", 1}}),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorOf("RunInstances", {{"ImageId", kSeoulAl2023}, {"MinCount", 1}, {"MaxCount", 1},
                                     {"DryRun", true}}),
            "DryRunOperation");
  EXPECT_TRUE(Call("DescribeInstances")["Reservations"].empty());
  EXPECT_EQ(ErrorOf("LaunchRocket"), "InvalidAction");
  ctx_.region = "ap-northeast-9";
  Result<json> r = sandbox_->Call("DescribeInstances", json::object(), ctx_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidParameterValue);
  EXPECT_NE(r.error().message.find("ap-northeast-2"), std::string::npos) << r.error().message;
}

TEST_F(Instances, AccountsDoNotSeeEachOther) {
  std::string mine = Launch();
  ctx_.account = "210987654321";
  EXPECT_TRUE(Call("DescribeInstances")["Reservations"].empty());
  EXPECT_EQ(ErrorOf("StopInstances", {{"InstanceIds", {mine}}}), "InvalidInstanceID.NotFound");
}

}  // namespace
}  // namespace ec2sim::testing
