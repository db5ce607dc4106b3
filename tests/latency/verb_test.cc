// The `latency` scenario verb through the Sandbox, as scenarios and the CLI use it.
#include <gtest/gtest.h>

#include <string>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

class LatencyVerb : public SandboxTest {
 protected:
  json Latency(const json& spec) {
    Result<json> r = sandbox_->Latency(spec, ctx_);
    if (!r.ok()) {
      ADD_FAILURE() << AwsCode(r.error().code) << ": " << r.error().message;
      return json::object();
    }
    return r.value();
  }
  Error LatencyError(const json& spec) {
    Result<json> r = sandbox_->Latency(spec, ctx_);
    if (r.ok()) {
      ADD_FAILURE() << "expected an error, got " << r.value().dump();
      return {ErrorCode::kInternalError, ""};
    }
    return r.error();
  }
};

TEST_F(LatencyVerb, SeoulIsNearestToTheSeoulRegionAndFarthestFromFrankfurt) {
  json r = Latency({{"from", "Seoul"},
                    {"to", {"eu-central-1", "us-east-1", "ap-northeast-1", "ap-northeast-2"}}});
  EXPECT_EQ(r["Nearest"], "ap-northeast-2");
  ASSERT_EQ(r["Results"].size(), 4u);
  EXPECT_EQ(r["Results"][0]["To"], "ap-northeast-2");
  EXPECT_EQ(r["Results"][1]["To"], "ap-northeast-1");
  EXPECT_EQ(r["Results"][2]["To"], "us-east-1");
  EXPECT_EQ(r["Results"][3]["To"], "eu-central-1");
  // In the ranges people measure from a Seoul fiber line.
  EXPECT_GT(r["Results"][0]["RttMs"].get<double>(), 2.0);
  EXPECT_LT(r["Results"][0]["RttMs"].get<double>(), 12.0);
  EXPECT_GT(r["Results"][2]["RttMs"].get<double>(), 150.0);
  EXPECT_LT(r["Results"][2]["RttMs"].get<double>(), 230.0);
}

TEST_F(LatencyVerb, ResultHasThePathTheLimitTheBreakdownAndTheMeaning) {
  json r = Latency({{"from", "Seoul"}, {"to", "us-east-1"}});
  EXPECT_EQ(r["From"], "Seoul");
  EXPECT_EQ(r["FromKind"], "client");
  EXPECT_EQ(r["Country"], "KR");
  EXPECT_EQ(r["Access"], "fiber");
  ASSERT_GE(r["Path"].size(), 4u);
  EXPECT_EQ(r["Path"][0], "Seoul (client)");
  EXPECT_EQ(r["Path"][r["Path"].size() - 1], "us-east-1");
  double rtt = r["RttMs"];
  EXPECT_GT(rtt, r["PhysicalLimitMs"].get<double>());
  const json& b = r["Breakdown"];
  double parts = b["PropagationMs"].get<double>() + b["HopsMs"].get<double>() +
                 b["EndpointMs"].get<double>() + b["AccessMs"].get<double>();
  EXPECT_NEAR(parts, rtt, 0.25);
  EXPECT_DOUBLE_EQ(b["AccessMs"].get<double>(), 3.0);
  EXPECT_NEAR(r["Meaning"]["HttpsFirstByteMs"].get<double>(), 3 * rtt, 0.2);
  EXPECT_NEAR(r["Meaning"]["PageMs"].get<double>(), 12 * rtt, 0.7);
  EXPECT_DOUBLE_EQ(r["Meaning"]["SshEchoMs"].get<double>(), rtt);
  EXPECT_EQ(r["Meaning"]["SshEchoFeels"], "a noticeable delay");
}

TEST_F(LatencyVerb, MobileAccessAddsItsLastMileAndRequestsSizeThePage) {
  json fiber = Latency({{"from", "Busan"}, {"to", "ap-northeast-2"}});
  json mobile =
      Latency({{"from", "Busan"}, {"to", "ap-northeast-2"}, {"access", "mobile"}, {"requests", 3}});
  EXPECT_NEAR(mobile["RttMs"].get<double>() - fiber["RttMs"].get<double>(), 27.0, 0.11);
  EXPECT_EQ(mobile["Meaning"]["PageRequests"], 3);
}

TEST_F(LatencyVerb, ToDefaultsToTheStepRegionAndAcceptsAnInstance) {
  json to_region = Latency({{"from", "Daejeon"}});
  EXPECT_EQ(to_region["To"], "ap-northeast-2");

  std::string id = Launch(json{{"Placement", {{"AvailabilityZone", "ap-northeast-2c"}}}});
  json to_instance = Latency({{"from", "Daejeon"}, {"to", id}});
  EXPECT_EQ(to_instance["To"], id + " (ap-northeast-2c)");
  EXPECT_EQ(to_instance["ToKind"], "availability-zone");
  EXPECT_EQ(to_instance["RttMs"], to_region["RttMs"]);

  json between = Latency({{"from", id}, {"to", "ap-northeast-2a"}});
  EXPECT_TRUE(between["SameRegion"].get<bool>());
  EXPECT_LT(between["RttMs"].get<double>(), 2.0);
}

TEST_F(LatencyVerb, RegionToRegionUsesTheBackbone) {
  json r = Latency({{"from", "us-east-1"}, {"to", "eu-west-1"}});
  EXPECT_EQ(r["FromKind"], "region");
  EXPECT_FALSE(r.contains("Access"));
  EXPECT_DOUBLE_EQ(r["Breakdown"]["AccessMs"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(r["Breakdown"]["EndpointMs"].get<double>(), 3.0);
}

TEST_F(LatencyVerb, BadInputIsAnErrorWithAUsefulMessage) {
  Error unknown = LatencyError({{"from", "Seuol"}, {"to", "ap-northeast-2"}});
  EXPECT_EQ(AwsCode(unknown.code), "Ec2sim.NotFound");
  EXPECT_NE(unknown.message.find("Seoul"), std::string::npos) << unknown.message;

  Error region = LatencyError({{"from", "Seoul"}, {"to", "ap-northeast-7"}});
  EXPECT_NE(region.message.find("ap-northeast-1"), std::string::npos) << region.message;

  EXPECT_EQ(AwsCode(LatencyError({{"from", "Seoul"}, {"to", "Tokyo"}}).code),
            "Ec2sim.InvalidInput");
  EXPECT_EQ(AwsCode(LatencyError({{"to", "us-east-1"}}).code), "Ec2sim.InvalidInput");
  EXPECT_EQ(AwsCode(LatencyError({{"from", "Seoul"}, {"access", "pigeon"}}).code),
            "Ec2sim.InvalidInput");
  EXPECT_EQ(AwsCode(LatencyError({{"from", "Seoul"}, {"requests", 0}}).code),
            "Ec2sim.InvalidInput");
  EXPECT_EQ(AwsCode(LatencyError({{"from", "Seoul"}, {"speed", "fast"}}).code),
            "Ec2sim.InvalidInput");
  EXPECT_EQ(AwsCode(LatencyError({{"from", "Seoul"}, {"to", json::array()}}).code),
            "Ec2sim.InvalidInput");
  EXPECT_EQ(AwsCode(LatencyError({{"from", "Seoul"}, {"to", "i-0123456789abcdef0"}}).code),
            "InvalidInstanceID.NotFound");
}

}  // namespace
}  // namespace ec2sim::testing
